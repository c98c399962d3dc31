/**
 * The live map skips MapLibre's own validation of the style it is created with, so the style
 * the project builds is checked here instead: the basemap, the scrubbed route and every kind of
 * story layer, untiled and tiled, as the map adds them (hidden).
 */
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { AddLayerObject, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { basemapStyle } from '../../src/map/basemap-style.ts';
import { hiddenLayer, scrubLayer, storyMapLayers } from '../../src/map/layer-registry.ts';
import type { StoryLayerInfo } from '../../src/map/story-data.ts';
import { storyLayer } from '../fixtures/story-layer.ts';

const variants: [StoryLayerInfo['kind'], Partial<StoryLayerInfo>][] = [
  ['region', {}],
  ['area', { approximate: true }],
  ['route', {}],
  ['route', { dashed: true }],
  ['point', {}],
  ['point', { marker: 'ring', hasTimeline: true }],
  ['heatmap', {}],
];
const layers = variants.flatMap(([kind, overrides], i) =>
  [false, true].map((tiled) => storyLayer(kind, { ...overrides, id: `layer-${i}${tiled ? '-tiled' : ''}`, tiled })),
);
const emptyGeoJson: SourceSpecification = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };

/** The style as the live map holds it once every story layer is in. */
function fullStyle(): StyleSpecification {
  const style = basemapStyle({ countries: '/data/basemap/countries.geojson', 'place-labels': '/data/basemap/places.geojson' });
  const added: AddLayerObject[] = [
    hiddenLayer(scrubLayer('scrub', 'scrub', '#b2182b')),
    ...layers.flatMap(storyMapLayers).map(hiddenLayer),
  ];
  const sources: Record<string, SourceSpecification> = { ...style.sources, scrub: emptyGeoJson };
  for (const spec of added) {
    const source = 'source' in spec && typeof spec.source === 'string' ? spec.source : undefined;
    if (source && !sources[source])
      sources[source] = 'source-layer' in spec ? { type: 'vector', url: `pmtiles:///data/layers/${source}.pmtiles` } : emptyGeoJson;
  }
  return { ...style, sources, layers: [...style.layers, ...(added as StyleSpecification['layers'])] };
}

describe('the style the live map is created with', () => {
  it('is valid against MapLibre’s style specification, with every kind of story layer in it', () => {
    const style = fullStyle();
    expect(style.layers.length).toBeGreaterThan(layers.length);
    expect(validateStyleMin(style).map((error) => error.message)).toEqual([]);
  });

  it('would be caught if a layer kind drew a property the specification does not know', () => {
    const style = fullStyle();
    const broken = style.layers.find((layer) => layer.type === 'line')!;
    (broken.paint as Record<string, unknown>)['line-colour'] = '#000';
    expect(validateStyleMin(style).map((error) => error.message)).toEqual([expect.stringContaining('line-colour')]);
  });
});
