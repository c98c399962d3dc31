import type { APIRoute, GetStaticPaths } from 'astro';
import { staticMapPaths } from '../../static-maps/static-map-pages.ts';

export const getStaticPaths = (() => staticMapPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.svg as string, { headers: { 'content-type': 'image/svg+xml' } });
