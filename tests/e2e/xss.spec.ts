/**
 * Hostile input: markup in layer data, layer metadata, chapter text and the URL must
 * reach readers as literal text and never run. The fixture is tests/fixtures/xss-layer
 * (see its README). Every payload sets window.__xss if it ever executes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { checkProject } from '../../src/geo/check-project.ts';
import type { StoryData } from '../../src/map/story-data.ts';
import { expectChapterApplied, storyData, scrollToChapter, waitForMapReady, watchPage, type Watch } from './story-page.ts';

const fixtureRoot = fileURLToPath(new URL('../fixtures/xss-layer/', import.meta.url));
const fixtureMeta = JSON.parse(readFileSync(`${fixtureRoot}geo/layers/xss-crossings.meta.json`, 'utf8')) as {
  title: string;
  legend: string;
};
const fixtureGeojson = readFileSync(`${fixtureRoot}geo/layers/xss-crossings.geojson`, 'utf8');
const payload = '<img src=x onerror="window.__xss=1">';

/** Nothing ran, nothing was injected, nothing was fetched from elsewhere, nothing threw. */
async function expectNothingInjected(page: Page, watch: Watch): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), 'window.__xss').toBeUndefined();
  await expect(page.locator('img[src="x"], [onerror], [onload], [onmouseover]')).toHaveCount(0);
  expect(watch.pageErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}

test.describe('hostile input', () => {
  test('the geo validator rejects the fixture layer, naming each property that holds markup', () => {
    const { problems } = checkProject(fixtureRoot);
    const messages = problems
      .filter((p) => p.severity === 'error' && p.file === 'geo/layers/xss-crossings.geojson')
      .map((p) => `#${p.featureIndex} ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        '#0 property "name" contains HTML or script markup; properties are shown as plain text',
        '#1 property "note" contains HTML or script markup; properties are shown as plain text',
        '#2 property "note" contains HTML or script markup; properties are shown as plain text',
        '#2 property "timeline" contains HTML or script markup; properties are shown as plain text',
      ]),
    );
  });

  /**
   * The validator accepts markup in a layer's title and legend (free text), so the page
   * must keep it inert. The built page is served with the fixture's title and legend in
   * place of the border crossings', embedded in #story-data exactly as StoryView embeds
   * it; the crossings' data file is swapped for the fixture GeoJSON (whose properties the
   * build would reject, but which the runtime must survive anyway); and one chapter's map
   * description, the live region's source, carries a payload as Astro would escape it.
   */
  test('layer titles, legend labels, feature properties and map descriptions from data render as literal text', async ({
    page,
    baseURL,
  }) => {
    const watch = watchPage(page, baseURL!);
    await page.goto('/');
    const original = await storyData(page);
    const target = original.layers.find((l) => l.id === 'border-crossings')!;
    const chapter = original.chapters.find((c) => c.visibleLayers.includes(target.id))!;
    await page.route(`${baseURL}/`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text())
        .replace(
          /(<script type="application\/json" id="story-data">)([\s\S]*?)(<\/script>)/,
          (_, open: string, json: string, close: string) => {
            const data = JSON.parse(json) as StoryData;
            Object.assign(
              data.layers.find((l) => l.id === target.id)!,
              { title: fixtureMeta.title, legend: fixtureMeta.legend },
            );
            return open + JSON.stringify(data).replace(/</g, '\\u003c') + close;
          },
        )
        .replace(
          new RegExp(`(id="${chapter.id}"[^>]*?data-map-description=")[^"]*`),
          `$1&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt; described`,
        );
      const headers = Object.fromEntries(
        Object.entries(response.headers()).filter(([name]) => !['content-encoding', 'content-length'].includes(name)),
      );
      await route.fulfill({ response, body: html, headers });
    });
    await page.route(`**${target.url}`, (route) => route.fulfill({ body: fixtureGeojson, contentType: 'application/geo+json' }));
    await page.reload();
    await waitForMapReady(page);
    await scrollToChapter(page, chapter.id);
    await expectChapterApplied(page, chapter);
    const item = page.locator(`[data-legend] li[data-layer="${target.id}"]`);
    await expect(item).toContainText(fixtureMeta.legend);
    // The only element in a legend entry is its drawn swatch.
    await expect(item.locator('img, script, svg:not(.legend-swatch)')).toHaveCount(0);
    await expect(page.locator('p[data-map-description]')).toHaveText(`${payload} described`);
    await expectNothingInjected(page, watch);
  });

  for (const url of [
    `/?chapter=${encodeURIComponent(payload)}`,
    `/#${payload}`,
    `/#"><svg onload=window.__xss=1>`,
    `/#%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E`,
  ]) {
    test(`the story opens at its first chapter and injects nothing from the URL ${url}`, async ({ page, baseURL }) => {
      const watch = watchPage(page, baseURL!);
      await page.goto(url);
      await waitForMapReady(page);
      const { chapters } = await storyData(page);
      await expectChapterApplied(page, chapters[0]!);
      await expectNothingInjected(page, watch);
    });
  }

  for (const path of ['/embed/', '/embed/{first}/']) {
    test(`the embed ${path} ignores a hostile ?chapter= and injects nothing`, async ({ page, baseURL }) => {
      const watch = watchPage(page, baseURL!);
      await page.goto('/');
      const { chapters } = await storyData(page);
      const response = await page.goto(`${path.replace('{first}', chapters[0]!.id)}?chapter=${encodeURIComponent(payload)}#${payload}`);
      test.skip(response?.status() === 404, `${path} is not built yet`);
      await expect(page.locator('h2').first()).toBeVisible();
      await expectNothingInjected(page, watch);
    });
  }
});
