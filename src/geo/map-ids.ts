/**
 * Ids the map itself uses for sources and layers. A story layer is added under its own
 * id, so a layer named like one of these would never draw (MapLibre refuses a second
 * source of that name) or would take the basemap's place.
 */
import { basemapStyle } from '../map/basemap-style.ts';

const basemap = basemapStyle({});

export const mapIds: ReadonlySet<string> = new Set([
  ...Object.keys(basemap.sources),
  ...basemap.layers.map((layer) => layer.id),
  // The scrubbed route's and the shader warm-up's own sources (src/map/story-map.ts).
  'scrub-progress',
  'warm-up',
]);
