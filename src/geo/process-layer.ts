import { bbox as turfBbox, rewind, simplify, truncate } from '@turf/turf';
import { createHash } from 'node:crypto';
import type { Feature, FeatureCollection } from 'geojson';
import { defaultSimplifyMetres, tileThresholdBytes } from './budgets.ts';
import type { LayerInput } from './layer-input.ts';
import type { LayerMeta } from './layer-meta.ts';
import { lengthKm } from './facts.ts';
import { editions, translatedEditions, translatedKey } from '../content/translations.ts';
import { formatKmIn } from '../i18n/format.ts';
import { uiStrings } from '../i18n/ui.ts';
import { tileLayer, type TiledLayer } from './tiles/tile-layer.ts';

/** Properties the map runtime itself reads; always kept. */
const runtimeProperties = ['id', 'name', 'approximate', 'timeline', 'control'];

/** Metres per degree of latitude: simplification tolerances are given in metres, turf takes degrees. */
const metresPerDegree = 111_320;

/** Detail kept in a tiled layer's overview: ~2 km, a pixel or two on an 800 px static map of the region. */
const overviewDegrees = 0.02;

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
  /** Set when the layer is cut into vector tiles: the PMTiles archive the map reads instead of `json`. */
  tiles?: TiledLayer & { hash: string };
  /** What static (SVG) maps draw: the layer itself, or a coarse version of a tiled layer. */
  overview: FeatureCollection;
}

const hashOf = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 10);

/**
 * A tiled layer drawn at the scale of a static map: outlines simplified to ~2 km, and
 * features smaller than that kept one per 2 km cell, so a 50 MB layer still makes an
 * SVG of a few hundred KB.
 */
function overviewOf(collection: FeatureCollection): FeatureCollection {
  const taken = new Set<string>();
  const features: Feature[] = [];
  for (const feature of collection.features) {
    const [west, south, east, north] = turfBbox(feature);
    if (east - west < overviewDegrees && north - south < overviewDegrees) {
      const cell = `${Math.floor(west / overviewDegrees)},${Math.floor(south / overviewDegrees)}`;
      if (taken.has(cell)) continue;
      taken.add(cell);
    }
    features.push(simplify(feature, { tolerance: overviewDegrees }));
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Turns a checked layer into what readers download: only reader-visible properties,
 * right-hand winding, coordinates rounded to the layer's precision, big layers
 * simplified and cut into vector tiles.
 */
export function processLayer(layer: LayerInput): PublishedLayer {
  const meta = layer.meta!;
  const readerKeys = [...runtimeProperties, ...meta.readerProperties];
  // Each translated edition's text travels beside the source's: `name:zh` next to `name`.
  const keep = new Set([...readerKeys, ...translatedEditions.flatMap((edition) => readerKeys.map((key) => translatedKey(key, edition)))]);
  const trimmed: FeatureCollection = {
    type: 'FeatureCollection',
    features: layer.collection!.features.map((feature) => ({
      type: 'Feature',
      properties: Object.fromEntries(Object.entries(feature.properties ?? {}).filter(([key]) => keep.has(key))),
      geometry: feature.geometry,
    })),
  };
  // truncate copies the coordinates; rewind can then work in place on the copy (its own copy is slow on big layers).
  let collection = rewind(truncate(trimmed, { precision: meta.precision, coordinates: 3 }), { mutate: true }) as FeatureCollection;
  // Small layers are hand-drawn or simplified with shared borders kept (geo/basemap/derive.ts);
  // turf would pull neighbours apart, so only big layers are simplified unless the metadata asks.
  const simplifyMetres = meta.simplify ?? (JSON.stringify(collection).length > tileThresholdBytes ? defaultSimplifyMetres : 0);
  if (simplifyMetres > 0) collection = simplify(collection, { tolerance: simplifyMetres / metresPerDegree, mutate: true });
  if (meta.style.kind === 'route') {
    // Route labels print the length turf measures, so the map and the prose agree; along a
    // sketch (an approximate route) the real way is longer, so the label says "at least".
    for (const feature of collection.features) {
      const length = lengthKm(feature);
      for (const edition of editions) {
        const km = formatKmIn(length, edition.lang);
        feature.properties![translatedKey('lengthLabel', edition)] = feature.properties!.approximate
          ? `${uiStrings(edition.lang).map.atLeast}${km}`
          : km;
      }
    }
  }
  const json = JSON.stringify(collection);
  const bbox = turfBbox(collection) as [number, number, number, number];
  const tiled = meta.tiles === 'always' || (meta.tiles === 'auto' && json.length > tileThresholdBytes);
  const tiles = tiled ? tileLayer(layer.id, collection, bbox) : undefined;
  return {
    id: layer.id,
    meta,
    collection,
    json,
    hash: hashOf(json),
    bbox,
    featureIds: collection.features.map((feature) => String(feature.properties!.id)),
    ...(tiles ? { tiles: { ...tiles, hash: hashOf(tiles.archive) } } : {}),
    overview: tiled ? overviewOf(collection) : collection,
  };
}
