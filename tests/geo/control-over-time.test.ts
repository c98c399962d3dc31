/**
 * Who held the rare-earth areas, chapter by chapter, on the real layers and chapters:
 * a map dated before the KIA took Chipwi (30 September 2024) and Pangwa (19 October
 * 2024) must not call them KIA-held, and Bhamo, which the KIA never took, never is.
 * Checked in the computed map state, in each chapter's map description and in the
 * built static maps (dist/, from `npm run build`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { chapterSchema } from '../../src/content/chapter-schema.ts';
import { buildStoryGeo } from '../../src/geo/pipeline.ts';
import { chapterMapState } from '../../src/content/chapter-state.ts';

const root = join(import.meta.dirname, '..', '..');
const geo = buildStoryGeo(root);
const schema = chapterSchema(new Map(geo.layers.map((layer) => [layer.id, layer.featureIds])));
const chaptersDir = join(root, 'src', 'content', 'chapters');
const chapters = readdirSync(chaptersDir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name, index) => {
    const text = readFileSync(join(chaptersDir, name), 'utf8');
    const data = schema.parse(parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!));
    const id = name.replace(/^\d+-/, '').replace(/\.md$/, '');
    return { id, data, state: chapterMapState({ ...data, id }, index, geo.layers) };
  })
  .filter(({ state }) => state.visibleLayers.includes('rare-earth-areas'));

const kiaClaim = /\bKIA\b|Kachin Independence Army/;

describe('control of the rare-earth areas at each chapter’s date', () => {
  it('covers chapters on both sides of the KIA’s capture of Chipwi and Pangwa', () => {
    expect(chapters.some(({ state }) => state.date < '2024-09-30')).toBe(true);
    expect(chapters.some(({ state }) => state.date >= '2024-10-19')).toBe(true);
  });

  for (const { id, data, state } of chapters) {
    const chipwi = state.controls['rare-earth-areas']?.['chipwi-pangwa'];
    const momauk = state.controls['rare-earth-areas']?.['momauk-bhamo'];

    it(`${id} (${state.date}): Chipwi–Pangwa is labelled with who held it then`, () => {
      expect(chipwi, 'every rare-earth chapter labels the area').toBeTruthy();
      if (state.date < '2024-09-30') {
        expect(chipwi).not.toMatch(kiaClaim);
        expect(chipwi).toMatch(/NDA-K/);
      } else if (state.date >= '2024-10-19') expect(chipwi).toMatch(/KIA-held/);
    });

    it(`${id} (${state.date}): Bhamo is never labelled KIA-held; Momauk only from August 2024`, () => {
      expect(momauk).not.toMatch(/Bhamo[^;]*KIA|KIA-held/);
      if (state.date < '2024-08-19') expect(momauk).not.toMatch(kiaClaim);
    });

    if (state.date < '2024-10-01') {
      it(`${id} (${state.date}): the map description does not call the areas KIA-held`, () => {
        expect(data.mapDescription).not.toMatch(kiaClaim);
      });

      const svg = join(root, 'dist', 'static-maps', `${id}.svg`);
      it.skipIf(!existsSync(svg))(`${id} (${state.date}): the built static map labels no area KIA-held`, () => {
        const labels = [...readFileSync(svg, 'utf8').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
        expect(labels.some((label) => label.includes('NDA-K'))).toBe(true);
        expect(labels.filter((label) => kiaClaim.test(label))).toEqual([]);
      });
    }
  }
});
