/**
 * The story as pages use it: chapters in order with their resolved map states, and
 * the data the browser receives. Shared by the story page, embeds and the catalog.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { basemapUrl, layerUrl, tilesUrl } from '../geo/catalog.ts';
import { storyGeo } from '../geo/pipeline.ts';
import { chapterMapState } from './chapter-state.ts';
import type { ChapterMapState, StoryData } from '../map/story-data.ts';
import { storyConfig } from './story-config.ts';

/** Each part's label and heading by part id, as the story configuration declares them. */
export const partTitles: Readonly<Record<string, { label: string; title: string }>> = Object.fromEntries(
  storyConfig.parts.map(({ id, label, title }) => [id, { label, title }]),
);

export interface StoryChapter {
  entry: CollectionEntry<'chapters'>;
  state: ChapterMapState;
  /** True for the first chapter of a part, which carries the part heading. */
  opensPart: boolean;
}

export async function loadStory(): Promise<{ chapters: StoryChapter[]; data: StoryData }> {
  const geo = storyGeo();
  const entries = (await getCollection('chapters')).sort((a, b) => (a.filePath ?? '').localeCompare(b.filePath ?? ''));
  const chapters = entries.map((entry, index) => ({
    entry,
    state: chapterMapState({ ...entry.data, id: entry.id }, index, geo.layers),
    opensPart: index === 0 || entries[index - 1]!.data.part !== entry.data.part,
  }));
  const data: StoryData = {
    chapters: chapters.map((c) => c.state),
    layers: geo.layers.map((layer) => ({
      id: layer.id,
      title: layer.meta.title,
      legend: layer.meta.legend,
      url: tilesUrl(layer) ?? layerUrl(layer),
      tiled: layer.tiles !== undefined,
      kind: layer.meta.style.kind,
      color: layer.meta.style.color,
      dashed: layer.meta.style.dashed,
      marker: layer.meta.style.marker,
      ...(layer.meta.style.labelProperty ? { labelProperty: layer.meta.style.labelProperty } : {}),
      approximate: layer.meta.approximate,
      hasTimeline: layer.collection.features.some((f) => Array.isArray(f.properties?.timeline)),
    })),
    basemap: Object.fromEntries(geo.basemap.map((file) => [file.name, basemapUrl(file)])),
    initialBounds: storyConfig.initialBounds,
    scrubColor: storyConfig.scrubColor,
  };
  return { chapters, data };
}

/** The story's own social preview: the opening overview, which carries the story's title and shows all the ground it covers. */
export async function coverChapter(): Promise<CollectionEntry<'chapters'>> {
  return (await loadStory()).chapters[0]!.entry;
}
