import { describe, expect, it } from 'vitest';
import { chapterMapState, statusAt } from '../../src/content/chapter-state.ts';
import type { PublishedLayer } from '../../src/geo/process-layer.ts';

const timeline = [
  { from: '2021-01-01', status: 'open' as const },
  { from: '2024-10-22', status: 'closed' as const },
  { from: '2024-12-13', status: 'restricted' as const },
];

function layer(id: string, features: { id: string; coordinates: [number, number]; timeline?: typeof timeline }[]): PublishedLayer {
  return {
    id,
    collection: {
      type: 'FeatureCollection',
      features: features.map((f) => ({
        type: 'Feature',
        properties: { id: f.id, name: f.id, ...(f.timeline ? { timeline: f.timeline } : {}) },
        geometry: { type: 'Point', coordinates: f.coordinates },
      })),
    },
    featureIds: features.map((f) => f.id),
  } as unknown as PublishedLayer;
}

const layers = [
  layer('copper-mines', [{ id: 'letpadaung', coordinates: [95.037, 22.12] }]),
  layer('border-crossings', [
    { id: 'kanpiketi', coordinates: [98.1, 25.38], timeline },
    { id: 'muse-ruili', coordinates: [97.9, 24.0], timeline: [timeline[0]!] },
  ]),
];

const chapter = (overrides: object) => ({
  id: 'test',
  part: 'kachin' as const,
  title: 'Test',
  camera: { fit: ['border-crossings'], maxZoom: 9, bearing: 0, pitch: 0 },
  layers: ['border-crossings'],
  highlight: [],
  mapDescription: 'A test chapter map description.',
  sources: ['x'],
  ...overrides,
});

describe('statusAt(timeline, date)', () => {
  it('returns the status in force on a date', () => {
    expect(statusAt(timeline, '2024-11-15')).toBe('closed');
    expect(statusAt(timeline, '2024-12-13')).toBe('restricted');
    expect(statusAt(timeline, '2023-05-01')).toBe('open');
  });

  it('returns undefined before the timeline begins', () => {
    expect(statusAt(timeline, '2019-01-01')).toBeUndefined();
  });
});

describe('chapterMapState(chapter, index, layers)', () => {
  it('shows exactly the layers the chapter names, in drawing order', () => {
    const state = chapterMapState(chapter({ layers: ['border-crossings', 'copper-mines'] }), 0, layers);
    expect(state.visibleLayers).toEqual(['copper-mines', 'border-crossings']);
  });

  it('gives each crossing its status at the chapter date', () => {
    const state = chapterMapState(chapter({ asOf: '2024-11-15' }), 0, layers);
    expect(state.statuses['border-crossings']).toEqual({ kanpiketi: 'closed', 'muse-ruili': 'open' });
  });

  it('fits the bounds of the named layers', () => {
    const state = chapterMapState(chapter({}), 0, layers);
    expect(state.camera).toEqual({ bounds: [97.9, 24.0, 98.1, 25.38], maxZoom: 9, bearing: 0, pitch: 0 });
  });

  it('groups highlights by layer', () => {
    const state = chapterMapState(chapter({ layers: ['copper-mines'], highlight: ['copper-mines/letpadaung'] }), 2, layers);
    expect(state).toMatchObject({ index: 2, highlights: { 'copper-mines': ['letpadaung'] } });
  });
});
