import type { APIRoute, GetStaticPaths } from 'astro';
import { translatedEditionPaths } from '../../../content/edition-pages.ts';
import { staticMapPaths } from '../../../static-maps/static-map-pages.ts';

/** A translated edition's static maps: the same maps, labelled in its language. */
export const getStaticPaths = (async () =>
  (
    await Promise.all(
      translatedEditionPaths().map(async ({ params, props }) =>
        (await staticMapPaths(props.edition)).map((page) => ({ params: { ...params, ...page.params }, props: page.props })),
      ),
    )
  ).flat()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.svg as string, { headers: { 'content-type': 'image/svg+xml' } });
