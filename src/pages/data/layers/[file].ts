import type { APIRoute, GetStaticPaths } from 'astro';
import { storyGeo } from '../../../geo/pipeline.ts';

export const getStaticPaths = (() =>
  storyGeo().layers.map((layer) => ({ params: { file: `${layer.id}.${layer.hash}.geojson` }, props: { json: layer.json } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.json as string, { headers: { 'content-type': 'application/geo+json' } });
