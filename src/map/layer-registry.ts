/**
 * One switch from a layer's kind to the MapLibre layers that draw it: the single
 * place to add a new kind. Emphasis and crossing status arrive as feature-state, so
 * a chapter change only flips state, never re-adds sources or re-parses data.
 */
import type { AddLayerObject, ExpressionSpecification } from 'maplibre-gl';
import type { StoryLayerInfo } from './story-data.ts';

export const labelFont = ['Noto Sans Regular'];
const ink = '#1f1f1f';
const halo = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 } as const;

const highlighted: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];
const status = (value: string): ExpressionSpecification => ['==', ['feature-state', 'status'], value];

/** MapLibre layer ids created for a story layer, all prefixed with its id. */
export function mapLayerIds(layer: StoryLayerInfo): string[] {
  return storyMapLayers(layer).map((spec) => spec.id);
}

/** Source holding one label point per line, at its midpoint: long names do not fit along a line. */
export const routeLabelSource = (layerId: string) => `${layerId}--label-points`;

function label(layer: StoryLayerInfo): AddLayerObject[] {
  if (!layer.labelProperty) return [];
  const route = layer.kind === 'route';
  // A tiled route has no midpoint source (its lines arrive cut into tiles): its label follows the line instead.
  const alongLine = route && layer.tiled;
  return [
    {
      id: `${layer.id}--label`,
      type: 'symbol',
      source: route && !alongLine ? routeLabelSource(layer.id) : layer.id,
      layout: {
        ...(alongLine ? { 'symbol-placement': 'line' as const } : {}),
        'text-field': route ? ['concat', ['get', layer.labelProperty], ' · ', ['get', 'lengthLabel']] : ['get', layer.labelProperty],
        'text-font': labelFont,
        'text-size': route ? 12 : 13,
        'text-offset': route ? [0, 0] : [0, 1.1],
        'text-anchor': route ? 'center' : 'top',
        'text-max-width': route ? 12 : 9,
        'text-optional': true,
      },
      paint: { 'text-color': route ? layer.color : ink, ...halo },
    },
  ];
}

/** The MapLibre layers that draw one story layer, hidden until a chapter shows them. */
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
        { id: `${id}--fill`, type: 'fill', source: id, paint: { 'fill-color': color, 'fill-opacity': ['case', highlighted, 0.3, 0.16] } },
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
        { id: `${id}--fill`, type: 'fill', source: id, paint: { 'fill-color': color, 'fill-opacity': ['case', highlighted, 0.28, 0.14] } },
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
      // Closed crossings are hollow and restricted ones half-toned, so status never rests on colour alone.
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
        ...label(layer),
        ...(layer.hasTimeline
          ? (['closed', 'restricted'] as const).map((value): AddLayerObject => ({
              id: `${id}--status-${value}`,
              type: 'symbol',
              source: id,
              layout: {
                'text-field': value === 'closed' ? 'CLOSED' : 'REOPENED, RESTRICTED',
                'text-font': labelFont,
                'text-size': 10,
                'text-offset': [0, -1.3],
                'text-anchor': 'bottom',
                'text-letter-spacing': 0.05,
                'text-allow-overlap': true,
              },
              paint: { 'text-color': '#9b1c1c', 'text-opacity': ['case', status(value), 1, 0], ...halo },
            }))
          : []),
      ];
    }
  }
}
