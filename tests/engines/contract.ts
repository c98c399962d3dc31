/**
 * The story's public contract and its fallbacks, asserted the same way in every engine
 * the EnginePage adapter drives (Firefox, WebKitGTK); the Chromium suite (tests/e2e,
 * Playwright) asserts the same and more. Each engine file calls `engineSuite(engine)`.
 *
 * Everything waits on the contract's attributes (data-map-state, data-active-chapter,
 * data-map-idle), never on sleeps: these engines run under Xvfb with software GL on a
 * shared machine.
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChapterMapState, StoryData } from '../../src/map/story-data.ts';
import { expectedFitZoom } from '../e2e/story-page.ts';
import { launch, type Engine, type EngineOptions, type EnginePage } from './engine-page.ts';
import { startSiteServer, type SiteServer } from './site-server.ts';
import { deepChapter, layerToFail, minimumChapters } from '../support/story-picks.ts';

const viewport = { width: 1280, height: 800 };
const wait = { timeout: 60_000, interval: 100 };

/** Resources the page fetched from anywhere but the site (data: and blob: URLs are the page's own). */
const foreign = (requests: string[], origin: string) =>
  requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));

const storyData = (page: EnginePage) =>
  page.evaluate(() => JSON.parse(document.getElementById('story-data')!.textContent!)) as Promise<StoryData>;

const mapState = (page: EnginePage) => page.evaluate(() => document.querySelector<HTMLElement>('[data-story-map]')!.dataset.mapState);

/** The live map starts at the reader's first input: a real pointer move over the page (to a new point, or no event fires). */
async function waitForMapReady(page: EnginePage, state = 'ready'): Promise<void> {
  await page.movePointer(10, 10);
  await page.movePointer(30, 20);
  await expect.poll(() => mapState(page), wait).toBe(state);
}

/** Scrolls so the chapter's top sits just below the chapter bar, as a reader reaching it would. */
const scrollToChapter = (page: EnginePage, id: string) =>
  page.evaluate((chapterId: string) => {
    const element = document.getElementById(chapterId)!;
    window.scrollTo({ top: element.getBoundingClientRect().top + window.scrollY - 48, behavior: 'instant' });
  }, id);

/** What the page reports about the chapter, in one round trip. */
const chapterReport = (page: EnginePage, id: string) =>
  page.evaluate((chapterId: string) => {
    const map = document.querySelector<HTMLElement>('[data-story-map]')!;
    const sorted = (list: string | undefined) => (list ?? '').split(' ').filter(Boolean).sort().join(' ');
    const numbers = (value: string | undefined) => (value ?? '').split(',').map(Number);
    const canvas = map.querySelector('canvas')?.getBoundingClientRect();
    const heading = document.querySelector(`section#${chapterId} h2`)!.getBoundingClientRect();
    const hit = document.elementFromPoint(heading.left + Math.min(heading.width / 2, 40), heading.top + heading.height / 2);
    return {
      active: document.documentElement.dataset.activeChapter,
      current: [...document.querySelectorAll('[aria-current="step"]')].map((element) => element.id),
      declared: sorted(document.querySelector<HTMLElement>(`[data-chapter="${chapterId}"]`)!.dataset.layers),
      visible: sorted(map.dataset.visibleLayers),
      idle: map.dataset.mapIdle,
      state: map.dataset.mapState,
      camera: numbers(map.dataset.camera),
      bounds: numbers(map.dataset.viewBounds),
      padding: numbers(map.dataset.cameraPadding),
      canvas: canvas ? { width: canvas.width, height: canvas.height } : undefined,
      headingOnScreen: heading.top >= 0 && heading.bottom <= innerHeight,
      headingUncovered: hit !== null && document.querySelector(`section#${chapterId} h2`)!.contains(hit),
      hash: location.hash,
    };
  }, id);

/** Waits until the chapter is active and the live map shows exactly its layers, settled. */
async function expectChapterApplied(page: EnginePage, chapter: ChapterMapState) {
  await expect
    .poll(async () => {
      const report = await chapterReport(page, chapter.id);
      return report.active === chapter.id && report.visible === report.declared && report.idle === 'true';
    }, wait)
    .toBe(true);
  const report = await chapterReport(page, chapter.id);
  expect(report.current, `aria-current at ${chapter.id}`).toEqual([chapter.id]);
  expect(report.declared.split(' ')).toEqual([...chapter.visibleLayers].sort());
  return report;
}

/** How many distinct colours a PNG shows: a blank or failed map shows one or two. */
function distinctColours(png: Buffer): number {
  const { data } = PNG.sync.read(png);
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 4 * 7) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
  return colours.size;
}

/** The chapter's own static map is the one on screen, and has decoded a picture. */
async function expectStaticMapShown(page: EnginePage, id: string): Promise<void> {
  const shown = () =>
    page.evaluate((_chapterId: string) => {
      const visible = [...document.querySelectorAll<HTMLImageElement>('[data-static-map]')].filter(
        (image) => image.getClientRects().length > 0 && getComputedStyle(image).visibility !== 'hidden',
      );
      const image = visible[0];
      const box = image?.getBoundingClientRect();
      return {
        visible: visible.map((element) => element.dataset.staticMap),
        loaded: Boolean(image?.complete && image.naturalWidth > 0),
        onScreen: Boolean(box && box.bottom > 0 && box.top < innerHeight),
      };
    }, id);
  await expect.poll(shown, wait).toEqual({ visible: [id], loaded: true, onScreen: true });
}

/** Loses the map canvas's WebGL context through WEBGL_lose_context, as a GPU reset would. */
const loseContext = (page: EnginePage) =>
  page.evaluate(async () => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-story-map] canvas')!;
    const lose = canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
    const lost = new Promise((resolve) => canvas.addEventListener('webglcontextlost', resolve, { once: true }));
    lose.loseContext();
    await lost;
  });

export function engineSuite(engine: Engine): void {
  describe(engine, () => {
    let server: SiteServer;
    const opened: EnginePage[] = [];
    const open = async (options: Partial<EngineOptions> = {}) => {
      const page = await launch(engine, { viewport, ...options });
      opened.push(page);
      return page;
    };
    beforeAll(async () => {
      server = await startSiteServer();
    });
    afterAll(async () => {
      await Promise.all(opened.map((page) => page.close()));
      await server?.close();
    });

    describe('with WebGL', () => {
      let page: EnginePage;
      beforeAll(async () => {
        page = await open();
      });
      afterAll(() => page?.close());

      test('scrolling top to bottom and back lands every chapter in its whole map state, with no page errors or foreign requests', async () => {
        await page.goto(`${server.origin}/`);
        await waitForMapReady(page);
        const { chapters } = await storyData(page);
        expect(chapters.length).toBeGreaterThanOrEqual(minimumChapters);
        for (const chapter of [...chapters, ...[...chapters].reverse()]) {
          await scrollToChapter(page, chapter.id);
          const report = await expectChapterApplied(page, chapter);
          // The URL stays bare until the reader leaves the first chapter.
          expect.soft([`#${chapter.id}`, ...(chapter.index === 0 ? [''] : [])], `hash at ${chapter.id}`).toContain(report.hash);
          const [lon, lat, zoom] = report.camera as [number, number, number];
          const { camera } = chapter;
          if ('bounds' in camera) {
            const [w, s, e, n] = camera.bounds;
            const [vw, vs, ve, vn] = report.bounds as [number, number, number, number];
            expect
              .soft(vw <= w && vs <= s && ve >= e && vn >= n, `${chapter.id}: view [${report.bounds}] contains [${camera.bounds}]`)
              .toBe(true);
            const fit = expectedFitZoom(camera.bounds, camera.maxZoom, report.canvas!, report.padding as [number, number, number, number]);
            expect.soft(Math.abs(zoom - fit), `zoom of ${chapter.id}`).toBeLessThan(0.1);
          } else {
            expect.soft(Math.abs(zoom - camera.zoom), `zoom of ${chapter.id}`).toBeLessThan(0.05);
            expect.soft(Math.hypot(lon - camera.center[0], lat - camera.center[1]), `centre of ${chapter.id}`).toBeLessThan(0.01);
          }
        }
        // The map draws: checked at the ends of the walk (a screenshot per chapter costs a second here).
        expect(distinctColours(await page.screenshot('[data-story-map] canvas')), 'colours drawn').toBeGreaterThan(8);
        const probe = await page.probe();
        expect(probe.errors).toEqual([]);
        // The record is live (it holds the layers fetched on the way) and holds nothing from elsewhere.
        expect(probe.requests.filter((url) => url.includes('/data/layers/')).length).toBeGreaterThan(5);
        expect(foreign(probe.requests, server.origin)).toEqual([]);
      });

      test('a link to a chapter opens the story there, and reloading keeps it', async () => {
        await page.goto(`${server.origin}/`);
        const { chapters } = await storyData(page);
        const target = deepChapter(chapters);
        await page.goto('about:blank');
        await page.goto(`${server.origin}/#${target.id}`);
        await waitForMapReady(page);
        await expectChapterApplied(page, target);
        expect((await page.probe()).errors).toEqual([]);
        await page.reload();
        await waitForMapReady(page);
        await expectChapterApplied(page, target);
        expect(await page.url()).toMatch(new RegExp(`#${target.id}$`));
        const probe = await page.probe();
        expect(probe.errors).toEqual([]);
        expect(foreign(probe.requests, server.origin)).toEqual([]);
      });

      test('when the WebGL context is lost mid-story, the rest of the story shows static maps, with no page errors', async () => {
        await page.goto(`${server.origin}/`);
        await waitForMapReady(page);
        const { chapters } = await storyData(page);
        const middle = Math.floor(chapters.length / 2);
        await scrollToChapter(page, chapters[middle - 1]!.id);
        await expectChapterApplied(page, chapters[middle - 1]!);
        await loseContext(page);
        await expect.poll(() => mapState(page), wait).toBe('fallback');
        for (const chapter of chapters.slice(middle - 1)) {
          await scrollToChapter(page, chapter.id);
          await expectStaticMapShown(page, chapter.id);
        }
        expect((await page.probe()).errors).toEqual([]);
      });

      test('a layer file that fails to load is marked unavailable in the legend while the rest of the map works', async () => {
        await page.goto(`${server.origin}/`);
        const { chapters, layers } = await storyData(page);
        const failing = layerToFail(chapters, layers);
        server.fail(new URL(failing.url, server.origin).pathname);
        try {
          await page.goto('about:blank');
          await page.goto(`${server.origin}/`);
          await waitForMapReady(page);
          const chapter = chapters.find((c) => c.visibleLayers.includes(failing.id) && c.visibleLayers.length > 1)!;
          await scrollToChapter(page, chapter.id);
          const legend = () =>
            page.evaluate(() =>
              Object.fromEntries(
                [...document.querySelectorAll<HTMLElement>('[data-legend] li[data-layer]')].map((item) => [
                  item.dataset.layer,
                  item.textContent!.includes('unavailable'),
                ]),
              ),
            );
          const others = chapter.visibleLayers.filter((id) => id !== failing.id);
          await expect.poll(legend, wait).toEqual(Object.fromEntries(chapter.visibleLayers.map((id) => [id, id === failing.id])));
          await expect.poll(async () => (await chapterReport(page, chapter.id)).visible, wait).toBe([...others].sort().join(' '));
          await expect.poll(async () => (await chapterReport(page, chapter.id)).idle, wait).toBe('true');
          expect((await page.probe()).errors).toEqual([]);
        } finally {
          server.fail();
        }
      });
    });

    test('without WebGL every chapter is readable and shows its own static map, with no page errors', async () => {
      const page = await open({ webgl: false });
      await page.goto(`${server.origin}/`);
      expect(await mapState(page)).toBe('loading');
      await waitForMapReady(page, 'fallback');
      const { chapters } = await storyData(page);
      for (const chapter of chapters) {
        await scrollToChapter(page, chapter.id);
        await expect.poll(async () => (await chapterReport(page, chapter.id)).active, wait).toBe(chapter.id);
        const report = await chapterReport(page, chapter.id);
        expect.soft(report.headingOnScreen && report.headingUncovered, `heading of ${chapter.id} on screen, uncovered`).toBe(true);
        await expectStaticMapShown(page, chapter.id);
      }
      const probe = await page.probe();
      expect(probe.errors).toEqual([]);
      expect(foreign(probe.requests, server.origin)).toEqual([]);
      await page.close();
    });

    test('without JavaScript every chapter carries its static map with real alt text', async () => {
      const page = await open({ javascript: false });
      await page.goto(`${server.origin}/`);
      // The page's own scripts did not run: no probe, no active chapter, the map never starts.
      expect((await page.probe()).errors).toEqual(['the probe did not run']);
      const chapters = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('section[data-chapter]')].map((section) => ({
          id: section.id,
          description: section.dataset.mapDescription,
        })),
      );
      expect(chapters.length).toBeGreaterThanOrEqual(minimumChapters);
      for (const { id, description } of chapters) {
        const image = () =>
          page.evaluate((chapterId: string) => {
            const img = document.querySelector<HTMLImageElement>(`section#${chapterId} .chapter-static-map`)!;
            const before = img.getBoundingClientRect();
            window.scrollTo({ top: before.top + window.scrollY - (innerHeight - before.height) / 2, behavior: 'instant' });
            const box = img.getBoundingClientRect();
            return { alt: img.alt, loaded: img.complete && img.naturalWidth > 0, onScreen: box.top < innerHeight && box.bottom > 0 };
          }, id);
        await expect.poll(image, wait).toEqual({ alt: description, loaded: true, onScreen: true });
        expect(description!.length).toBeGreaterThan(40);
      }
      expect(await page.evaluate(() => document.documentElement.hasAttribute('data-active-chapter'))).toBe(false);
      await page.close();
    });
  });
}
