/**
 * What the built site publishes, read as a reader (or a scraper) gets it: the text of
 * every HTML page with its alt, aria-label and meta content (og:image:alt among them),
 * every JSON and GeoJSON string, SVG text and PNG text chunks. Reads dist/ as
 * `npm run build` left it.
 *
 * 1. Nothing internal: no machine path, no working file name, no brief, no placeholder,
 *    and no layer's editor notes (derivation, editorNotes). Proved able to fail on a copy
 *    of the project whose layer description carries its derivation.
 * 2. The site's own words: no seven-word run of the source article (fingerprints in
 *    tests/fixtures/source-7grams.txt) outside a quotation attributed to a named speaker.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editorNoteTexts, layerMetaSchema } from '../../src/geo/layer-meta.ts';
import { publishedTexts, type PublishedText } from '../support/published-text.ts';
import { sharedRuns, sourceFingerprints } from '../support/seven-grams.ts';
import { copyProject, npmRun, removeProject } from '../support/temp-project.ts';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ has no site: run `npm run build` before this test');

/** Strings that never belong in reader text, each with why. */
const internalPatterns: [RegExp, string][] = [
  [/(?:^|[\s"'(])\/(?:work|tmp|home|root|Users|var)\/[\w.-]/, 'a path on the build machine'],
  [/[A-Z]:\\(?:Users|work)\\/, 'a Windows path'],
  [/places\.json|\.meta\.json|geo\/(?:layers|basemap|sources)\//, 'a working file of the repository'],
  [/\bbrief\b/i, 'the editors’ story brief'],
  [/\bTODO\b|\bFIXME\b|\bXXX\b|\bTK\b|lorem ipsum|\blorem\b/i, 'a placeholder'],
  [/before publishing|satellite imagery before/i, 'an instruction to editors'],
];

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function editorNotes(projectRoot: string): { layer: string; note: string }[] {
  const dir = join(projectRoot, 'geo', 'layers');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.meta.json'))
    .flatMap((name) => {
      const meta = layerMetaSchema.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      return editorNoteTexts(meta).map((note) => ({ layer: name.replace('.meta.json', ''), note: squash(note) }));
    });
}

/** Every internal string in a built site, as "file: what (excerpt)". */
function internalStrings(texts: readonly PublishedText[], notes: readonly { layer: string; note: string }[]): string[] {
  return texts.flatMap(({ file, segments, raw }) => {
    const found: string[] = [];
    for (const [pattern, what] of internalPatterns) {
      const hit = pattern.test(raw) ? (segments.find((s) => pattern.test(s)) ?? raw.match(pattern)?.[0]) : undefined;
      if (hit !== undefined) found.push(`${file}: ${what} (${squash(hit).slice(0, 100)})`);
    }
    const text = squash(segments.join(' \u2029 '));
    for (const { layer, note } of notes)
      if (text.includes(note)) found.push(`${file}: the editor notes of layer ${layer} ("${note.slice(0, 60)}…")`);
    return found;
  });
}

describe('the published site shows readers nothing internal', () => {
  const texts = publishedTexts(dist);

  it('reads HTML, JSON, SVG and PNG text chunks, og:image:alt included', () => {
    const kinds = new Set(texts.map(({ file }) => file.split('.').pop()));
    for (const kind of ['html', 'json', 'geojson', 'svg', 'png']) expect(kinds, `no .${kind} file in dist/`).toContain(kind);
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    const ogAlt = /<meta[^>]+property="og:image:alt"[^>]+content="([^"]+)"/.exec(home)?.[1];
    expect(ogAlt, 'index.html has an og:image:alt').toBeTruthy();
    expect(texts.find((t) => t.file === 'index.html')!.segments).toContain(ogAlt);
  });

  it('no machine path, working file, brief, placeholder or editor note in any published file', () => {
    expect(internalStrings(texts, editorNotes(root))).toEqual([]);
  });

  describe('a copy of the project whose layer description carries its editor notes', () => {
    let copy: string | undefined;
    afterAll(() => copy && removeProject(copy));

    it('is caught in the built catalog, /data/layers.json and credits', { timeout: 600_000 }, () => {
      copy = copyProject('internal-strings');
      const metaFile = join(copy, 'geo', 'layers', 'anning-meeting.meta.json');
      const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { description: string; derivation: string };
      meta.description = `${meta.description} ${meta.derivation}`;
      writeFileSync(metaFile, JSON.stringify(meta, null, 2));
      const build = npmRun(copy, ['build']);
      expect(build.status, build.output.slice(-2000)).toBe(0);
      const found = internalStrings(publishedTexts(join(copy, 'dist')), editorNotes(copy));
      expect(found.some((line) => line.startsWith('data/layers.json: the editor notes of layer anning-meeting'))).toBe(true);
      expect(found.some((line) => line.startsWith('layers/index.html: the editor notes of layer anning-meeting'))).toBe(true);
    });
  });
});

/**
 * Quotations the story may print in the speaker's words, each attributed in the text
 * to a named speaker. A run inside one of these quotation marks is the speaker's, not
 * the article's wording reprinted.
 */
const attributedQuotations = [
  { speaker: 'Wang Yi, in the Chinese foreign ministry readout', words: 'development path that suits its national conditions' },
  { speaker: 'Wang Yi, in the Chinese foreign ministry readout', words: 'domestic political agenda' },
  { speaker: 'Bertil Lintner, quoted by Observer Net', words: 'under China’s nose' },
  { speaker: 'Bertil Lintner, quoted by Observer Net', words: 'completely unrealistic' },
  { speaker: 'Adam Castillo, quoted by Reuters', words: 'could play a peace-broker role in Myanmar' },
];

/**
 * Proper names long enough to make a seven-word run on their own; a name is not
 * wording. Each with its reason. (Empty today: the story's long names are all shorter
 * than seven words as it writes them.)
 */
const properNames: { name: string; reason: string }[] = [];

/** The text with attributed quotations and exempt names cut out, so no run spans them. */
function withoutExemptions(text: string): string {
  let result = text;
  for (const { words } of attributedQuotations)
    for (const [open, close] of [
      ['"', '"'],
      ['“', '”'],
    ])
      result = result.split(`${open}${words}${close}`).join(' \u2029 ');
  for (const { name } of properNames) result = result.split(name).join(' \u2029 ');
  return result;
}

describe('the published site is written in its own words', () => {
  const fingerprints = sourceFingerprints();
  const texts = publishedTexts(dist);

  it('the fingerprint file is the copy of the source article’s runs', () => {
    expect(fingerprints.size).toBeGreaterThan(1000);
  });

  it('shares no seven-word run with the source article outside an attributed quotation', () => {
    const shared = texts.flatMap(({ file, segments }) =>
      segments.flatMap((segment) =>
        withoutExemptions(segment)
          .split('\u2029')
          .flatMap((part) => sharedRuns(part, fingerprints).map((run) => `${file}: "${run}" in "${squash(segment).slice(0, 90)}…"`)),
      ),
    );
    expect([...new Set(shared)]).toEqual([]);
  });

  it('catches a run of the article printed without quotation marks', () => {
    const readout = attributedQuotations[0]!.words;
    const unquoted = `Wang said China backs a ${readout} and more.`;
    expect(withoutExemptions(unquoted)).toBe(unquoted);
    expect(sharedRuns(unquoted, fingerprints).length).toBeGreaterThan(0);
    expect(sharedRuns(withoutExemptions(`Wang backs its "${readout}" and more.`), fingerprints)).toEqual([]);
  });
});
