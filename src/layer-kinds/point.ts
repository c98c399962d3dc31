/**
 * `point`: circle markers, optionally rings for approximate places, each named; a feature with a
 * timeline shows its status (closed: hollow; restricted: half-toned) in shape and word, never in colour alone.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { LayerKindModule, ToggledLayer } from './kind-module.ts';
import { pointSwatch } from './point-swatch.ts';
import { halo, highlighted, keepClear, label, labelFont, status } from './style-helpers.ts';

export const point: LayerKindModule = {
  geometries: ['Point', 'MultiPoint'],
  styleLayers(layer) {
    const { id, color } = layer;
    const ring = layer.marker === 'ring';
    // Closed points (a timeline's status) are hollow and restricted ones half-toned, so status never rests on colour alone.
    const fill: ExpressionSpecification = ['case', status('closed'), '#ffffff', status('restricted'), '#bdbdbd', ring ? '#ffffff' : color];
    return [
      ...(ring
        ? [
            {
              id: `${id}--halo`,
              type: 'circle',
              source: id,
              paint: { 'circle-radius': 14, 'circle-color': color, 'circle-opacity': 0.15, 'circle-blur': 0.4 },
            } as ToggledLayer,
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
        ? (['closed', 'restricted'] as const).map((value): ToggledLayer => ({
            id: `${id}--status-${value}`,
            type: 'symbol',
            source: id,
            layout: {
              'text-field': layer.statusLabels[value],
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
  },
  swatch: pointSwatch,
  drawStatic({ feature, style, emphasis, status: state, project, words }) {
    const { color, marker, labelProperty } = style;
    const [x, y] = project(feature.geometry.type === 'Point' ? (feature.geometry.coordinates as [number, number]) : [0, 0]);
    const fill = state === 'closed' || marker === 'ring' ? '#fff' : state === 'restricted' ? '#bdbdbd' : color;
    const svg = `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${emphasis ? 8 : 5.5}" fill="${fill}" stroke="${color}" stroke-width="${state === 'closed' ? 3 : 2}"/>`;
    if (!labelProperty) return { svg };
    const text =
      String(feature.properties?.[labelProperty] ?? '') +
      (state && state !== 'open' ? words.bracket(state === 'closed' ? words.closedStatic : words.restrictedStatic) : '');
    return { svg, label: { x, y, text, emphasis } };
  },
};
