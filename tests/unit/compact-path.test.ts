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
import { textPath } from '../../src/static-maps/text-paths.ts';

/** The absolute points of each subpath (curves' control points too), read as SVG reads path data. */
function vertices(d: string, scale = 10): number[][][] {
  const arity: Record<string, number> = { m: 2, l: 2, q: 4, c: 6 };
  const subpaths: number[][][] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  let command = '';
  const pending: number[] = [];
  for (const token of d.match(/[MLQCZmlqcz]|-?(?:\d+\.?\d*|\.\d+)/g) ?? []) {
    if (/[a-z]/i.test(token)) {
      command = token;
      if (/z/i.test(token)) [x, y] = [startX, startY];
      continue;
    }
    pending.push(Number(token));
    const step = arity[command.toLowerCase()]!;
    if (pending.length < step) continue;
    const values = pending.splice(0, step);
    const relative = command === command.toLowerCase();
    const points: number[][] = [];
    for (let i = 0; i < step; i += 2) points.push(relative ? [x + values[i]!, y + values[i + 1]!] : [values[i]!, values[i + 1]!]);
    [x, y] = points.at(-1) as [number, number];
    if (/m/i.test(command)) {
      subpaths.push([]);
      [startX, startY] = [x, y];
      command = relative ? 'l' : 'L';
    }
    subpaths.at(-1)!.push(...points.map(([px, py]) => [Math.round(px! * scale), Math.round(py! * scale)]));
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

  it('keeps every point of a Chinese label outline, curves included, at its tenth of a pixel', () => {
    const outline = textPath('克钦邦稀土', 'Noto Sans SC', 14, 400, 300);
    expect(outline).toMatch(/Q|C/);
    // Tenths of the 800-wide plate, not fontkit's hundredths: a quarter of a translated map's bytes.
    expect(outline.match(/\.\d{2}/g)).toBeNull();
    expect(vertices(compactPath(outline))).toEqual(vertices(outline));
    expect(compactPath(outline).length).toBeLessThan(outline.length * 0.75);
  });

  it('leaves a path with other commands (a circle’s arcs) as it was', () => {
    const circle = 'M10,10m0,4.5a4.5,4.5 0 1,1 0,-9a4.5,4.5 0 1,1 0,9z';
    expect(compactPath(circle)).toBe(circle);
  });
});
