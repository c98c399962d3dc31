import { bbox as turfBbox, rewind, truncate } from '@turf/turf';
import { createHash } from 'node:crypto';
import type { FeatureCollection } from 'geojson';
import type { LayerInput } from './layer-input.ts';
import type { LayerMeta } from './layer-meta.ts';
import { lengthKm } from './facts.ts';
import { formatKm } from './format.ts';

/** Properties the map runtime itself reads; always kept. */
const runtimeProperties = ['id', 'name', 'approximate', 'timeline'];

export interface PublishedLayer {
  id: string;
  meta: LayerMeta;
  /** The trimmed GeoJSON as served to readers. */
  collection: FeatureCollection;
  json: string;
  /** Content hash, so the file can be cached for ever. */
  hash: string;
  bbox: [number, number, number, number];
  featureIds: string[];
}

/**
 * Turns a checked layer into what readers download: only reader-visible properties,
 * right-hand winding, coordinates rounded to the layer's precision.
 */
export function processLayer(layer: LayerInput): PublishedLayer {
  const meta = layer.meta!;
  const keep = new Set([...runtimeProperties, ...meta.readerProperties]);
  const trimmed: FeatureCollection = {
    type: 'FeatureCollection',
    features: layer.collection!.features.map((feature) => ({
      type: 'Feature',
      properties: Object.fromEntries(Object.entries(feature.properties ?? {}).filter(([key]) => keep.has(key))),
      geometry: feature.geometry,
    })),
  };
  const collection = truncate(rewind(trimmed, { mutate: false }) as FeatureCollection, { precision: meta.precision, coordinates: 3 });
  if (meta.style.kind === 'route') {
    // Route labels print the length turf measures, so the map and the prose agree.
    for (const feature of collection.features) feature.properties!.lengthLabel = formatKm(lengthKm(feature));
  }
  const json = JSON.stringify(collection);
  return {
    id: layer.id,
    meta,
    collection,
    json,
    hash: createHash('sha256').update(json).digest('hex').slice(0, 10),
    bbox: turfBbox(collection) as [number, number, number, number],
    featureIds: collection.features.map((feature) => String(feature.properties!.id)),
  };
}
