/** The legend swatch of a `heatmap` layer, apart from its map styles (see polygon-swatch.ts for why). */
import type { LayerKindModule } from './kind-module.ts';

export const heatmapSwatch: LayerKindModule['swatch'] = ({ color }) => {
  return { tag: 'circle', attributes: { cx: '12', cy: '8', r: '6', fill: color, 'fill-opacity': '0.45', stroke: 'none' } };
};
