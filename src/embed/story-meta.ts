/** Names the embed pages, snippets and embed-code page share. */
export const storyTitle = 'Mines between three powers';
export const storyDescription = "A map story: Myanmar's copper and rare earths between China, India and the United States.";

/** The iframe's accessible name, which screen readers announce for the frame. */
export function frameTitle(chapterTitle?: string): string {
  return chapterTitle ? `Map: ${chapterTitle} (from the story “${storyTitle}”)` : `Map story: ${storyTitle}`;
}
