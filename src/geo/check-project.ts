import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { backMatterFile, parseBackMatter } from '../content/back-matter.ts';
import { chapterSchema } from '../content/chapter-schema.ts';
import { parseSteps } from '../content/steps.ts';
import { checkDataFiles } from '../data/check-data.ts';
import { buildStoryGeo } from './pipeline.ts';
import { guarded } from './processing.ts';
import { GeoInputError, type GeoProblem } from './problems.ts';
import { validateChapterBody } from './validate/chapter-body.ts';
import { readChapterFiles } from './validate/chapter-files.ts';
import { validateChapterFrontmatter } from './validate/chapter-frontmatter.ts';
import { validateChapterReferences } from './validate/chapter-references.ts';
import { readDataJson } from './validate/data-json.ts';
import { validateSources } from './validate/sources.ts';
import { validateEditions } from './validate/editions.ts';

/**
 * The one check of everything an editor writes, run before Astro (`npm run geo:check`,
 * and first in `npm run build`): the data files, every layer and its metadata, every
 * chapter's file, frontmatter, references and prose, and the back matter. Editors get every problem in one
 * run, each naming its file; an input that makes a check fail unexpectedly is reported
 * against its file, never as a stack trace.
 */
export function checkProject(root: string): { problems: GeoProblem[]; layerCount: number; chapterCount: number } {
  const problems: GeoProblem[] = [];
  const sourceIds = guarded(
    'src/data/sources.json',
    () => {
      if (!existsSync(join(root, 'src', 'data', 'sources.json'))) return undefined;
      const { value, problems: read } = readDataJson(root, 'src/data/sources.json');
      problems.push(...read);
      // Unreadable: its own error says so; chapters' source ids are then not checked against it.
      if (read.length > 0) return null;
      const { ids, problems: invalid } = validateSources(value);
      problems.push(...invalid);
      return ids;
    },
    (problem) => (problems.push(problem), null),
  );
  guarded(
    'src/data/figures.json',
    () => existsSync(join(root, 'src', 'data', 'figures.json')) && problems.push(...readDataJson(root, 'src/data/figures.json').problems),
    (problem) => problems.push(problem),
  );

  let geo;
  try {
    geo = buildStoryGeo(root);
  } catch (error) {
    if (!(error instanceof GeoInputError)) throw error;
    // Chapters are checked against the layers, so only their files are checked until the layers pass.
    const { problems: chapterFileProblems } = readChapterFiles(root);
    return { problems: [...problems, ...error.problems, ...chapterFileProblems], layerCount: 0, chapterCount: 0 };
  }
  problems.push(...geo.warnings, ...checkDataFiles(root));

  const { chapters, problems: fileProblems } = readChapterFiles(root);
  problems.push(...fileProblems);
  if (chapters.length > 0 && sourceIds === undefined)
    problems.push({ severity: 'error', file: 'src/data/sources.json', message: 'is missing: chapters cite sources listed there' });
  const schema = chapterSchema(new Map(geo.layers.map((layer) => [layer.id, layer.featureIds])));
  for (const chapter of chapters) {
    guarded(
      chapter.file,
      () => {
        const { data, body, problems: frontmatter } = validateChapterFrontmatter(chapter, schema);
        problems.push(...frontmatter);
        if (data) problems.push(...validateChapterReferences(chapter, data, sourceIds ?? undefined, geo.layers));
        if (frontmatter.every((p) => !p.message.startsWith('has no frontmatter')))
          problems.push(...validateChapterBody(chapter, body, geo.layers));
        problems.push(
          ...parseSteps(chapter.text).problems.map((problem) => ({ severity: 'error' as const, file: chapter.file, ...problem })),
        );
      },
      (problem) => problems.push(problem),
    );
  }
  guarded(
    backMatterFile,
    () => {
      const path = join(root, backMatterFile);
      // A folder with a story configuration is a whole story, and every story has back matter.
      if (!existsSync(path)) {
        if (!existsSync(join(root, 'src', 'content', 'story.config.json'))) return;
        return problems.push({
          severity: 'error',
          file: backMatterFile,
          message: 'is missing: the page prints the edition, who’s who, corrections and methods from it',
          fix: 'copy the file from another story and rewrite its sections (see the README, "Starting the next story")',
        });
      }
      problems.push(...parseBackMatter(readFileSync(path, 'utf8'), backMatterFile, geo.layers).problems);
    },
    (problem) => problems.push(problem),
  );
  guarded(
    'src/content/story.config.json',
    () => problems.push(...validateEditions(root, geo.layers)),
    (problem) => problems.push(problem),
  );
  return { problems, layerCount: geo.layers.length, chapterCount: chapters.length };
}
