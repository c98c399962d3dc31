/**
 * The story's back matter (`src/content/back-matter.md` under the story root): the edition,
 * who is who, corrections and how the map was drawn, written as Markdown like the chapters
 * and rendered by the same pipeline (markdown-pipeline.ts). Each section starts with a
 * marker line and its heading:
 *
 *     <!-- section: corrections -->
 *
 *     ## Corrections and updates
 *
 *     {{date corrected}}: after a fact-check, this edition corrects the following.
 *
 * The page links to the sections by id (`#corrections`), so the ids are fixed: every one of
 * `backMatterSections` once, in any order. Dates are tokens (`{{date asOf}}`), sources are
 * ordinary Markdown links, and a glossary is a definition list (definition-lists.ts).
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import type { GeoProblem } from '../geo/problems.ts';
import { GeoInputError } from '../geo/problems.ts';
import { storyGeo } from '../geo/pipeline.ts';
import type { PublishedLayer } from '../geo/process-layer.ts';
import { storyMarkdownPlugins } from './markdown-pipeline.ts';
import { readStoryFile, shownStoryPath, storyPath } from './story-root.ts';
import { replaceTokens } from './story-tokens.ts';

/** The back matter's file, relative to the story root. */
export const backMatterFile = 'src/content/back-matter.md';

/** An edition's back matter: the source edition's {@link backMatterFile}, a translation's under src/content/<path>/. */
export const editionBackMatterFile = (edition: { path: string }): string =>
  edition.path ? `src/content/${edition.path}/back-matter.md` : backMatterFile;

/** The section ids the page links to, in the order the page prints them by default. */
export const backMatterSections = ['edition', 'whos-who', 'corrections', 'methods'] as const;

export interface BackMatterSection {
  id: string;
  /** 1-based line of the section's marker. */
  line: number;
  /** The section's Markdown, heading first. */
  text: string;
}

/** Any comment that starts with "section" is meant as a marker, so a misspelt one is reported rather than dropped. */
const markerAttempt = /^\s*<!--\s*sections?\b/i;
const marker = /^<!-- section: ([a-z0-9]+(?:-[a-z0-9]+)*) -->$/;
const tokenPattern = /\{\{[^}]*\}\}/g;
const known: readonly string[] = backMatterSections;

/**
 * Splits the back matter into its sections and checks its markers, headings and tokens.
 * `layers` are the published layers the tokens may measure.
 */
export function parseBackMatter(
  text: string,
  file: string,
  layers: readonly PublishedLayer[],
): { sections: BackMatterSection[]; problems: GeoProblem[] } {
  const lines = text.split(/\r?\n/);
  const sections: (BackMatterSection & { lines: string[] })[] = [];
  const problems: GeoProblem[] = [];
  const problem = (line: number, message: string, fix: string) => problems.push({ severity: 'error', file, line, message, fix });
  lines.forEach((raw, index) => {
    const line = index + 1;
    const section = sections.at(-1);
    if (markerAttempt.test(raw)) {
      const match = marker.exec(raw.trim());
      if (!match)
        return problem(line, `"${raw.trim()}" is not a section marker`, 'write it as a line of its own: <!-- section: corrections -->');
      const id = match[1]!;
      if (!known.includes(id))
        problem(line, `unknown section "${id}"`, `the page links to these sections: ${backMatterSections.join(', ')}; use one of them`);
      const earlier = sections.find((s) => s.id === id);
      if (earlier) problem(line, `section "${id}" is already used on line ${earlier.line}`, 'write each section once');
      sections.push({ id, line, text: '', lines: [] });
      return;
    }
    if (!section) {
      if (raw.trim() !== '')
        problem(line, 'text before the first section marker', 'start the file with a marker: <!-- section: edition -->');
      return;
    }
    if (section.lines.every((l) => l.trim() === '') && raw.trim() !== '' && !/^## \S/.test(raw))
      problem(line, `section "${section.id}" does not start with its heading`, 'put a "## Heading" line right after the marker');
    for (const token of raw.match(tokenPattern) ?? []) {
      try {
        replaceTokens(token, layers);
      } catch (error) {
        problem(line, (error as Error).message, 'see the token list in src/content/story-tokens.ts');
      }
    }
    section.lines.push(raw);
  });
  for (const id of backMatterSections)
    if (!sections.some((s) => s.id === id))
      problems.push({
        severity: 'error',
        file,
        message: `has no section "${id}"`,
        fix: `add <!-- section: ${id} --> and its "## Heading": the page links to it`,
      });
  return { sections: sections.map(({ id, line, lines: body }) => ({ id, line, text: body.join('\n') })), problems };
}

const processors = new Map<string, Promise<MarkdownRenderer>>();

/**
 * The back matter as HTML: each section in `<section class="back-matter" id="<id>" aria-labelledby="<id>-title">`,
 * its heading `<h2 id="<id>-title">`. Bad markers, headings or tokens throw GeoInputError
 * naming the file and line. `locale` (a BCP-47 tag) sets how dates are written.
 * @example await renderBackMatter() // '<section aria-labelledby="edition-title" id="edition">…'
 */
export async function renderBackMatter({
  file = backMatterFile,
  locale = 'en-GB',
}: { file?: string; locale?: string } = {}): Promise<string> {
  const { sections, problems } = parseBackMatter(readStoryFile(file), shownStoryPath(file), storyGeo().layers);
  if (problems.length) throw new GeoInputError(problems);
  let processor = processors.get(locale);
  if (!processor)
    processors.set(locale, (processor = createMarkdownProcessor({ ...storyMarkdownPlugins({ locale }), syntaxHighlight: false })));
  const fileURL = pathToFileURL(storyPath(file));
  const rendered = await Promise.all(
    sections.map(async ({ id, line, text }) => {
      // Padded to its line in the file, so the sanitiser's warnings name the editor's line.
      const { code } = await (await processor).render(`${'\n'.repeat(line)}${text}`, { fileURL });
      // The sanitiser gives every heading a prefixed id; the section's heading takes the id the section is labelled by.
      const html = code.trim().replace(/^<h2 id="[^"]*">/, `<h2 id="${id}-title">`);
      return `<section aria-labelledby="${id}-title" class="back-matter" id="${id}">\n${html}\n</section>`;
    }),
  );
  return rendered.join('\n');
}
