/** `route`: lines on a white casing, named at their midpoint with their length. */
import type { LayerKindModule } from './kind-module.ts';
import { routeSwatch } from './route-swatch.ts';
import { highlighted, label } from './style-helpers.ts';

export const route: LayerKindModule = {
  geometries: ['LineString', 'MultiLineString'],
  styleLayers(layer) {
    const { id, color } = layer;
    const dash = layer.dashed ? { 'line-dasharray': [2, 1.5] } : {};
    return [
      {
        id: `${id}--casing`,
        type: 'line',
        source: id,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': '#ffffff', 'line-width': ['case', highlighted, 7, 5], 'line-opacity': 0.8 },
      },
      {
        id: `${id}--line`,
        type: 'line',
        source: id,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': color, 'line-width': ['case', highlighted, 4, 2.5], ...dash },
      },
      ...label(layer),
    ];
  },
  swatch: routeSwatch,
  drawStatic({ feature, style, emphasis, control, path, centre }) {
    const dash = style.dashed ? ' stroke-dasharray="6 4"' : '';
    const svg = `<path d="${path(feature)}" fill="none" stroke="${style.color}" stroke-width="${2.5 * (emphasis ? 1.6 : 1)}"${dash}/>`;
    if (!control) return { svg };
    const [x, y] = centre(feature);
    return { svg, leadingLabel: { x, y: y - 45, text: control, emphasis: true } };
  },
};
