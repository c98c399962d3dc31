/**
 * The story root (src/content/story-root.ts): STORY_ROOT points the build at another story's
 * folder, and a file that story lacks is named, with its root, rather than thrown as a stack.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readStoryJson, storyPath, storyRoot } from '../../src/content/story-root.ts';
import { GeoInputError } from '../../src/geo/problems.ts';

const saved = process.env.STORY_ROOT;
afterEach(() => {
  if (saved === undefined) delete process.env.STORY_ROOT;
  else process.env.STORY_ROOT = saved;
});

describe('the story root', () => {
  it('is the working directory unless STORY_ROOT names another folder', () => {
    delete process.env.STORY_ROOT;
    expect(storyRoot()).toBe(process.cwd());
    process.env.STORY_ROOT = 'tests/fixture-story';
    expect(storyPath('src/data/figures.json')).toBe(`${process.cwd()}/tests/fixture-story/src/data/figures.json`);
    expect((readStoryJson('src/content/story.config.json') as { homeCountry: string }).homeCountry).toBe('la');
  });

  it('names a missing story file with its path and root', () => {
    process.env.STORY_ROOT = 'tests/no-such-story';
    let error: unknown;
    try {
      readStoryJson('src/data/figures.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GeoInputError);
    expect((error as GeoInputError).problems).toEqual([
      expect.objectContaining({ file: 'tests/no-such-story/src/data/figures.json', message: expect.stringContaining('is missing') }),
    ]);
  });
});
