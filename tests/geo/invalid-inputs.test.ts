/**
 * A corpus of broken editor inputs (tests/geo/invalid/<case>/) and inputs that only
 * deserve a warning (tests/geo/warnings/<case>/). Each case is a miniature project
 * root with an expected.json naming the file and the message an editor must see.
 * Cases are discovered from disk: adding a case needs no change here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/geo/check-project.ts';
import { signedArea } from '../../src/geo/geometry-walk.ts';
import { loadLayers } from '../../src/geo/load-layers.ts';
import { processLayer } from '../../src/geo/process-layer.ts';
import type { GeoProblem } from '../../src/geo/problems.ts';

interface Expected {
  file: string;
  message: string;
  featureIndex?: number;
  line?: number;
  severity?: 'error' | 'warning';
}

const here = fileURLToPath(new URL('.', import.meta.url));

function casesIn(kind: 'invalid' | 'warnings'): { name: string; dir: string; expected: Expected }[] {
  const base = join(here, kind);
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = join(base, name);
      return { name, dir, expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected };
    });
}

/** Problems as one readable block, so a failing assertion shows what the editor would see. */
const listing = (problems: readonly GeoProblem[]) =>
  problems
    .map(
      (p) =>
        `${p.severity} ${p.file}${p.line !== undefined ? `:${p.line}` : ''}${p.featureIndex !== undefined ? ` #${p.featureIndex}` : ''}: ${p.message}`,
    )
    .join('\n') || '(no problems)';

function matches(problem: GeoProblem, expected: Expected, severity: GeoProblem['severity']): boolean {
  return (
    problem.severity === severity &&
    problem.file === expected.file &&
    problem.message.includes(expected.message) &&
    (expected.featureIndex === undefined || problem.featureIndex === expected.featureIndex) &&
    (expected.line === undefined || problem.line === expected.line)
  );
}

function expectEditorReadable(problems: readonly GeoProblem[]) {
  for (const problem of problems) {
    expect(problem.message.trim(), listing([problem])).not.toBe('');
    expect(problem.message, listing([problem])).not.toContain('    at ');
    expect(problem.file, listing([problem])).not.toBe('');
    if (problem.fix !== undefined) expect(problem.fix).not.toContain('    at ');
  }
}

function runCheck(dir: string) {
  let result: ReturnType<typeof checkProject> | undefined;
  expect(() => {
    result = checkProject(dir);
  }, 'checkProject must report problems, never throw').not.toThrow();
  return result!;
}

const invalidCases = casesIn('invalid');
const warningCases = casesIn('warnings');

describe('broken editor inputs (tests/geo/invalid)', () => {
  it('the corpus holds at least 30 cases', () => {
    expect(invalidCases.length).toBeGreaterThanOrEqual(30);
  });

  for (const { name, dir, expected } of invalidCases) {
    it(`checkProject rejects ${name}: ${expected.message}`, () => {
      const { problems } = runCheck(dir);
      expect(
        problems.some((p) => matches(p, expected, 'error')),
        `expected an error in ${expected.file}${expected.line !== undefined ? `:${expected.line}` : ''}${expected.featureIndex !== undefined ? ` feature ${expected.featureIndex}` : ''} containing "${expected.message}"; got:\n${listing(problems)}`,
      ).toBe(true);
      expectEditorReadable(problems);
    });
  }
});

describe('inputs that only deserve a warning (tests/geo/warnings)', () => {
  for (const { name, dir, expected } of warningCases) {
    it(`checkProject warns about ${name} but still loads the layer: ${expected.message}`, () => {
      const { problems, layerCount } = runCheck(dir);
      const detail = listing(problems);
      expect(
        problems.some((p) => matches(p, expected, 'warning')),
        `expected a warning in ${expected.file} containing "${expected.message}"; got:\n${detail}`,
      ).toBe(true);
      expect(
        problems.filter((p) => p.severity === 'error'),
        detail,
      ).toEqual([]);
      expect(layerCount).toBe(1);
      expect(loadLayers(dir).layers).toHaveLength(1);
      expectEditorReadable(problems);
    });
  }
});

describe('processLayer repairs what the warnings are about', () => {
  const warningDir = (name: string) => {
    const found = warningCases.find((c) => c.name === name);
    if (!found) throw new Error(`no warning case ${name}`);
    return found.dir;
  };

  it('rewinds a clockwise outer ring counter-clockwise and rounds 8-decimal coordinates to the metadata precision', () => {
    const [ringLayer] = loadLayers(warningDir('clockwise-outer-ring')).layers;
    expect(ringLayer).toBeDefined();
    const inputRing = (ringLayer!.collection!.features[0]!.geometry as Polygon).coordinates[0]!;
    expect(signedArea(inputRing)).toBeLessThan(0);
    const rewound = processLayer(ringLayer!);
    const outer = (rewound.collection.features[0]!.geometry as Polygon).coordinates[0]!;
    expect(signedArea(outer)).toBeGreaterThan(0);
    expect(outer).toHaveLength(inputRing.length);
    expect(outer[0]).toEqual(outer[outer.length - 1]);

    const [fineLayer] = loadLayers(warningDir('eight-decimal-coordinates')).layers;
    expect(fineLayer).toBeDefined();
    const precision = fineLayer!.meta!.precision;
    expect(precision).toBe(4);
    const rounded = processLayer(fineLayer!);
    const [lon, lat] = (rounded.collection.features[0]!.geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBe(95.0697);
    expect(lat).toBe(22.0731);
    for (const feature of rounded.collection.features) {
      for (const value of (feature.geometry as { coordinates: number[] }).coordinates) {
        expect(String(value).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(precision);
      }
    }
  });
});
