/**
 * The whole story, read top to bottom in the conditions readers really have: a normal
 * browser, no WebGL, no JavaScript, a GPU that drops the map's context mid-story, and
 * a layer file that does not arrive. Every chapter must stay readable with a map.
 * Every edition is read (tagged @editions: the config's zh project reads /zh/).
 */
import { expect, type Page } from '@playwright/test';
import { readChapter, readChapterWithoutScript, test } from '../fixtures/story-reader.ts';
import { layerToFail, minimumChapters } from '../support/story-picks.ts';
import { expectChapterApplied, scrollToChapter, storyData, waitForMapReady, watchPage } from './story-page.ts';

/** Loses the map canvas's own WebGL context through WEBGL_lose_context, as a GPU reset would; optionally gets it back. */
async function loseContext(page: Page, { restore }: { restore: boolean }): Promise<void> {
  await page.evaluate(async (restore) => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-story-map] canvas')!;
    // getContext with the type the map created returns that same, live context.
    const lose = canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
    const lost = new Promise((resolve) => canvas.addEventListener('webglcontextlost', resolve, { once: true }));
    lose.loseContext();
    await lost;
    // Restoring is only allowed once the loss event has been fully dispatched.
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (restore) lose.restoreContext();
  }, restore);
}

// Reading all of a long story's chapters with their maps takes minutes on a shared two-core machine.
test.slow();

test.describe('with WebGL', { tag: '@editions' }, () => {
  test('every chapter is readable and shows the live map in its state, with no page errors', async ({ page, baseURL, edition }) => {
    const watch = watchPage(page, baseURL!);
    await page.goto(edition.home);
    await waitForMapReady(page);
    for (const chapter of (await storyData(page)).chapters) await readChapter(page, chapter, 'live');
    expect(watch.pageErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  test('when the WebGL context is lost mid-story, the rest of the story shows static maps, with no page errors', async ({
    page,
    baseURL,
    edition,
  }) => {
    const watch = watchPage(page, baseURL!);
    await page.goto(edition.home);
    await waitForMapReady(page);
    const { chapters } = await storyData(page);
    const middle = Math.floor(chapters.length / 2);
    for (const chapter of chapters.slice(0, middle)) await readChapter(page, chapter, 'live');
    await loseContext(page, { restore: false });
    await expect(page.locator('[data-story-map]')).toHaveAttribute('data-map-state', 'fallback');
    // The chapter being read when the GPU failed gets its static map at once.
    await expect(page.locator(`[data-static-map="${chapters[middle - 1]!.id}"]`)).toBeVisible();
    for (const chapter of chapters.slice(middle)) await readChapter(page, chapter, 'fallback');
    expect(watch.pageErrors).toEqual([]);
  });

  test('when the lost context comes back, the map returns to the active chapter exactly as it was drawn', async ({
    page,
    baseURL,
    edition,
  }) => {
    const watch = watchPage(page, baseURL!);
    await page.goto(edition.home);
    await waitForMapReady(page);
    const { chapters } = await storyData(page);
    // The chapter with closed crossings: drawn hollow through feature state, which MapLibre's
    // rebuilt style drops (without reapplying the chapter about 0.5% of the pixels differ).
    // A story without statuses: a chapter with highlights, also drawn through feature state.
    const restorable = chapters.slice(0, -1);
    const chapter =
      restorable.find((c) => Object.values(c.statuses).some((byFeature) => Object.values(byFeature).includes('closed'))) ??
      restorable.find((c) => Object.keys(c.highlights).length > 0)!;
    // Opened at that chapter, so its labels are placed afresh, as the rebuilt style places
    // them; labels placed during a camera move keep the side of their point they had then.
    await page.goto('about:blank');
    await page.goto(`${edition.home}#${chapter.id}`);
    await waitForMapReady(page);
    await expectChapterApplied(page, chapter);
    const canvas = page.locator('[data-story-map] canvas');
    const before = await canvas.screenshot();
    await loseContext(page, { restore: true });
    await expect(page.locator('[data-story-map]')).toHaveAttribute('data-map-state', 'ready');
    await expectChapterApplied(page, chapter);
    await expect
      .poll(async () => differingPixels(before, await canvas.screenshot()), { message: 'share of pixels that differ from before the loss' })
      .toBeLessThan(0.001);
    // And the story goes on from there with a live map.
    await readChapter(page, chapters[chapter.index + 1]!, 'live');
    expect(watch.pageErrors).toEqual([]);
  });

  test('a layer file that fails to load is marked unavailable in the legend while the rest of the map works', async ({
    page,
    baseURL,
    edition,
  }) => {
    const watch = watchPage(page, baseURL!);
    await page.goto(edition.home);
    const { chapters, layers } = await storyData(page);
    const failing = layerToFail(chapters, layers);
    await page.route(`**${failing.url}`, (route) => route.abort('failed'));
    await page.reload();
    await waitForMapReady(page);
    const chapter = chapters.find((c) => c.visibleLayers.includes(failing.id) && c.visibleLayers.length > 1)!;
    await scrollToChapter(page, chapter.id);
    const item = page.locator(`[data-legend] li[data-layer="${failing.id}"]`);
    await expect(item).toContainText(failing.legend);
    await expect(item).toContainText(edition.ui.map.unavailable);
    // The other layers are drawn and listed as usual; the map reports what it really shows.
    const others = chapter.visibleLayers.filter((id) => id !== failing.id);
    await expect
      .poll(async () => (await page.locator('[data-story-map]').getAttribute('data-visible-layers'))?.split(' ').sort())
      .toEqual(others.sort());
    for (const id of others)
      await expect(page.locator(`[data-legend] li[data-layer="${id}"]`)).not.toContainText(edition.ui.map.unavailable);
    await expect(page.locator('[data-story-map]')).toHaveAttribute('data-map-idle', 'true');
    expect(watch.pageErrors).toEqual([]);
  });
});

test.describe('without WebGL (Chromium started with --disable-webgl --disable-3d-apis)', { tag: '@editions' }, () => {
  test.use({ extraBrowserArgs: ['--disable-webgl', '--disable-3d-apis'] });

  test('every chapter is readable and shows its static map, with no page errors', async ({ page, baseURL, edition }) => {
    const watch = watchPage(page, baseURL!);
    await page.goto(edition.home);
    // Until the reader's first input the static map stands in as it would while a map loads.
    await expect(page.locator('[data-story-map]')).toHaveAttribute('data-map-state', 'loading');
    await expect(page.locator(`[data-static-map]:visible`)).toHaveCount(1);
    await page.mouse.move(10, 10);
    await expect(page.locator('[data-story-map]')).toHaveAttribute('data-map-state', 'fallback');
    const { chapters } = await storyData(page);
    for (const chapter of chapters) await readChapter(page, chapter, 'fallback');
    // The live region still describes each map as chapters change.
    await expect(page.locator('p[data-map-description]')).toHaveText(
      (await page.locator(`section#${chapters.at(-1)!.id}`).getAttribute('data-map-description')) as string,
    );
    expect(watch.pageErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});

test.describe('without JavaScript', { tag: '@editions' }, () => {
  test.use({ javaScriptEnabled: false });

  test('every chapter is readable and carries its static map with real alt text', async ({ page, edition }) => {
    await page.goto(edition.home);
    const chapters = await page
      .locator('section[data-chapter]')
      .evaluateAll((sections) => sections.map((s) => ({ id: s.id, description: s.getAttribute('data-map-description')! })));
    expect(chapters.length).toBeGreaterThanOrEqual(minimumChapters);
    for (const { id, description } of chapters) {
      await readChapterWithoutScript(page, id);
      const alt = await page.locator(`section#${id} .chapter-static-map`).getAttribute('alt');
      expect(alt, `alt text of ${id}`).toBe(description);
      // Counted in words, as Chinese packs a word into a character or two.
      const words = [
        ...new Intl.Segmenter((await page.locator('html').getAttribute('lang')) ?? 'en', { granularity: 'word' }).segment(alt!),
      ];
      expect(words.filter((segment) => segment.isWordLike).length, `words in the alt text of ${id}`).toBeGreaterThanOrEqual(7);
    }
    // Dated statuses (a layer with a timeline) are in a table, for readers who cannot see any map.
    const { chapters: states } = await storyData(page);
    for (const layer of new Set(states.flatMap((state) => Object.keys(state.statuses))))
      await expect(page.locator(`[data-status-table="${layer}"] tbody tr`).first()).toBeVisible();
  });

  test('a chapter card carries its legend, its notes included', async ({ page, edition }) => {
    await page.goto(edition.home);
    const { chapters, layers } = await storyData(page);
    const chapter = chapters.find((state) => Object.keys(state.statuses).length > 0) ?? chapters[0]!;
    await page.goto(`${edition.home}embed/${chapter.id}/`);
    const items = page.locator('[data-legend] li');
    await expect(items).toHaveCount(chapter.visibleLayers.length);
    for (const [i, id] of chapter.visibleLayers.entries()) {
      await expect(items.nth(i)).toHaveAttribute('data-layer', id);
      await expect(items.nth(i)).toContainText(layers.find((layer) => layer.id === id)!.legend);
      await expect(items.nth(i).locator('svg.legend-swatch > *')).toHaveCount(1);
    }
    if (Object.keys(chapter.statuses).length) await expect(page.locator('[data-legend] .legend-note').first()).toBeVisible();
  });
});

/** Share of pixels whose colour differs noticeably between two PNG screenshots of the same size. */
async function differingPixels(a: Buffer, b: Buffer): Promise<number> {
  const { PNG } = await import('pngjs');
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  if (x.width !== y.width || x.height !== y.height) return 1;
  let differing = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    if (Math.abs(x.data[i]! - y.data[i]!) + Math.abs(x.data[i + 1]! - y.data[i + 1]!) + Math.abs(x.data[i + 2]! - y.data[i + 2]!) > 30)
      differing++;
  }
  return differing / (x.width * x.height);
}

test.describe('printed', () => {
  test('the printout carries every chapter with its static map and none of the screen controls', async ({ page, edition }) => {
    await page.goto(edition.home);
    await waitForMapReady(page);
    // Printing (page.pdf is Chromium's print path) fetches the lazy static maps.
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(100_000);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.progress')).toBeHidden();
    await expect(page.locator('[data-story-map]')).toBeHidden();
    const maps = page.locator('.chapter-static-map');
    expect(await maps.count()).toBe((await storyData(page)).chapters.length);
    for (const map of await maps.all()) {
      await expect(map).toBeVisible();
      await expect.poll(() => map.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    }
    // Every card at full ink, whichever chapter was active on screen.
    const colours = await page.locator('.card').evaluateAll((cards) => [...new Set(cards.map((card) => getComputedStyle(card).color))]);
    expect(colours).toEqual(['rgb(31, 31, 31)']);
  });
});
