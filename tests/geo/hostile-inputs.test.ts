/**
 * A hostile editor's corpus (tests/geo/hostile/<class>/<case>/), grouped by what the
 * editor did wrong. Each case is a miniature project; its expected.json either names
 * the file and the message the check must refuse it with, or says it is accepted
 * ("accepted": true, with the warning it must draw, if any), in which case every
 * chapter is rendered through the real Markdown pipeline of astro.config.mjs and the
 * HTML must hold nothing live. All of it runs in process: no Astro build.
 * Cases are discovered from disk: adding one needs no change here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { chapterIdOf } from '../../src/content/rehype-story-sanitize.ts';
import { replaceTokens } from '../../src/content/story-tokens.ts';
import { checkProject } from '../../src/geo/check-project.ts';
import { formatProblem, type GeoProblem } from '../../src/geo/problems.ts';
import { liveInFragment } from '../support/inert-html.ts';

interface Expected {
  file: string;
  message?: string;
  line?: number;
  featureIndex?: number;
  accepted?: true;
  warning?: string;
  /** Accepted chapter: a token whose value the rendered HTML must contain. */
  rendered?: string;
  /** Accepted chapter: links that must survive as they are. */
  keepsHrefs?: string[];
}

const base = fileURLToPath(new URL('hostile/', import.meta.url));
const classes = readdirSync(base, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const cases = classes.flatMap((group) =>
  readdirSync(join(base, group), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ group, name: entry.name, dir: join(base, group, entry.name) }))
    .map((c) => ({ ...c, expected: JSON.parse(readFileSync(join(c.dir, 'expected.json'), 'utf8')) as Expected })),
);

const listing = (problems: readonly GeoProblem[]) => problems.map(formatProblem).join('\n') || '(no problems)';

function runCheck(dir: string) {
  let result: ReturnType<typeof checkProject> | undefined;
  expect(() => (result = checkProject(dir)), 'checkProject must report problems, never throw').not.toThrow();
  for (const problem of result!.problems) {
    expect(problem.file, listing([problem])).not.toBe('');
    expect(formatProblem(problem), 'no stack trace reaches an editor').not.toMatch(/\n\s+at |\(node:/);
    expect(formatProblem(problem), 'no path of the build machine reaches an editor').not.toContain(dir);
  }
  return result!;
}

type Renderer = { render: (content: string, options: { fileURL: URL }) => Promise<{ code: string }> };
let renderer: Renderer;
beforeAll(async () => {
  const processor = config.markdown!.processor as unknown as { createRenderer: (shared: object) => Promise<Renderer> };
  renderer = await processor.createRenderer({ syntaxHighlight: false, gfm: true, smartypants: true });
});

describe('the hostile corpus', () => {
  it('holds at least 60 cases across every class of editor mistake', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(classes).toEqual(
      expect.arrayContaining([
        'markup-and-script',
        'links',
        'yaml-frontmatter',
        'encodings',
        'file-system',
        'geometry',
        'numbers',
        'names-and-ids',
        'metadata',
        'data-files',
      ]),
    );
  });

  it('gives every refused case its own message', () => {
    const messages = cases.filter((c) => !c.expected.accepted).map((c) => `${c.expected.file} ${c.expected.message}`);
    expect(messages.length).toBeGreaterThan(0);
    for (const c of cases.filter((c) => !c.expected.accepted)) expect(c.expected.message, c.name).toBeTruthy();
  });
});

for (const group of classes) {
  describe(group, () => {
    for (const { name, dir, expected } of cases.filter((c) => c.group === group)) {
      if (!expected.accepted) {
        it(`refuses ${name}: ${expected.file}: ${expected.message}`, () => {
          const { problems } = runCheck(dir);
          const match = problems.find(
            (p) =>
              p.severity === 'error' &&
              p.file === expected.file &&
              p.message.includes(expected.message!) &&
              (expected.line === undefined || p.line === expected.line) &&
              (expected.featureIndex === undefined || p.featureIndex === expected.featureIndex),
          );
          expect(
            match,
            `expected an error in ${expected.file}${expected.line ? `:${expected.line}` : ''} containing "${expected.message}"; got:\n${listing(problems)}`,
          ).toBeDefined();
        });
        continue;
      }
      it(`accepts ${name}${expected.warning ? ` with the warning "${expected.warning}"` : ''}, and publishes it inert`, async () => {
        const { problems } = runCheck(dir);
        expect(
          problems.filter((p) => p.severity === 'error'),
          listing(problems),
        ).toEqual([]);
        if (expected.warning)
          expect(
            problems.some(
              (p) => p.severity === 'warning' && p.file === expected.file && p.message.includes(expected.warning!) && p.line !== undefined,
            ),
            `expected a warning with a line in ${expected.file} containing "${expected.warning}"; got:\n${listing(problems)}`,
          ).toBe(true);
        else expect(problems, listing(problems)).toEqual([]);
        const chaptersDir = join(dir, 'src', 'content', 'chapters');
        for (const file of existsSync(chaptersDir) ? readdirSync(chaptersDir) : []) {
          const path = join(chaptersDir, file);
          const { content } = parseFrontmatter(readFileSync(path, 'utf8'));
          const { code } = await renderer.render(content, { fileURL: pathToFileURL(path) });
          expect(liveInFragment(code, chapterIdOf(file)), code).toEqual([]);
          expect(code).not.toMatch(/\{\{|\}\}/);
          if (expected.rendered) expect(code).toContain(replaceTokens(expected.rendered, []));
          for (const href of expected.keepsHrefs ?? []) expect(code).toContain(`href="${href}"`);
        }
      });
    }
  });
}
