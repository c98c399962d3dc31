/**
 * Hostile input: markup in layer data, layer metadata, chapter text and the URL must
 * reach readers as literal text and never run. The fixture is tests/fixtures/xss-layer
 * (see its README). Every payload sets window.__xss if it ever executes.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { expect, test, type Page } from '@playwright/test';
import { checkProject } from '../../src/geo/check-project.ts';
import type { StoryData } from '../../src/map/story-data.ts';
import { liveInPage } from '../support/inert-html.ts';
import { copyProject, npmRun, preview, removeProject } from '../support/temp-project.ts';
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

/**
 * The same promise end to end, for what editors write by hand: a copy of the project is
 * built with hostile Markdown in a chapter, markup and odd-but-valid URLs in a source
 * and in layer metadata. The build must succeed (the sanitiser drops what it must and
 * says so), no built page may hold anything live from those inputs, and in Chromium
 * nothing runs. URLs the rule refuses (javascript: in a source or in metadata) must stop
 * the build and leave the built site as it was.
 */
test.describe('hostile editor inputs in a built copy of the project', () => {
  const marker = '__xss';
  const chapter = { file: 'src/content/chapters/02-guarding-the-mines.md', id: 'guarding-the-mines' };
  const windowsChapter = { file: 'src/content/chapters/03-escort-and-outposts.md', id: 'escort-and-outposts' };
  // Blank lines between, so each line is its own block: an HTML block would swallow the Markdown after it.
  const hostileMarkdown = [
    '<script>window.__xss=1</script>',
    '<img src=x onerror="window.__xss=1"> <svg onload="window.__xss=1"></svg> <iframe src="javascript:window.__xss=1"></iframe>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/"> <base href="https://evil.example/">',
    '<form action="https://evil.example/"><input autofocus onfocus="window.__xss=1"></form>',
    '[a](javascript:window.__xss=1) [b][ref] <javascript:window.__xss=1> [c](&#106;avascript:window.__xss=1) [d](JaVaScRiPt:window.__xss=1)',
    '<a href="java&#9;script:window.__xss=1" onclick="window.__xss=1" id="story-data" name="story-data">e</a> [f](data:text/html,x)',
    '',
    '### Sources',
    '',
    '[ref]: javascript:window.__xss=1',
  ].join('\n\n');
  let root: string;
  let site: Awaited<ReturnType<typeof preview>> | undefined;
  let buildOutput = '';

  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
  const htmlFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? htmlFiles(join(dir, entry.name)) : entry.name.endsWith('.html') ? [join(dir, entry.name)] : [],
    );

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    root = copyProject('xss-build');
    edit(chapter.file, (text) => `${text}\n${hostileMarkdown}\n`);
    // Saved as Windows editors save: a byte-order mark and CRLF line ends. Astro and geo:check must both accept it.
    edit(windowsChapter.file, (text) => `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    edit('src/data/sources.json', (text) => {
      const sources = JSON.parse(text) as { id: string; name: string; url?: string; notLinked?: string; zh?: { notLinked?: string } }[];
      const nikkei = sources.find((source) => source.id === 'nikkei-asia')!;
      nikkei.name = `<img src=x onerror="window.${marker}=1">Nikkei Asia`;
      // A source has a link or says why not: this one gets a hostile link instead.
      delete nikkei.notLinked;
      delete nikkei.zh?.notLinked;
      nikkei.url = `https://asia.nikkei.com/report?q="><script>window.${marker}=1</script>`;
      return JSON.stringify(sources, null, 2);
    });
    edit('geo/layers/copper-mines.meta.json', (text) => {
      const meta = JSON.parse(text);
      meta.title = `<img src=x onerror="window.${marker}=1"> Copper mines`;
      meta.legend = `<b onmouseover="window.${marker}=1">Copper</b>`;
      meta.source = {
        name: `<script>window.${marker}=1</script>OSM`,
        url: `https://www.openstreetmap.org/?"><svg onload=window.${marker}=1>`,
      };
      return JSON.stringify(meta, null, 2);
    });
    const build = npmRun(root, ['build']);
    buildOutput = build.output;
    expect(build.status, build.output).toBe(0);
    site = await preview(root);
  });

  test.afterAll(() => {
    site?.stop();
    if (root) removeProject(root);
  });

  test('the build warns about every dropped element and link, naming the chapter file and line', () => {
    for (const dropped of [
      'dropped <script>',
      'dropped <img>',
      'dropped <svg>',
      'dropped <iframe>',
      'dropped <meta>',
      'dropped <base>',
      'dropped <form>',
      'dropped the link to "javascript:',
      'dropped the attribute "onclick" of <a>',
    ])
      expect(buildOutput).toMatch(
        new RegExp(`warning: ${chapter.file.replace(/\./g, '\\.')}:\\d+(:\\d+)?: ${dropped.replace(/[.*+?^${}()|[\]\\<>]/g, '\\$&')}`),
      );
    expect(buildOutput).not.toMatch(/\n\s+at /);
  });

  test('a chapter saved with a byte-order mark and CRLF line ends is published whole', async ({ page }) => {
    await page.goto(`${site!.url}/`);
    const { frontmatter, content } = parseFrontmatter(readFileSync(join(root, windowsChapter.file), 'utf8'));
    const section = page.locator(`#${windowsChapter.id}`);
    await expect(section.locator('h2')).toHaveText(String(frontmatter.title));
    // Every prose paragraph is there (the section adds its source line and captions on top).
    // Step markers (<!-- step: name -->) are blocks of their own that print nothing.
    const paragraphs = content.split(/\r?\n\r?\n/).filter((block) => block.trim() !== '' && !block.trim().startsWith('<!--')).length;
    expect(await section.locator('p').count()).toBeGreaterThanOrEqual(paragraphs);
    await expect(section).not.toContainText('---');
  });

  test('no built page holds an element, handler or URL that could run', () => {
    const pages = htmlFiles(join(root, 'dist'));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(liveInPage(readFileSync(page, 'utf8'), marker), page.slice(root.length)).toEqual([]);
  });

  for (const path of ['/', '/layers/', `/embed/${chapter.id}/`]) {
    test(`nothing from the hostile inputs runs in ${path}`, async ({ page }) => {
      const watch = watchPage(page, site!.url);
      await page.goto(`${site!.url}${path}`);
      if (path === '/') {
        await waitForMapReady(page);
        await scrollToChapter(page, chapter.id);
        await expect(page.locator(`#${chapter.id}`)).toContainText('Sources');
        // The page's own #story-data and #sources stay the only ones: the chapter's ids carry its prefix.
        for (const own of ['story-data', 'sources']) await expect(page.locator(`[id="${own}"], [name="${own}"]`)).toHaveCount(1);
        await expect(page.locator(`#${chapter.id} h3[id^="${chapter.id}--"]`)).toHaveText('Sources');
      }
      if (path !== '/') await expect(page.locator('body')).toContainText('Copper');
      await expectNothingInjected(page, watch);
      await expect(
        page.locator('a[href^="javascript:" i], a[href^="data:" i], base, meta[http-equiv="refresh" i], form, iframe'),
      ).toHaveCount(0);
    });
  }

  for (const [file, field, change] of [
    [
      'src/data/sources.json',
      'source "nikkei-asia" field "url"',
      (text: string) =>
        JSON.stringify(
          (JSON.parse(text) as { id: string; url?: string; notLinked?: string }[]).map((s) =>
            s.id === 'nikkei-asia' ? { ...s, url: 'javascript:window.__xss=1', notLinked: undefined } : s,
          ),
        ),
    ],
    [
      'geo/layers/copper-mines.meta.json',
      'field "source.url"',
      (text: string) => {
        const meta = JSON.parse(text);
        return JSON.stringify({ ...meta, source: { ...meta.source, url: 'JavaScript:window.__xss=1' } });
      },
    ],
  ] as const) {
    test(`a javascript: link in ${file} stops the build, naming the file and the field, and leaves dist/ as it was`, () => {
      const index = join(root, 'dist', 'index.html');
      const before = { html: readFileSync(index, 'utf8'), mtime: statSync(index).mtimeMs };
      const original = readFileSync(join(root, file), 'utf8');
      edit(file, change);
      try {
        const { status, output } = npmRun(root, ['build']);
        expect(status).not.toBe(0);
        expect(output).toContain(`error: ${file}: ${field}: the address uses "javascript:"`);
        expect(output).not.toMatch(/\n\s+at /);
      } finally {
        writeFileSync(join(root, file), original);
      }
      expect(readFileSync(index, 'utf8')).toBe(before.html);
      expect(statSync(index).mtimeMs).toBe(before.mtime);
    });
  }
});
