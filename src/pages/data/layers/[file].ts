import type { APIRoute, GetStaticPaths } from 'astro';
import { storyGeo } from '../../../geo/pipeline.ts';

/**
 * Every layer as one GeoJSON file (what the map reads for small layers, and the
 * download in the layer catalog), and for tiled layers the PMTiles archive the map
 * reads instead, with range requests.
 */
export const getStaticPaths = (() =>
  storyGeo().layers.flatMap((layer) => [
    { params: { file: `${layer.id}.${layer.hash}.geojson` }, props: { body: layer.json, type: 'application/geo+json' } },
    ...(layer.tiles
      ? [
          {
            params: { file: `${layer.id}.${layer.tiles.hash}.pmtiles` },
            props: { body: layer.tiles.archive, type: 'application/vnd.pmtiles' },
          },
        ]
      : []),
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props.body as string | Uint8Array<ArrayBuffer>, { headers: { 'content-type': props.type as string } });
