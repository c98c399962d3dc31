import { getIssues } from '@placemarkio/check-geojson';
import type { FeatureCollection } from 'geojson';
import type { LayerInput } from '../layer-input.ts';
import { lineColumnAt, type GeoProblem } from '../problems.ts';
import { scanJson } from '../json-scan.ts';
import { shapeIssues } from './shape.ts';

/** A MultiPolygon in a GeometryCollection is 10 levels deep; a property may nest a few more. Far deeper overflows the recursive checks. */
const geojsonMaxDepth = 24;

/** check-geojson takes ~4 s per MB; bigger files get the same rules from shape.ts on the parsed JSON. */
const checkGeojsonMaxChars = 1_000_000;

/**
 * Is the file JSON, and GeoJSON that a map can draw? check-geojson carries the
 * RFC 7946 structure rules (types, positions, closed rings); this adds what the
 * story needs on top: a FeatureCollection, with features, without `crs`.
 */
export function validateStructure(layer: LayerInput): GeoProblem[] {
  const { file, text } = layer;
  if (text.trim() === '') {
    return [
      {
        severity: 'error',
        file,
        message: 'the file is empty',
        fix: 'write a GeoJSON FeatureCollection into it, or delete it with its .meta.json',
      },
    ];
  }
  // Before JSON.parse: what it would hide (repeated keys) or what would overflow a recursive walk after it.
  const scan = scanJson(text, geojsonMaxDepth, text.length <= checkGeojsonMaxChars);
  if (scan.tooDeepAt !== undefined)
    return [
      {
        severity: 'error',
        file,
        ...lineColumnAt(text, scan.tooDeepAt),
        message: `nests lists or objects more than ${geojsonMaxDepth} levels deep; GeoJSON needs at most about 10`,
        fix: 'export the layer again as a plain FeatureCollection',
      },
    ];
  const repeated = scan.duplicates.map(({ path, offset }) => {
    const featureIndex = featureAt(layer.featureOffsets, offset);
    return {
      severity: 'error' as const,
      file,
      ...lineColumnAt(text, offset),
      ...(featureIndex === undefined ? {} : { featureIndex }),
      message: `"${path}" is written twice; JSON would silently keep only the last one`,
      fix: 'keep one of the two and delete the other',
    };
  });
  if (repeated.length > 0) return repeated;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error));
    const at = position ? lineColumnAt(text, Number(position[1])) : {};
    return [
      {
        severity: 'error',
        file,
        ...at,
        message: `not valid JSON (${(error as Error).message})`,
        fix: 'check for a missing comma, bracket or quote near that line',
      },
    ];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('type' in parsed)) {
    return [
      {
        severity: 'error',
        file,
        message: 'this JSON is not GeoJSON: it has no "type" member',
        fix: 'export the layer as GeoJSON (a FeatureCollection)',
      },
    ];
  }
  const problems: GeoProblem[] = [];
  if ('crs' in parsed) {
    problems.push({
      severity: 'error',
      file,
      message:
        'has a "crs" member: RFC 7946 GeoJSON is always WGS 84 longitude/latitude, and this file is probably in another projection (e.g. EPSG:3857)',
      fix: 'reproject to EPSG:4326 and export as RFC 7946 GeoJSON (e.g. ogr2ogr -f GeoJSON -t_srs EPSG:4326 -lco RFC7946=YES)',
    });
  }
  if ((parsed as { type: unknown }).type !== 'FeatureCollection') {
    problems.push({
      severity: 'error',
      file,
      message: `the top-level type is "${String((parsed as { type: unknown }).type)}"; a layer must be a FeatureCollection`,
      fix: 'wrap the geometry or feature in {"type":"FeatureCollection","features":[...]}',
    });
    return problems;
  }
  problems.push(...(text.length > checkGeojsonMaxChars ? parsedShapeProblems(layer, parsed) : checkGeojsonProblems(layer)));
  const collection = parsed as FeatureCollection;
  if (problems.length === 0 && collection.features.length === 0) {
    problems.push({
      severity: 'error',
      file,
      message: 'the FeatureCollection has no features',
      fix: 'add at least one feature, or remove the layer',
    });
  }
  if (problems.length === 0) layer.collection = collection;
  return problems;
}

function checkGeojsonProblems(layer: LayerInput): GeoProblem[] {
  const { file, text } = layer;
  const problems: GeoProblem[] = [];
  const seen = new Set<string>();
  for (const issue of getIssues(text).filter((i) => i.severity === 'error')) {
    const featureIndex = featureAt(layer.featureOffsets, issue.from);
    // check-geojson flags both ends of an unclosed ring: one report per feature and message is enough.
    const key = `${featureIndex}:${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({
      severity: 'error',
      file,
      ...lineColumnAt(text, issue.from),
      ...(featureIndex === undefined ? {} : { featureIndex }),
      message: issue.message.replace(/’/g, "'"),
    });
  }
  return problems;
}

function parsedShapeProblems(layer: LayerInput, parsed: object): GeoProblem[] {
  const { file, text } = layer;
  const features = (parsed as { features?: unknown }).features;
  if (!Array.isArray(features))
    return [{ severity: 'error', file, message: 'This must be an array.', fix: 'put the features in a "features": [...] array' }];
  return shapeIssues(features).map(({ featureIndex, message }) => ({
    severity: 'error' as const,
    file,
    featureIndex,
    ...lineColumnAt(text, layer.featureOffsets[featureIndex] ?? 0),
    message: message.replace(/’/g, "'"),
  }));
}

/** Index of the feature whose text contains `offset`. */
export function featureAt(offsets: readonly number[], offset: number): number | undefined {
  let index: number | undefined;
  offsets.forEach((start, i) => {
    if (start <= offset) index = i;
  });
  return index;
}
