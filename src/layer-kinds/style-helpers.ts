/**
 * Pieces the layer kinds share when they write MapLibre styles: the label font and halo,
 * emphasis and timeline status as feature-state, label placement. Browser code: it holds
 * no build-time imports.
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  VariableAnchorOffsetCollectionSpecification,
} from 'maplibre-gl';
import type { StoryLayerInfo } from '../map/story-data.ts';
import type { ToggledLayer } from './kind-module.ts';

export const labelFont = ['Noto Sans Regular'];
export const ink = '#1f1f1f';
export const halo = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 } as const;

export const highlighted: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];
export const status = (value: string): ExpressionSpecification => ['==', ['feature-state', 'status'], value];

/** `#rrggbb` at the given opacity: a fill's emphasis lives in its colour, so its opacity stays free to show and hide it. */
export function translucent(hex: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Source holding one label point per line, at its midpoint: long names do not fit along a line. */
export const routeLabelSource = (layerId: string) => `${layerId}--label-points`;

/**
 * Where a label may sit, tried in order (offsets in ems). A point's name goes below its marker,
 * else above it (above is kept for a timeline status); from zoom 5, where near neighbours (two
 * mines of one district, a row of border posts) sit a few label heights apart, also beside it. At smaller
 * zooms a name beside a point near the frame's edge would run off it: MapLibre keeps labels
 * apart but not inside the canvas, and keeps the side a label took while the camera flew.
 * A route's name goes in a corner off its midpoint, beside the line rather than over it; west
 * first, as every route here starts at the Chinese border, on the east of its frames.
 */
function labelPlacement(layer: StoryLayerInfo): DataDrivenPropertyValueSpecification<VariableAnchorOffsetCollectionSpecification> {
  if (layer.kind === 'route')
    return [
      ...['bottom-right', [-0.4, -0.4], 'top-right', [-0.4, 0.4], 'bottom', [0, -0.6], 'top', [0, 0.6]],
      ...['bottom-left', [0.4, -0.4], 'top-left', [0.4, 0.4], 'center', [0, 0]],
    ] as VariableAnchorOffsetCollectionSpecification;
  const above: VariableAnchorOffsetCollectionSpecification = layer.hasTimeline ? [] : ['bottom', [0, -1.1]];
  const centred: VariableAnchorOffsetCollectionSpecification = ['top', [0, 1.1], ...above];
  return ['step', ['zoom'], ['literal', centred], 5, ['literal', [...centred, 'left', [1.1, 0], 'right', [-1.1, 0]]]];
}

/**
 * An invisible symbol on each marker, drawn above the layer's label so MapLibre places it first:
 * it keeps labels placed after it (this layer's, lower story layers', the basemap's) off the
 * markers, which they could otherwise cover, as circles take no part in label collisions.
 */
export function keepClear(layer: StoryLayerInfo): ToggledLayer {
  return {
    id: `${layer.id}--keep-clear`,
    type: 'symbol',
    source: layer.id,
    // One glyph about the size of a marker.
    layout: { 'text-field': 'M', 'text-font': labelFont, 'text-size': 10, 'text-padding': 0, 'text-allow-overlap': true },
    paint: { 'text-opacity': 0 },
  };
}

export function label(layer: StoryLayerInfo): ToggledLayer[] {
  if (!layer.labelProperty) return [];
  const route = layer.kind === 'route';
  // A tiled route has no midpoint source (its lines arrive cut into tiles): its label follows the line instead.
  const alongLine = route && layer.tiled;
  const name: ExpressionSpecification = ['to-string', ['get', layer.labelProperty]];
  return [
    {
      id: `${layer.id}--label`,
      type: 'symbol',
      source: route && !alongLine ? routeLabelSource(layer.id) : layer.id,
      layout: {
        ...(alongLine
          ? { 'symbol-placement': 'line' as const }
          : { 'text-variable-anchor-offset': labelPlacement(layer), 'text-justify': 'auto' as const }),
        // Longest names first: they are the hardest to fit, so they choose first and shorter ones fit around them.
        'symbol-sort-key': ['-', ['length', name]],
        // A route's length on a line of its own keeps its label narrow.
        'text-field': route ? ['concat', name, '\n', ['get', layer.lengthProperty ?? 'lengthLabel']] : name,
        'text-font': labelFont,
        // Smaller type at regional zooms, where a phone fits the subcontinent into 270 px.
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, 10, 4, route ? 11 : 12, 6, route ? 12 : 13],
        // A short route name wraps narrow, to sit beside its short line in a crowded corner.
        'text-max-width': route ? ['case', ['<', ['length', name], 20], 5, 9] : 8,
        'text-optional': true,
      },
      paint: { 'text-color': route ? layer.color : ink, ...halo },
    },
  ];
}
