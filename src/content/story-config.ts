/**
 * The story's configuration, validated: the one module through which engine code learns
 * anything about the story it tells (title, parts, dates, region, charts, credits).
 */
import { GeoInputError } from '../geo/problems.ts';
import { describeIssue } from '../geo/zod-issues.ts';
import configFile from './story.config.json' with { type: 'json' };
import { storyConfigSchema, type StoryConfig } from './story-config-schema.ts';

/** Parses a story configuration; a broken one throws GeoInputError with every problem, field by field, naming the file. */
export function parseStoryConfig(input: unknown, file = 'src/content/story.config.json'): StoryConfig {
  const result = storyConfigSchema.safeParse(input);
  if (result.success) return result.data;
  throw new GeoInputError(result.error.issues.map((issue) => ({ severity: 'error', file, message: describeIssue(issue, input).message })));
}

/** This story's configuration (src/content/story.config.json). */
export const storyConfig: StoryConfig = parseStoryConfig(configFile);

/**
 * Splits a credit line at `{original}` so a page can put the original source's link there.
 * @example creditParts('From {original}.') // ['From ', '.']
 */
export function creditParts(text: string): [before: string, after: string] {
  const [before = '', after = ''] = text.split('{original}');
  return [before, after];
}
