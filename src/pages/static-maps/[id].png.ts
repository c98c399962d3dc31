import type { APIRoute, GetStaticPaths } from 'astro';
import type { Edition } from '../../content/story-config-schema.ts';
import { renderPreviewImage } from '../../static-maps/render-preview-image.ts';
import { staticMapPaths } from '../../static-maps/static-map-pages.ts';

/** Each chapter's social preview image, drawn from the same map as its static SVG. */
export const getStaticPaths = (() => staticMapPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderPreviewImage(props.svg as string, props.title as string, props.edition as Edition);
  // Copied into a plain Uint8Array: Buffer's type allows shared memory, which a Response body may not be.
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
