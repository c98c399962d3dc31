/**
 * The legend swatch of the polygon kinds, apart from their map styles: the legend is on the
 * page before the map loads, and importing only the swatches keeps the styles in the map's chunk.
 */
import type { LayerKindModule } from './kind-module.ts';

/** A translucent rectangle in the layer's colour, its outline dashed where the map dashes it. */
export function polygonSwatch(alwaysDashed: boolean): LayerKindModule['swatch'] {
  return (style) => {
    const { color } = style;
    return {
      tag: 'rect',
      attributes: {
        x: '3',
        y: '2',
        width: '18',
        height: '12',
        fill: color,
        'fill-opacity': '0.25',
        stroke: color,
        'stroke-width': '1.5',
        ...(alwaysDashed || style.dashed ? { 'stroke-dasharray': '3 2' } : {}),
      },
    };
  };
}
