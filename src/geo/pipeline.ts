import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { storyConfig } from '../content/story-config.ts';
import { storyRoot } from '../content/story-root.ts';
import { translatedEditions } from '../content/translations.ts';
import { placeNamesFile, readPlaceNames } from './place-names.ts';
import { loadLayers } from './load-layers.ts';
import { processLayer, type PublishedLayer } from './process-layer.ts';
import { GeoInputError, type GeoProblem } from './problems.ts';
import { guarded, processing } from './processing.ts';
import { countryLabelPoints } from './label-points.ts';
import { tileBudgetBytes, untiledLayerBudgetBytes } from './budgets.ts';

export interface BasemapFile {
  name: string;
  json: string;
  hash: string;
  /** The translated edition whose labels the file carries (its path); absent for the source edition's. */
  edition?: string;
}

export interface StoryGeo {
  layers: PublishedLayer[];
  /** The source edition's basemap. */
  basemap: BasemapFile[];
  /** Each translated edition's basemap, by edition path: the same geometry, labelled in its language. */
  editionBasemaps: Record<string, BasemapFile[]>;
  warnings: GeoProblem[];
}

/**
 * The build-time geo pipeline: check every editor layer, then publish the trimmed
 * layers and the basemap. Throws GeoInputError listing every problem if any layer
 * has an error, so nothing half-checked is ever published.
 */
export function buildStoryGeo(projectRoot: string): StoryGeo {
  const { layers: inputs, problems } = loadLayers(projectRoot);
  const layers: PublishedLayer[] = [];
  for (const input of inputs)
    guarded(
      input.file,
      () => layers.push(processLayer(input)),
      (problem) => problems.push(problem),
    );
  problems.push(...layers.flatMap(budgetProblems));
  if (problems.some((p) => p.severity === 'error')) throw new GeoInputError(problems);
  // Draw order is the layers' `drawOrder`, lowest first; equal orders keep file-name order (the sort is stable).
  layers.sort((a, b) => a.meta.drawOrder - b.meta.drawOrder);
  const basemap = loadBasemap(projectRoot);
  const editionBasemaps = Object.fromEntries(
    translatedEditions.map((edition) => [edition.path, translatedBasemap(projectRoot, basemap, edition.path)]),
  );
  return { layers, basemap, editionBasemaps, warnings: problems };
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const kilobytes = (bytes: number) => `${Math.round(bytes / 1000)} KB`;

/**
 * What a layer costs a reader, against the budgets in budgets.ts: a layer downloaded
 * whole must stay small; a tiled layer may be any size, but each tile must stay small.
 */
function budgetProblems(layer: PublishedLayer): GeoProblem[] {
  const file = `geo/layers/${layer.id}.meta.json`;
  if (!layer.tiles && layer.json.length > untiledLayerBudgetBytes) {
    return [
      {
        severity: 'error',
        file,
        message: `"tiles": "never" publishes ${megabytes(layer.json.length)} of GeoJSON, over the ${megabytes(untiledLayerBudgetBytes)} budget for a layer readers download whole`,
        fix: 'remove "tiles": "never" so the build cuts the layer into vector tiles, or simplify it (raise "simplify", lower "precision")',
      },
    ];
  }
  const largest = layer.tiles?.largestTile;
  if (largest && largest.bytes > tileBudgetBytes) {
    return [
      {
        severity: 'error',
        file,
        message: `tile ${largest.z}/${largest.x}/${largest.y} is ${kilobytes(largest.bytes)} gzipped, over the ${kilobytes(tileBudgetBytes)} budget for one vector tile (a chapter view loads several)`,
        fix: 'raise "simplify" (metres), list fewer "readerProperties", or split the layer into several layers',
      },
    ];
  }
  return [];
}

function basemapFile(name: string, collection: FeatureCollection, edition?: string): BasemapFile {
  const json = JSON.stringify(collection);
  return { name, json, hash: createHash('sha256').update(json).digest('hex').slice(0, 10), ...(edition ? { edition } : {}) };
}

/**
 * The basemap labelled in a translated edition's language: each feature's `name` becomes
 * its name in geo/sources/place-names.<path>.json. A feature the table leaves out keeps
 * its name as the source data writes it (romanised, Latin letters): better a romanised
 * label than an invented translation.
 */
function translatedBasemap(projectRoot: string, files: readonly BasemapFile[], path: string): BasemapFile[] {
  processing.file = placeNamesFile(path);
  const names = readPlaceNames(projectRoot, path);
  return files.map((file) => {
    const collection = JSON.parse(file.json) as FeatureCollection;
    const table = file.name === 'country-labels' ? 'countries' : file.name;
    for (const feature of collection.features) {
      const name = names.get(`${table}/${String(feature.properties?.id)}`);
      if (name) feature.properties!.name = name;
    }
    return basemapFile(file.name, collection, path);
  });
}

/**
 * Flags the story's home country (`homeCountry` in the story configuration) with `home: true`,
 * so the live and static maps tell home land from foreign land without knowing which country it is.
 */
function markHomeCountry(countries: FeatureCollection): void {
  for (const feature of countries.features) if (feature.properties?.id === storyConfig.homeCountry) feature.properties.home = true;
}

function loadBasemap(projectRoot: string): BasemapFile[] {
  const dir = join(projectRoot, 'geo', 'basemap');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.geojson'))
    .sort()
    .map((file) => {
      // Derived files, not editors': a broken one is a failure the check's last-resort handler reports by name.
      processing.file = `geo/basemap/${file}`;
      const collection = JSON.parse(readFileSync(join(dir, file), 'utf8')) as FeatureCollection;
      if (file === 'countries.geojson') markHomeCountry(collection);
      return basemapFile(file.replace(/\.geojson$/, ''), collection);
    });
  const countries = files.find((file) => file.name === 'countries');
  return countries ? [...files, basemapFile('country-labels', countryLabelPoints(JSON.parse(countries.json) as FeatureCollection))] : files;
}

/** Names, sizes and modification times of every geo input: cheap to read, changes whenever an input does. */
function inputsStamp(projectRoot: string): string {
  return ['layers', 'basemap', 'sources']
    .map((folder) => join(projectRoot, 'geo', folder))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir).map((name) => {
        const { size, mtimeMs } = statSync(join(dir, name));
        return `${dir}/${name}:${size}:${mtimeMs}`;
      }),
    )
    .join('\n');
}

/**
 * Astro loads this module several times in one build (content config, remark plugin,
 * prerendered pages), each with its own module state: the cache lives on globalThis
 * so a 50 MB layer is checked and tiled once per process, and is keyed on the inputs
 * so `astro dev` picks up an edited layer.
 */
const cache = ((globalThis as { [key: symbol]: unknown })[Symbol.for('story-geo')] ??= new Map<
  string,
  { stamp: string; geo: StoryGeo }
>()) as Map<string, { stamp: string; geo: StoryGeo }>;

/** The pipeline's result for the story being built (its root: story-root.ts), computed once per build process and again only when an input changes. */
export function storyGeo(): StoryGeo {
  const root = storyRoot();
  const stamp = inputsStamp(root);
  const hit = cache.get(root);
  if (hit?.stamp === stamp) return hit.geo;
  const geo = buildStoryGeo(root);
  cache.set(root, { stamp, geo });
  return geo;
}
