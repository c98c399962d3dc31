/**
 * The legend swatch of a layer, drawn as its kind says: shared by the live legend (DOM) and the
 * layer catalog (rendered at build). Each kind's module (src/layer-kinds/<kind>.ts) uses the same
 * swatch; importing the swatches alone keeps the kinds' map styles out of the page's first script.
 */
import type { LayerKind } from '../geo/layer-meta.ts';
import { heatmapSwatch } from './heatmap-swatch.ts';
import type { LayerKindModule, SwatchShape, SwatchStyle } from './kind-module.ts';
import { pointSwatch } from './point-swatch.ts';
import { polygonSwatch } from './polygon-swatch.ts';
import { routeSwatch } from './route-swatch.ts';

export const swatchViewBox = '0 0 24 16';

const swatches = {
  region: polygonSwatch(false),
  area: polygonSwatch(true),
  point: pointSwatch,
  route: routeSwatch,
  heatmap: heatmapSwatch,
} satisfies Record<LayerKind, LayerKindModule['swatch']>;

/** The SVG element (tag and attributes) of a layer's swatch, in its colour, dashed where the map dashes it. */
export function swatchShape(style: SwatchStyle): SwatchShape {
  if (!Object.hasOwn(swatches, style.kind)) throw new Error(`unknown layer kind "${style.kind}"`);
  return swatches[style.kind](style);
}
