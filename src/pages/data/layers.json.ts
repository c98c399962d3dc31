import type { APIRoute } from 'astro';
import { layerCatalog } from '../../geo/catalog.ts';
import { storyGeo } from '../../geo/pipeline.ts';

export const GET: APIRoute = () => Response.json(layerCatalog(storyGeo()));
