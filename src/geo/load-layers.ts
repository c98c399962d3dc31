import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findFeatureOffsets, type LayerInput } from './layer-input.ts';
import { mapIds } from './map-ids.ts';
import type { GeoProblem } from './problems.ts';
import { guarded } from './processing.ts';
import { readEditorFile } from './read-editor-file.ts';
import { isPrototypeName } from './reserved-names.ts';
import { validateApproximate } from './validate/approximate.ts';
import { validateExtent } from './validate/extent.ts';
import { validateGeometryKind } from './validate/geometry-kind.ts';
import { validateHoles } from './validate/holes.ts';
import { validateMeta } from './validate/meta.ts';
import { validateNames } from './validate/names.ts';
import { validatePositions } from './validate/positions.ts';
import { validateProperties } from './validate/properties.ts';
import { validatePropertyValues } from './validate/property-values.ts';
import { validateStructure } from './validate/structure.ts';
import { validateTopology } from './validate/topology.ts';

const layerIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether anything, a dangling link included, sits at a path (existsSync follows links). */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export interface LoadedLayers {
  /** Layers that passed every check (warnings allowed). */
  layers: LayerInput[];
  problems: GeoProblem[];
}

/**
 * Reads and checks every layer in a layers folder (geo/layers by default). Each
 * layer's checks run in order and stop at the first stage that fails, so one broken
 * file yields one clear message rather than a cascade.
 */
export function loadLayers(projectRoot: string, layersDir = join(projectRoot, 'geo', 'layers')): LoadedLayers {
  const rel = (path: string) => relative(projectRoot, path).split('\\').join('/');
  const problems: GeoProblem[] = [];
  const layers: LayerInput[] = [];
  const names = existsSync(layersDir) ? readdirSync(layersDir).sort() : [];
  for (const name of names) {
    if (name.endsWith('.meta.json')) {
      const id = name.slice(0, -'.meta.json'.length);
      if (!names.includes(`${id}.geojson`)) {
        problems.push({
          severity: 'error',
          file: rel(join(layersDir, name)),
          message: `has no GeoJSON beside it (expected ${id}.geojson)`,
          fix: 'add the GeoJSON file or delete this metadata file',
        });
      }
      continue;
    }
    if (!name.endsWith('.geojson')) {
      if (!name.startsWith('.'))
        problems.push({
          severity: 'error',
          file: rel(join(layersDir, name)),
          message: 'is not a layer file: geo/layers holds only <id>.geojson and <id>.meta.json pairs',
          fix: 'rename it to .geojson if it is GeoJSON, or move it elsewhere',
        });
      continue;
    }
    const id = name.slice(0, -'.geojson'.length);
    const geojsonPath = join(layersDir, name);
    const metaPath = join(layersDir, `${id}.meta.json`);
    const geojsonFile = guarded(
      rel(geojsonPath),
      () => readEditorFile(projectRoot, geojsonPath, rel(geojsonPath)),
      (problem) => ({ problem }),
    );
    const metaFile = present(metaPath)
      ? guarded(
          rel(metaPath),
          () => readEditorFile(projectRoot, metaPath, rel(metaPath)),
          (problem) => ({ problem }),
        )
      : undefined;
    const unreadable = [geojsonFile.problem, metaFile?.problem].filter((p) => p !== undefined);
    if (unreadable.length > 0) {
      problems.push(...unreadable);
      continue;
    }
    const text = geojsonFile.text!;
    const layer: LayerInput = { id, file: rel(geojsonPath), metaFile: rel(metaPath), text, featureOffsets: findFeatureOffsets(text) };
    if (!layerIdPattern.test(id)) {
      problems.push({
        severity: 'error',
        file: layer.file,
        message: `"${id}" is not a valid layer id`,
        fix: 'name layer files in lowercase words joined by hyphens, e.g. border-crossings.geojson',
      });
      continue;
    }
    if (mapIds.has(id) || isPrototypeName(id)) {
      problems.push({
        severity: 'error',
        file: layer.file,
        message: `"${id}" is a name the map already uses for ${mapIds.has(id) ? 'its basemap or its own layers' : 'a JavaScript built-in'}; a layer of that name would never draw`,
        fix: `rename the layer (both files), e.g. story-${id}.geojson`,
      });
      continue;
    }
    const layerProblems = guarded(
      layer.file,
      () => checkLayer(layer, metaFile?.text),
      (problem) => [problem],
    );
    problems.push(...layerProblems);
    if (!layerProblems.some((p) => p.severity === 'error')) layers.push(layer);
  }
  return { layers, problems };
}

function checkLayer(layer: LayerInput, metaText: string | undefined): GeoProblem[] {
  const stages = [
    () => validateMeta(layer, metaText),
    () => validateStructure(layer),
    () => validateGeometryKind(layer),
    () => [...validatePositions(layer), ...validateNames(layer), ...validatePropertyValues(layer)],
    () => [
      ...validateExtent(layer),
      ...validateTopology(layer),
      ...validateHoles(layer),
      ...validateProperties(layer),
      ...validateApproximate(layer),
    ],
  ];
  const problems: GeoProblem[] = [];
  for (const stage of stages) {
    problems.push(...stage());
    if (problems.some((p) => p.severity === 'error')) break;
  }
  return problems;
}
