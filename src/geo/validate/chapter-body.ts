import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { rehypeStorySanitize, type Dropped } from '../../content/rehype-story-sanitize.ts';
import { replaceTokens } from '../../content/story-tokens.ts';
import type { PublishedLayer } from '../process-layer.ts';
import { lineColumnAt, type GeoProblem } from '../problems.ts';
import type { ChapterFile } from './chapter-files.ts';

const tokenFix = 'see the token list at the top of src/content/story-tokens.ts';

/**
 * Every `{{...}}` in the prose is a token that renders, and no brace pair is left that
 * would print raw to readers (a typo such as `{{figure x}` or `{figure x}}`). A token
 * may wrap onto the next line, as editors' soft wrapping does: Markdown joins the lines.
 */
function tokenProblems(file: string, body: string, layers: readonly PublishedLayer[]): GeoProblem[] {
  const problems: GeoProblem[] = [];
  const at = (offset: number) => lineColumnAt(body, offset);
  const rest = body.replace(/\{\{[^{}]*\}\}/g, (token, offset: number) => {
    if (/\n[ \t]*\r?\n/.test(token)) {
      problems.push({
        severity: 'error',
        file,
        ...at(offset),
        message: `${JSON.stringify(token)} is split across paragraphs, so it would print as written`,
        fix: 'keep the token in one paragraph',
      });
      return ' '.repeat(token.length);
    }
    try {
      if (replaceTokens(token, layers) === token)
        problems.push({
          severity: 'error',
          file,
          ...at(offset),
          message: `${token.replace(/\s+/g, ' ')} is not a token, so it would print as written`,
          fix: tokenFix,
        });
    } catch (error) {
      problems.push({ severity: 'error', file, ...at(offset), message: (error as Error).message.replace(/\s+/g, ' '), fix: tokenFix });
    }
    return ' '.repeat(token.length);
  });
  const stray = /\{\{|\}\}/.exec(rest);
  if (stray)
    problems.push({
      severity: 'error',
      file,
      ...at(stray.index),
      message: `a lone "${stray[0]}": a token with a missing or extra brace would print as written`,
      fix: 'write tokens as {{kind argument}}',
    });
  return problems;
}

/** Markdown to HTML as Astro does it (GFM, raw HTML parsed), through the same sanitiser, to hear what it drops. */
const renderer = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true });

function sanitiserWarnings(chapter: ChapterFile, body: string): GeoProblem[] {
  const drops: Dropped[] = [];
  const processor = renderer().use(rehypeStorySanitize, { report: (_file, dropped) => drops.push(dropped) });
  const file = new VFile({ value: body, path: chapter.file });
  processor.runSync(processor.parse(file), file);
  return drops.map(({ line, message }) => ({
    severity: 'warning' as const,
    file: chapter.file,
    ...(line === undefined ? {} : { line }),
    message,
    fix: 'Markdown only: see "Editing the story" in README.md',
  }));
}

/** The chapter's prose: tokens that render, and HTML the sanitiser keeps (what it drops is a warning). */
export function validateChapterBody(chapter: ChapterFile, body: string, layers: readonly PublishedLayer[]): GeoProblem[] {
  return [...tokenProblems(chapter.file, body, layers), ...sanitiserWarnings(chapter, body)];
}
