/**
 * The translated edition against the source one, as readers get them: no English
 * interface text is left on a Chinese page (names, sources and quoted titles are marked
 * lang="en…" and are allowed), and every number the Chinese page prints (the tokens'
 * <data value>, the tables' data-value) has the value of its English counterpart.
 */
import { expect, test, type Page } from '@playwright/test';
import { uiStrings } from '../../src/i18n/ui.ts';
import { scrollToChapter } from './story-page.ts';

/** Every string of a dictionary, functions called with placeholder arguments (a string, or a list of one). */
function dictionaryStrings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (typeof node === 'function') {
    const call = (arg: unknown) => {
      try {
        return dictionaryStrings((node as (...args: unknown[]) => unknown)(arg, arg));
      } catch {
        return [];
      }
    };
    return [...call('\u0000'), ...call(['\u0000'])];
  }
  if (node && typeof node === 'object') return Object.values(node).flatMap(dictionaryStrings);
  return [];
}

const english = new Set(dictionaryStrings(uiStrings('en')));
const chinese = new Set(dictionaryStrings(uiStrings('zh')));
/** English interface phrases: the pieces of each string between placeholders, two words or more, not shared with the zh dictionary. */
const phrases = [...english]
  .filter((text) => !chinese.has(text))
  .flatMap((text) => text.split('\u0000'))
  .map((text) => text.trim())
  .filter((text) => /[A-Za-z]{2,}\W+[A-Za-z]{2,}/.test(text));

/** The page's text and text attributes that are not inside an element marked as English within it. */
async function nonEnglishText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // An element marked English inside the page (the page's own language is what is checked).
    const english = (element: Element | null) => {
      const marked = element?.closest('[lang]');
      return marked !== document.documentElement && /^en\b/i.test(marked?.getAttribute('lang') ?? '');
    };
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (parent.closest('script, style, template, code, pre') || english(parent)) continue;
      if (node.textContent!.trim()) texts.push(node.textContent!.trim());
    }
    for (const element of document.querySelectorAll('[alt], [aria-label], [title], [data-map-description]'))
      if (!english(element))
        for (const name of ['alt', 'aria-label', 'title', 'data-map-description']) {
          const value = element.getAttribute(name);
          if (value) texts.push(value);
        }
    texts.push(document.title);
    return texts;
  });
}

test.describe('the Chinese edition', () => {
  for (const path of ['/zh/', '/zh/embed/', '/zh/embed/{first}/', '/zh/embed-code/']) {
    test(`${path} carries no English interface text outside what is marked English`, async ({ page }) => {
      await page.goto('/zh/');
      const first = await page.locator('section[data-chapter]').first().getAttribute('id');
      const englishLeft = async (url: string) => {
        await page.goto(url);
        // The live map writes its legend and description once it runs.
        await page.mouse.move(10, 10);
        if ((await page.locator('[data-story-map]').count()) > 0)
          await expect(page.locator('[data-story-map]').first()).toHaveAttribute('data-map-state', /^(ready|fallback)$/, {
            timeout: 60_000,
          });
        const texts = await nonEnglishText(page);
        return { texts, left: phrases.filter((phrase) => texts.some((text) => text.includes(phrase))) };
      };
      // The check finds the interface strings on the English counterpart, so it can fail.
      expect((await englishLeft(path.replace('/zh/', '/').replace('{first}', first!))).left.length).toBeGreaterThan(3);
      const { texts, left } = await englishLeft(path.replace('{first}', first!));
      expect(left, 'English interface strings on the page').toEqual([]);
      // Nor any English sentence from elsewhere (the content overlay, a fallback): three English words in a row.
      const sentences = texts.flatMap((text) => text.match(/\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/g) ?? []);
      expect(sentences, 'English words in a row').toEqual([]);
    });
  }

  test('every number on /zh/ has the value of its English counterpart on /, in the same place', async ({ page }) => {
    const values = async (url: string) => {
      await page.goto(url);
      return page
        .locator('data[value], [data-value]')
        .evaluateAll((elements) =>
          elements.map(
            (element) => `${element.closest('[id]')?.id}: ${element.getAttribute('value') ?? element.getAttribute('data-value')}`,
          ),
        );
    };
    const source = await values('/');
    expect(source.length, 'numbers marked with their value').toBeGreaterThan(10);
    expect(await values('/zh/')).toEqual(source);
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ])
    test(`at ${viewport.width}×${viewport.height} the language link is a visible 44 px target that keeps the reader's chapter`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.goto('/');
      const ids = await page.locator('section[data-chapter]').evaluateAll((sections) => sections.map((section) => section.id));
      await scrollToChapter(page, ids[3]!);
      // Well inside the chapter, as a reader is, not on its first pixel, where a late layout shift
      // of a few pixels would put the chapter before it under the trigger line.
      await page.evaluate(() => scrollBy({ top: 120, behavior: 'instant' }));
      // The reader is in that chapter, and the page has written their place into the URL.
      await expect(page.locator('html')).toHaveAttribute('data-active-chapter', ids[3]!);
      await expect.poll(() => page.evaluate(() => location.hash)).toMatch(new RegExp(`^#${ids[3]!}`));
      const link = page.locator('[data-edition-link]');
      await expect(link).toBeInViewport();
      await expect(link).toHaveAttribute('hreflang', 'zh-Hans');
      const box = (await link.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
      // Drawn on top at its centre: nothing covers it.
      expect(
        await link.evaluate((element) => {
          const r = element.getBoundingClientRect();
          return element.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
        }),
      ).toBe(true);
      // Focused without the browser's focus scroll, which moves the page when the link sits in the sticky bar's scroll padding.
      await link.evaluate((element: HTMLElement) => element.focus({ preventScroll: true }));
      // The link carries the place being read (the hash the page keeps), whatever step that is now.
      await expect
        .poll(() => link.evaluate((element) => element.getAttribute('href') === `/zh/${location.hash}`), { timeout: 5000 })
        .toBe(true);
      const hash = await page.evaluate(() => location.hash);
      expect(hash).toMatch(new RegExp(`^#${ids[3]!}`));
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`/zh/${hash}$`));
      await expect(page.locator('html')).toHaveAttribute('data-active-step', hash.slice(1));
    });

  test('without JavaScript the language link goes to the other edition’s top', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${test.info().project.use.baseURL}/zh/`);
    await expect(page.locator('[data-edition-link]')).toHaveAttribute('href', '/');
    await context.close();
  });
});
