/**
 * The fast paths that let 50 MB layers be checked in seconds must say what the slow,
 * reference checks say: shape.ts against check-geojson on the broken-input corpus,
 * selfCrossings against turf's kinks on random outlines.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getIssues } from '@placemarkio/check-geojson';
import { kinks } from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { shapeIssues } from '../../src/geo/validate/shape.ts';
import { selfCrossings } from '../../src/geo/validate/topology.ts';

const corpus = fileURLToPath(new URL('invalid', import.meta.url));

/** Corpus layers that parse as a FeatureCollection but that check-geojson rejects. */
const structuralCases = readdirSync(corpus).flatMap((name) => {
  const layers = join(corpus, name, 'geo', 'layers');
  if (!existsSync(layers)) return [];
  return readdirSync(layers)
    .filter((file) => file.endsWith('.geojson'))
    .flatMap((file) => {
      const text = readFileSync(join(layers, file), 'utf8');
      let parsed: { type?: unknown; features?: unknown };
      try {
        parsed = JSON.parse(text);
      } catch {
        return [];
      }
      const issues = getIssues(text).filter((issue) => issue.severity === 'error');
      return parsed.type === 'FeatureCollection' && Array.isArray(parsed.features) && issues.length > 0
        ? [{ name, features: parsed.features as unknown[], issues }]
        : [];
    });
});

describe('shapeIssues (structure checks for files too big for check-geojson)', () => {
  it('covers at least five structural cases of the corpus', () => {
    expect(structuralCases.length).toBeGreaterThanOrEqual(5);
  });

  for (const { name, features, issues } of structuralCases) {
    it(`reports check-geojson's message for ${name}`, () => {
      const messages = shapeIssues(features).map((issue) => issue.message);
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) expect(issues.map((issue) => issue.message)).toContain(message);
    });
  }
});

/** A deterministic pseudo-random sequence. */
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe('selfCrossings', () => {
  it('finds exactly the crossings turf kinks finds, on 200 random rings with and without crossings', () => {
    const next = random(3);
    for (let n = 0; n < 200; n++) {
      const count = 4 + Math.floor(next() * 40);
      // Every other ring is star-shaped (simple); the rest are random walks, which cross often.
      const ring: Position[] = Array.from({ length: count }, (_, i) => {
        if (n % 2 === 0) {
          const angle = (2 * Math.PI * i) / count;
          const r = 0.5 + next() * 0.5;
          return [Number((r * Math.cos(angle)).toFixed(3)), Number((r * Math.sin(angle)).toFixed(3))];
        }
        return [Number(next().toFixed(3)), Number(next().toFixed(3))];
      });
      const feature: Feature<Polygon> = {
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] },
      };
      const expected = kinks(feature).features.map((point) => point.geometry.coordinates.map((c) => c.toFixed(9)).join(','));
      const found = selfCrossings(feature.geometry).map((point) => point.map((c) => c!.toFixed(9)).join(','));
      expect(new Set(found), `ring ${n}`).toEqual(new Set(expected));
    }
  });

  it('checks a 2,000-vertex outline in well under a second', () => {
    const ring: Position[] = Array.from({ length: 2000 }, (_, i) => [
      Math.cos((2 * Math.PI * i) / 2000),
      Math.sin((2 * Math.PI * i) / 2000),
    ]);
    const started = performance.now();
    expect(selfCrossings({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] })).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
