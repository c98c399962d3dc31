/**
 * Names the embed pages, snippets and embed-code page share. The embed-code page's
 * script writes snippets in the browser too, so this reads the story configuration's
 * file directly rather than its validating loader (which would ship zod to the page),
 * and by name, so the bundle holds these two strings only (Vite only: plain Node has no
 * named JSON exports). The build validates the file before anything is bundled.
 */
import { embedDescription, title } from '../content/story.config.json' with { type: 'json' };

export const storyTitle: string = title;
export const storyDescription: string = embedDescription;

/** The iframe's accessible name, which screen readers announce for the frame. */
export function frameTitle(chapterTitle?: string): string {
  return chapterTitle ? `Map: ${chapterTitle} (from the story “${storyTitle}”)` : `Map story: ${storyTitle}`;
}
