import type { APIRoute, GetStaticPaths } from 'astro';
import { loadStory } from '../../content/story.ts';
import { storyGeo } from '../../geo/pipeline.ts';
import { renderPreviewImage } from '../../static-maps/render-preview-image.ts';
import { renderStaticMap } from '../../static-maps/render-static-map.ts';

/** Each chapter's social preview image, drawn from the same map as its static SVG. */
export const getStaticPaths = (async () => {
  const { chapters } = await loadStory();
  const { layers, basemap } = storyGeo();
  return chapters.map(({ state }) => ({
    params: { id: state.id },
    props: { svg: renderStaticMap(state, layers, basemap), title: state.title },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderPreviewImage(props.svg as string, props.title as string);
  // Copied into a plain Uint8Array: Buffer's type allows shared memory, which a Response body may not be.
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
