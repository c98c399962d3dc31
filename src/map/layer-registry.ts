/**
 * One switch from a layer's kind to the MapLibre layers that draw it: the single
 * place to add a new kind. Emphasis and timeline status arrive as feature-state, so
 * a chapter change only flips state, never re-adds sources or re-parses data.
 */
import type {
  AddLayerObject,
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  VariableAnchorOffsetCollectionSpecification,
} from 'maplibre-gl';
import type { StoryLayerInfo } from './story-data.ts';

export const labelFont = ['Noto Sans Regular'];
const ink = '#1f1f1f';
const halo = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 } as const;

const highlighted: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];
const status = (value: string): ExpressionSpecification => ['==', ['feature-state', 'status'], value];

/**
 * How a chapter shows and hides a style layer that is laid out: through paint properties that
 * are the same for every feature. Toggling `visibility` (or a filter) makes MapLibre lay the
 * whole source out again in its worker, so the map would settle a round trip after the chapter
 * change; a feature-independent paint property is drawn in the next frame. A symbol layer is
 * moved off MapLibre's collision grid rather than faded, because a label off the grid is not
 * placed at all, while a transparent one would still take room from the labels shown.
 */
interface TogglePaint {
  'fill-opacity'?: number;
  'line-opacity'?: number;
  'circle-opacity'?: number;
  'circle-stroke-opacity'?: number;
  'text-translate'?: [number, number];
}
const hiddenPaint: Record<string, TogglePaint> = {
  fill: { 'fill-opacity': 0 },
  line: { 'line-opacity': 0 },
  circle: { 'circle-opacity': 0, 'circle-stroke-opacity': 0 },
  symbol: { 'text-translate': [0, -1e6] },
};
const paintDefaults: Required<TogglePaint> = {
  'fill-opacity': 1,
  'line-opacity': 1,
  'circle-opacity': 1,
  'circle-stroke-opacity': 1,
  'text-translate': [0, 0],
};

/** The paint properties that show (or hide) a style layer, each with the value it takes. */
export function togglePaint(spec: AddLayerObject, shown: boolean): TogglePaint {
  const paint = ('paint' in spec ? spec.paint : undefined) as TogglePaint | undefined;
  const hidden = hiddenPaint[spec.type] ?? {};
  return Object.fromEntries(
    (Object.keys(hidden) as (keyof TogglePaint)[]).map((name) => [name, shown ? (paint?.[name] ?? paintDefaults[name]) : hidden[name]]),
  );
}

/** A style layer as first added: hidden, and switched without transition (a chapter change is drawn whole). */
export function hiddenLayer(spec: AddLayerObject): AddLayerObject {
  const toggles = togglePaint(spec, false);
  const instant = Object.fromEntries(Object.keys(toggles).map((name) => [`${name}-transition`, { duration: 0, delay: 0 }]));
  return { ...spec, paint: { ...('paint' in spec ? spec.paint : {}), ...toggles, ...instant } } as AddLayerObject;
}

/** `#rrggbb` at the given opacity: a fill's emphasis lives in its colour, so its opacity stays free to show and hide it. */
function translucent(hex: string, alpha: number): string {
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
function keepClear(layer: StoryLayerInfo): AddLayerObject {
  return {
    id: `${layer.id}--keep-clear`,
    type: 'symbol',
    source: layer.id,
    // One glyph about the size of a marker.
    layout: { 'text-field': 'M', 'text-font': labelFont, 'text-size': 10, 'text-padding': 0, 'text-allow-overlap': true },
    paint: { 'text-opacity': 0 },
  };
}

function label(layer: StoryLayerInfo): AddLayerObject[] {
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
        'text-field': route ? ['concat', name, '\n', ['get', 'lengthLabel']] : name,
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

/** The MapLibre layers that draw one story layer. */
export function storyMapLayers(layer: StoryLayerInfo): AddLayerObject[] {
  const specs = styleLayers(layer);
  if (!layer.tiled) return specs;
  // A tiled layer's source is a vector source: each style layer names the tiles' MVT layer, which the build names after the layer id.
  return specs.map((spec) =>
    'source' in spec && spec.source === layer.id ? ({ ...spec, 'source-layer': layer.id } as AddLayerObject) : spec,
  );
}

function styleLayers(layer: StoryLayerInfo): AddLayerObject[] {
  const { id, color } = layer;
  const dash = layer.dashed ? { 'line-dasharray': [2, 1.5] } : {};
  switch (layer.kind) {
    case 'region':
      return [
        {
          id: `${id}--fill`,
          type: 'fill',
          source: id,
          paint: { 'fill-color': ['case', highlighted, translucent(color, 0.3), translucent(color, 0.16)] },
        },
        {
          id: `${id}--outline`,
          type: 'line',
          source: id,
          paint: { 'line-color': color, 'line-width': ['case', highlighted, 2.5, 1.5], ...dash },
        },
        ...label(layer),
      ];
    case 'area':
      return [
        {
          id: `${id}--fill`,
          type: 'fill',
          source: id,
          paint: { 'fill-color': ['case', highlighted, translucent(color, 0.28), translucent(color, 0.14)] },
        },
        {
          id: `${id}--outline`,
          type: 'line',
          source: id,
          paint: { 'line-color': color, 'line-width': ['case', highlighted, 2.5, 1.5], 'line-dasharray': [2, 2] },
        },
        ...label(layer),
      ];
    case 'route':
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
    case 'point': {
      const ring = layer.marker === 'ring';
      // Closed points (a timeline's status) are hollow and restricted ones half-toned, so status never rests on colour alone.
      const fill: ExpressionSpecification = [
        'case',
        status('closed'),
        '#ffffff',
        status('restricted'),
        '#bdbdbd',
        ring ? '#ffffff' : color,
      ];
      return [
        ...(ring
          ? [
              {
                id: `${id}--halo`,
                type: 'circle',
                source: id,
                paint: { 'circle-radius': 14, 'circle-color': color, 'circle-opacity': 0.15, 'circle-blur': 0.4 },
              } as AddLayerObject,
            ]
          : []),
        {
          id: `${id}--circle`,
          type: 'circle',
          source: id,
          paint: {
            'circle-radius': ['case', highlighted, 8, 5.5],
            'circle-color': fill,
            'circle-stroke-color': color,
            'circle-stroke-width': ['case', status('closed'), 3, ring ? 2.5 : 1.5],
          },
        },
        // Drawn under the names, so MapLibre places the names first: a status is invisible (opacity 0)
        // in chapters where it does not apply, and must not push a name away there. Nothing collides
        // with a status, so one shows only where it is clear of every label already placed.
        ...(layer.hasTimeline
          ? (['closed', 'restricted'] as const).map((value): AddLayerObject => ({
              id: `${id}--status-${value}`,
              type: 'symbol',
              source: id,
              layout: {
                'text-field': value === 'closed' ? 'CLOSED' : 'RESTRICTED',
                'text-font': labelFont,
                'text-size': 10,
                'text-variable-anchor-offset': ['bottom', [0, -1.3], 'left', [1.3, 0], 'right', [-1.3, 0], 'top', [0, 1.3]],
                'text-justify': 'auto',
                'text-letter-spacing': 0.05,
                'text-ignore-placement': true,
              },
              paint: { 'text-color': '#9b1c1c', 'text-opacity': ['case', status(value), 1, 0], ...halo },
            }))
          : []),
        ...label(layer),
        keepClear(layer),
      ];
    }
  }
}
