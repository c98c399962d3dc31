import type { Chapter } from './chapter-schema.ts';
import { storyConfig } from './story-config.ts';
import type { Edition } from './story-config-schema.ts';
import { sourceEdition, translatedKey } from './translations.ts';
import { boundsOf, findFeature, lengthKm } from '../geo/facts.ts';
import type { PublishedLayer } from '../geo/process-layer.ts';
import type { ChapterMapState, CrossingStatus, ResolvedCamera } from '../map/story-data.ts';

/**
 * The entry of a dated history in force on a date: the last that began on or before it.
 * `from` may be a bare year or month: "2024-10" sorts before every day of October 2024.
 */
function inForceOn<Entry extends { from: string }>(history: readonly Entry[], date: string): Entry | undefined {
  let current: Entry | undefined;
  for (const entry of history) if (entry.from <= date) current = entry;
  return current;
}

interface TimelineEntry {
  from: string;
  status: CrossingStatus;
}

interface ControlEntry {
  from: string;
  label: string;
  /** `label:<edition path>`: the label in a translated edition. */
  [translated: string]: string;
}

/** A feature's status on a date, from its timeline. */
export const statusAt = (timeline: readonly TimelineEntry[], date: string) => inForceOn(timeline, date)?.status;

/** Who controlled a place on a date, from its control history, in an edition's words. */
const controlAt = (control: readonly ControlEntry[], date: string, edition: Edition) => {
  const entry = inForceOn(control, date);
  return entry && (entry[translatedKey('label', edition)] ?? entry.label);
};

/** The date a chapter without `asOf` shows: the story's present (`asOf` in the story configuration). */
export const storyPresent = storyConfig.asOf;

function resolveCamera(camera: Chapter['camera'], layers: readonly PublishedLayer[]): ResolvedCamera {
  const { bearing, pitch } = camera;
  if (camera.fit) return { bounds: boundsOf(layers, camera.fit), maxZoom: camera.maxZoom, bearing, pitch };
  return { center: camera.center!, zoom: camera.zoom!, bearing, pitch };
}

/** A chapter's whole map state, computed at build time from its frontmatter and the published layers. */
export function chapterMapState(
  chapter: Chapter & { id: string },
  index: number,
  layers: readonly PublishedLayer[],
  edition: Edition = sourceEdition,
): ChapterMapState {
  const highlights: Record<string, string[]> = {};
  for (const ref of chapter.highlight) {
    const [layer, feature] = ref.split('/') as [string, string];
    (highlights[layer] ??= []).push(feature);
  }
  const date = chapter.asOf ?? storyPresent;
  const statuses: ChapterMapState['statuses'] = {};
  const controls: ChapterMapState['controls'] = {};
  for (const layerId of chapter.layers) {
    const layer = layers.find((l) => l.id === layerId)!;
    for (const feature of layer.collection.features) {
      const id = String(feature.properties!.id);
      const timeline = feature.properties?.timeline as TimelineEntry[] | undefined;
      const status = timeline && statusAt(timeline, date);
      if (status) (statuses[layerId] ??= {})[id] = status;
      const control = feature.properties?.control as ControlEntry[] | undefined;
      const label = control && controlAt(control, date, edition);
      if (label) (controls[layerId] ??= {})[id] = label;
    }
  }
  const state: ChapterMapState = {
    id: chapter.id,
    index,
    title: chapter.title,
    camera: resolveCamera(chapter.camera, layers),
    visibleLayers: layers.map((l) => l.id).filter((id) => chapter.layers.includes(id)),
    date,
    highlights,
    statuses,
    controls,
  };
  if (chapter.scrub) {
    const [layer, feature] = chapter.scrub.split('/') as [string, string];
    state.scrub = { layer, feature, lengthKm: lengthKm(findFeature(layers, chapter.scrub)) };
  }
  return state;
}
