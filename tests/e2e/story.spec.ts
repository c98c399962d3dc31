import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from '../fixtures/story-reader.ts';
import { deepChapter, minimumChapters } from '../support/story-picks.ts';
import {
  distinctMapColours,
  expectChapterApplied,
  expectedFitZoom,
  mapView,
  scrollToChapter,
  storyData,
  waitForMapReady,
  watchPage,
} from './story-page.ts';

test.describe('the story page', () => {
  // Tagged @editions: the config's zh project walks /zh/ too.
  test(
    'scrolling top to bottom and back lands every chapter in its whole map state',
    { tag: '@editions' },
    async ({ page, baseURL, edition }) => {
      const watch = watchPage(page, baseURL!);
      await page.goto(edition.home);
      await waitForMapReady(page);
      const { chapters } = await storyData(page);
      expect(chapters.length).toBeGreaterThanOrEqual(minimumChapters);
      const canvasBox = (await page.locator('[data-story-map] canvas').boundingBox())!;
      for (const chapter of [...chapters, ...[...chapters].reverse()]) {
        await scrollToChapter(page, chapter.id);
        await expectChapterApplied(page, chapter);
        const view = await mapView(page);
        const { camera } = chapter;
        if ('bounds' in camera) {
          const [w, s, e, n] = camera.bounds;
          const [vw, vs, ve, vn] = view.bounds;
          expect
            .soft(vw <= w && vs <= s && ve >= e && vn >= n, `${chapter.id}: view [${view.bounds}] contains [${camera.bounds}]`)
            .toBe(true);
          expect
            .soft(Math.abs(view.zoom - expectedFitZoom(camera.bounds, camera.maxZoom, canvasBox, view.padding)), `zoom of ${chapter.id}`)
            .toBeLessThan(0.1);
        } else {
          expect.soft(Math.abs(view.zoom - camera.zoom), `zoom of ${chapter.id}`).toBeLessThan(0.05);
          expect.soft(Math.hypot(view.lon - camera.center[0], view.lat - camera.center[1]), `centre of ${chapter.id}`).toBeLessThan(0.01);
        }
        expect.soft(await distinctMapColours(page), `colours drawn in ${chapter.id}`).toBeGreaterThan(8);
      }
      expect(watch.pageErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    },
  );

  test('the first view is text and a static map; once it is on screen the engine and nearby data download, and run only for the reader', async ({
    page,
  }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    // The engine's chunk for the page's own thread (src/integrations/engine-from-source.ts names them).
    const engineChunk = /\/maplibre-gl_story-map\.[\w-]+\.js$/;
    await page.goto('/');
    await expect(page.locator('[data-static-map]:visible')).toHaveCount(1);
    await expect(page.locator('h1')).toBeVisible();
    const stage = page.locator('[data-story-map]');

    await expect.poll(() => requests.some((path) => engineChunk.test(path)), { timeout: 10_000 }).toBe(true);
    const { largestPaint, engineAsked } = await page.evaluate(async (pattern) => {
      const largestPaint = await new Promise<number>((resolve) =>
        new PerformanceObserver((list) => resolve(list.getEntries().at(-1)!.startTime)).observe({
          type: 'largest-contentful-paint',
          buffered: true,
        }),
      );
      const engine = performance.getEntriesByType('resource').find((entry) => new RegExp(pattern).test(new URL(entry.name).pathname))!;
      return { largestPaint, engineAsked: engine.startTime };
    }, engineChunk.source);
    expect(engineAsked, 'the engine was asked for after the first view’s largest paint').toBeGreaterThan(largestPaint);
    await page.waitForTimeout(1500);
    await expect(stage, 'downloaded, the engine has not run').toHaveAttribute('data-map-state', 'loading');
    await expect(stage.locator('canvas')).toHaveCount(0);

    const { chapters, layers } = await storyData(page);
    const fetchedLayers = () =>
      layers.filter((layer) => requests.includes(new URL(layer.url, 'http://x').pathname)).map((layer) => layer.id);
    const nearby = new Set([...chapters[0]!.visibleLayers, ...chapters[1]!.visibleLayers]);
    expect(new Set(fetchedLayers())).toEqual(nearby);
    expect(nearby.size, 'the first chapters need fewer layers than the story has').toBeLessThan(layers.length);

    await waitForMapReady(page);
    await expectChapterApplied(page, chapters[0]!);
    const engineTransfers = await page.evaluate(
      (pattern) =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => new RegExp(pattern).test(new URL(entry.name).pathname))
          .map((entry) => (entry as PerformanceResourceTiming).transferSize),
      engineChunk.source,
    );
    expect(engineTransfers.length, 'the download ahead, and the start').toBe(2);
    expect(engineTransfers[1], 'the start took the engine from the cache').toBeLessThan(1024);
    expect(new Set(fetchedLayers())).toEqual(nearby);

    const last = chapters.at(-1)!;
    await scrollToChapter(page, last.id);
    await expectChapterApplied(page, last);
    for (const id of last.visibleLayers) expect(fetchedLayers()).toContain(id);
  });

  for (const [where, setUp] of [
    ['on the embedded story’s page', async () => '/embed/'],
    [
      'where the reader asked to save data',
      async (page: Page) => {
        // Chromium's Save-Data setting, as the page reads it.
        await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
        return '/';
      },
    ],
  ] as const)
    test(`${where}, the engine and the data wait for the reader`, async ({ page }) => {
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(await setUp(page));
      await expect(page.locator('[data-static-map]:visible')).toHaveCount(1);
      await page.waitForTimeout(7000);
      expect(
        requests.filter((path) => /maplibre|\/data\//.test(path)),
        'engine or data fetched before the reader did anything',
      ).toEqual([]);
    });

  test('the live map replaces the static map only once it has drawn the chapter, and is hidden behind it until then', async ({ page }) => {
    type Moment = { state?: string; idle?: string; canvas: string };
    await page.addInitScript(() => {
      const moments: Moment[] = [];
      (window as unknown as { moments: Moment[] }).moments = moments;
      new MutationObserver(() => {
        const stage = document.querySelector<HTMLElement>('[data-story-map]');
        const canvas = stage?.querySelector('canvas');
        if (stage && canvas)
          moments.push({ state: stage.dataset.mapState, idle: stage.dataset.mapIdle, canvas: getComputedStyle(canvas).visibility });
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-state', 'data-map-idle'] });
    });
    await page.goto('/');
    await waitForMapReady(page);
    const moments = await page.evaluate(() => (window as unknown as { moments: Moment[] }).moments);
    const ready = moments.findIndex((moment) => moment.state === 'ready');
    expect(moments.slice(0, ready).filter((moment) => moment.canvas !== 'hidden')).toEqual([]);
    // Shown with the basemap alone, the map drew its layers a quarter of a second after the static map had gone.
    expect(moments[ready]).toEqual({ state: 'ready', idle: 'true', canvas: 'visible' });
  });

  test('the map engine’s stylesheet, cut down at build time, keeps every rule that styles the live map, its credit open or closed', async ({
    page,
  }) => {
    const fullStylesheet = readFileSync(fileURLToPath(import.meta.resolve('maplibre-gl/dist/maplibre-gl.css')), 'utf8');
    await page.goto('/');
    await waitForMapReady(page);
    const unserved = () =>
      page.evaluate((fullText) => {
        const stage = document.querySelector('[data-story-map]')!;
        const selectorsOf = (rules: CSSRuleList): string[] =>
          [...rules].flatMap((rule) =>
            rule instanceof CSSStyleRule
              ? rule.selectorText.split(/,\s*/)
              : 'cssRules' in rule
                ? selectorsOf((rule as CSSGroupingRule).cssRules)
                : [],
          );
        // State pseudo-classes (hover, focus, disabled) and pseudo-elements aside: does the rule reach an element of the map?
        const reachesMap = (selector: string) => {
          const bare = selector.replace(/::?[a-z-]+(\([^)]*\))?/g, '').trim();
          try {
            return bare !== '' && (stage.matches(bare) || stage.querySelector(bare) !== null);
          } catch {
            return false;
          }
        };
        const full = new CSSStyleSheet();
        full.replaceSync(fullText);
        const served = [...document.styleSheets].find((sheet) => sheet.href?.includes('maplibre-gl'));
        const servedSelectors = new Set(served ? selectorsOf(served.cssRules) : []);
        return selectorsOf(full.cssRules).filter((selector) => reachesMap(selector) && !servedSelectors.has(selector));
      }, fullStylesheet);
    expect(await unserved()).toEqual([]);
    const credit = page.locator('.maplibregl-ctrl-attrib');
    const wasOpen = /maplibregl-compact-show/.test((await credit.getAttribute('class')) ?? '');
    await page.locator('.maplibregl-ctrl-attrib-button').click();
    await expect(credit).toHaveClass(wasOpen ? /^(?!.*maplibregl-compact-show)/ : /maplibregl-compact-show/);
    expect(await unserved()).toEqual([]);
  });

  test(
    'a hash in the URL opens the story at that chapter, and reloading keeps it',
    { tag: '@editions' },
    async ({ page, baseURL, edition }) => {
      const watch = watchPage(page, baseURL!);
      await page.goto(edition.home);
      const { chapters } = await storyData(page);
      const target = deepChapter(chapters);
      // A new document, as from a shared link: not a hash change on the open page.
      await page.goto('about:blank');
      await page.goto(`${edition.home}#${target.id}`);
      await waitForMapReady(page);
      await expectChapterApplied(page, target);
      await page.reload();
      await waitForMapReady(page);
      await expectChapterApplied(page, target);
      expect(watch.pageErrors).toEqual([]);
    },
  );

  test('a jump straight to the end skips the chapters between and lands in the last state', async ({ page }) => {
    await page.goto('/');
    await waitForMapReady(page);
    const { chapters } = await storyData(page);
    const last = chapters.at(-1)!;
    await scrollToChapter(page, last.id);
    await expectChapterApplied(page, last);
    await expect(page).toHaveURL(new RegExp(`#${last.id}$`));
  });

  test('the URL hash follows the chapter in view and story:chapter events report it', async ({ page }) => {
    await page.goto('/');
    const { chapters } = await storyData(page);
    await page.evaluate(() => {
      (window as unknown as { chapterEvents: unknown[] }).chapterEvents = [];
      addEventListener('story:chapter', (event) =>
        (window as unknown as { chapterEvents: unknown[] }).chapterEvents.push((event as CustomEvent).detail),
      );
    });
    await scrollToChapter(page, chapters[2]!.id);
    await expect(page).toHaveURL(new RegExp(`#${chapters[2]!.id}$`));
    const events = await page.evaluate(() => (window as unknown as { chapterEvents: unknown[] }).chapterEvents);
    expect(events.at(-1)).toEqual({ id: chapters[2]!.id, index: 2 });
  });

  test('the map announces story:settled once a chapter it applied is drawn and at rest', async ({ page }) => {
    await page.goto('/');
    await waitForMapReady(page);
    const { chapters } = await storyData(page);
    const target = chapters[2]!;
    await page.evaluate(() => {
      const seen: unknown[] = ((window as unknown as { settled: unknown[] }).settled = []);
      addEventListener('story:settled', (event) => {
        const stage = document.querySelector<HTMLElement>('[data-story-map]')!;
        // What a listener sees at that moment: the map idle, in the chapter the event names.
        seen.push({
          ...(event as CustomEvent).detail,
          idle: stage.dataset.mapIdle,
          active: document.documentElement.dataset.activeChapter,
        });
      });
    });
    await scrollToChapter(page, target.id);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { settled: { chapter: string }[] }).settled.at(-1)))
      .toEqual({ chapter: target.id, idle: 'true', active: target.id });
  });

  test('the next and previous buttons move between chapters from the keyboard', async ({ page }) => {
    await page.goto('/');
    const { chapters } = await storyData(page);
    // Focused in place: a script's focus() on the sticky bar now and then scrolls to its natural place, the top.
    const press = async (name: string) => {
      await page.getByRole('button', { name }).evaluate((button: HTMLElement) => button.focus({ preventScroll: true }));
      await page.keyboard.press('Enter');
    };
    await press('Next chapter');
    await expect(page.locator('html')).toHaveAttribute('data-active-chapter', chapters[1]!.id);
    await press('Next chapter');
    await expect(page.locator('html')).toHaveAttribute('data-active-chapter', chapters[2]!.id);
    await press('Previous chapter');
    await expect(page.locator('html')).toHaveAttribute('data-active-chapter', chapters[1]!.id);
  });

  test('the legend lists exactly the layers on the map now', async ({ page }) => {
    await page.goto('/');
    await waitForMapReady(page);
    const { chapters, layers } = await storyData(page);
    for (const chapter of new Set([chapters[0]!, chapters[Math.min(4, chapters.length - 2)]!, chapters.at(-1)!])) {
      await scrollToChapter(page, chapter.id);
      await expectChapterApplied(page, chapter);
      const legends = chapter.visibleLayers.map((id) => layers.find((l) => l.id === id)!.legend);
      await expect(page.locator('[data-legend] li')).toHaveCount(legends.length);
      for (const legend of legends) await expect(page.locator('[data-legend]')).toContainText(legend);
    }
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ])
    test.describe(`at ${viewport.width}×${viewport.height}`, () => {
      test.use({ viewport });
      test('basemap labels the map’s edge or the legend would cut are left out; every label drawn sits wholly inside', async ({ page }) => {
        test.slow();
        await page.goto('/');
        await waitForMapReady(page);
        const data = await storyData(page);
        // Where each label stands and how it is set, from the basemap files and the style's sizes.
        interface LabelPoint {
          coordinates: [number, number];
          size: number;
          beside: boolean;
          letterSpacing: number;
        }
        const points = new Map<string, LabelPoint>();
        const features = async (name: string) =>
          (
            (await (
              await page.request.get(new URL(data.basemap[name]!, page.url()).href)
            ).json()) as GeoJSON.FeatureCollection<GeoJSON.Point>
          ).features;
        for (const feature of await features('country-labels'))
          points.set(String(feature.properties!.name).toUpperCase(), {
            coordinates: feature.geometry.coordinates as [number, number],
            size: 13,
            beside: false,
            letterSpacing: 0.2,
          });
        for (const feature of await features('places'))
          points.set(String(feature.properties!.name), {
            coordinates: feature.geometry.coordinates as [number, number],
            size: feature.properties!.rank === 1 ? 13 : 12,
            beside: true,
            letterSpacing: 0,
          });
        const mercatorX = (lon: number) => lon / 360;
        const mercatorY = (lat: number) => -Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
        const map = page.locator('[data-story-map]');
        let checked = 0;
        for (const chapter of data.chapters) {
          await scrollToChapter(page, chapter.id);
          await expectChapterApplied(page, chapter);
          const drawn = ((await map.getAttribute('data-basemap-labels')) ?? '').split('|').filter(Boolean);
          checked += drawn.length;
          const {
            bounds: [west, south, east, north],
          } = await mapView(page);
          const canvas = (await map.locator('canvas').boundingBox())!;
          const legend = (await page.locator('.legend').boundingBox())!;
          for (const text of drawn) {
            const point = points.get(text)!;
            expect(point, `${text} is a basemap label`).toBeDefined();
            const x = canvas.x + ((mercatorX(point.coordinates[0]) - mercatorX(west)) / (mercatorX(east) - mercatorX(west))) * canvas.width;
            const y =
              canvas.y + ((mercatorY(point.coordinates[1]) - mercatorY(north)) / (mercatorY(south) - mercatorY(north))) * canvas.height;
            // Measured by the browser's text layout, in the font the map draws with.
            const width = await page.evaluate(
              ({ text, size, letterSpacing }) => {
                const span = document.body.appendChild(document.createElement('span'));
                span.style.cssText = `position:absolute;white-space:nowrap;font:${size}px "Noto Sans";letter-spacing:${letterSpacing}em`;
                span.textContent = text;
                const measured = span.getBoundingClientRect().width;
                span.remove();
                return measured;
              },
              { text, size: point.size, letterSpacing: point.letterSpacing },
            );
            // A label beside its dot may sit on either side of it, or above or below.
            const [dx, dy] = point.beside
              ? [width + point.size / 2, point.size * 1.7]
              : [Math.min(width, 8 * point.size * 1.2) / 2, point.size * 0.6];
            const where = `${text} at ${chapter.id}`;
            expect.soft(x - dx, `${where}: left edge`).toBeGreaterThanOrEqual(canvas.x - 1);
            expect.soft(x + dx, `${where}: right edge`).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
            expect.soft(y - dy, `${where}: top edge`).toBeGreaterThanOrEqual(canvas.y - 1);
            expect.soft(y + dy, `${where}: bottom edge`).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
            const underLegend =
              x - dx < legend.x + legend.width && x + dx > legend.x && y - dy < legend.y + legend.height && y + dy > legend.y;
            expect.soft(underLegend, `${where}: under the legend`).toBe(false);
          }
        }
        expect(checked, 'labels drawn across the story').toBeGreaterThan(data.chapters.length);
      });
    });

  test('the chapter with a scrubbed route draws it further as the reader scrolls through it', async ({ page }) => {
    await page.goto('/');
    await waitForMapReady(page);
    const { chapters } = await storyData(page);
    const scrubbed = chapters.find((c) => c.scrub)!;
    const drawnAt = async (share: number) => {
      await page.evaluate(
        ({ id, share }) => {
          const element = document.getElementById(id)!;
          const top = element.getBoundingClientRect().top + window.scrollY;
          window.scrollTo({ top: top + element.offsetHeight * share - innerHeight / 2, behavior: 'instant' });
        },
        { id: scrubbed.id, share },
      );
      // Jumping straight here, the route's data may still be on its way: read once the map has settled.
      await expectChapterApplied(page, scrubbed);
      return page.locator('[data-story-map]').evaluate(async (el) => {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return Number((el as HTMLElement).dataset.scrubKm);
      });
    };
    const early = await drawnAt(0.2);
    const late = await drawnAt(0.9);
    expect(early).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(early);
    expect(late).toBeCloseTo(scrubbed.scrub!.lengthKm, 0);
  });

  test('/data/layers.json lists every layer with its provenance and a working data URL', async ({ request, page }) => {
    await page.goto('/');
    const { layers } = await storyData(page);
    const catalog = (await (await request.get('/data/layers.json')).json()) as { layers: Record<string, unknown>[] };
    expect(catalog.layers.map((l) => l.id).sort()).toEqual(layers.map((l) => l.id).sort());
    for (const entry of catalog.layers) {
      for (const field of ['title', 'description', 'source', 'licence', 'approximate', 'bbox', 'featureCount', 'bytes', 'url'])
        expect(entry, `${entry.id}.${field}`).toHaveProperty(field);
      const data = (await (await request.get(entry.url as string)).json()) as { features: unknown[] };
      expect(data.features).toHaveLength(entry.featureCount as number);
    }
  });
});
