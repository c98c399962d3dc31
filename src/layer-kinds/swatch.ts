/**
 * The legend swatch of a layer, drawn by its kind: shared by the live legend (DOM) and the
 * layer catalog (rendered at build).
 */
import type { SwatchShape, SwatchStyle } from './kind-module.ts';
import { layerKind } from './registry.ts';

export const swatchViewBox = '0 0 24 16';

/** The SVG element (tag and attributes) of a layer's swatch, in its colour, dashed where the map dashes it. */
export const swatchShape = (style: SwatchStyle): SwatchShape => layerKind(style.kind).swatch(style);
