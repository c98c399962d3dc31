import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { loadLayers } from './load-layers.ts';
import { processLayer, type PublishedLayer } from './process-layer.ts';
import { GeoInputError, type GeoProblem } from './problems.ts';
import { countryLabelPoints } from './label-points.ts';
import { layerByteBudget } from './story-region.ts';

export interface BasemapFile {
  name: string;
  json: string;
  hash: string;
}

export interface StoryGeo {
  layers: PublishedLayer[];
  basemap: BasemapFile[];
  warnings: GeoProblem[];
}

/**
 * The build-time geo pipeline: check every editor layer, then publish the trimmed
 * layers and the basemap. Throws GeoInputError listing every problem if any layer
 * has an error, so nothing half-checked is ever published.
 */
export function buildStoryGeo(projectRoot: string): StoryGeo {
  const { layers: inputs, problems } = loadLayers(projectRoot);
  const layers = inputs.map(processLayer);
  for (const layer of layers) {
    if (layer.json.length > layerByteBudget) {
      problems.push({ severity: 'error', file: `geo/layers/${layer.id}.geojson`, message: `publishes ${(layer.json.length / 1e6).toFixed(1)} MB, over the ${layerByteBudget / 1e6} MB budget for one file`, fix: 'simplify the geometry (e.g. mapshaper -simplify 10%) or lower "precision" in the metadata' });
    }
  }
  if (problems.some((p) => p.severity === 'error')) throw new GeoInputError(problems);
  return { layers, basemap: loadBasemap(projectRoot), warnings: problems };
}

function basemapFile(name: string, collection: FeatureCollection): BasemapFile {
  const json = JSON.stringify(collection);
  return { name, json, hash: createHash('sha256').update(json).digest('hex').slice(0, 10) };
}

function loadBasemap(projectRoot: string): BasemapFile[] {
  const dir = join(projectRoot, 'geo', 'basemap');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.geojson'))
    .sort()
    .map((file) => basemapFile(file.replace(/\.geojson$/, ''), JSON.parse(readFileSync(join(dir, file), 'utf8')) as FeatureCollection));
  const countries = files.find((file) => file.name === 'countries');
  return countries ? [...files, basemapFile('country-labels', countryLabelPoints(JSON.parse(countries.json) as FeatureCollection))] : files;
}

let cached: StoryGeo | undefined;

/** The pipeline's result for this project, computed once per build process. */
export function storyGeo(): StoryGeo {
  cached ??= buildStoryGeo(process.cwd());
  return cached;
}
