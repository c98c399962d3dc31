/**
 * The story's configuration, validated: the one module through which engine code learns
 * anything about the story it tells (title, parts, dates, region, charts, credits).
 */
import { GeoInputError } from '../geo/problems.ts';
import { describeIssue } from '../geo/zod-issues.ts';
import { storyConfigSchema, type StoryConfig } from './story-config-schema.ts';
import { readStoryJson, shownStoryPath } from './story-root.ts';

const configPath = 'src/content/story.config.json';

/** Parses a story configuration; a broken one throws GeoInputError with every problem, field by field, naming the file. */
export function parseStoryConfig(input: unknown, file = shownStoryPath(configPath)): StoryConfig {
  const result = storyConfigSchema.safeParse(input);
  if (result.success) return result.data;
  throw new GeoInputError(result.error.issues.map((issue) => ({ severity: 'error', file, message: describeIssue(issue, input).message })));
}

/** The configuration of the story being built (`src/content/story.config.json` under the story root). */
export const storyConfig: StoryConfig = parseStoryConfig(readStoryJson(configPath));

/**
 * Splits a credit line at `{original}` so a page can put the original source's link there.
 * @example creditParts('From {original}.') // ['From ', '.']
 */
export function creditParts(text: string): [before: string, after: string] {
  const [before = '', after = ''] = text.split('{original}');
  return [before, after];
}
