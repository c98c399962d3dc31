/**
 * Social previews: what a link unfurler reads from a page's meta tags, fetched and
 * decoded as it would be. The expected chapters and descriptions come from the chapter
 * files themselves, not from the built pages under test.
 */
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { parse } from 'yaml';

const chaptersDir = join(import.meta.dirname, '../../src/content/chapters');
/** Chapter id (the file name without its order prefix) -> map description, in story order. */
const mapDescriptions = new Map(
  readdirSync(chaptersDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const frontmatter = readFileSync(join(chaptersDir, name), 'utf8').split(/^---$/m)[1]!;
      return [name.replace(/^\d+-/, '').replace(/\.md$/, ''), (parse(frontmatter) as { mapDescription: string }).mapDescription];
    }),
);
const [coverChapter] = mapDescriptions.keys();

// Meta tags are in the HTML as served: no need to run the story's scripts and map.
test.use({ javaScriptEnabled: false });

/** Counts colours in the part of the image right of its title column, where the map is drawn. */
function distinctMapColours(png: PNG): number {
  const colours = new Set<number>();
  for (let y = 0; y < png.height; y += 3) {
    for (let x = Math.round(png.width / 3); x < png.width; x += 3) {
      const i = (y * png.width + x) * 4;
      colours.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!);
    }
  }
  return colours.size;
}

async function metaContent(page: Page, selector: string): Promise<string | null> {
  return page.locator(`head meta${selector}`).getAttribute('content');
}

const pages = [
  { path: '/', chapter: coverChapter! },
  { path: '/embed/', chapter: coverChapter! },
  { path: '/embed/border-closed/', chapter: 'border-closed' },
  { path: '/embed/india-option/', chapter: 'india-option' },
];

for (const { path, chapter } of pages) {
  test(`${path} has a 1200×630 PNG preview of the ${chapter} map, described by its map description`, async ({ page, request }) => {
    expect(mapDescriptions.has(chapter), `chapter ${chapter} exists`).toBe(true);
    await page.goto(path);
    const image = (await metaContent(page, '[property="og:image"]'))!;
    expect(image, 'og:image').toBeTruthy();
    // Absolute when the build knew the public origin (SITE_URL): the file itself is fetched from the site under test.
    const imagePath = new URL(image, page.url()).pathname;
    expect(imagePath).toBe(`/static-maps/${chapter}.png`);
    expect(await metaContent(page, '[property="og:image:width"]')).toBe('1200');
    expect(await metaContent(page, '[property="og:image:height"]')).toBe('630');
    expect(await metaContent(page, '[property="og:image:alt"]')).toBe(mapDescriptions.get(chapter));
    expect(await metaContent(page, '[name="twitter:card"]')).toBe('summary_large_image');

    const response = await request.get(imagePath);
    expect(response.ok(), `${imagePath} responds`).toBe(true);
    expect(response.headers()['content-type']).toBe('image/png');
    const png = PNG.sync.read(await response.body());
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect(distinctMapColours(png), 'colours in the map').toBeGreaterThan(8);
  });
}
