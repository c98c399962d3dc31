/**
 * Which chapter or layer a test of the engine exercises, chosen from the built story's
 * own data (its #story-data), so the same test runs against this story and the fixture
 * story (tests/fixture-story) alike.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChapterMapState, StoryLayerInfo } from '../../src/map/story-data.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The built site the suites serve: `SITE_DIR` (e.g. dist-fixture), else dist/. */
export const siteDir = resolve(root, process.env.SITE_DIR ?? 'dist');

/** The story whose facts the story tests check: `STORY_ROOT`, else this repository. */
export const storyRootDir = resolve(root, process.env.STORY_ROOT ?? '.');
export const storyFile = (path: string) => join(storyRootDir, path);

/** The story's translated editions' paths (its configuration's `editions` after the first; none for a one-edition story). */
export const translatedEditionPaths: string[] = (
  (JSON.parse(readFileSync(storyFile('src/content/story.config.json'), 'utf8')) as { editions?: { path: string }[] }).editions ?? []
)
  .slice(1)
  .map((edition) => edition.path);

/** A story the engine suites can walk has at least this many chapters (the fixture has four). */
export const minimumChapters = 3;

/** A chapter well into the story, not the last: the tenth, or the one before last in a shorter story. */
export const deepChapter = (chapters: readonly ChapterMapState[]): ChapterMapState => chapters[Math.min(9, chapters.length - 2)]!;

/**
 * The layer a test makes fail to load: one with a timeline (drawn through feature state), else any
 * layer that shares a chapter with another, so the rest of that chapter's map can be checked.
 */
export function layerToFail(chapters: readonly ChapterMapState[], layers: readonly StoryLayerInfo[]): StoryLayerInfo {
  const shared = (layer: StoryLayerInfo) => chapters.some((c) => c.visibleLayers.includes(layer.id) && c.visibleLayers.length > 1);
  return layers.find((layer) => layer.hasTimeline && shared(layer)) ?? layers.find(shared)!;
}
