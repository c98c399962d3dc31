/**
 * Under reduced motion a chapter shows and hides story layers through paint alone. MapLibre
 * lays a source out again (a worker round trip before the map is idle) when a layer's
 * visibility changes, or when a paint property that differs by feature changes, so every
 * property that shows or hides a layer must be one value for the whole layer.
 */
import { describe, expect, it } from 'vitest';
import type { AddLayerObject } from 'maplibre-gl';
import { basemapStyle } from '../../src/map/basemap-style.ts';
import { hiddenLayer, storyMapLayers, togglePaint } from '../../src/map/layer-registry.ts';
import { storyLayer } from '../fixtures/story-layer.ts';

const everyKind = [
  storyLayer('region'),
  storyLayer('area'),
  storyLayer('route', { dashed: true }),
  storyLayer('point'),
  storyLayer('point', { marker: 'ring', hasTimeline: true }),
  storyLayer('heatmap'),
];
const paintOf = (spec: AddLayerObject) => (('paint' in spec ? spec.paint : {}) ?? {}) as Record<string, unknown>;

describe('showing and hiding a story layer', () => {
  for (const info of everyKind)
    for (const spec of storyMapLayers(info)) {
      it(`${spec.id} (${info.kind}${info.hasTimeline ? ', with timeline' : ''}) is shown and hidden by paint the same for every feature`, () => {
        const hidden = togglePaint(spec, false);
        expect(Object.keys(hidden).length).toBeGreaterThan(0);
        for (const [name, value] of Object.entries(togglePaint(spec, true))) {
          // An expression (an array starting with an operator name) would make MapLibre re-lay out the source.
          expect(typeof (value as unknown[])[0] === 'string', `${name} of ${spec.id} is an expression`).toBe(false);
          expect(value).not.toEqual(hidden[name as keyof typeof hidden]);
        }
      });
    }

  it('keeps a layer’s own shown values: a route casing at 0.8, a ring’s halo at 0.15', () => {
    const [casing] = storyMapLayers(storyLayer('route'));
    expect(togglePaint(casing!, true)).toEqual({ 'line-opacity': 0.8 });
    const halo = storyMapLayers(storyLayer('point', { marker: 'ring' })).find((spec) => spec.id.endsWith('--halo'))!;
    expect(togglePaint(halo, true)).toEqual({ 'circle-opacity': 0.15, 'circle-stroke-opacity': 1 });
  });

  it('moves a hidden label far off the map, where MapLibre does not place it and it takes no room from others', () => {
    const label = storyMapLayers(storyLayer('point')).find((spec) => spec.id.endsWith('--label'))!;
    const [dx, dy] = togglePaint(label, false)['text-translate']!;
    expect(Math.hypot(dx, dy)).toBeGreaterThan(100_000);
    expect(togglePaint(label, true)).toEqual({ 'text-translate': [0, 0] });
  });

  it('adds every style layer hidden by paint', () => {
    for (const spec of everyKind.flatMap((info) => storyMapLayers(info))) {
      const added = hiddenLayer(spec);
      for (const [name, value] of Object.entries(togglePaint(spec, false))) expect(paintOf(added)[name]).toEqual(value);
    }
  });

  it('switches in one frame: the style gives paint changes no transition, which MapLibre would redraw every frame for', () => {
    const style = basemapStyle({});
    expect(style.transition).toEqual({ duration: 0, delay: 0 });
    for (const spec of [...style.layers, ...everyKind.flatMap((info) => storyMapLayers(info)).map(hiddenLayer)])
      expect(Object.keys(paintOf(spec)).filter((name) => name.endsWith('-transition'))).toEqual([]);
  });
});
