/**
 * The served fonts against the built site (run after `npm run build`): every character
 * a page draws is in the font file the browser would pick for it, in both stacks, and a
 * character no font has stops the build naming its page. Font files are read back with
 * fontkit, not with the harfbuzz subsetter that wrote them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { families } from '../../src/fonts/families.ts';
import { asksForFontFeatures, describeMissing, drawnCodePoints, pageText, planFonts, sliceByUse } from '../../src/fonts/subset.ts';

const root = process.cwd();
const dist = join(root, 'dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? htmlFiles(join(dir, entry.name)) : entry.name.endsWith('.html') ? [join(dir, entry.name)] : [],
  );
}

interface Rule {
  family: string;
  weight: string;
  style: string;
  url: string;
  ranges: [number, number][];
  draws: Set<number>;
}

function fontRules(css: string): Rule[] {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => {
    const get = (name: string) => new RegExp(`${name}:\\s*([^;}]+)`).exec(body!)![1]!.trim();
    const url = /url\(([^)]+)\)/.exec(body!)![1]!;
    const ranges = get('unicode-range')
      .split(',')
      .map((part): [number, number] => {
        const [from, to = from] = part.trim().slice(2).split('-');
        return [parseInt(from!, 16), parseInt(to!, 16)];
      });
    const font = fontkit.create(readFileSync(join(dist, url))) as fontkit.Font;
    return {
      family: get('font-family').replace(/'/g, ''),
      weight: get('font-weight'),
      style: get('font-style'),
      url,
      ranges,
      draws: new Set(font.characterSet),
    };
  });
}

const inRange = (rule: Rule, point: number) => rule.ranges.some(([from, to]) => point >= from && point <= to);
const label = (point: number) => `"${String.fromCodePoint(point)}" U+${point.toString(16).toUpperCase()}`;

describe('the built site’s fonts', () => {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  const pages = htmlFiles(dist).map((path) => ({ name: `/${relative(dist, path)}`, html: readFileSync(path, 'utf8') }));
  const fontStylesheets = new Set(pages.flatMap(({ html }) => [...html.matchAll(/href="([^"]*\/fonts\.[\w-]+\.css)"/g)].map((m) => m[1]!)));
  const rules = [...fontStylesheets].flatMap((href) => fontRules(readFileSync(join(dist, href), 'utf8')));
  const siteCss = readdirSync(join(dist, '_astro'))
    .filter((name) => name.endsWith('.css'))
    .map((name) => readFileSync(join(dist, '_astro', name), 'utf8'))
    .join('\n');
  const stack = (name: string) =>
    /* the stack as built, not as the test expects it */ new RegExp(`--${name}:([^;]+);`)
      .exec(siteCss)![1]!
      .split(',')
      .map((f) => f.trim().replace(/['"]/g, ''));

  it('every page links one shared font stylesheet', () => {
    expect(fontStylesheets.size).toBe(1);
    expect(pages.filter(({ html }) => !/\/fonts\.[\w-]+\.css"/.test(html)).map(({ name }) => name)).toEqual([]);
  });

  it('no face claims a character its file cannot draw', () => {
    const lies = rules.flatMap((rule) =>
      rule.ranges
        .flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i))
        .filter((point) => !rule.draws.has(point))
        .map((point) => `${rule.url} ${label(point)}`),
    );
    expect(lies).toEqual([]);
  });

  it('text keeps its kerning and ligatures, and no file carries the figures or small caps no stylesheet asks for', () => {
    const latin = rules.filter((rule) => ['Source Serif 4', 'Noto Sans'].includes(rule.family));
    expect(latin.length).toBeGreaterThan(0);
    for (const rule of latin) {
      const features = (fontkit.create(readFileSync(join(dist, rule.url))) as fontkit.Font).availableFeatures;
      // Source Serif draws "fi" and "fl" as ligatures; Noto Sans has none in these characters.
      expect(features, rule.url).toEqual(expect.arrayContaining(rule.family === 'Source Serif 4' ? ['kern', 'liga'] : ['kern']));
      expect(
        features.filter((tag) => ['tnum', 'pnum', 'onum', 'smcp', 'frac', 'numr', 'dnom'].includes(tag)),
        rule.url,
      ).toEqual([]);
    }
  });

  it('every character of every page is drawn by the face the browser picks for it, in the serif and the sans stack', () => {
    const serif = stack('serif');
    const sans = stack('sans');
    const undrawn: string[] = [];
    for (const { name, html } of pages) {
      for (const point of drawnCodePoints(pageText(html))) {
        for (const families of [serif, sans]) {
          // The browser takes the first family whose regular face lists the character in its unicode-range.
          const rule = families
            .map((family) => rules.find((r) => r.family === family && r.weight === '400' && r.style === 'normal' && inRange(r, point)))
            .find(Boolean);
          if (!rule?.draws.has(point)) undrawn.push(`${name}: ${label(point)} in ${families[0]}`);
        }
      }
    }
    expect(undrawn).toEqual([]);
  });

  it('Chinese is served by faces that hold nothing else, and the English front page needs only a small slice of them', () => {
    const chinese = rules.filter((rule) => rule.family === 'Noto Sans SC');
    for (const rule of chinese) expect(inRange(rule, 'a'.codePointAt(0)!), rule.url).toBe(false);
    // The browser fetches a face whose unicode-range some character of the page falls in.
    const fetchedBy = (page: string) => {
      const points = drawnCodePoints(pageText(pages.find(({ name }) => name === page)!.html));
      return chinese.filter((rule) => [...points].some((point) => inRange(rule, point)));
    };
    const english = fetchedBy('/index.html');
    expect(english).toHaveLength(1);
    for (const char of '观察者网中文') expect(inRange(english[0]!, char.codePointAt(0)!), char).toBe(true);
    expect(english[0]!.draws.size).toBeLessThan(20);
  });

  it("a Chinese page fetches little beyond what it prints: a chapter card not the whole edition's characters", () => {
    const chinese = rules.filter((rule) => rule.family === 'Noto Sans SC');
    const served = chinese.reduce((sum, rule) => sum + rule.draws.size, 0);
    const zhPages = pages.filter(({ html }) => /<html\b[^>]*\blang="zh/.test(html)).sort((a, b) => a.name.length - b.name.length);
    const counts = zhPages.map(({ name, html }) => {
      const printed = [...drawnCodePoints(pageText(html))].filter((point) => chinese.some((rule) => rule.draws.has(point)));
      const fetched = chinese
        .filter((rule) => printed.some((point) => inRange(rule, point)))
        .reduce((sum, rule) => sum + rule.draws.size, 0);
      return { name, printed: printed.length, fetched };
    });
    // The front page, where most readers arrive, fetches almost only what it prints.
    const front = counts[0]!;
    expect(front.name).toBe('/zh/index.html');
    expect(front.fetched).toBeLessThanOrEqual(front.printed * 1.01 + 5);
    // A page printing a small part of the edition (a chapter card) shares slices with others, but not most of them.
    const small = counts.filter(({ printed }) => printed < served / 5);
    expect(small.length).toBeGreaterThan(2);
    for (const { name, fetched } of small) expect(fetched, name).toBeLessThan((served * 2) / 3);
  });
});

describe('asksForFontFeatures', () => {
  it('keeps every feature for a stylesheet that asks for one, not for one that only resets them', () => {
    expect(asksForFontFeatures('.x{font-variant:normal;font-feature-settings:normal;font-variant-numeric:normal!important}')).toBe(false);
    expect(asksForFontFeatures('td{font-variant-numeric:tabular-nums}')).toBe(true);
    expect(asksForFontFeatures('abbr{font-feature-settings:"smcp" 1}')).toBe(true);
  });
});

describe('planFonts', () => {
  it('gives Burmese names the Myanmar face and leaves the Chinese face out', () => {
    const plan = planFonts(families, new Map([['/who/', drawnCodePoints('Myitkyina (မြစ်ကြီးနား)')]]), new Set(), root);
    const byFamily = new Map(plan.faces.map((face) => [face.family.family, face.slices.flatMap((slice) => slice.points)]));
    expect(plan.missing.size).toBe(0);
    expect(byFamily.has('Noto Sans SC')).toBe(false);
    expect(String.fromCodePoint(...byFamily.get('Noto Sans Myanmar')!)).toBe([...new Set('မြစ်ကြီးနား')].sort().join(''));
  });

  it('reports a character no font has with the pages that print it', () => {
    // Tifinagh: in none of the served families.
    const pages = new Map([
      ['/', drawnCodePoints('Plain text')],
      ['/methods/', drawnCodePoints('Amazigh ⵣ')],
    ]);
    const plan = planFonts(families, pages, new Set(), root);
    expect([...plan.missing]).toEqual([[0x2d63, ['/methods/']]]);
    expect(describeMissing(plan.missing)).toContain('"ⵣ" (U+2D63) on /methods/');
  });
});

describe('sliceByUse', () => {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const fetchedBy = (slices: number[][], printed: Set<number>) =>
    slices.filter((slice) => slice.some((point) => printed.has(point))).flat();

  it('serves each page about what it prints, and puts what no page prints in a last slice', () => {
    const pages = new Map([
      ['/a/', new Set(range(1, 100))],
      ['/b/', new Set(range(101, 200))],
      ['/c/', new Set([...range(1, 5), ...range(101, 105)])],
    ]);
    const slices = sliceByUse([...range(1, 200), 500, 501], pages);
    expect(slices.flat().sort((a, b) => a - b)).toEqual([...range(1, 200), 500, 501]);
    expect(slices.at(-1)).toEqual([500, 501]);
    for (const [page, printed] of pages) expect(fetchedBy(slices, printed).length, page).toBeLessThanOrEqual(printed.size + 10);
  });

  it('lets a heavily weighted page fetch only what it prints', () => {
    const pages = new Map([
      ['/', new Set(range(1, 300))],
      ...range(1, 20).map((i): [string, Set<number>] => [`/card-${i}/`, new Set([...range(i * 10, i * 10 + 9), 400 + i])]),
    ]);
    const slices = sliceByUse([...range(1, 300), ...range(401, 420)], pages, (page) => (page === '/' ? pages.size : 1));
    expect(fetchedBy(slices, pages.get('/')!).sort((a, b) => a - b)).toEqual(range(1, 300));
  });

  it('slices a site of 150 pages drawing from 3,000 characters within a build step’s time', { timeout: 20_000 }, () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    // Zipf-like: a few characters on every page, most on a few.
    const pages = new Map(
      range(1, 150).map((i): [string, Set<number>] => [
        `/p${i}/`,
        new Set(range(1, 300).map(() => 0x4e00 + Math.floor(3000 * random() ** 3))),
      ]),
    );
    const points = [...new Set([...pages.values()].flatMap((set) => [...set]))];
    const slices = sliceByUse(points, pages);
    expect(slices.flat().length).toBe(points.length);
    expect(slices.length).toBeLessThan(points.length / 4);
  });
});
