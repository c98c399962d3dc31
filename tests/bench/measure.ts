/**
 * What the bench measures in one page load: paint timings, map readiness, and a
 * scripted scroll through every chapter. The recording happens inside the page
 * (performance observers, mutation observers, a rAF loop) so that Playwright's
 * round trips never fall inside a measured interval.
 */
import type { BrowserContext, Page } from '@playwright/test';

/** Runs in the page before any of its scripts: observers that later steps read from `window.__bench`. */
function instrument(): void {
  const bench = {
    paints: {} as Record<string, number>,
    lcp: 0,
    cls: 0,
    // What moved, for diagnosing a layout-shift score: [time, value, "tag#id.class" of each moved node].
    shifts: [] as [number, number, string[]][],
    longTasks: [] as { start: number; duration: number }[],
    engineRequested: Number.POSITIVE_INFINITY,
    /** The reader's first input (the bench moves the pointer once the page has loaded). */
    firstInput: Number.NaN,
    // Contract attribute changes, in order: [time, attribute, value].
    changes: [] as [number, string, string][],
    frames: [] as number[],
    recordingFrames: false,
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  const observe = (type: string, callback: (entry: PerformanceEntry) => void) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(callback)).observe({ type, buffered: true });
    } catch {
      // An entry type this browser lacks leaves its figure at 0.
    }
  };
  observe('paint', (entry) => (bench.paints[entry.name] = entry.startTime));
  observe('largest-contentful-paint', (entry) => (bench.lcp = entry.startTime));
  observe('layout-shift', (entry) => {
    const shift = entry as PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] };
    if (shift.hadRecentInput) return;
    bench.cls += shift.value;
    const describe = (node?: Node) =>
      node instanceof Element
        ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}`
        : node?.parentElement
          ? `text in ${node.parentElement.tagName.toLowerCase()}.${node.parentElement.className}`
          : String(node?.nodeName);
    bench.shifts.push([shift.startTime, shift.value, shift.sources.map((source) => describe(source.node))]);
  });
  observe('resource', (entry) => {
    if (/\/maplibre-gl[^/]*\.m?js$/.test(entry.name)) bench.engineRequested = Math.min(bench.engineRequested, entry.startTime);
  });
  addEventListener('pointermove', (event) => (bench.firstInput = Number.isNaN(bench.firstInput) ? event.timeStamp : bench.firstInput), {
    capture: true,
    passive: true,
  });
  observe('longtask', (entry) => bench.longTasks.push({ start: entry.startTime, duration: entry.duration }));
  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records)
      bench.changes.push([now, record.attributeName!, (record.target as Element).getAttribute(record.attributeName!) ?? '']);
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-active-chapter', 'data-map-state', 'data-map-idle'] });
}

export async function instrumentContext(context: BrowserContext): Promise<void> {
  await context.addInitScript(instrument);
}

export interface LoadFigures {
  fcp: number;
  lcp: number;
  mapReady: number;
  cls: number;
  /** The largest layout shifts: [time, value, moved nodes]. */
  shifts: [number, number, string[]][];
  /** When the page first asked for the MapLibre engine. */
  engineRequested: number;
  /** Longest main-thread task from navigation until the first view settled. */
  loadLongestTask: number;
  /** From navigation to the live map's first idle (the first data-map-idle="true" once it is ready). */
  liveIdle: number;
  /** The same, from the reader's first input (0 if the map was idle before it). */
  liveIdleAfterInput: number;
  /** Longest main-thread task that started before the live map was idle: what the reader waits behind. */
  liveIdleLongestTask: number;
  /** From the first input to the browser's graphics stack being up for the map (NaN for a page without the story's mark). */
  graphicsReadyAfterInput: number;
  /** From then to the live map's first idle: the map's own making and first frames. */
  liveIdleAfterGraphics: number;
}

/** Waits for the map to be ready and settled on the first chapter, then reads the load figures. */
export async function measureLoad(page: Page, timeout: number): Promise<LoadFigures> {
  await page.waitForFunction(
    () => {
      const map = document.querySelector('[data-story-map]');
      return map?.getAttribute('data-map-state') === 'ready' && map.getAttribute('data-map-idle') === 'true';
    },
    undefined,
    { timeout, polling: 100 },
  );
  return page.evaluate(() => {
    type Bench = {
      paints: Record<string, number>;
      lcp: number;
      cls: number;
      shifts: [number, number, string[]][];
      longTasks: { start: number; duration: number }[];
      changes: [number, string, string][];
      engineRequested: number;
      firstInput: number;
    };
    const bench = (window as unknown as { __bench: Bench }).__bench;
    const ready = bench.changes.find(([, name, value]) => name === 'data-map-state' && value === 'ready');
    const idle = bench.changes.find(([time, name, value]) => name === 'data-map-idle' && value === 'true' && ready && time >= ready[0]);
    // The map can be idle when it becomes ready, with no attribute change after it.
    const liveIdle = idle?.[0] ?? ready?.[0] ?? Number.NaN;
    // The story's own mark (src/scripts/driver/live-map.ts); the reference page sets none.
    const graphicsReady = performance.getEntriesByName('live-map:graphics-ready')[0]?.startTime ?? Number.NaN;
    return {
      fcp: bench.paints['first-contentful-paint'] ?? 0,
      lcp: bench.lcp,
      mapReady: ready?.[0] ?? Number.NaN,
      engineRequested: Number.isFinite(bench.engineRequested) ? bench.engineRequested : Number.NaN,
      cls: bench.cls,
      shifts: [...bench.shifts].sort((a, b) => b[1] - a[1]).slice(0, 5),
      loadLongestTask: Math.max(0, ...bench.longTasks.map((task) => task.duration)),
      liveIdle,
      liveIdleAfterInput: Math.max(0, liveIdle - bench.firstInput),
      liveIdleLongestTask: Math.max(0, ...bench.longTasks.filter((task) => task.start < liveIdle).map((task) => task.duration)),
      graphicsReadyAfterInput: graphicsReady - bench.firstInput,
      liveIdleAfterGraphics: liveIdle - graphicsReady,
    };
  });
}

export interface ScrollFigures {
  totalBlockingTime: number;
  longTaskCount: number;
  longTaskMax: number;
  frameP50: number;
  frameP95: number;
  frameMax: number;
  /** Median and worst time from a chapter change to the map settling, over every chapter entered. */
  chapterToIdleMedian: number;
  chapterToIdleMax: number;
  chaptersEntered: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;
/** The middle value, or the mean of the two middle ones (so a median of two runs is their mean). */
function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Scrolls from the top through every chapter as a reader flicking at a steady rate
 * would: the page moves at `speed` px/s (time-based, so a janky page does not scroll
 * slower) until the chapter's top is a quarter down the viewport, past both pages'
 * mid-viewport trigger; then it waits for the map to settle before the next one.
 */
export async function measureScroll(page: Page, chapterIds: string[], speed: number, settleTimeout: number): Promise<ScrollFigures> {
  const result = await page.evaluate(
    async ({ ids, speed, settleTimeout }) => {
      type Bench = {
        longTasks: { start: number; duration: number }[];
        changes: [number, string, string][];
        frames: number[];
        recordingFrames: boolean;
      };
      const bench = (window as unknown as { __bench: Bench }).__bench;
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const mapIdle = () => document.querySelector('[data-story-map]')?.getAttribute('data-map-idle') === 'true';

      bench.recordingFrames = true;
      void (async () => {
        let last = await frame();
        while (bench.recordingFrames) {
          const now = await frame();
          bench.frames.push(now - last);
          last = now;
        }
      })();

      const start = performance.now();
      for (const id of ids.slice(1)) {
        const element = document.getElementById(id)!;
        const from = scrollY;
        // Read as a reader does: the chapter's top a quarter down the screen, or, where the
        // page activates chapters lower (a phone layout with the map stacked above the
        // text), on until it is active, at the same speed and never past its end.
        const top = element.getBoundingClientRect().top + scrollY;
        const to = top - innerHeight / 4;
        const last = top + element.offsetHeight - innerHeight / 2;
        const active = () => document.documentElement.getAttribute('data-active-chapter') === id;
        const began = performance.now();
        for (;;) {
          const y = Math.min(Math.max(to, last), from + ((performance.now() - began) / 1000) * speed);
          scrollTo({ top: y, behavior: 'instant' });
          if (y >= to && (active() || y >= last)) break;
          await frame();
        }
        // Settled: this chapter active, and a map-idle "true" recorded after it became active.
        const deadline = performance.now() + settleTimeout;
        while (performance.now() < deadline) {
          const entered = bench.changes.findLastIndex(([, name, value]) => name === 'data-active-chapter' && value === id);
          if (
            entered >= 0 &&
            mapIdle() &&
            bench.changes.slice(entered + 1).some(([, name, value]) => name === 'data-map-idle' && value === 'true')
          )
            break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      const end = performance.now();
      bench.recordingFrames = false;

      // Chapter change -> the first idle after the map started moving for it (before the next change).
      const latencies: number[] = [];
      bench.changes.forEach(([time, name], i) => {
        if (name !== 'data-active-chapter' || time < start) return;
        const later = bench.changes.slice(i + 1);
        const next = later.findIndex(([, n]) => n === 'data-active-chapter');
        const window = next < 0 ? later : later.slice(0, next);
        const moving = window.findIndex(([, n, v]) => n === 'data-map-idle' && v === 'false');
        const settled = window.slice(moving + 1).find(([, n, v]) => n === 'data-map-idle' && v === 'true');
        if (settled) latencies.push(settled[0] - time);
      });
      const tasks = bench.longTasks.filter((task) => task.start >= start && task.start <= end);
      return { tasks: tasks.map((task) => task.duration), frames: bench.frames, latencies };
    },
    { ids: chapterIds, speed, settleTimeout },
  );
  const frames = [...result.frames].sort((a, b) => a - b);
  return {
    totalBlockingTime: result.tasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
    longTaskCount: result.tasks.length,
    longTaskMax: Math.max(0, ...result.tasks),
    frameP50: percentile(frames, 50),
    frameP95: percentile(frames, 95),
    frameMax: frames.at(-1) ?? Number.NaN,
    chapterToIdleMedian: median(result.latencies),
    chapterToIdleMax: Math.max(0, ...result.latencies),
    chaptersEntered: result.latencies.length,
  };
}

export { median };
