import { extractFrontmatter, parseFrontmatter } from '@astrojs/markdown-remark';
import type { z } from 'zod';
import type { chapterSchema, Chapter } from '../../content/chapter-schema.ts';
import { invisibleInValue } from '../invisible-text.ts';
import type { GeoProblem } from '../problems.ts';
import { describeIssue } from '../zod-issues.ts';
import type { ChapterFile } from './chapter-files.ts';

/** What YAML made of an unquoted value that was meant as text. */
function readAs(value: unknown): string | undefined {
  if (value instanceof Date) return `a date (${value.toISOString().slice(0, 10)})`;
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `a yes/no value (${value})`;
  if (value === null) return 'empty (null)';
  return undefined;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (at, key) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined),
    input,
  );
}

/**
 * The frontmatter, parsed by the very function Astro parses it with (js-yaml through
 * @astrojs/markdown-remark), so what passes here is what Astro reads: a byte-order mark
 * and CRLF line ends are fine, `title: 2025-09-29` is a date, not text.
 */
export function validateChapterFrontmatter(
  chapter: ChapterFile,
  schema: ReturnType<typeof chapterSchema>,
): { data?: Chapter; body: string; problems: GeoProblem[] } {
  const { file, text } = chapter;
  const raw = extractFrontmatter(text);
  if (raw === undefined)
    return {
      body: text,
      problems: [
        {
          severity: 'error',
          file,
          message: 'has no frontmatter (a block between --- lines at the top)',
          fix: 'start the file with ---, the fields, and --- (see src/content/chapter-schema.ts)',
        },
      ],
    };
  // The prose alone, on its own lines, as Astro's 'empty-with-lines' leaves it: checked even when the YAML is not.
  const prose = text.replace(`---${raw}---`, raw.replace(/[^\r\n]/g, ''));
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(text, { frontmatter: 'empty-with-lines' });
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    return {
      body: prose,
      problems: [
        {
          severity: 'error',
          file,
          // js-yaml counts lines from 0 within the frontmatter, which starts right after the first --- on line 1.
          ...(mark?.line === undefined ? {} : { line: mark.line + 1 }),
          message: `frontmatter is not valid YAML (${((error as { reason?: string }).reason ?? (error as Error).message).split('\n')[0]})`,
          fix: 'put text that holds a colon, # or quotes in double quotes',
        },
      ],
    };
  }
  const data = parsed.frontmatter;
  if (Array.isArray(data))
    return {
      body: parsed.content,
      problems: [
        {
          severity: 'error',
          file,
          message: 'frontmatter is a list (lines starting with "- "); it must be fields, one "name: value" per line',
          fix: 'remove the "- " in front of each field',
        },
      ],
    };
  const hidden = invisibleInValue(data, '');
  if (hidden)
    return {
      body: parsed.content,
      problems: [
        {
          severity: 'error',
          file,
          message: `field "${hidden.path}" holds ${hidden.what}`,
          fix: 'retype the text (copying from a PDF or a web page can bring these in)',
        },
      ],
    };
  const result = schema.safeParse(data);
  if (result.success) return { data: result.data, body: parsed.content, problems: [] };
  return {
    body: parsed.content,
    problems: result.error.issues.map((issue: z.core.$ZodIssue) => {
      const as = issue.code === 'invalid_type' && issue.expected === 'string' ? readAs(valueAt(data, issue.path)) : undefined;
      const field = issue.path.map(String).join('.');
      return as
        ? {
            severity: 'error' as const,
            file,
            message: `field "${field}": YAML reads the unquoted value as ${as}, not as text`,
            fix: `put the value in double quotes: ${field}: "..."`,
          }
        : { severity: 'error' as const, file, message: describeIssue(issue, data).message };
    }),
  };
}
