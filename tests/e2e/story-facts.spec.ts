/**
 * This story's own facts, checked on its built page: who held what on which date, and
 * every figure it cites. The engine's suites (story.spec.ts and the rest) check only what
 * any story does, and also run against the fixture story (tests/fixture-story).
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { storyFile } from '../support/story-picks.ts';
import { expectChapterApplied, scrollToChapter, storyData, waitForMapReady } from './story-page.ts';

const figuresFile = JSON.parse(readFileSync(storyFile('src/data/figures.json'), 'utf8')) as { figures: { id: string; source: string }[] };

test.describe('this story', () => {
  test('the legend says who held the rare-earth areas on the chapter’s date', async ({ page }) => {
    await page.goto('/');
    await waitForMapReady(page);
    const { chapters } = await storyData(page);
    const legend = page.locator('[data-legend] li[data-layer="rare-earth-areas"]');
    for (const [id, held, notHeld] of [
      ['largest-source', /Chipwi–Pangwa: NDA-K militia/, /KIA/],
      ['washington', /Chipwi–Pangwa: KIA-held since Oct 2024/, /Bhamo: KIA|Bhamo KIA/],
    ] as const) {
      await scrollToChapter(page, id);
      await expectChapterApplied(
        page,
        chapters.find((chapter) => chapter.id === id)!,
      );
      await expect(legend).toContainText(held);
      await expect(legend).not.toContainText(notHeld);
    }
  });

  test('every figure in figures.json is printed with its source', async ({ page }) => {
    await page.goto('/');
    for (const figure of figuresFile.figures) {
      const row = page.locator(`[data-figure="${figure.id}"]`);
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(figure.source);
    }
  });

  test('the timeline layer’s statuses are listed in a table for readers without a map', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('[data-status-table="border-crossings"] tbody tr').first()).toBeAttached();
  });

  test('the catalog shows the border crossings’ attributes, id first', async ({ page }) => {
    await page.goto('/layers/');
    const crossings = page.locator('[data-layer="border-crossings"] [data-attributes]');
    await expect(crossings.locator('thead th').first()).toHaveText('id');
    await expect(crossings.locator('tbody tr')).not.toHaveCount(0);
  });
});
