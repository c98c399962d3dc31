import type { APIRoute, GetStaticPaths } from 'astro';
import { translatedEditionPaths } from '../../../content/edition-pages.ts';
import type { Edition } from '../../../content/story-config-schema.ts';
import { renderPreviewImage } from '../../../static-maps/render-preview-image.ts';
import { staticMapPaths } from '../../../static-maps/static-map-pages.ts';

/** A translated edition's preview images: its static maps beside its own title. */
export const getStaticPaths = (async () =>
  (
    await Promise.all(
      translatedEditionPaths().map(async ({ params, props }) =>
        (await staticMapPaths(props.edition)).map((page) => ({ params: { ...params, ...page.params }, props: page.props })),
      ),
    )
  ).flat()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderPreviewImage(props.svg as string, props.title as string, props.edition as Edition);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
