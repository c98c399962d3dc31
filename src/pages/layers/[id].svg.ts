import type { APIRoute, GetStaticPaths } from 'astro';
import { catalogBounds } from '../../geo/catalog.ts';
import { storyGeo } from '../../geo/pipeline.ts';
import { renderStaticMap } from '../../static-maps/render-static-map.ts';

/** Each layer alone on a small static map, for the layer catalog: drawn by the same renderer as the chapters' static maps. */
export const getStaticPaths = (() => {
  const { layers, basemap } = storyGeo();
  return layers.map((layer) => ({
    params: { id: layer.id },
    props: {
      svg: renderStaticMap(
        {
          id: layer.id,
          index: 0,
          title: layer.meta.title,
          camera: { bounds: catalogBounds(layer), maxZoom: 12, bearing: 0, pitch: 0 },
          visibleLayers: [layer.id],
          // The catalog shows each layer's features undated: no status or control at a date.
          date: '',
          highlights: {},
          statuses: {},
          controls: {},
        },
        layers,
        basemap,
      ),
    },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.svg as string, { headers: { 'content-type': 'image/svg+xml' } });
