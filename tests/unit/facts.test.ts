import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { distanceKm } from '../../src/geo/facts.ts';

const point: Feature = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [95, 22] } };

describe('distanceKm(a, b)', () => {
  it('measures a point to the nearest part of a MultiLineString', () => {
    const lines: Feature = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [
            [97, 20],
            [97, 24],
          ],
          [
            [95.1, 21],
            [95.1, 23],
          ],
        ],
      },
    };
    expect(distanceKm(point, lines)).toBeCloseTo(10.3, 0);
  });

  it('is zero from a point to a polygon that contains it', () => {
    const square: Feature = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [94, 21],
            [96, 21],
            [96, 23],
            [94, 23],
            [94, 21],
          ],
        ],
      },
    };
    expect(distanceKm(point, square)).toBe(0);
  });
});
