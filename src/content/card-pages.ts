/** The chapter cards of an edition: each chapter with only the data its card draws (the card fetches nothing else). */
import type { StoryData } from '../map/story-data.ts';
import type { Edition } from './story-config-schema.ts';
import { loadStory } from './story.ts';

export async function cardPaths(edition: Edition) {
  const { chapters, data } = await loadStory(edition);
  return chapters.map((chapter) => {
    const { state } = chapter;
    const layerIds = new Set([...state.visibleLayers, ...(state.scrub ? [state.scrub.layer] : [])]);
    const cardData: StoryData = { ...data, chapters: [state], layers: data.layers.filter((layer) => layerIds.has(layer.id)) };
    return { params: { chapter: chapter.entry.id }, props: { chapter, cardData, edition } };
  });
}
