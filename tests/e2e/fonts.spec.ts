/**
 * The site's own fonts in real Chromium, on a machine that may have no Chinese font
 * (the test machine has none): the source's Chinese name is drawn with the served
 * Noto Sans SC, and a page with no Chinese never downloads it. Which font drew a text
 * node is Chromium's own record (DevTools' CSS.getPlatformFontsForNode).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

const chineseName = '观察者网';
const chineseFont = /\/noto-sans-sc-[^/]*\.woff2$/;

interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/** The fonts Chromium drew the first element holding `text` with. */
async function fontsDrawing(page: Page, text: string): Promise<PlatformFont[]> {
  const holder = page.locator(`a:has-text("${text}"), span:has-text("${text}"), p:has-text("${text}")`).first();
  await holder.scrollIntoViewIfNeeded();
  await page.evaluate(() => document.fonts.ready);
  // DevTools addresses nodes by its own ids: mark the element so its search finds exactly this one.
  await holder.evaluate((element) => element.setAttribute('data-font-probe', ''));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-font-probe]' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts;
}

test('the Chinese name of the source is drawn with the served Chinese face, not a system font or empty boxes', async ({ page }) => {
  const fontRequests: string[] = [];
  // The page's own requests: the embed-code page's live preview frames a page that quotes a Chinese title.
  page.on(
    'request',
    (request) => void (chineseFont.test(request.url()) && request.frame() === page.mainFrame() && fontRequests.push(request.url())),
  );
  await page.goto('/');
  const fonts = await fontsDrawing(page, chineseName);
  expect(fonts.find((font) => font.familyName === 'Noto Sans SC')).toMatchObject({ isCustomFont: true, glyphCount: chineseName.length });
  // Every glyph of the line, Latin and Chinese, comes from the site's fonts.
  expect(fonts.filter((font) => !font.isCustomFont)).toEqual([]);
  expect(fontRequests).toHaveLength(1);
  expect(
    await page.evaluate(() => [...document.fonts].some((face) => face.family.includes('Noto Sans SC') && face.status === 'loaded')),
  ).toBe(true);
});

test('without the served Chinese face the same line falls back to a system font (the check above can fail)', async ({ page }) => {
  await page.route(chineseFont, (route) => route.abort());
  await page.goto('/');
  const fonts = await fontsDrawing(page, chineseName);
  expect(fonts.some((font) => !font.isCustomFont)).toBe(true);
  expect(fonts.find((font) => font.familyName === 'Noto Sans SC')).toBeUndefined();
});

test('the four characters are drawn as four different glyphs, not four identical boxes', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => document.fonts.ready);
  const images: string[] = [];
  for (const char of chineseName) {
    // Each character alone at the same whole-pixel spot, in the page's own sans stack.
    await page.evaluate((text) => {
      document.querySelector('[data-glyph-probe]')?.remove();
      const probe = document.createElement('div');
      probe.setAttribute('data-glyph-probe', '');
      probe.textContent = text;
      Object.assign(probe.style, {
        position: 'fixed',
        left: '0',
        top: '0',
        zIndex: '9999',
        font: '48px/64px var(--sans)',
        background: '#fff',
        color: '#000',
        width: '64px',
        height: '64px',
      });
      document.body.append(probe);
      // A face that fails to load leaves the fallback drawn; that is what this test tells apart.
      return document.fonts.load('48px "Noto Sans SC"', text).catch(() => []);
    }, char);
    const png = PNG.sync.read(await page.screenshot({ clip: { x: 0, y: 0, width: 64, height: 64 } }));
    const inked = png.data.filter((value, i) => i % 4 === 0 && value < 128).length;
    expect(inked, `${char} leaves ink`).toBeGreaterThan(40);
    images.push(png.data.toString('base64'));
  }
  expect(new Set(images).size).toBe(chineseName.length);
});

test('English pages fetch at most the small slice of Chinese they print, never the Chinese edition’s characters', async ({ page }) => {
  // English pages print a few CJK characters (a quoted Chinese outlet, the switcher's 中文, an arrow only the CJK face has).
  const fetched = new Map<string, number>();
  page.on('request', (request) => {
    if (chineseFont.test(request.url()) && request.frame() === page.mainFrame())
      fetched.set(request.url(), statSync(join('dist', new URL(request.url()).pathname)).size);
  });
  for (const path of ['/', '/embed-code/', '/embed/guarding-the-mines/']) {
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(500);
  }
  // At most a small file for each page.
  expect(fetched.size).toBeLessThanOrEqual(3);
  for (const [url, bytes] of fetched) expect(bytes, url).toBeLessThan(4096);
  await page.goto('/zh/');
  await page.evaluate(() => document.fonts.ready);
  // The Chinese front page needs a slice of its own beyond the English one.
  expect(
    await page.evaluate(
      () => [...document.fonts].filter((face) => face.family.includes('Noto Sans SC') && face.status === 'loaded').length,
    ),
  ).toBeGreaterThan(1);
});

test('each edition’s front page preloads every font file its opening draws with, Chinese slices included', async ({ page }) => {
  for (const path of ['/', '/zh/']) {
    const requested = new Set<string>();
    const listen = (request: { url(): string; frame(): unknown; resourceType(): string }) => {
      if (request.resourceType() === 'font' && request.frame() === page.mainFrame()) requested.add(new URL(request.url()).pathname);
    };
    page.on('request', listen);
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);
    page.off('request', listen);
    const preloaded = await page.$$eval('link[rel="preload"][as="font"]', (links) =>
      links.map((link) => new URL((link as HTMLLinkElement).href).pathname),
    );
    expect(
      [...requested].filter((font) => !preloaded.includes(font)),
      path,
    ).toEqual([]);
    // The Chinese edition's opening is drawn with the big Chinese slice, which is why it must not wait to be found.
    if (path === '/zh/') expect(preloaded.filter((font) => chineseFont.test(font)).length, path).toBeGreaterThan(1);
  }
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`nothing moves when the fonts arrive, at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    await page.evaluate(() => document.fonts.ready);
    // Every face in use has arrived by now; the shifts they caused are in the buffered entries.
    await expect.poll(() => page.evaluate(() => [...document.fonts].filter((face) => face.status === 'loading').length)).toBe(0);
    const shifts = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
              if (!entry.hadRecentInput) total += entry.value;
            }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 300);
        }),
    );
    expect(shifts).toBe(0);
  });
}
