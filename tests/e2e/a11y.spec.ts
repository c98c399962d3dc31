/**
 * Accessibility: axe-core (WCAG 2.2 A and AA rules) on every page in its live and
 * fallback states, keyboard use without a pointer, structure, reflow at 320 CSS px,
 * and reduced motion.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import config from '../playwright.config.ts';
import { test } from '../fixtures/story-reader.ts';
import { expectChapterApplied, scrollToChapter, storyData, waitForMapReady, watchPage } from './story-page.ts';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations as one line per failing element, so a failure reads as a to-do list. */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id} (${v.help}): ${node.target.join(' ')}`));
}

/** Opens a page that another engineer may not have built yet; skips the test if it is not there. */
async function openOrSkip(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  test.skip(response?.status() === 404, `${path} is not built yet`);
  expect(response?.ok(), `${path} responds`).toBe(true);
}

type State = 'live map' | 'static fallback (no WebGL)' | 'site scripts blocked';
const states: { state: State; options: Parameters<typeof test.use>[0] }[] = [
  { state: 'live map', options: {} },
  { state: 'static fallback (no WebGL)', options: { extraBrowserArgs: ['--disable-webgl', '--disable-3d-apis'] } },
  // axe itself needs JavaScript, so it cannot check a page with JavaScript off; this is
  // the nearest state it can check: the site's scripts never arrive (blocked, failed).
  { state: 'site scripts blocked', options: {} },
];

for (const { state, options } of states) {
  // Tagged @editions: the config's zh project checks /zh/ and its embeds too.
  test.describe(`axe, WCAG 2.2 A and AA, with ${state}`, { tag: '@editions' }, () => {
    test.use(options);
    test.beforeEach(async ({ page }) => {
      if (state === 'site scripts blocked') await page.route('**/*.js', (route) => route.abort('blockedbyclient'));
    });

    /** Waits until the page has settled in this state (map ready, or fallback shown). */
    async function settle(page: Page): Promise<void> {
      if (state === 'site scripts blocked') return;
      if ((await page.locator('[data-story-map]').count()) === 0) return;
      if (state === 'live map') await waitForMapReady(page);
      else {
        // The map (or, without WebGL, the finding that it cannot run) starts at the reader's first input.
        await page.mouse.move(10, 10);
        await expect(page.locator('[data-story-map]')).toHaveAttribute('data-map-state', 'fallback');
      }
    }

    test('the story page has no violations at its opening and mid-story', async ({ page, edition }) => {
      await page.goto(edition.home);
      await settle(page);
      expect(await axeViolations(page), 'at the opening').toEqual([]);
      const { chapters } = await storyData(page);
      // A dated chapter: the legend carries status notes, cards above and below recede.
      const dated = chapters.find((c) => Object.keys(c.statuses).length > 0)!;
      await scrollToChapter(page, dated.id);
      if (state !== 'site scripts blocked') await expect(page.locator('html')).toHaveAttribute('data-active-chapter', dated.id);
      expect(await axeViolations(page), `at ${dated.id}`).toEqual([]);
    });

    for (const path of ['/embed/', '/embed/{first}/', '/embed/{last}/', '/embed-code/', '/layers/']) {
      test(`${path} has no violations`, async ({ page, edition }) => {
        // The catalog is one page carrying both languages.
        test.skip(path === '/layers/' && edition.path !== '', 'the catalog is checked once');
        let resolved = `${edition.home}${path.slice(1)}`;
        if (path.includes('{')) {
          await page.goto(edition.home);
          const { chapters } = await storyData(page);
          resolved = resolved.replace('{first}', chapters[0]!.id).replace('{last}', chapters.at(-1)!.id);
        }
        await openOrSkip(page, resolved);
        await settle(page);
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  });
}

test.describe('keyboard and structure', () => {
  test('tabbing through the whole story never lands on the map and never hides focus under the sticky bar', async ({ page, baseURL }) => {
    test.slow();
    const watch = watchPage(page, baseURL!);
    await page.goto('/');
    await waitForMapReady(page);
    const stops: { label: string; order: number; covered: boolean; visible: boolean; onMap: boolean }[] = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const all = [...document.querySelectorAll('*')];
        const box = el.getBoundingClientRect();
        const nav = document.querySelector('.progress')!;
        const bar = nav.getBoundingClientRect();
        return {
          label: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`,
          order: all.indexOf(el),
          // Anything outside the bar must not overlap it (the bar is drawn on top when stuck).
          covered: !nav.contains(el) && box.top < bar.bottom && box.bottom > bar.top,
          visible: box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden',
          onMap: el.matches('canvas, .maplibregl-canvas-container, .map-canvas'),
        };
      });
      if (!stop || (stops.length > 0 && stop.order <= stops.at(-1)!.order)) break;
      stops.push(stop);
    }
    expect(stops.length, 'tab stops reached').toBeGreaterThan(20);
    expect(stops[0]!.label).toContain('Skip to the story');
    expect(
      stops.filter((s) => s.onMap).map((s) => s.label),
      'map canvas as a tab stop',
    ).toEqual([]);
    expect(
      stops.filter((s) => s.covered).map((s) => s.label),
      'focused under the sticky bar',
    ).toEqual([]);
    expect(
      stops.filter((s) => !s.visible).map((s) => s.label),
      'invisible tab stops',
    ).toEqual([]);
    // The one focusable control inside the map, MapLibre's attribution toggle, has a name.
    await expect(page.locator('[data-story-map] summary, [data-story-map] button')).toHaveAccessibleName(/attribution/i);
    expect(watch.pageErrors).toEqual([]);
  });

  test('the skip link moves focus past the masthead and chapter bar to the story', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the story' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#story$/);
    await page.keyboard.press('Tab');
    const focusedInStory = await page.evaluate(() => document.getElementById('story')!.contains(document.activeElement));
    expect(focusedInStory).toBe(true);
  });

  test('headings run h1 then h2 (then deeper) without skipping, and the landmarks are named', async ({ page }) => {
    await page.goto('/');
    const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    const jumps = levels
      .slice(1)
      .map((level, i) => level - levels[i]!)
      .filter((step) => step > 1);
    expect(jumps, 'heading levels skipped').toEqual([]);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Chapters' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
  });
});

test.describe('reflow at 320 CSS px (400% zoom of 1280 px)', () => {
  test.use({ viewport: { width: 320, height: 256 } });

  async function expectNoHorizontalScroll(page: Page): Promise<void> {
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, 'document width at 320 px').toBeLessThanOrEqual(clientWidth);
  }

  test('the story needs no horizontal scrolling and keeps every control, Reduce motion included', async ({ page }) => {
    await page.goto('/');
    await expectNoHorizontalScroll(page);
    for (const name of ['Previous chapter', 'Next chapter', 'Reduce motion'])
      await expect(page.getByRole('button', { name })).toBeVisible();
    const { chapters } = await storyData(page);
    for (const chapter of [chapters[0]!, chapters[9]!, chapters.at(-1)!]) {
      await scrollToChapter(page, chapter.id);
      await expectNoHorizontalScroll(page);
    }
    await page.locator('#sources').scrollIntoViewIfNeeded();
    await expectNoHorizontalScroll(page);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the story needs no horizontal scrolling', async ({ page }) => {
      await page.goto('/');
      await expectNoHorizontalScroll(page);
    });
  });
});

/**
 * Installs a frame counter and, for every chapter change, records how many animation
 * frames pass from the chapter becoming active (the story:chapter event, dispatched
 * right after the map was told to move) until the map container reports idle.
 */
async function recordFramesToIdle(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { framesToIdle: IdleRecord[] };
    w.framesToIdle = [];
    let frame = 0;
    const tick = () => {
      frame++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const map = document.querySelector<HTMLElement>('[data-story-map]')!;
    addEventListener('story:chapter', (event) => {
      const { id } = (event as CustomEvent<{ id: string }>).detail;
      // jumpTo has already run (and published the camera) when the event fires.
      const start = { frame, time: performance.now(), camera: map.dataset.camera! };
      const done = () =>
        w.framesToIdle.push({
          id,
          frames: frame - start.frame,
          ms: Math.round(performance.now() - start.time),
          cameraAtChange: start.camera,
          cameraAtIdle: map.dataset.camera!,
        });
      if (map.dataset.mapIdle === 'true') return done();
      const observer = new MutationObserver(() => {
        if (map.dataset.mapIdle !== 'true') return;
        observer.disconnect();
        done();
      });
      observer.observe(map, { attributes: true, attributeFilter: ['data-map-idle'] });
    });
  });
}

interface IdleRecord {
  id: string;
  frames: number;
  ms: number;
  cameraAtChange: string;
  cameraAtIdle: string;
}

async function framesToIdle(page: Page): Promise<IdleRecord[]> {
  return page.evaluate(() => (window as unknown as { framesToIdle: IdleRecord[] }).framesToIdle);
}

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  /**
   * Measured: frames counted by a requestAnimationFrame ticker, from the story:chapter
   * event (dispatched right after the chapter was applied) to data-map-idle="true". Under
   * reduced motion the chapter is applied with jumpTo and drawn at once (map.redraw()), and
   * layers are shown and hidden through paint alone, which MapLibre draws without laying
   * anything out again. What can still hold 'idle' back is a first visit: a layer's data
   * fetched, or a view's tiles cut for a source that had not been fetched when its chapter
   * was first read (layers come when a chapter near them is read). So the first two passes
   * fill those caches and are reported; the third, where every source has seen every view,
   * is held to one frame.
   */
  test('with prefers-reduced-motion the camera lands in the frame of every chapter change and the map is idle within one frame', async ({
    page,
    baseURL,
  }) => {
    test.slow();
    const watch = watchPage(page, baseURL!);
    await page.goto('/');
    await waitForMapReady(page);
    const { chapters } = await storyData(page);
    await recordFramesToIdle(page);
    const pass = async () => {
      await page.evaluate(() => ((window as unknown as { framesToIdle: IdleRecord[] }).framesToIdle = []));
      for (const chapter of chapters.slice(1)) {
        await scrollToChapter(page, chapter.id);
        await expectChapterApplied(page, chapter);
      }
      const measured = await framesToIdle(page);
      expect(measured.map((m) => m.id)).toEqual(chapters.slice(1).map((c) => c.id));
      await scrollToChapter(page, chapters[0]!.id);
      await expectChapterApplied(page, chapters[0]!);
      return measured;
    };
    const passes = [await pass(), await pass(), await pass()];
    passes.forEach((measured, i) =>
      test.info().annotations.push({
        type: `pass ${i + 1}`,
        description: measured.map((m) => `${m.id}: ${m.frames} frames / ${m.ms} ms`).join('; '),
      }),
    );
    for (const m of passes.flat()) {
      // Nothing moves: the camera is at the chapter's view in the very frame the chapter became active.
      expect.soft(m.cameraAtIdle, `camera of ${m.id} moved after its chapter change`).toBe(m.cameraAtChange);
    }
    for (const m of passes.at(-1)!) expect.soft(m.frames, `frames from ${m.id} becoming active to map idle`).toBeLessThanOrEqual(1);
    expect(watch.pageErrors).toEqual([]);
  });

  test('the India route is drawn whole as soon as its chapter opens, not by scrolling', async ({ page }) => {
    await page.goto('/');
    await waitForMapReady(page);
    const { chapters } = await storyData(page);
    const scrubbed = chapters.find((c) => c.scrub)!;
    await scrollToChapter(page, scrubbed.id);
    await expectChapterApplied(page, scrubbed);
    await expect
      .poll(async () => Number(await page.locator('[data-story-map]').getAttribute('data-scrub-km')))
      .toBeCloseTo(scrubbed.scrub!.lengthKm, 0);
  });
});

test.describe('the Reduce motion button, without the system setting', () => {
  test('turns camera moves instant and draws the scrubbed route whole', async ({ page }) => {
    await page.goto('/');
    await waitForMapReady(page);
    const toggle = page.getByRole('button', { name: 'Reduce motion' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const { chapters } = await storyData(page);
    const scrubbed = chapters.find((c) => c.scrub)!;
    await recordFramesToIdle(page);
    await scrollToChapter(page, scrubbed.id);
    await expectChapterApplied(page, scrubbed);
    await expect
      .poll(async () => Number(await page.locator('[data-story-map]').getAttribute('data-scrub-km')))
      .toBeCloseTo(scrubbed.scrub!.lengthKm, 0);
    // Instant: the camera published in the frame of the change is the one the map settles on
    // (an animated move would publish its final camera only 1.6 s later).
    const [first] = await framesToIdle(page);
    expect(first!.id).toBe(scrubbed.id);
    expect(first!.cameraAtIdle).toBe(first!.cameraAtChange);
  });
});

/**
 * Lighthouse's accessibility category (its own axe run plus its audits), scored per
 * page. Lighthouse drives Chromium over the DevTools protocol, so it gets its own
 * browser, started with the config's switches and a debugging port.
 */
test.describe('Lighthouse accessibility', () => {
  for (const path of ['/', '/zh/', '/embed/', '/embed/{first}/', '/layers/']) {
    test(`${path} scores 100`, async ({ playwright, request, baseURL }) => {
      test.slow();
      let resolved = path;
      if (path.includes('{first}')) {
        const html = await (await request.get('/')).text();
        const first = /data-chapter="([^"]+)"/.exec(html)![1]!;
        resolved = path.replace('{first}', first);
      }
      test.skip((await request.get(resolved)).status() === 404, `${resolved} is not built yet`);
      const { default: lighthouse } = await import('lighthouse');
      const port = 9300 + test.info().workerIndex;
      const launchOptions = config.use?.launchOptions ?? {};
      const browser = await playwright.chromium.launch({
        ...launchOptions,
        args: [...(launchOptions.args ?? []), `--remote-debugging-port=${port}`],
      });
      try {
        const result = await lighthouse(`${baseURL}${resolved}`, {
          port,
          onlyCategories: ['accessibility'],
          output: 'json',
          logLevel: 'error',
        });
        const lhr = result!.lhr;
        const failing = Object.values(lhr.audits)
          .filter((audit) => audit.scoreDisplayMode === 'binary' && audit.score !== 1)
          .map((audit) => `${audit.id}: ${audit.title}`);
        test.info().annotations.push({
          type: 'lighthouse accessibility',
          description: `${resolved}: ${Math.round(lhr.categories.accessibility!.score! * 100)}`,
        });
        expect(lhr.runtimeError, 'Lighthouse ran').toBeUndefined();
        expect(failing, `failing audits (score ${lhr.categories.accessibility!.score})`).toEqual([]);
        expect(lhr.categories.accessibility!.score).toBe(1);
      } finally {
        await browser.close();
      }
    });
  }
});
