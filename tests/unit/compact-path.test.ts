/**
 * The static maps' path data, shortened: every vertex must land where d3-geo put it, on
 * real outlines (the basemap's countries, projected as a static map projects them).
 */
import { readFileSync } from 'node:fs';
import { rewind } from '@turf/turf';
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { compactPath } from '../../src/static-maps/compact-path.ts';

/** The absolute vertices of each subpath, read as SVG does (relative `m`/`l`, implied line-tos, `z`). */
function vertices(d: string): number[][][] {
  const subpaths: number[][][] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  let command = '';
  const pending: number[] = [];
  for (const token of d.match(/[MLZmlz]|-?(?:\d+\.?\d*|\.\d+)/g) ?? []) {
    if (/[MLZmlz]/.test(token)) {
      command = token;
      if (/z/i.test(token)) [x, y] = [startX, startY];
      continue;
    }
    pending.push(Number(token));
    if (pending.length < 2) continue;
    const [a, b] = pending.splice(0, 2) as [number, number];
    const relative = command === command.toLowerCase();
    [x, y] = relative ? [x + a, y + b] : [a, b];
    if (/m/i.test(command)) {
      subpaths.push([]);
      [startX, startY] = [x, y];
      command = relative ? 'l' : 'L';
    }
    subpaths.at(-1)!.push([Math.round(x * 10), Math.round(y * 10)]);
  }
  return subpaths;
}
const countries = JSON.parse(readFileSync('geo/basemap/countries.geojson', 'utf8')) as FeatureCollection;

describe('compactPath', () => {
  const projection = geoMercator().fitExtent(
    [
      [40, 40],
      [760, 560],
    ],
    countries,
  );
  const draw = geoPath(projection).digits(1);
  const outlines = countries.features.map((feature) => draw(rewind(feature, { reverse: true }) as GeoPermissibleObjects) ?? '');

  it('keeps every vertex of the basemap countries exactly where d3-geo put it', () => {
    expect(outlines.length).toBeGreaterThan(5);
    for (const d of outlines) expect(vertices(compactPath(d))).toEqual(vertices(d));
  });

  it('makes the outlines at least a quarter shorter', () => {
    const before = outlines.join('').length;
    const after = outlines.map(compactPath).join('').length;
    expect(after).toBeLessThan(before * 0.75);
  });

  it('writes zeros, signs and run-on decimals so that SVG reads them back', () => {
    const d = 'M0,0L0.5,-0.5L1,1L1,1.5L0.2,0.3ZM10,10L10.5,9.5Z';
    expect(compactPath(d)).toBe('m0 0 .5-.5.5 1.5 0 .5-.8-1.2zm10 10 .5-.5z');
    expect(vertices(compactPath(d))).toEqual(vertices(d));
  });

  it('leaves a path with other commands (a circle’s arcs) as it was', () => {
    const circle = 'M10,10m0,4.5a4.5,4.5 0 1,1 0,-9a4.5,4.5 0 1,1 0,9z';
    expect(compactPath(circle)).toBe(circle);
  });
});
