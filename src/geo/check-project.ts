import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { chapterSchema } from '../content/chapter-schema.ts';
import { parseSteps } from '../content/steps.ts';
import { replaceTokens } from '../content/story-tokens.ts';
import { buildStoryGeo } from './pipeline.ts';
import type { PublishedLayer } from './process-layer.ts';
import { GeoInputError, type GeoProblem } from './problems.ts';
import { describeIssue } from './zod-issues.ts';

/**
 * Checks the layers and the chapters that name them, without Astro, so editors get
 * every problem in one run (`npm run geo:check`) and the build can refuse to start.
 */
export function checkProject(root: string): { problems: GeoProblem[]; layerCount: number; chapterCount: number } {
  let geo;
  try {
    geo = buildStoryGeo(root);
  } catch (error) {
    if (error instanceof GeoInputError) return { problems: error.problems, layerCount: 0, chapterCount: 0 };
    throw error;
  }
  const problems: GeoProblem[] = [...geo.warnings];
  const schema = chapterSchema(new Map(geo.layers.map((layer) => [layer.id, layer.featureIds])));
  const chaptersDir = join(root, 'src', 'content', 'chapters');
  const chapterFiles = existsSync(chaptersDir) ? readdirSync(chaptersDir).filter((name) => name.endsWith('.md')) : [];
  for (const name of chapterFiles) {
    const file = `src/content/chapters/${name}`;
    const text = readFileSync(join(chaptersDir, name), 'utf8');
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    if (!frontmatter) {
      problems.push({ severity: 'error', file, message: 'has no frontmatter (a block between --- lines at the top)' });
      continue;
    }
    let data: unknown;
    try {
      data = parseYaml(frontmatter[1]!);
    } catch (error) {
      problems.push({ severity: 'error', file, message: `frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]})` });
      continue;
    }
    const result = schema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ severity: 'error', file, message: describeIssue(issue, data).message });
    }
    problems.push(...tokenProblems(file, text, geo.layers));
    problems.push(...parseSteps(text).problems.map((problem) => ({ severity: 'error' as const, file, ...problem })));
  }
  return { problems, layerCount: geo.layers.length, chapterCount: chapterFiles.length };
}

/**
 * Renders every token in a chapter's prose, line by line, so a bad token fails here
 * with its line. Inside `astro build` the content loader only logs such an error and
 * publishes the chapter without its text.
 */
function tokenProblems(file: string, text: string, layers: readonly PublishedLayer[]): GeoProblem[] {
  return text.split('\n').flatMap((line, index) => {
    try {
      replaceTokens(line, layers);
      return [];
    } catch (error) {
      return [
        {
          severity: 'error' as const,
          file,
          line: index + 1,
          message: (error as Error).message,
          fix: 'see the token list at the top of src/content/story-tokens.ts',
        },
      ];
    }
  });
}
