/**
 * The parts of a built page the driver works with, read once: the story data the build
 * wrote into it, the chapters, the map stage and its legend. Story page, embed and chapter
 * card share this markup (src/components/StoryView.astro, src/pages/embed/[chapter].astro).
 */
import type { StoryData } from '../../map/story-data.ts';

export interface StoryPage {
  /** The document's root element, which carries the page state (`data-active-chapter`, …). */
  html: HTMLElement;
  data: StoryData;
  /** The chapter elements, in story order (none on a chapter card). */
  chapters: HTMLElement[];
  /** The map stage (`[data-story-map]`), which carries the map's state. */
  map: HTMLElement;
  canvas: HTMLElement;
  /** The legend's list, and what covers the map (the legend box). */
  legendList: HTMLElement;
  legend: HTMLElement;
  staticMaps: HTMLImageElement[];
}

/** Reads the page; `root` is the document (a test may pass another). */
export function readStoryPage(root: Document): StoryPage {
  const map = root.querySelector<HTMLElement>('[data-story-map]')!;
  const legendList = root.querySelector<HTMLElement>('[data-legend]')!;
  return {
    html: root.documentElement,
    data: JSON.parse(root.getElementById('story-data')!.textContent!) as StoryData,
    chapters: [...root.querySelectorAll<HTMLElement>('[data-chapter]')],
    map,
    canvas: map.querySelector<HTMLElement>('.map-canvas')!,
    legendList,
    legend: root.querySelector<HTMLElement>('.legend') ?? legendList,
    staticMaps: [...map.querySelectorAll<HTMLImageElement>('[data-static-map]')],
  };
}
