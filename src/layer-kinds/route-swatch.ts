/** The legend swatch of a `route` layer, apart from its map styles (see polygon-swatch.ts for why). */
import type { LayerKindModule } from './kind-module.ts';

export const routeSwatch: LayerKindModule['swatch'] = ({ color, dashed }) => {
  return {
    tag: 'line',
    attributes: {
      x1: '2',
      y1: '8',
      x2: '22',
      y2: '8',
      stroke: color,
      'stroke-width': '3',
      ...(dashed ? { 'stroke-dasharray': '5 3' } : {}),
    },
  };
};
