import type { PublishedLayer } from './process-layer.ts';
import type { BasemapFile, StoryGeo } from './pipeline.ts';

const base = import.meta.env?.BASE_URL ?? '/';

export const layerUrl = (layer: PublishedLayer) => `${base}data/layers/${layer.id}.${layer.hash}.geojson`;
export const basemapUrl = (file: BasemapFile) => `${base}data/basemap/${file.name}.${file.hash}.geojson`;

/** The public layer catalog served as /data/layers.json. */
export function layerCatalog(geo: StoryGeo) {
  return {
    layers: geo.layers.map((layer) => ({
      id: layer.id,
      title: layer.meta.title,
      description: layer.meta.description,
      legend: layer.meta.legend,
      source: layer.meta.source,
      licence: layer.meta.licence,
      date: layer.meta.date,
      approximate: layer.meta.approximate,
      approximateNote: layer.meta.approximateNote ?? null,
      kind: layer.meta.style.kind,
      bbox: layer.bbox,
      featureCount: layer.collection.features.length,
      bytes: layer.json.length,
      url: layerUrl(layer),
    })),
  };
}
