/** The static map pages of an edition: each chapter's SVG (and its preview's title), drawn from the same state the live map applies. */
import { loadStory } from '../content/story.ts';
import type { Edition } from '../content/story-config-schema.ts';
import { sourceEdition } from '../content/translations.ts';
import { storyGeo } from '../geo/pipeline.ts';
import { renderStaticMap } from './render-static-map.ts';

export async function staticMapPaths(edition: Edition = sourceEdition) {
  const { chapters } = await loadStory(edition);
  const { layers, basemap } = storyGeo();
  return chapters.map(({ state }) => ({
    params: { id: state.id },
    props: { svg: renderStaticMap(state, layers, basemap, edition), title: state.title, edition },
  }));
}
