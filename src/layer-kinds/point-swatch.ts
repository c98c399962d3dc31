/** The legend swatch of a `point` layer, apart from its map styles (see polygon-swatch.ts for why). */
import type { LayerKindModule } from './kind-module.ts';

export const pointSwatch: LayerKindModule['swatch'] = ({ color, marker }) => {
  return {
    tag: 'circle',
    attributes: { cx: '12', cy: '8', r: '5', fill: marker === 'ring' ? '#fff' : color, stroke: color, 'stroke-width': '2' },
  };
};
