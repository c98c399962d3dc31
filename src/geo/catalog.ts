import type { PublishedLayer } from './process-layer.ts';
import type { BasemapFile, StoryGeo } from './pipeline.ts';
import { readerMeta, translatedMetaFields } from './layer-meta.ts';
import { translatedEditions, translationOf } from '../content/translations.ts';

const base = import.meta.env?.BASE_URL ?? '/';

/** The layer's published GeoJSON: what the map reads for a small layer, and the download for any layer. */
export const layerUrl = (layer: PublishedLayer) => `${base}data/layers/${layer.id}.${layer.hash}.geojson`;
/** The PMTiles archive of a tiled layer, read by the map through the pmtiles protocol. */
export const tilesUrl = (layer: PublishedLayer) => (layer.tiles ? `${base}data/layers/${layer.id}.${layer.tiles.hash}.pmtiles` : null);
export const basemapUrl = (file: BasemapFile) => `${base}data/basemap/${basemapSlug(file)}.${file.hash}.geojson`;
/** A basemap file's name in its URL: `places`, or `places.zh` for an edition's labels. */
export const basemapSlug = (file: BasemapFile) => (file.edition ? `${file.name}.${file.edition}` : file.name);

/** The public layer catalog served as /data/layers.json: reader fields only, never an editor's notes. */
export function layerCatalog(geo: StoryGeo) {
  return {
    layers: geo.layers.map((layer) => ({
      id: layer.id,
      ...readerMeta(layer.meta),
      approximateNote: layer.meta.approximateNote ?? null,
      kind: layer.meta.style.kind,
      bbox: layer.bbox,
      featureCount: layer.collection.features.length,
      bytes: layer.json.length,
      url: layerUrl(layer),
      tiled: layer.tiles !== undefined,
      tilesUrl: tilesUrl(layer),
      tilesBytes: layer.tiles?.archive.length ?? null,
      // Each translated edition's reader text, by its path: `"zh": { "title": "…", … }`.
      ...Object.fromEntries(translatedEditions.map((edition) => [edition.path, translationOf(layer.meta, translatedMetaFields, edition)])),
    })),
  };
}

/**
 * A feature property as the layer catalog shows it: always as text, and as a link
 * only when it is an http(s) URL, so a `javascript:` or `data:` value stays inert.
 */
export function propertyCell(value: unknown): { text: string; href?: string } {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value.trim())) return { text };
  try {
    return { text, href: new URL(value.trim()).href };
  } catch {
    return { text };
  }
}

/** The first `count` features' properties as rows under one header, for the catalog's attribute sample. */
export function attributeSample(layer: PublishedLayer, count = 5): { columns: string[]; rows: ReturnType<typeof propertyCell>[][] } {
  const features = layer.collection.features.slice(0, count);
  const columns = [...new Set(features.flatMap((feature) => Object.keys(feature.properties ?? {})))];
  return {
    columns,
    rows: features.map((feature) =>
      columns.map((column) => (feature.properties?.[column] === undefined ? { text: '' } : propertyCell(feature.properties[column]))),
    ),
  };
}

/** A layer's extent with a minimum size, so a single point still gets a readable map around it. */
export function catalogBounds(layer: PublishedLayer, minDegrees = 4): [number, number, number, number] {
  const [west, south, east, north] = layer.bbox;
  const padX = Math.max((east - west) * 0.1, (minDegrees - (east - west)) / 2);
  const padY = Math.max((north - south) * 0.1, (minDegrees - (north - south)) / 2);
  return [west - padX, south - padY, east + padX, north + padY];
}
