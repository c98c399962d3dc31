import type { APIRoute, GetStaticPaths } from 'astro';
import { storyGeo } from '../../../geo/pipeline.ts';

export const getStaticPaths = (() =>
  storyGeo().basemap.map((file) => ({
    params: { file: `${file.name}.${file.hash}.geojson` },
    props: { json: file.json },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.json as string, { headers: { 'content-type': 'application/geo+json' } });
