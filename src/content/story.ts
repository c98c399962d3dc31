/**
 * The story as pages use it, in one edition: chapters in order with their resolved map
 * states and their text, and the data the browser receives. Shared by the story page,
 * embeds and the catalog. A translated edition takes its chapters' text from its own
 * collection (`chapters-<path>`) and everything else from the source chapters.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { basemapUrl, layerUrl, tilesUrl } from '../geo/catalog.ts';
import { storyGeo } from '../geo/pipeline.ts';
import { translatedMetaFields } from '../geo/layer-meta.ts';
import { uiStrings } from '../i18n/ui.ts';
import { chapterMapState } from './chapter-state.ts';
import { storyText } from './edition-text.ts';
import type { ChapterMapState, StoryData } from '../map/story-data.ts';
import type { Edition } from './story-config-schema.ts';
import { storyConfig } from './story-config.ts';
import { sourceEdition, translatedKey, translationOf } from './translations.ts';

/** Each part's label and heading by part id, in an edition's words. */
export const partTitles = (edition: Edition = sourceEdition): Readonly<Record<string, { label: string; title: string }>> =>
  storyText(edition).parts;

export interface StoryChapter {
  /** The source chapter: its map state, part, chart and sources. */
  entry: CollectionEntry<'chapters'>;
  /** What the page renders for the chapter's prose: the source chapter, or its translation. */
  textEntry: CollectionEntry<'chapters'>;
  title: string;
  mapDescription: string;
  state: ChapterMapState;
  /** True for the first chapter of a part, which carries the part heading. */
  opensPart: boolean;
}

/** A layer's reader text (title, description, legend, approximate note) in an edition. */
export const layerText = (meta: object, edition: Edition) => translationOf(meta, translatedMetaFields, edition);

export async function loadStory(edition: Edition = sourceEdition): Promise<{ chapters: StoryChapter[]; data: StoryData }> {
  const geo = storyGeo();
  const entries = (await getCollection('chapters')).sort((a, b) => (a.filePath ?? '').localeCompare(b.filePath ?? ''));
  const translations = edition.path
    ? new Map(
        ((await getCollection(`chapters-${edition.path}` as 'chapters')) as unknown as CollectionEntry<'chapters'>[]).map((entry) => [
          entry.id,
          entry,
        ]),
      )
    : undefined;
  const chapters = entries.map((entry, index) => {
    const textEntry = translations ? translations.get(entry.id) : entry;
    // geo:check refuses a build with a missing translation; this guards `astro dev`, which skips it.
    if (!textEntry)
      throw new Error(`src/content/${edition.path}/chapters/ has no translation of ${entry.filePath ?? entry.id} (run npm run geo:check)`);
    const { title, mapDescription } = textEntry.data;
    return {
      entry,
      textEntry,
      title,
      mapDescription,
      state: chapterMapState({ ...entry.data, title, id: entry.id }, index, geo.layers, edition),
      opensPart: index === 0 || entries[index - 1]!.data.part !== entry.data.part,
    };
  });
  const strings = uiStrings(edition.lang).map;
  const basemap = edition.path ? (geo.editionBasemaps[edition.path] ?? geo.basemap) : geo.basemap;
  const data: StoryData = {
    chapters: chapters.map((c) => c.state),
    layers: geo.layers.map((layer) => {
      const text = layerText(layer.meta, edition);
      return {
        id: layer.id,
        title: text.title ?? layer.meta.title,
        legend: text.legend ?? layer.meta.legend,
        url: tilesUrl(layer) ?? layerUrl(layer),
        tiled: layer.tiles !== undefined,
        kind: layer.meta.style.kind,
        color: layer.meta.style.color,
        dashed: layer.meta.style.dashed,
        marker: layer.meta.style.marker,
        ...(layer.meta.style.labelProperty
          ? { labelProperty: translatedKey(layer.meta.style.labelProperty, edition), lengthProperty: translatedKey('lengthLabel', edition) }
          : {}),
        approximate: layer.meta.approximate,
        hasTimeline: layer.collection.features.some((f) => Array.isArray(f.properties?.timeline)),
        statusLabels: { closed: strings.closedLabel, restricted: strings.restrictedLabel },
      };
    }),
    basemap: Object.fromEntries(basemap.map((file) => [file.name, basemapUrl(file)])),
    initialBounds: storyConfig.initialBounds,
    scrubColor: storyConfig.scrubColor,
    strings,
  };
  return { chapters, data };
}

/** The story's own social preview: the opening overview, which carries the story's title and shows all the ground it covers. */
export async function coverChapter(edition: Edition = sourceEdition): Promise<StoryChapter> {
  return (await loadStory(edition)).chapters[0]!;
}

/** Where an edition's pages live: the site's base for the source edition, `<base><path>/` for a translation. */
export const editionBase = (edition: Edition): string => `${import.meta.env.BASE_URL}${edition.path ? `${edition.path}/` : ''}`;
