import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chapterIdOf } from '../../content/rehype-story-sanitize.ts';
import { pageIds } from '../page-ids.ts';
import type { GeoProblem } from '../problems.ts';
import { guarded } from '../processing.ts';
import { readEditorFile } from '../read-editor-file.ts';
import { isPrototypeName } from '../reserved-names.ts';

export interface ChapterFile {
  file: string;
  id: string;
  text: string;
}

const chapterIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The chapter files, read as Astro's content collection reads them (`*.md`, id = file
 * name without the leading number), each with an id that is valid, unique, and not an
 * id the page already uses: two chapters with one id would publish only one of them.
 */
export function readChapterFiles(root: string): { chapters: ChapterFile[]; problems: GeoProblem[] } {
  const dir = join(root, 'src', 'content', 'chapters');
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .sort()
    : [];
  const problems: GeoProblem[] = [];
  const chapters: ChapterFile[] = [];
  const byId = new Map<string, string>();
  for (const name of names) {
    const file = `src/content/chapters/${name}`;
    const id = chapterIdOf(name);
    const refuse = (message: string, fix: string) => problems.push({ severity: 'error', file, message, fix });
    if (!chapterIdPattern.test(id)) {
      refuse(
        `gives the chapter id "${id}", which is not lowercase words joined by hyphens`,
        'name chapter files NN-slug.md, e.g. 04-hard-currency.md',
      );
      continue;
    }
    // The chapter's heading takes `<id>-title` (StoryView.astro): that id must be free too.
    const clash = pageIds.has(id)
      ? `the page's own element #${id}`
      : pageIds.has(`${id}-title`)
        ? `the page's own element #${id}-title (the id its heading would take)`
        : isPrototypeName(id)
          ? 'a JavaScript built-in name'
          : undefined;
    if (clash) {
      refuse(`gives the chapter id "${id}", which clashes with ${clash}`, `rename the file, e.g. ${name.replace(id, `${id}-chapter`)}`);
      continue;
    }
    const first = byId.get(id);
    if (first !== undefined) {
      refuse(
        `gives the chapter id "${id}", which ${first} already has: only one of them would be published`,
        'give every chapter file its own slug after the number',
      );
      continue;
    }
    byId.set(id, file);
    const read = guarded(
      file,
      () => readEditorFile(root, join(dir, name), file),
      (problem) => ({ problem }),
    );
    if (read.problem) problems.push(read.problem);
    else chapters.push({ file, id, text: read.text });
  }
  return { chapters, problems };
}
