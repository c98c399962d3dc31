/**
 * The page's side of a chapter change: which chapter and step the page marks as being read
 * (`data-active-chapter`, `aria-current`, the progress bar), its legend, the live region's
 * description and the static map that stands in for the live one. Announces `story:chapter`.
 */
import { renderLegend } from '../../map/legend.ts';
import type { StoryPage } from './story-page.ts';

export interface ChapterView {
  /**
   * Marks chapter `index` as the one being read (legend, live region, static map) and announces it.
   * `applyMap` applies it to the map between the legend (which the camera's padding measures) and
   * the announcement, and returns the layers the map shows.
   */
  show(index: number, applyMap: () => string[]): void;
  /** Marks a step as being read; `id` is its public id (the chapter's id for its first step). */
  markStep(id: string, index: number): void;
  /** Redraws the legend of the chapter shown, e.g. when a layer turned out unavailable. */
  refreshLegend(index: number): void;
  /** Shows only the static map of the chapter (in fallback mode the one fetched). */
  showStaticMap(id: string): void;
  /** Layers whose data failed to load. */
  readonly unavailable: Set<string>;
}

export function createChapterView(page: StoryPage, root: Document, steps: readonly HTMLElement[]): ChapterView {
  const { html, data, chapters, legendList, staticMaps } = page;
  const liveRegion = root.querySelector<HTMLElement>('[data-map-description]');
  const progressLinks = [...root.querySelectorAll<HTMLElement>('[data-progress-link]')];
  const unavailable = new Set<string>();
  const showStaticMap = (id: string) => {
    for (const image of staticMaps) image.hidden = image.dataset.staticMap !== id;
  };
  return {
    unavailable,
    showStaticMap,
    refreshLegend: (index) => renderLegend(legendList, data.chapters[index]!, data.layers, unavailable, data.strings),
    markStep(id, index) {
      html.dataset.activeStep = id;
      steps.forEach((element, i) => element.toggleAttribute('data-step-active', i === index));
    },
    show(index, applyMap) {
      const state = data.chapters[index]!;
      html.dataset.activeChapter = state.id;
      chapters.forEach((chapter, i) =>
        i === index ? chapter.setAttribute('aria-current', 'step') : chapter.removeAttribute('aria-current'),
      );
      progressLinks.forEach((link, i) =>
        i === index ? link.setAttribute('aria-current', 'location') : link.removeAttribute('aria-current'),
      );
      renderLegend(legendList, state, data.layers, unavailable, data.strings);
      if (liveRegion) liveRegion.textContent = chapters[index]!.dataset.mapDescription ?? '';
      page.map.dataset.visibleLayers = applyMap().join(' ');
      showStaticMap(state.id);
      dispatchEvent(new CustomEvent('story:chapter', { detail: { id: state.id, index } }));
    },
  };
}
