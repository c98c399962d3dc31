import type { APIRoute, GetStaticPaths } from 'astro';
import { basemapSlug } from '../../../geo/catalog.ts';
import { storyGeo } from '../../../geo/pipeline.ts';

export const getStaticPaths = (() =>
  [storyGeo().basemap, ...Object.values(storyGeo().editionBasemaps)].flat().map((file) => ({
    params: { file: `${basemapSlug(file)}.${file.hash}.geojson` },
    props: { json: file.json },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.json as string, { headers: { 'content-type': 'application/geo+json' } });
