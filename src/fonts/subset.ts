/**
 * Build-time font subsetting: which characters the built site draws, which face and
 * file draws each, and the subset files and @font-face rules that serve exactly those.
 * Subsetting itself is harfbuzz's (through subset-font); fontkit reads what a file covers.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { parse } from 'parse5';
import subsetFont from 'subset-font';
import type { Face, Family } from './families.ts';

/** Characters no font draws: controls, format marks (soft hyphen, zero-width joiners) and line breaks. */
const undrawn = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** Attributes whose text the page itself draws (alt shows where an image fails to load). */
const drawnAttributes = new Set(['alt', 'placeholder', 'value']);
/** Elements whose content is not drawn as text. */
const notText = new Set(['script', 'style', 'template', 'head']);

interface HtmlNode {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
}

/** The text a page draws with its own fonts: text and drawn attributes outside head, script and style. */
export function pageText(html: string): string {
  const parts: string[] = [];
  const walk = (node: HtmlNode) => {
    if (node.nodeName === '#text') parts.push(node.value ?? '');
    for (const attr of node.attrs ?? []) if (drawnAttributes.has(attr.name)) parts.push(attr.value);
    if (notText.has(node.nodeName)) return;
    node.childNodes?.forEach(walk);
  };
  walk(parse(html) as unknown as HtmlNode);
  return parts.join(' ');
}

/** Every string in a data file the map labels from, also upper-cased (the basemap's country labels are). */
export function dataText(json: string): string {
  const parts: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') parts.push(value, value.toUpperCase());
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(JSON.parse(json));
  return parts.join(' ');
}

export function drawnCodePoints(text: string): Set<number> {
  const points = new Set<number>();
  for (const char of text) if (!undrawn.test(char)) points.add(char.codePointAt(0)!);
  return points;
}

interface SourceFile {
  path: string;
  /** Inclusive code point ranges from the stylesheet's unicode-range. */
  ranges: [number, number][];
  covers?: Set<number>;
}

/** A face's font files: one whole file, or a fontsource stylesheet's woff2 files, each with the range it was cut to. */
export function sourceFiles(source: string, root: string): SourceFile[] {
  const path = createRequire(join(root, 'package.json')).resolve(source);
  if (!source.endsWith('.css')) return [{ path, ranges: [[0, 0x10ffff]] }];
  const files: SourceFile[] = [];
  for (const [, rule] of readFileSync(path, 'utf8').matchAll(/@font-face\s*{([^}]*)}/g)) {
    const url = /url\(\.\/([^)]+\.woff2)\)/.exec(rule!)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(rule!)?.[1];
    if (!url) continue;
    const ranges = range
      ? range.split(',').map((part): [number, number] => {
          const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
          return [parseInt(from!, 16), parseInt(to!, 16)];
        })
      : [[0, 0x10ffff] as [number, number]];
    files.push({ path: join(dirname(path), url), ranges });
  }
  if (files.length === 0) throw new Error(`${source} declares no woff2 font file.`);
  return files;
}

const sourceFonts = new Map<string, { bytes: Buffer; font: fontkit.Font }>();

/** A source font file, read and parsed once for the whole build: planning, feature choice and subsetting all need it. */
function sourceFont(path: string): { bytes: Buffer; font: fontkit.Font } {
  let source = sourceFonts.get(path);
  if (!source) {
    const bytes = readFileSync(path);
    sourceFonts.set(path, (source = { bytes, font: fontkit.create(bytes) as fontkit.Font }));
  }
  return source;
}

/** Whether a file draws a code point: its declared range first (cheap), then its own character map. */
function fileDraws(file: SourceFile, point: number): boolean {
  if (!file.ranges.some(([from, to]) => point >= from && point <= to)) return false;
  file.covers ??= new Set(sourceFont(file.path).font.characterSet);
  return file.covers.has(point);
}

export interface PlannedFace {
  family: Family;
  face: Face;
  /** Each source file with the code points it will serve. */
  slices: { file: string; points: number[] }[];
}

export interface FontPlan {
  faces: PlannedFace[];
  /** Code points drawn by a page that no family has, with the pages that draw them. */
  missing: Map<number, string[]>;
  /** Every code point some family draws. */
  drawn: Set<number>;
}

/**
 * Decides which face and file draws each code point. A primary family takes every
 * point it has; a fallback family only those no family before it has, so that its file
 * is downloaded only by pages that need it (the browser reads its unicode-range).
 *
 * A face served from one whole file (CJK) is cut into slices by which pages print each
 * character (see {@link sliceByUse}), so a page fetches little beyond what it prints: the
 * few Chinese characters an English page prints do not bring the Chinese edition's with them.
 */
export function planFonts(
  families: Family[],
  pages: Map<string, Set<number>>,
  extra: Set<number>,
  root: string,
  weightOf?: (page: string) => number,
): FontPlan {
  const all = new Set([...extra, ...[...pages.values()].flatMap((points) => [...points])]);
  const sources = new Map<Face, SourceFile[]>();
  const files = (face: Face) => sources.get(face) ?? sources.set(face, sourceFiles(face.source, root)).get(face)!;
  const faceDraws = (face: Face, point: number) => files(face).some((file) => fileDraws(file, point));

  const drawn = new Set<number>();
  const faces: PlannedFace[] = [];
  for (const family of families) {
    const regular = family.faces[0]!;
    const points = [...all].filter((point) => faceDraws(regular, point) && (family.primary || !drawn.has(point))).sort((a, b) => a - b);
    points.forEach((point) => drawn.add(point));
    // The family's faces serve the same points: a whole-file face of it is sliced once for all.
    let byUse: number[][] | undefined;
    for (const face of family.faces) {
      const slices = new Map<string, number[]>();
      for (const point of points) {
        const file = files(face).find((candidate) => fileDraws(candidate, point));
        if (file) (slices.get(file.path) ?? slices.set(file.path, []).get(file.path)!).push(point);
      }
      if (slices.size === 0) continue;
      const whole = files(face).length === 1 && !face.source.endsWith('.css');
      faces.push({
        family,
        face,
        slices: whole
          ? (byUse ??= sliceByUse(points, pages, weightOf)).map((slice) => ({ file: files(face)[0]!.path, points: slice }))
          : [...slices].map(([file, points]) => ({ file, points })),
      });
    }
  }

  const missing = new Map<number, string[]>();
  for (const [page, points] of pages) {
    for (const point of points) if (!drawn.has(point)) (missing.get(point) ?? missing.set(point, []).get(point)!).push(page);
  }
  return { faces, missing, drawn };
}

/** What one more file costs a page that fetches it, in characters: its own tables and its request weigh about as much as 20 CJK outlines. */
const fileCost = 20;

/**
 * Cuts `points` into slices so that the pages together download as little as they can:
 * a page fetches every slice holding a character it prints, and pays for each file it
 * fetches (`fileCost`) and each character in it, counted by the page's weight (how many
 * readers it has, relatively). Characters printed by the same pages start together; the
 * two slices whose merging saves the most are merged until no merge saves anything.
 * Characters no page prints (map data, scripts) share a last slice.
 */
export function sliceByUse(points: number[], pages: Map<string, Set<number>>, weightOf: (page: string) => number = () => 1): number[][] {
  const names = [...pages.keys()].sort();
  const weights = names.map(weightOf);
  const words = Math.ceil(names.length / 32);
  interface Slice {
    readers: Uint32Array;
    /** The readers' summed weight. */
    weight: number;
    points: number[];
  }
  const weightOfBits = (word: number, base: number) => {
    let sum = 0;
    for (let bits = word; bits; bits &= bits - 1) sum += weights[base + 31 - Math.clz32(bits & -bits)]!;
    return sum;
  };
  const weigh = (readers: Uint32Array) => readers.reduce((sum, word, i) => sum + weightOfBits(word, i * 32), 0);
  const bySignature = new Map<string, Slice>();
  const unread: number[] = [];
  for (const point of points) {
    const readers = new Uint32Array(words);
    names.forEach((name, i) => {
      if (pages.get(name)!.has(point)) readers[i >> 5]! |= 1 << (i & 31);
    });
    const weight = weigh(readers);
    const key = readers.join();
    if (weight === 0) unread.push(point);
    else (bySignature.get(key) ?? bySignature.set(key, { readers, weight, points: [] }).get(key)!).points.push(point);
  }
  const slices = [...bySignature.values()];
  const cost = (weight: number, size: number) => weight * (fileCost + size);
  const saving = (x: Slice, y: Slice) => {
    let shared = 0;
    for (let i = 0; i < words; i++) shared += weightOfBits(x.readers[i]! & y.readers[i]!, i * 32);
    const size = x.points.length + y.points.length;
    return cost(x.weight, x.points.length) + cost(y.weight, y.points.length) - cost(x.weight + y.weight - shared, size);
  };
  // Greedy: always the merge that saves most. Candidate merges wait in a heap; a merge changes
  // only the slice it keeps (its version moves on) and ends the other, so other candidates stay true.
  const alive = slices.map(() => true);
  const version = slices.map(() => 0);
  const candidates = new MergeHeap();
  const offer = (a: number, b: number) => {
    const gain = saving(slices[a]!, slices[b]!);
    if (gain > 0) candidates.push(gain, a, b, version[a]!, version[b]!);
  };
  for (let a = 0; a < slices.length; a++) for (let b = a + 1; b < slices.length; b++) offer(a, b);
  for (let merge = candidates.pop(); merge; merge = candidates.pop()) {
    const { a, b } = merge;
    if (!alive[a] || !alive[b] || version[a] !== merge.versionA || version[b] !== merge.versionB) continue;
    const [x, y] = [slices[a]!, slices[b]!];
    const readers = x.readers.map((word, i) => word | y.readers[i]!);
    slices[a] = { readers, weight: weigh(readers), points: [...x.points, ...y.points] };
    alive[b] = false;
    version[a]!++;
    for (let other = 0; other < slices.length; other++) if (other !== a && alive[other]) offer(a, other);
  }
  const kept = slices.filter((_, i) => alive[i]);
  // Most-read first, so that a slice's place in the file names follows its reach.
  kept.sort((x, y) => y.weight - x.weight || Math.min(...x.points) - Math.min(...y.points));
  return [...kept.map((slice) => slice.points), ...(unread.length > 0 ? [unread] : [])].map((slice) => slice.sort((a, b) => a - b));
}

/** A max-heap of candidate merges in flat typed arrays: a large site offers millions of them. */
class MergeHeap {
  private gains = new Float64Array(1024);
  private pairs = new Int32Array(4 * 1024);
  private size = 0;

  push(gain: number, a: number, b: number, versionA: number, versionB: number): void {
    if (this.size === this.gains.length) {
      const gains = new Float64Array(this.size * 2);
      gains.set(this.gains);
      this.gains = gains;
      const pairs = new Int32Array(this.size * 8);
      pairs.set(this.pairs);
      this.pairs = pairs;
    }
    let at = this.size++;
    this.write(at, gain, a, b, versionA, versionB);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.gains[parent]! >= this.gains[at]!) break;
      this.swap(at, parent);
      at = parent;
    }
  }

  pop(): { a: number; b: number; versionA: number; versionB: number } | undefined {
    if (this.size === 0) return undefined;
    const top = { a: this.pairs[0]!, b: this.pairs[1]!, versionA: this.pairs[2]!, versionB: this.pairs[3]! };
    this.size--;
    this.swap(0, this.size);
    for (let at = 0; ;) {
      const [left, right] = [2 * at + 1, 2 * at + 2];
      let largest = at;
      if (left < this.size && this.gains[left]! > this.gains[largest]!) largest = left;
      if (right < this.size && this.gains[right]! > this.gains[largest]!) largest = right;
      if (largest === at) break;
      this.swap(at, largest);
      at = largest;
    }
    return top;
  }

  private write(at: number, gain: number, a: number, b: number, versionA: number, versionB: number): void {
    this.gains[at] = gain;
    this.pairs.set([a, b, versionA, versionB], 4 * at);
  }

  private swap(i: number, j: number): void {
    const gain = this.gains[i]!;
    this.gains[i] = this.gains[j]!;
    this.gains[j] = gain;
    for (let k = 0; k < 4; k++) {
      const value = this.pairs[4 * i + k]!;
      this.pairs[4 * i + k] = this.pairs[4 * j + k]!;
      this.pairs[4 * j + k] = value;
    }
  }
}

export function describeMissing(missing: Map<number, string[]>): string {
  const lines = [...missing].map(([point, pages]) => {
    const hex = point.toString(16).toUpperCase().padStart(4, '0');
    return `  "${String.fromCodePoint(point)}" (U+${hex}) on ${pages.slice(0, 3).join(', ')}${pages.length > 3 ? ` and ${pages.length - 3} more` : ''}`;
  });
  return `No font the site serves draws these characters:\n${lines.join('\n')}\nAdd a family that has them to src/fonts/families.ts (README, "Fonts cut to the text"), or change the text.`;
}

/** U+20-7E,U+A0: the CSS form of a sorted list of code points. */
export function unicodeRange(points: number[]): string {
  const ranges: string[] = [];
  const hex = (point: number) => point.toString(16).toUpperCase();
  for (let i = 0; i < points.length; i++) {
    const from = points[i]!;
    while (points[i + 1] === points[i]! + 1) i++;
    ranges.push(points[i] === from ? `U+${hex(from)}` : `U+${hex(from)}-${hex(points[i]!)}`);
  }
  return ranges.join(',');
}

export interface WrittenFont {
  name: string;
  bytes: Buffer;
  face: PlannedFace;
  points: number[];
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const contentHash = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('base64url').slice(0, 10);

/**
 * OpenType features a browser applies only when a stylesheet asks for them (font-variant-*,
 * font-feature-settings): small caps, old-style and tabular figures, stylistic sets. Their
 * glyphs and rules are a sixth of a Latin subset.
 */
const optInFeature =
  /^(aalt|afrc|c2pc|c2sc|case|dlig|hist|hlig|lnum|onum|ordn|pcap|pnum|salt|sinf|smcp|subs|sups|swsh|titl|tnum|unic|zero|ss\d\d|cv\d\d)$/;
/** Fractions are drawn unasked, but only around a fraction slash. */
const fractionFeature = /^(frac|numr|dnom)$/;
const fractionSlash = 0x2044;

/** A stylesheet that sets font-variant or font-feature-settings to anything but a reset may want an opt-in feature. */
export function asksForFontFeatures(css: string): boolean {
  return [...css.matchAll(/font-(?:variant(?:-[a-z-]+)?|feature-settings)\s*:\s*([^;}]+)/g)].some(
    ([, value]) => !/^\s*(normal|none|inherit|initial|unset|revert)\s*(!important)?\s*$/.test(value!),
  );
}

/** The layout features of a font file a subset keeps: all of them when `keepOptIn`, else those a browser applies to `points` unasked. */
function featuresToKeep(file: string, points: number[], keepOptIn: boolean): string[] | undefined {
  if (keepOptIn) return undefined;
  const drawsFractions = points.includes(fractionSlash);
  return sourceFont(file).font.availableFeatures.filter((tag) => !optInFeature.test(tag) && (drawsFractions || !fractionFeature.test(tag)));
}

/**
 * Subsets every planned slice to woff2, named by content so a changed subset is a new URL.
 * `keepOptIn` keeps the features no text is drawn with unless a stylesheet asks for them.
 */
export async function subsetPlan(plan: FontPlan, { keepOptIn = false } = {}): Promise<WrittenFont[]> {
  const jobs = plan.faces.flatMap((face) =>
    face.slices.map(async ({ file, points }, index) => {
      const text = String.fromCodePoint(...points);
      const keepFeatures = featuresToKeep(file, points, keepOptIn);
      const bytes = await subsetFont(sourceFont(file).bytes, text, { targetFormat: 'woff2', ...(keepFeatures && { keepFeatures }) });
      const variant = `${face.face.weight}${face.face.style === 'italic' ? 'i' : ''}${face.slices.length > 1 ? `-${index}` : ''}`;
      return { name: `${slug(face.family.family)}-${variant}.${contentHash(bytes)}.woff2`, bytes, face, points };
    }),
  );
  return Promise.all(jobs);
}

/** The @font-face rules for the written files, each limited to the code points it serves. */
export function fontFaceCss(fonts: WrittenFont[], base: string): string {
  return fonts
    .map(
      ({ name, face, points }) =>
        `@font-face{font-family:'${face.family.family}';font-style:${face.face.style};font-weight:${face.face.weight};font-display:swap;src:url(${base}${name}) format('woff2');unicode-range:${unicodeRange(points)}}`,
    )
    .join('\n');
}

/** For `astro dev`: the whole source fonts, each file with its own range, served by Vite from node_modules. */
export function devFontCss(families: Family[], root: string): string {
  const hex = (point: number) => point.toString(16).toUpperCase();
  return families
    .flatMap((family) =>
      family.faces.flatMap((face) =>
        sourceFiles(face.source, root).map((file) => {
          const range = file.ranges.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)).join(',');
          return `@font-face{font-family:'${family.family}';font-style:${face.style};font-weight:${face.weight};font-display:swap;src:url(/@fs${file.path});unicode-range:${range}}`;
        }),
      ),
    )
    .join('\n');
}

export const stylesheetName = (css: string) => `fonts.${contentHash(css)}.css`;
