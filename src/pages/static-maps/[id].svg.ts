import type { APIRoute, GetStaticPaths } from 'astro';
import { loadStory } from '../../content/story.ts';
import { storyGeo } from '../../geo/pipeline.ts';
import { renderStaticMap } from '../../static-maps/render-static-map.ts';

export const getStaticPaths = (async () => {
  const { chapters } = await loadStory();
  const { layers, basemap } = storyGeo();
  return chapters.map(({ state }) => ({ params: { id: state.id }, props: { svg: renderStaticMap(state, layers, basemap) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.svg as string, { headers: { 'content-type': 'image/svg+xml' } });
