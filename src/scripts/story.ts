/**
 * The story page's driver: the scroll engine says which step is being read, and this
 * applies it and its chapter everywhere (page state, URL, legend, live region, map). The
 * map engine is imported only once the reader does something (scrolls, moves the
 * pointer, touches, presses a key): until then each chapter's static map stands in.
 */
import { renderLegend } from '../map/legend.ts';
import type { StoryMap } from '../map/story-map.ts';
import type { StoryData } from '../map/story-data.ts';
import { Scroller } from '../scroll/scroller.ts';
import { webgl2Available } from '../map/webgl.ts';
import { fetchJson } from '../map/fetch-json.ts';

const root = document.documentElement;
const data = JSON.parse(document.getElementById('story-data')!.textContent!) as StoryData;
const chapterElements = [...document.querySelectorAll<HTMLElement>('[data-chapter]')];
/**
 * What the scroll engine follows: each chapter's steps in order. A chapter's first step is
 * its card (measured from the heading, id = the chapter's), the others its `[data-step]`
 * blocks (src/content/steps.ts). `chapterOf[i]` is the chapter step i belongs to.
 */
const stepElements: HTMLElement[] = [];
const stepIds: string[] = [];
const chapterOf: number[] = [];
chapterElements.forEach((chapter, index) => {
  for (const element of [chapter.querySelector<HTMLElement>('.card')!, ...chapter.querySelectorAll<HTMLElement>('[data-step]')]) {
    stepElements.push(element);
    stepIds.push(element.dataset.step ?? chapter.id);
    chapterOf.push(index);
  }
});
const mapElement = document.querySelector<HTMLElement>('[data-story-map]')!;
const mapCanvas = mapElement.querySelector<HTMLElement>('.map-canvas')!;
const legendList = document.querySelector<HTMLElement>('[data-legend]')!;
const liveRegion = document.querySelector<HTMLElement>('[data-map-description]')!;
const progressLinks = [...document.querySelectorAll<HTMLElement>('[data-progress-link]')];
// The stacked layout (map pinned above the text): the same media query as in src/styles/story.css.
const stacked = matchMedia('(max-width: 760px), (orientation: portrait) and (max-width: 1100px)');
const navHeight = 48;
const motionQuery = matchMedia('(prefers-reduced-motion: reduce)');
const unavailable = new Set<string>();
let storyMap: StoryMap | undefined;

const reducedMotion = () => motionQuery.matches || root.dataset.motion === 'reduced';

function visibleLayers(index: number): string[] {
  return storyMap ? storyMap.visibleLayers() : data.chapters[index]!.visibleLayers.filter((id) => !unavailable.has(id));
}

let activeChapter = -1;

/** A step became active: the URL and `data-active-step` follow it; the map follows its chapter. */
function enterStep(step: number): void {
  const id = stepIds[step]!;
  root.dataset.activeStep = id;
  stepElements.forEach((element, i) => element.toggleAttribute('data-step-active', i === step));
  if (location.hash !== `#${id}` && (step > 0 || location.hash)) history.replaceState(null, '', `#${id}`);
  if (chapterOf[step] !== activeChapter) activate(chapterOf[step]!);
  dispatchEvent(new CustomEvent('story:step', { detail: { id, index: step, chapter: data.chapters[chapterOf[step]!]!.id } }));
}

function activate(index: number): void {
  const state = data.chapters[index]!;
  activeChapter = index;
  root.dataset.activeChapter = state.id;
  chapterElements.forEach((chapter, i) =>
    i === index ? chapter.setAttribute('aria-current', 'step') : chapter.removeAttribute('aria-current'),
  );
  progressLinks.forEach((link, i) => (i === index ? link.setAttribute('aria-current', 'location') : link.removeAttribute('aria-current')));
  renderLegend(legendList, state, data.layers, unavailable, data.strings);
  liveRegion.textContent = chapterElements[index]!.dataset.mapDescription ?? '';
  if (storyMap) {
    // Not idle until the map has drawn this chapter (with no motion, that is within apply()).
    mapElement.dataset.mapIdle = 'false';
    storyMap.apply(state);
  }
  mapElement.dataset.visibleLayers = visibleLayers(index).join(' ');
  showStaticMap(state.id);
  dispatchEvent(new CustomEvent('story:chapter', { detail: { id: state.id, index } }));
}

// --- Embed hook (src/embed/embed-client.ts) ---
// Inside another page's iframe that runs /embed.js, the host page scrolls, not this one:
// the scroll engine then measures against the host's viewport, as reported to the embed.
const embedded = root.dataset.embedded === 'true';
let hostViewport: { top: number; height: number } | undefined;
// --- end embed hook ---

/**
 * Where the trigger line sits. Side by side, mid-screen. Stacked (the map above the text),
 * a third of the way into the text below the map: a step is active while the reader reads it
 * there, not while it is still hidden under the map.
 */
function triggerOffset(): number {
  if (!stacked.matches) return 0.5;
  const height = hostViewport?.height ?? innerHeight;
  const textTop = navHeight + mapElement.offsetHeight;
  return (textTop + 0.3 * (height - textTop)) / height;
}

const scroller = new Scroller({
  steps: stepElements,
  offset: triggerOffset,
  viewport: () => hostViewport ?? { top: 0, height: innerHeight },
}).onStepEnter(({ index }) => enterStep(index));

// How far through the active chapter the reader is, whichever of its steps: a second engine
// over the chapter elements, whose progress draws a scrubbed route. It runs after the step
// engine in the same frame, so a chapter just entered has been applied first.
const chapterScroller = new Scroller({
  steps: chapterElements,
  offset: triggerOffset,
  viewport: () => hostViewport ?? { top: 0, height: innerHeight },
}).onStepProgress(({ index, progress }) => {
  // Under reduced motion the route is drawn whole; scrolling does not animate it.
  if (storyMap && index === activeChapter && data.chapters[index]!.scrub)
    mapElement.dataset.scrubKm = storyMap.setScrubProgress(reducedMotion() ? 1 : progress).toFixed(1);
});

function goTo(chapter: number): void {
  const target = chapterElements[Math.max(0, Math.min(chapterElements.length - 1, chapter))]!;
  target.scrollIntoView({ behavior: reducedMotion() ? 'instant' : 'smooth', block: 'start' });
  target.querySelector<HTMLElement>('h2, h3')?.focus({ preventScroll: true });
}

const currentChapter = () => chapterOf[Math.max(0, scroller.active)]!;
document.querySelector('[data-step="previous"]')?.addEventListener('click', () => goTo(currentChapter() - 1));
document.querySelector('[data-step="next"]')?.addEventListener('click', () => goTo(currentChapter() + 1));

const motionToggle = document.querySelector<HTMLButtonElement>('[data-motion-toggle]');
motionToggle?.addEventListener('click', () => {
  const reduced = root.dataset.motion !== 'reduced';
  root.dataset.motion = reduced ? 'reduced' : '';
  motionToggle.setAttribute('aria-pressed', String(reduced));
});

const legend = document.querySelector<HTMLElement>('.legend')!;

/**
 * Camera padding that keeps the focus clear of what covers the map: the legend, wherever
 * the layout puts it (along the map's foot, or down its right side on short screens), as
 * measured now. The text never covers the map: it sits beside or below it. The padding
 * also leaves room for the labels of the outermost features, which MapLibre does not keep
 * inside the canvas: a name centred on a point spreads up to ~55 px to each side, and one
 * above or below a point takes up to three lines.
 */
function cameraPadding() {
  const map = mapElement.getBoundingClientRect();
  const box = legend.getBoundingClientRect();
  const small = Math.min(map.width, map.height) < 480;
  const edge = small ? 40 : 64;
  const padding = { top: 64, bottom: edge, left: small ? 48 : 64, right: small ? 48 : 64 };
  const docked = box.width < map.width * 0.6;
  if (docked && box.left > map.left + map.width / 2) padding.right = Math.round(map.right - box.left) + 48;
  else padding.bottom = Math.round(map.bottom - box.top) + edge;
  mapElement.dataset.cameraPadding = `${padding.top},${padding.right},${padding.bottom},${padding.left}`;
  return padding;
}

const staticMaps = [...mapElement.querySelectorAll<HTMLImageElement>('[data-static-map]')];

/** In fallback mode only the active chapter's static map is shown (and so fetched). */
function showStaticMap(id: string): void {
  for (const image of staticMaps) image.hidden = image.dataset.staticMap !== id;
}

function showFallback(): void {
  mapElement.dataset.mapState = 'fallback';
  mapElement.dataset.visibleLayers = visibleLayers(currentChapter()).join(' ');
}

/** Starts the downloads the first view of the map needs: the basemap, and the layers of the chapter in view and the next. */
function prefetchData(): void {
  const index = currentChapter();
  const wanted = new Set(data.chapters.slice(index, index + 2).flatMap((chapter) => chapter.visibleLayers));
  for (const url of Object.values(data.basemap)) void fetchJson(url).catch(() => undefined);
  for (const layer of data.layers) if (wanted.has(layer.id) && !layer.tiled) void fetchJson(layer.url).catch(() => undefined);
}

async function startMap(): Promise<void> {
  // All at once: the data, the labels' face and the engine; the map is created when the last is in.
  prefetchData();
  const ready = Promise.all([import('../map/story-map.ts'), document.fonts.load('13px "Noto Sans"')]);
  // Only then the WebGL probe: on a software GPU its first context blocks the page for a few hundred
  // ms, which the downloads now overlap.
  if (!webgl2Available()) {
    ready.catch(() => undefined);
    return showFallback();
  }
  try {
    const [{ StoryMap }] = await ready;
    storyMap = await StoryMap.create({
      container: mapCanvas,
      data,
      startAt: data.chapters[currentChapter()],
      padding: cameraPadding,
      reducedMotion,
      coveredBy: () => [legend],
      onLayerUnavailable: (id) => {
        unavailable.add(id);
        renderLegend(legendList, data.chapters[currentChapter()]!, data.layers, unavailable, data.strings);
      },
    });
    await storyMap.prepare(data.chapters[currentChapter()]!);
  } catch {
    return showFallback();
  }
  const map = storyMap.map;
  const publishCamera = () => {
    const { lng, lat } = map.getCenter();
    mapElement.dataset.camera = `${lng.toFixed(4)},${lat.toFixed(4)},${map.getZoom().toFixed(3)}`;
    mapElement.dataset.viewBounds = map
      .getBounds()
      .toArray()
      .flat()
      .map((value) => value.toFixed(4))
      .join(',');
  };
  map.on('movestart', () => (mapElement.dataset.mapIdle = 'false'));
  map.on('idle', () => {
    publishCamera();
    // Layers whose data arrived after the chapter change are drawn now.
    mapElement.dataset.visibleLayers = visibleLayers(currentChapter()).join(' ');
    mapElement.dataset.scrubKm = storyMap?.scrubKm.toFixed(1) ?? '0';
    mapElement.dataset.basemapLabels = storyMap?.basemapLabels.join('|') ?? '';
    mapElement.dataset.mapIdle = 'true';
  });
  map.on('moveend', publishCamera);
  // A lost WebGL context leaves a blank canvas and a map without a style: show the static
  // maps, and unset `storyMap` so nothing calls into the map. MapLibre rebuilds its style
  // when the context comes back but drops feature states, so once the rebuilt style has
  // loaded the active chapter is applied again in whole.
  const live = storyMap;
  map.on('webglcontextlost', () => {
    storyMap = undefined;
    showFallback();
  });
  map.on('webglcontextrestored', () =>
    map.once('style.load', () => {
      live.forgetAppliedState();
      storyMap = live;
      mapElement.dataset.mapState = 'ready';
      activate(currentChapter());
    }),
  );
  addEventListener('resize', () => storyMap?.resize(), { passive: true });
  mapElement.dataset.mapState = 'ready';
  if (scroller.active >= 0) activate(currentChapter());
  scroller.refresh();
  chapterScroller.refresh();
  void storyMap.warmUp();
}

// A page opened at a chapter (#id) is scrolled there before the scroll engine first looks:
// the browser's own jump to the fragment can come later, after the first chapter has been
// activated and has written its id into the URL over the reader's. (An embed's frame does
// not scroll; scrolling it into view would scroll the host's page.)
const openedAt = embedded ? undefined : [...chapterElements, ...stepElements].find((element) => `#${element.id}` === location.hash);
openedAt?.scrollIntoView({ behavior: 'instant', block: 'start' });
scroller.refresh();
// --- Embed hook: height and chapter reports, host viewport, keyboard (src/embed/embed-client.ts) ---
if (embedded) {
  void import('../embed/embed-client.ts').then(({ startEmbed }) =>
    startEmbed({
      activeChapter: () => (scroller.active < 0 ? -1 : currentChapter()),
      // The host reports its viewport when the story is on its screen: as good a signal as a scroll.
      setHostViewport: (viewport) => {
        hostViewport = viewport;
        scroller.refresh();
        chapterScroller.refresh();
        startMapOnce();
      },
    }),
  );
}
// --- end embed hook ---
// The map engine is the heaviest thing on the page (~400 KB and a second of a phone's CPU):
// it starts at the reader's first sign of reading on, not during the first paint. A page
// opened at a chapter (#id) scrolls there, which counts.
const readerSignals = ['scroll', 'wheel', 'touchstart', 'pointerdown', 'pointermove', 'keydown'] as const;
let mapStarted = false;
function startMapOnce(): void {
  if (mapStarted) return;
  mapStarted = true;
  for (const type of readerSignals) removeEventListener(type, startMapOnce);
  // Not before the text is painted: a pointer moving while the page loads must not put the engine
  // ahead of it. The first contentful paint where the browser reports it (a frame can be painted
  // while the text waits on its fonts); else, or if it never comes (seen in Firefox for a page
  // opened at a fragment), the first frame after the load event.
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    setTimeout(() => void startMap());
  };
  const afterLoad = () => requestAnimationFrame(() => requestAnimationFrame(start));
  if (document.readyState === 'complete') afterLoad();
  else addEventListener('load', afterLoad, { once: true });
  const observer = PerformanceObserver.supportedEntryTypes?.includes('paint')
    ? new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length) start();
      })
    : undefined;
  observer?.observe({ type: 'paint', buffered: true });
}
for (const type of readerSignals) addEventListener(type, startMapOnce, { passive: true });
