/**
 * The page driver: what makes a built page a story a reader scrolls through. It is composed
 * of small parts (driver/): the scroll engine bound to the page's steps, the page's view of
 * the active chapter, the live map, the reader's controls, the first-reading signal that
 * starts the map and, inside another page's iframe, the embed client. The story page, the
 * embedded story and a chapter card are the same driver in three modes.
 *
 * The map publishes its state on the map stage (`data-map-state`, `data-map-idle`, …) and
 * announces `story:settled` (detail: `{ chapter }`) when the chapter last applied is drawn
 * and the map is at rest; `story:chapter` and `story:step` announce what is being read.
 */
import type { PaddingOptions } from 'maplibre-gl';
import { bindControls } from './driver/controls.ts';
import { createChapterView } from './driver/chapter-view.ts';
import { createLiveMap } from './driver/live-map.ts';
import { afterFirstPaint, afterFirstView, onFirstReading } from './driver/reader-signals.ts';
import { bindScroll } from './driver/scroll-binding.ts';
import { readStoryPage, type StoryPage } from './driver/story-page.ts';
import { fetchJson } from '../map/fetch-json.ts';
import { renderLegend } from '../map/legend.ts';
import { warmWebGL2 } from '../map/webgl.ts';

/**
 * - `story`: the story page, scrolled by the reader;
 * - `embed`: the same story in another page's iframe (src/embed/embed-client.ts): scrolled
 *   inside the frame, or by the host page, whose viewport the scroll engine then measures;
 * - `card`: one chapter's map drawn once, with its legend; nothing scrolls.
 */
export type PageMode = 'story' | 'embed' | 'card';

export interface PageDriverOptions {
  /** The page's document. */
  root: Document;
  mode: PageMode;
}

export interface PageDriver {
  /** Index of the chapter being read; -1 before the first (a card's one chapter is 0). */
  activeChapter(): number;
}

/**
 * Starts the driver on a built page.
 * @example createPageDriver({ root: document, mode: 'story' });
 */
export function createPageDriver({ root, mode }: PageDriverOptions): PageDriver {
  const page = readStoryPage(root);
  // Off the main thread, so it may start before the reader does; but after the text is on screen,
  // since the browser's graphics start also holds back the presentation of the first frame.
  afterFirstPaint(() => void warmWebGL2());
  return mode === 'card' ? startCard(page) : startStory(page, root, mode);
}

/** Whether the reader's browser asks sites to save data (Chromium's Save-Data; other engines do not say). */
function savingData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
}

/** The data files the first view of the map needs: the basemap, and the untiled layers of the chapters from `index` and the next. */
function firstViewData(page: StoryPage, index: number): string[] {
  const layerIds = new Set(page.data.chapters.slice(index, index + 2).flatMap((chapter) => chapter.visibleLayers));
  const layers = page.data.layers.filter((layer) => layerIds.has(layer.id) && !layer.tiled);
  return [...Object.values(page.data.basemap), ...layers.map((layer) => layer.url)];
}

/**
 * Camera padding that keeps the focus clear of what covers the map: the legend, wherever
 * the layout puts it (along the map's foot, or down its right side on short screens), as
 * measured now. The text never covers the map: it sits beside or below it. The padding
 * also leaves room for the labels of the outermost features, which MapLibre does not keep
 * inside the canvas: a name centred on a point spreads up to ~55 px to each side, and one
 * above or below a point takes up to three lines.
 */
function cameraPadding(page: StoryPage): PaddingOptions {
  const map = page.map.getBoundingClientRect();
  const box = page.legend.getBoundingClientRect();
  const small = Math.min(map.width, map.height) < 480;
  const edge = small ? 40 : 64;
  const padding = { top: 64, bottom: edge, left: small ? 48 : 64, right: small ? 48 : 64 };
  const docked = box.width < map.width * 0.6;
  if (docked && box.left > map.left + map.width / 2) padding.right = Math.round(map.right - box.left) + 48;
  else padding.bottom = Math.round(map.bottom - box.top) + edge;
  page.map.dataset.cameraPadding = `${padding.top},${padding.right},${padding.bottom},${padding.left}`;
  return padding;
}

function startStory(page: StoryPage, root: Document, mode: 'story' | 'embed'): PageDriver {
  const { data, map: stage } = page;
  const scroll = bindScroll(page);
  const view = createChapterView(page, root, scroll.steps);
  const controls = bindControls(root, page.chapters, () => scroll.currentChapter());
  let activeChapter = -1;

  const live = createLiveMap(page, {
    padding: () => cameraPadding(page),
    reducedMotion: controls.reducedMotion,
    onLayerUnavailable: (id) => {
      view.unavailable.add(id);
      view.refreshLegend(scroll.currentChapter());
    },
    onFallback: () => {
      stage.dataset.mapState = 'fallback';
      stage.dataset.visibleLayers = visibleLayers(scroll.currentChapter()).join(' ');
    },
    // The whole chapter again, and (by measuring) how far through it the reader is, for a scrubbed route.
    onRestored: () => {
      activate(scroll.currentChapter());
      scroll.refresh();
    },
  });

  function visibleLayers(index: number): string[] {
    return live.current ? live.current.visibleLayers() : data.chapters[index]!.visibleLayers.filter((id) => !view.unavailable.has(id));
  }

  function activate(index: number): void {
    activeChapter = index;
    view.show(index, () => {
      if (live.current) {
        // Not idle until the map has drawn this chapter (with no motion, that is within apply()).
        stage.dataset.mapIdle = 'false';
        live.current.apply(data.chapters[index]!);
      }
      return visibleLayers(index);
    });
  }

  // A step became active: the URL and `data-active-step` follow it; the map follows its chapter.
  scroll.onStep((step) => {
    const id = scroll.stepIds[step]!;
    const chapter = scroll.chapterOf[step]!;
    view.markStep(id, step);
    if (location.hash !== `#${id}` && (step > 0 || location.hash)) history.replaceState(null, '', `#${id}`);
    if (chapter !== activeChapter) activate(chapter);
    dispatchEvent(new CustomEvent('story:step', { detail: { id, index: step, chapter: data.chapters[chapter]!.id } }));
  });
  // How far through the active chapter the reader is draws its scrubbed route; under reduced motion it is drawn whole.
  scroll.onChapterProgress((index, progress) => {
    const map = live.current;
    if (map && index === activeChapter && data.chapters[index]!.scrub)
      stage.dataset.scrubKm = map.setScrubProgress(controls.reducedMotion() ? 1 : progress).toFixed(1);
  });

  // On its own page, the engine and the data of the chapters in view are downloaded once the
  // first view is on screen: on a phone's network they took seconds after the reader's first
  // scroll. In a frame, whose host may never show it, and where the reader asked to save
  // data, they wait for the reader.
  if (mode === 'story' && !savingData()) afterFirstView(() => live.preload(firstViewData(page, scroll.currentChapter())));
  onFirstReading(() => void startMap());
  async function startMap(): Promise<void> {
    // All at once: the data, the labels' face and the engine; the map is created when the last is in.
    const index = scroll.currentChapter();
    for (const url of firstViewData(page, index)) void fetchJson(url).catch(() => undefined);
    await live.start(data.chapters[index]!);
    if (!live.current) return;
    if (scroll.activeStep >= 0) activate(scroll.currentChapter());
    scroll.refresh();
    void live.current.warmUp();
  }

  openAtHash(page, scroll.steps, mode);
  scroll.refresh();
  if (mode === 'embed')
    void import('../embed/embed-client.ts').then(({ startEmbed }) =>
      startEmbed({
        activeChapter: () => (scroll.activeStep < 0 ? -1 : scroll.currentChapter()),
        // The frame coming on the host's screen starts the map (onFirstReading); the host's viewport only places the reader.
        setHostViewport: (viewport) => {
          scroll.setHostViewport(viewport);
          scroll.refresh();
        },
      }),
    );
  return { activeChapter: () => activeChapter };
}

/**
 * A page opened at a chapter or step (#id) is scrolled there before the scroll engine first
 * looks: the browser's own jump to the fragment can come later, after the first chapter has
 * been activated and has written its id into the URL over the reader's. An embed scrolls
 * only its own window: scrollIntoView would also scroll the host's page to line the frame up.
 */
function openAtHash(page: StoryPage, steps: readonly HTMLElement[], mode: 'story' | 'embed'): void {
  const target = [...page.chapters, ...steps].find((element) => `#${element.id}` === location.hash);
  if (!target) return;
  const align = () => {
    if (mode === 'story') return target.scrollIntoView({ behavior: 'instant', block: 'start' });
    const bar = document.querySelector<HTMLElement>('.progress')?.offsetHeight ?? 0;
    scrollTo({ top: target.getBoundingClientRect().top + scrollY - bar, behavior: 'instant' });
  };
  align();
  const placedAt = scrollY;
  // A face that arrives after the jump (a large Chinese one) reflows the text above the target
  // and can leave the step before it under the trigger line: align once more when the fonts are
  // in, unless the page has moved since by any hand (the reader's, a script's, the browser's
  // scroll anchoring, which keeps the target in place itself).
  const signals = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
  let moved = false;
  const reader = () => (moved = true);
  for (const type of signals) addEventListener(type, reader, { passive: true });
  void document.fonts.ready.then(() => {
    for (const type of signals) removeEventListener(type, reader);
    if (!moved && Math.abs(scrollY - placedAt) < 1) align();
  });
}

/** A chapter card: its one chapter's map, started as the story's is, and drawn at once, whole (a scrubbed route too), with no motion. */
function startCard(page: StoryPage): PageDriver {
  const { data, map: stage, legendList } = page;
  const state = data.chapters[0]!;
  const unavailable = new Set<string>();
  const legend = () => renderLegend(legendList, state, data.layers, unavailable, data.strings);
  legend();
  // Loaded for cards only: the story page reaches the host through the embed client.
  void import('../embed/host-messages.ts').then(({ openLinksOutsideFrame, reportContentHeight }) => {
    reportContentHeight();
    openLinksOutsideFrame();
  });
  const live = createLiveMap(
    { ...page, legend: legendList },
    {
      padding: () => ({ top: 24, right: 24, bottom: 24, left: 24 }),
      reducedMotion: () => true,
      onLayerUnavailable: (id) => unavailable.add(id),
      onFallback: () => (stage.dataset.mapState = 'fallback'),
      onRestored: () => live.current?.apply(state),
    },
  );
  const start = async () => {
    await live.start(state);
    const map = live.current;
    if (map) {
      map.apply(state);
      if (state.scrub) map.setScrubProgress(1);
      stage.dataset.visibleLayers = map.visibleLayers().join(' ');
    }
    legend();
  };
  // As the story's: until the reader is there, the card's static map shows the same chapter.
  onFirstReading(() => void start());
  return { activeChapter: () => 0 };
}
