/**
 * Names the embed pages, snippets and embed-code page share. The embed-code page's
 * script writes snippets in the browser too, so this reads the story configuration's
 * file directly rather than its validating loader (which would ship zod to the page);
 * the build validates the file before anything is bundled. A default import: Node, which
 * runs the tests that share this module, has no named JSON exports.
 */
import storyConfigFile from '../content/story.config.json' with { type: 'json' };

export const storyTitle: string = storyConfigFile.title;

/** The iframe's accessible name, which screen readers announce for the frame. */
export function frameTitle(chapterTitle?: string): string {
  return chapterTitle ? `Map: ${chapterTitle} (from the story “${storyTitle}”)` : `Map story: ${storyTitle}`;
}
