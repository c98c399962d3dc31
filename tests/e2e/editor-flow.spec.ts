/**
 * An editor adds a layer following geo/README.md alone, in a copy of the project:
 * `npm run geo:new`, fill in the scaffold (its English and its empty Chinese texts, which
 * geo:check lists until they are written), name the id in a chapter's `layers:`, build.
 * No code is edited, and the layer is on the map, in the legend, in /data/layers.json
 * and in the layer catalog. One build, served by `astro preview` on a free port.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { copyProject, npmRun, preview, removeProject } from '../support/temp-project.ts';
import { scrollToChapter, waitForMapReady } from './story-page.ts';

const id = 'test-layer';
const chapter = { file: 'src/content/chapters/07-rare-earth-boom.md', id: 'rare-earth-boom' };
/** A colour nothing else on the map uses, so its pixels prove the layer is drawn. */
const magenta = '#ff00ff';

let root: string;
let site: Awaited<ReturnType<typeof preview>>;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  root = copyProject('editor-flow');
  const scaffold = npmRun(root, ['geo:new', id]);
  expect(scaffold.status, scaffold.output).toBe(0);
  const scaffoldCheck = npmRun(root, ['geo:check']);
  // A translated page must never show the English placeholder: the untouched scaffold names each text still to write.
  expect(scaffoldCheck.status, scaffoldCheck.output).toBe(1);
  for (const field of ['zh.title', 'zh.description', 'zh.legend'])
    expect(scaffoldCheck.output).toContain(`geo/layers/${id}.meta.json: field "${field}": is empty: write its zh-Hans text here`);
  expect(scaffoldCheck.output).not.toMatch(/\n\s+at /);

  // What the README asks of the editor: replace the placeholder feature and metadata.
  const geojsonPath = join(root, 'geo', 'layers', `${id}.geojson`);
  const collection = JSON.parse(readFileSync(geojsonPath, 'utf8'));
  collection.features = [
    {
      type: 'Feature',
      properties: {
        id: 'myitkyina-jetty',
        name: 'Myitkyina jetty',
        note: 'Where ore barges load.',
        link: 'https://example.org/jetty',
        'name:zh': '密支那码头',
        'note:zh': '矿石驳船装货处。',
      },
      geometry: { type: 'Point', coordinates: [97.39637, 25.38327] },
    },
    {
      type: 'Feature',
      properties: {
        id: 'bhamo-jetty',
        name: 'Bhamo jetty',
        note: 'Downstream transfer point.',
        link: 'https://example.org/bhamo',
        'name:zh': '八莫码头',
        'note:zh': '下游转运点。',
      },
      geometry: { type: 'Point', coordinates: [97.23588, 24.25596] },
    },
  ];
  writeFileSync(geojsonPath, JSON.stringify(collection, null, 2));
  const metaPath = join(root, 'geo', 'layers', `${id}.meta.json`);
  const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
  Object.assign(meta, {
    title: 'River jetties',
    description: 'Jetties on the Irrawaddy where ore is said to be loaded.',
    legend: 'Jetty (test layer)',
    source: { name: 'Editor test', url: 'https://example.org/jetties' },
    licence: 'CC BY 4.0',
    derivation: 'Town points from GeoNames, placed at the river bank by hand.',
    style: { kind: 'point', color: magenta, labelProperty: 'name' },
    readerProperties: ['name', 'note', 'link'],
    zh: { title: '河港码头', description: '伊洛瓦底江上据称装运矿石的码头。', legend: '码头（测试图层）' },
  });
  writeFileSync(metaPath, JSON.stringify(meta, null, 2));

  const chapterPath = join(root, chapter.file);
  writeFileSync(chapterPath, readFileSync(chapterPath, 'utf8').replace(/^layers: \[/m, `layers: [${id}, `));

  const check = npmRun(root, ['geo:check']);
  expect(check.status, check.output).toBe(0);
  const build = npmRun(root, ['build']);
  expect(build.status, build.output.slice(-3000)).toBe(0);
  site = await preview(root);
});

test.afterAll(() => {
  site?.stop();
  if (root) removeProject(root);
});

test('the new layer is listed in /data/layers.json with its metadata and feature count', async ({ request }) => {
  const { layers } = (await (await request.get(`${site.url}/data/layers.json`)).json()) as {
    layers: { id: string; title: string; featureCount: number; url: string }[];
  };
  const layer = layers.find((l) => l.id === id);
  expect(layer).toMatchObject({ title: 'River jetties', featureCount: 2 });
  const published = (await (await request.get(`${site.url}${layer!.url}`)).json()) as {
    features: { properties: Record<string, unknown> }[];
  };
  expect(Object.keys(published.features[0]!.properties).sort()).toEqual(['id', 'link', 'name', 'name:zh', 'note', 'note:zh']);
});

test('the chapter that names the layer draws it on the map and lists it in the legend', async ({ page }) => {
  await page.goto(`${site.url}/`);
  await waitForMapReady(page);
  await scrollToChapter(page, chapter.id);
  await expect(page.locator('html')).toHaveAttribute('data-active-chapter', chapter.id);
  await expect.poll(async () => (await page.locator('[data-story-map]').getAttribute('data-visible-layers'))?.split(' ')).toContain(id);
  await expect(page.locator('[data-story-map]')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
  await expect(page.locator(`[data-legend] li[data-layer="${id}"]`)).toContainText('Jetty (test layer)');
  await expect
    .poll(
      async () => {
        const png = PNG.sync.read(await page.locator('[data-story-map] canvas').screenshot());
        let count = 0;
        for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! > 200 && png.data[i + 1]! < 80 && png.data[i + 2]! > 200) count++;
        return count;
      },
      { message: 'magenta pixels of the new layer on the map canvas', timeout: 20_000 },
    )
    .toBeGreaterThan(40);
});

test('the layer catalog shows the new layer with its map, metadata, attributes and download', async ({ page }) => {
  await page.goto(`${site.url}/layers/`);
  const section = page.locator(`[data-layer="${id}"]`);
  await expect(section.getByRole('heading', { level: 2 })).toHaveText('River jetties');
  await expect(section.locator('[data-feature-count]')).toHaveText('2');
  await expect(section.locator('[data-chapters]')).toContainText('Kachin');
  await expect(section.locator('[data-attributes] tbody tr')).toHaveCount(2);
  await expect(section.locator('[data-attributes]').getByRole('link', { name: 'https://example.org/jetty' })).toHaveAttribute(
    'href',
    'https://example.org/jetty',
  );
  const map = section.locator('img.catalog-map');
  await map.scrollIntoViewIfNeeded();
  await expect.poll(() => map.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(section.locator('[data-download]')).toHaveAttribute('href', /\/data\/layers\/test-layer\.[0-9a-f]{10}\.geojson$/);
});
