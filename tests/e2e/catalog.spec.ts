/**
 * The layer catalog (/layers/), read in Chromium against the built site: every layer of
 * /data/layers.json has its own map, legend, metadata, attribute sample and download,
 * and feature properties reach the page only as text.
 */
import { expect, test } from '@playwright/test';

interface CatalogEntry {
  id: string;
  title: string;
  legend: string;
  source: { name: string; url: string };
  licence: string;
  date: string;
  featureCount: number;
  url: string;
}

test('every layer in /data/layers.json has a section in the catalog with its map, legend, metadata, feature count and download', async ({
  page,
  request,
}) => {
  const { layers } = (await (await request.get('/data/layers.json')).json()) as { layers: CatalogEntry[] };
  expect(layers.length).toBeGreaterThan(0);
  await page.goto('/layers/');
  await expect(page.locator('[data-layer]')).toHaveCount(layers.length);
  for (const layer of layers) {
    const section = page.locator(`[data-layer="${layer.id}"]`);
    await expect(section.getByRole('heading', { level: 2 })).toHaveText(layer.title);
    await expect(section.locator('[data-legend-entry]')).toHaveText(layer.legend);
    await expect(section.getByRole('link', { name: layer.source.name })).toHaveAttribute('href', layer.source.url);
    await expect(section).toContainText(layer.licence);
    await expect(section).toContainText(layer.date);
    await expect(section.locator('[data-feature-count]')).toHaveText(String(layer.featureCount));
    await expect(section.locator('[data-bbox]')).toContainText('°E');
    await expect(section.locator('[data-download]')).toHaveAttribute('href', layer.url);
    const map = section.locator('img.catalog-map');
    await map.scrollIntoViewIfNeeded();
    await expect.poll(() => map.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  }
});

test('the download link serves the layer as GeoJSON with the feature count the catalog states', async ({ page, request }) => {
  await page.goto('/layers/');
  const section = page.locator('[data-layer]').first();
  const href = (await section.locator('[data-download]').getAttribute('href'))!;
  const collection = (await (await request.get(href)).json()) as { type: string; features: unknown[] };
  expect(collection.type).toBe('FeatureCollection');
  expect(String(collection.features.length)).toBe(await section.locator('[data-feature-count]').textContent());
});

test('attribute tables show the first features’ reader properties as text, and link only http(s) URLs', async ({ page }) => {
  await page.goto('/layers/');
  const tables = page.locator('[data-attributes]');
  expect(await tables.count()).toBeGreaterThan(0);
  const first = tables.first();
  await expect(first.locator('thead th').first()).toHaveText('id');
  await expect(first.locator('tbody tr')).not.toHaveCount(0);
  // Nothing inside a cell is markup except text and http(s) links.
  const foreign = await tables
    .locator('td *')
    .evaluateAll((elements) =>
      elements.filter((el) => el.tagName !== 'A' || !/^https?:\/\//.test(el.getAttribute('href') ?? '')).map((el) => el.outerHTML),
    );
  expect(foreign).toEqual([]);
});

test('the story’s credits link to the layer catalog', async ({ page }) => {
  await page.goto('/');
  const link = page.locator('#sources').getByRole('link', { name: 'Layer catalog' });
  await expect(link).toHaveAttribute('href', '/layers/');
  await link.click();
  await expect(page).toHaveURL(/\/layers\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Layer catalog');
});
