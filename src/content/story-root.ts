/**
 * Where the story being built lives. The engine is one codebase; a story is a folder of
 * files at fixed paths under its root (`src/content/chapters/`, `src/content/story.config.json`,
 * `src/content/back-matter.md`, `src/data/figures.json`, `src/data/sources.json`,
 * `geo/layers/`, `geo/basemap/`). Every build-time reader of a story file resolves it
 * here, so `STORY_ROOT=tests/fixture-story npm run build` builds another story with no
 * change to the engine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { GeoInputError } from '../geo/problems.ts';

/**
 * The story's root folder, absolute: `STORY_ROOT` (relative to the working directory) when
 * set, else the working directory, which is the repository root under every npm script.
 * @example storyRoot() // '/home/desk/story' ; with STORY_ROOT=tests/fixture-story: '/home/desk/story/tests/fixture-story'
 */
export function storyRoot(): string {
  const chosen = process.env.STORY_ROOT;
  return chosen ? resolve(process.cwd(), chosen) : process.cwd();
}

/**
 * The absolute path of a story file or folder, given its path relative to the story root.
 * @example storyPath('src/data/figures.json')
 */
export function storyPath(relativePath: string): string {
  if (isAbsolute(relativePath)) throw new Error(`storyPath takes a path relative to the story root, not "${relativePath}"`);
  return join(storyRoot(), relativePath);
}

/** How a story file is named to the editor: relative to the working directory, so a fixture's path shows in full. */
export function shownStoryPath(relativePath: string): string {
  return relative(process.cwd(), storyPath(relativePath)).split('\\').join('/') || relativePath;
}

/**
 * Reads a story file as UTF-8. A missing file throws GeoInputError naming it, its story
 * root and what to do, which geo:check and the build print without a stack trace.
 */
export function readStoryFile(relativePath: string): string {
  const path = storyPath(relativePath);
  if (!existsSync(path))
    throw new GeoInputError([
      {
        severity: 'error',
        file: shownStoryPath(relativePath),
        message: `is missing: every story has it (story root: ${storyRoot()}${process.env.STORY_ROOT ? ', from STORY_ROOT' : ''})`,
        fix: `create ${relativePath} under the story root (see the README, "Starting the next story"), or point STORY_ROOT at the story's folder`,
      },
    ]);
  return readFileSync(path, 'utf8');
}

/** Reads and parses a story JSON file; unreadable JSON throws GeoInputError naming the file. */
export function readStoryJson(relativePath: string): unknown {
  const text = readStoryFile(relativePath);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new GeoInputError([
      {
        severity: 'error',
        file: shownStoryPath(relativePath),
        message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
        fix: 'run npm run geo:check for the line, or open the file in an editor that marks JSON errors',
      },
    ]);
  }
}
