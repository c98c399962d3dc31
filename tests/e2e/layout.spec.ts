/**
 * The layout at the sizes readers have (phone, phone sideways, tablet, desktop): the map
 * frames each chapter's highlighted features where the reader can see them, the controls
 * fit a finger and cover nothing that matters, steps have links of their own, and without
 * JavaScript or WebGL each chapter's static map stays in view while its text is read.
 */
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/story-reader.ts';
import { coverageAt, highlightedFeatures } from '../support/map-coverage.ts';
import { expectChapterApplied, scrollToChapter, storyData, waitForMapReady, watchPage } from './story-page.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sizes = [
  { width: 390, height: 844 },
  { width: 844, height: 390 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
];

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

/** Boxes of what sits over the map: the legend, the chapter bar and its buttons, the map's own controls. */
async function coveringBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.legend, .progress, .maplibregl-ctrl')].map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    }),
  );
}

/** Each highlighted feature's vertices in screen pixels, projected through the published camera (as map-coverage.ts does). */
async function projected(page: Page, points: [number, number][]): Promise<[number, number][]> {
  return page.evaluate((lonLats) => {
    const map = document.querySelector<HTMLElement>('[data-story-map]')!;
    const [lon, lat, zoom] = map.dataset.camera!.split(',').map(Number) as [number, number, number];
    const canvas = map.querySelector('.map-canvas')!.getBoundingClientRect();
    const world = 512 * 2 ** zoom;
    const mx = (v: number) => ((v + 180) / 360) * world;
    const my = (v: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (v * Math.PI) / 360)) / Math.PI) / 2) * world;
    return lonLats.map(([x, y]) => [canvas.left + canvas.width / 2 + mx(x) - mx(lon), canvas.top + canvas.height / 2 + my(y) - my(lat)]);
  }, points);
}

for (const viewport of sizes) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport, reducedMotion: 'reduce' });

    test('every chapter’s highlighted features are on the visible map, clear of text, legend and controls, as each paragraph is read', async ({
      page,
    }) => {
      test.slow();
      await page.goto('/');
      await waitForMapReady(page);
      const data = await storyData(page);
      const features = highlightedFeatures(root, data);
      for (const chapter of data.chapters) {
        if (features[chapter.id]!.length === 0) continue;
        // Where a reader reads: the chapter's start, then each paragraph brought to the top of the text, as a link or focus would.
        const paragraphs = page.locator(`section#${chapter.id} .card h2 ~ p, section#${chapter.id} .card .step > p`);
        for (let position = -1; position < (await paragraphs.count()); position++) {
          if (position < 0) await scrollToChapter(page, chapter.id);
          else await paragraphs.nth(position).evaluate((element) => element.scrollIntoView({ block: 'start', behavior: 'instant' }));
          // A paragraph at the end of a chapter can hand the map to the next one: check what is active.
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          const activeId = await page.evaluate(() => document.documentElement.dataset.activeChapter!);
          const active = data.chapters.find((c) => c.id === activeId)!;
          if (features[active.id]!.length === 0) continue;
          await expectChapterApplied(page, active);
          const where = `${active.id} (reading paragraph ${position + 1} of ${chapter.id})`;
          const map = (await page.locator('[data-story-map] .map-canvas').boundingBox())!;
          const covering = await coveringBoxes(page);
          for (const [x, y] of await projected(page, features[active.id]!.flat())) {
            const point = `${where}: feature point at ${Math.round(x)},${Math.round(y)}`;
            expect
              .soft(x >= map.x && x <= map.x + map.width && y >= map.y && y <= map.y + map.height, `${point} inside the map`)
              .toBe(true);
            expect.soft(x >= 0 && x <= viewport.width && y >= 0 && y <= viewport.height, `${point} on screen`).toBe(true);
            const hit = covering.find((box) => overlaps(box, { x: x - 1, y: y - 1, width: 2, height: 2 }));
            expect.soft(hit, `${point} under the legend, the bar or a map control`).toBeUndefined();
          }
          // And nothing else (the text above all) is drawn over them.
          expect.soft((await coverageAt(page, features[active.id]!)).firstFailure, `${where}: a highlighted point covered`).toBeUndefined();
        }
      }
    });

    test('every control is a 44×44 px target, and the progress line is on screen and under no button', async ({ page }) => {
      await page.goto('/');
      await waitForMapReady(page);
      await scrollToChapter(page, (await storyData(page)).chapters[3]!.id);
      await expect(page.locator('[data-story-map]')).toHaveAttribute('data-map-idle', 'true');
      const controls = page.locator('.progress button, .progress a:visible, .maplibregl-ctrl button, .maplibregl-ctrl summary');
      expect(await controls.count()).toBeGreaterThanOrEqual(4);
      for (const control of await controls.all()) {
        // The tap target: the control's box, or the larger box its ::after hit area gives it.
        const target = await control.evaluate((element) => {
          const box = element.getBoundingClientRect();
          const after = getComputedStyle(element, '::after');
          const grow = after.content !== 'none' && after.position === 'absolute' ? -2 * parseFloat(after.inset || after.top || '0') : 0;
          return { width: box.width + grow, height: box.height + grow, name: element.textContent || element.getAttribute('aria-label') };
        });
        expect.soft(target.width, `${target.name} width`).toBeGreaterThanOrEqual(44);
        expect.soft(target.height, `${target.name} height`).toBeGreaterThanOrEqual(44);
      }
      const progress = (await page.locator('.progress ol').boundingBox())!;
      expect(progress.y).toBeGreaterThanOrEqual(0);
      expect(progress.y + progress.height).toBeLessThanOrEqual(viewport.height);
      for (const button of await page.locator('.progress button').all())
        expect.soft(overlaps((await button.boundingBox())!, progress), 'a button over the progress line').toBe(false);
      // The active chapter's mark is what is drawn where it is (read in one go: the scroll engine may move on between two reads).
      const top = await page.evaluate(() => {
        const mark = document.querySelector('.progress li:has(a[aria-current])')!.getBoundingClientRect();
        const hit = document.elementFromPoint(mark.x + mark.width / 2, mark.y + mark.height - 1);
        return hit?.closest('li')?.querySelector('a')?.getAttribute('aria-current');
      });
      expect(top).toBe('location');
    });

    test('a link tabbed to in the text is not under the bar or the pinned map', async ({ page }) => {
      await page.goto('/');
      await waitForMapReady(page);
      // Focus a source link halfway through the story, without scrolling, then Tab on as a keyboard reader would.
      const links = page.locator('[data-chapter] .chapter-sources a');
      await links.nth(Math.floor((await links.count()) / 2)).evaluate((link: HTMLElement) => link.focus({ preventScroll: true }));
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      await expect(focused).toBeInViewport();
      const uncovered = await focused.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + Math.min(4, box.width / 2), box.top + box.height / 2);
        return hit !== null && element.contains(hit);
      });
      expect(uncovered, 'the focused link is the topmost thing where it is').toBe(true);
    });
  });
}

test.describe('steps', () => {
  test.use({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });

  test('a link to a step opens the story at that step, with its chapter on the map; reloading keeps it', async ({ page, baseURL }) => {
    const watch = watchPage(page, baseURL!);
    await page.goto('/');
    const { chapters } = await storyData(page);
    const step = page.locator('[data-chapter] [data-step]').nth(5);
    const id = (await step.getAttribute('id'))!;
    const chapterId = await step.evaluate((element) => element.closest('[data-chapter]')!.id);
    const chapter = chapters.find((c) => c.id === chapterId)!;
    await page.goto('about:blank');
    await page.goto(`/#${id}`);
    for (let load = 0; load < 2; load++) {
      await waitForMapReady(page);
      await expect(page.locator('html')).toHaveAttribute('data-active-step', id);
      await expectChapterApplied(page, chapter);
      await expect(page).toHaveURL(new RegExp(`#${id}$`));
      const paragraph = page.locator(`#${id} p`).first();
      await expect(paragraph).toBeInViewport();
      const uncovered = await paragraph.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + 20, box.top + 10);
        return hit !== null && element.contains(hit);
      });
      expect(uncovered, 'the step’s text shows below the map').toBe(true);
      await page.reload();
    }
    expect(watch.pageErrors).toEqual([]);
  });

  test('scrolling through a chapter enters each of its steps in order, and the hash and story:step follow', async ({ page }) => {
    await page.goto('/');
    await waitForMapReady(page);
    const { chapters } = await storyData(page);
    const chapter = chapters[2]!;
    const ids = [chapter.id, ...(await page.locator(`section#${chapter.id} [data-step]`).evaluateAll((s) => s.map((e) => e.id)))];
    expect(ids.length).toBeGreaterThan(1);
    await page.evaluate(() => {
      const w = window as unknown as { steps: string[] };
      w.steps = [];
      addEventListener('story:step', (event) => w.steps.push((event as CustomEvent<{ id: string }>).detail.id));
    });
    await scrollToChapter(page, chapter.id);
    await expect(page.locator('html')).toHaveAttribute('data-active-step', chapter.id);
    for (const id of ids.slice(1)) {
      await page.locator(`#${id}`).evaluate((element) => element.scrollIntoView({ block: 'start', behavior: 'instant' }));
      await expect(page.locator('html')).toHaveAttribute('data-active-step', id);
      await expect(page.locator('html')).toHaveAttribute('data-active-chapter', chapter.id);
      await expect(page).toHaveURL(new RegExp(`#${id}$`));
    }
    expect(await page.evaluate(() => (window as unknown as { steps: string[] }).steps)).toEqual(ids);
  });
});

/**
 * Scrolls through the chapter 60 px at a time and reports whether its static map was on
 * screen, with nothing but the map's legend drawn over the picture (a grid of points over
 * the part of the image the picture fills), both at a position where the chapter's first
 * paragraph was on screen and uncovered and at one where its last was: the map stays with
 * the text from its start to its end. `scripted`: the page's scroll engine picks the map to
 * show, so each position waits two frames for it.
 */
async function staticMapSeenWhileReading(page: Page, id: string, image: string, scripted: boolean): Promise<boolean> {
  const [top, bottom] = await page.evaluate((chapterId) => {
    const chapter = document.getElementById(chapterId)!;
    const top = chapter.getBoundingClientRect().top + scrollY - 48;
    return [top, top + chapter.offsetHeight];
  }, id);
  const seen = { first: false, last: false };
  for (let y = top; y < bottom && !(seen.first && seen.last); y += 60) {
    await page.evaluate(
      async ([y, scripted]) => {
        scrollTo({ top: y as number, behavior: 'instant' });
        for (let i = 0; scripted && i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      },
      [y, scripted] as const,
    );
    const map = page.locator(image);
    if (
      !(await map.isVisible()) ||
      !(await map.evaluate((img) => img.getBoundingClientRect().top >= 0 && img.getBoundingClientRect().bottom <= innerHeight))
    )
      continue;
    await expect.poll(() => map.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const reading = await map.evaluate((img: HTMLImageElement, chapterId) => {
      const box = img.getBoundingClientRect();
      // object-fit: contain: the picture's own box inside the element's.
      const scale = Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight);
      const [w, h] = [img.naturalWidth * scale, img.naturalHeight * scale];
      const [left, top] = [box.left + (box.width - w) / 2, box.top + (box.height - h) / 2];
      for (let fy = 0.1; fy < 1; fy += 0.2)
        for (let fx = 0.1; fx < 1; fx += 0.2) {
          const hit = document.elementFromPoint(left + w * fx, top + h * fy);
          if (hit !== img && !hit?.closest('.legend')) return { first: false, last: false };
        }
      const paragraphs = [...document.getElementById(chapterId)!.querySelectorAll('.card h2 ~ p, .card .step > p')];
      const onScreen = (p: Element) => {
        const r = p.getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight - 20 && p.contains(document.elementFromPoint(r.left + 10, r.top + 10));
      };
      return { first: onScreen(paragraphs[0]!), last: onScreen(paragraphs.at(-1)!) };
    }, id);
    seen.first ||= reading.first;
    seen.last ||= reading.last;
  }
  return seen.first && seen.last;
}

for (const viewport of [sizes[0]!, sizes[3]!]) {
  test.describe(`at ${viewport.width}×${viewport.height} without JavaScript`, () => {
    test.use({ viewport, javaScriptEnabled: false });

    test('each chapter’s static map stays in view, uncovered, while its text is read; no button that needs a script is shown', async ({
      page,
    }) => {
      await page.goto('/');
      await expect(page.getByRole('button')).toHaveCount(0);
      const ids = await page.locator('section[data-chapter]').evaluateAll((sections) => sections.map((s) => s.id));
      for (const id of ids)
        expect
          .soft(
            await staticMapSeenWhileReading(page, id, `section#${id} .chapter-static-map`, false),
            `${id}: static map in view while read`,
          )
          .toBe(true);
    });
  });
}

test.describe('at 390×844 without WebGL', () => {
  test.use({ viewport: sizes[0]!, extraBrowserArgs: ['--disable-webgl', '--disable-3d-apis'] });

  test('each chapter’s static map stays in view, uncovered, while its text is read, and the buttons work', async ({ page }) => {
    await page.goto('/');
    await page.mouse.move(10, 10);
    await expect(page.locator('[data-story-map]')).toHaveAttribute('data-map-state', 'fallback');
    const { chapters } = await storyData(page);
    for (const chapter of chapters)
      expect
        .soft(
          await staticMapSeenWhileReading(page, chapter.id, `[data-static-map="${chapter.id}"]`, true),
          `${chapter.id}: static map in view while read`,
        )
        .toBe(true);
    await scrollToChapter(page, chapters[0]!.id);
    await page.getByRole('button', { name: 'Next chapter' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-active-chapter', chapters[1]!.id);
    await page.getByRole('button', { name: 'Reduce motion' }).click();
    await expect(page.getByRole('button', { name: 'Reduce motion' })).toHaveAttribute('aria-pressed', 'true');
  });
});
