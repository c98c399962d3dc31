/**
 * A tiled layer is styled by the same registry as a GeoJSON one: every style layer
 * reading its vector source names the MVT layer the build wrote (the layer id).
 */
import { describe, expect, it } from 'vitest';
import { storyMapLayers } from '../../src/map/layer-registry.ts';
import type { StoryLayerInfo } from '../../src/map/story-data.ts';
import { storyLayer } from '../fixtures/story-layer.ts';

const layer = (kind: StoryLayerInfo['kind'], tiled: boolean) => storyLayer(kind, { id: 'big-layer', tiled });

describe('storyMapLayers for tiled layers', () => {
  for (const kind of ['region', 'area', 'point', 'route'] as const) {
    it(`gives every ${kind} style layer of a tiled layer the source-layer named after the layer id, and none to an untiled one`, () => {
      const tiled = storyMapLayers(layer(kind, true));
      expect(tiled.length).toBeGreaterThan(0);
      for (const spec of tiled) expect(spec).toMatchObject({ source: 'big-layer', 'source-layer': 'big-layer' });
      for (const spec of storyMapLayers(layer(kind, false))) expect(spec).not.toHaveProperty('source-layer');
    });
  }

  it('labels a tiled route along its lines, since it has no midpoint source', () => {
    const label = storyMapLayers(layer('route', true)).find((spec) => spec.id === 'big-layer--label')!;
    expect(label).toMatchObject({ source: 'big-layer', layout: { 'symbol-placement': 'line' } });
  });
});
