/**
 * The legend swatch of a layer: one shape per kind, in the layer's colour, dashed where the
 * map dashes it. Shared by the live legend (DOM) and the layer catalog (rendered at build).
 */
import type { LayerKind } from '../geo/layer-meta.ts';

export const swatchViewBox = '0 0 24 16';

export interface SwatchStyle {
  kind: LayerKind;
  color: string;
  dashed: boolean;
  marker: 'dot' | 'ring';
}

export function swatchShape(style: SwatchStyle): { tag: 'line' | 'circle' | 'rect'; attributes: Record<string, string> } {
  const { kind, color } = style;
  if (kind === 'route') {
    return {
      tag: 'line',
      attributes: {
        x1: '2',
        y1: '8',
        x2: '22',
        y2: '8',
        stroke: color,
        'stroke-width': '3',
        ...(style.dashed ? { 'stroke-dasharray': '5 3' } : {}),
      },
    };
  }
  if (kind === 'point') {
    return {
      tag: 'circle',
      attributes: { cx: '12', cy: '8', r: '5', fill: style.marker === 'ring' ? '#fff' : color, stroke: color, 'stroke-width': '2' },
    };
  }
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
      ...(kind === 'area' || style.dashed ? { 'stroke-dasharray': '3 2' } : {}),
    },
  };
}
