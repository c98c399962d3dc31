/**
 * Embedding, in real Chromium: the story and its chapter cards inside a news article on
 * another origin, with the site served under the headers of public/_headers (so its
 * Content-Security-Policy is enforced), with and without the host loader.
 */
import { expect, type Frame, type Page } from '@playwright/test';
import { test } from '../fixtures/story-reader.ts';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pymScript } from '../../src/embed/snippet.ts';
import type { StoryData } from '../../src/map/story-data.ts';
import { siteDir, translatedEditionPaths } from '../support/story-picks.ts';
import { startEmbedServers, type EmbedServers } from './host-server.ts';

const dist = siteDir;
const chapterIds = readdirSync(join(dist, 'embed'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

let servers: EmbedServers;
test.beforeAll(async () => {
  servers = await startEmbedServers();
});
test.afterAll(async () => {
  await servers?.close();
});

interface Watch {
  problems: string[];
  foreignRequests: string[];
}

/** Page errors, console errors and CSP violations in any frame, and requests to any host but the two test origins. */
async function watch(page: Page): Promise<Watch> {
  const result: Watch = { problems: [], foreignRequests: [] };
  await page.addInitScript(() =>
    addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI} in ${location.href}`),
    ),
  );
  page.on('pageerror', (error) => result.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') result.problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (![servers.siteOrigin, servers.hostOrigin, 'data:', 'blob:', 'about:'].some((prefix) => url.startsWith(prefix)))
      result.foreignRequests.push(url);
  });
  return result;
}

/** Records, in the host page, every message that reaches it: its data, origin and whether the story's frame sent it. */
async function recordHostMessages(page: Page): Promise<void> {
  await page.addInitScript((hostOrigin) => {
    if (location.origin !== hostOrigin) return;
    const messages: { data: unknown; fromStory: boolean }[] = [];
    const events: unknown[] = [];
    Object.assign(window, { storyMessages: messages, storyEvents: events });
    addEventListener('message', (event) => {
      const story = document.querySelector<HTMLIFrameElement>('iframe[data-story-embed]');
      messages.push({ data: event.data, fromStory: Boolean(story) && event.source === story!.contentWindow });
    });
    document.addEventListener('story:chapter', (event) => events.push((event as CustomEvent).detail), true);
  }, servers.hostOrigin);
}

/** The snippet the embed-code page offers, as a reader copying it would get it. */
async function snippetFromEmbedPage(page: Page, selector: string): Promise<string> {
  await page.goto(`${servers.siteOrigin}/embed-code/`);
  return (await page.locator(`${selector} [data-snippet]`).textContent())!;
}

async function storyFrame(page: Page, path = /\/embed\//): Promise<Frame> {
  const iframe = page.locator('#embed iframe');
  await iframe.scrollIntoViewIfNeeded();
  await expect
    .poll(() =>
      page
        .frames()
        .find((frame) => path.test(frame.url()) && frame !== page.mainFrame())
        ?.url(),
    )
    .toBeTruthy();
  const frame = page.frames().find((f) => path.test(f.url()) && f !== page.mainFrame())!;
  await frame.waitForLoadState('load');
  return frame;
}

/** |iframe height in the host - the embedded document's content height|, in px. */
async function heightMismatch(page: Page, frame: Frame): Promise<number> {
  const frameHeight = await page.locator('#embed iframe').evaluate((iframe) => (iframe as HTMLIFrameElement).clientHeight);
  const contentHeight = await frame.evaluate(() => document.body.getBoundingClientRect().height);
  return Math.abs(frameHeight - contentHeight);
}

/** Waits until the frame's height matches its content and has stopped changing (a resize takes a few messages to settle). */
async function expectHeightMatches(page: Page, frame: Frame): Promise<number> {
  const frameHeight = () => page.locator('#embed iframe').evaluate((iframe) => (iframe as HTMLIFrameElement).clientHeight);
  const settledMismatch = async () => {
    const [before, mismatch] = [await frameHeight(), await heightMismatch(page, frame)];
    await page.waitForTimeout(400);
    return Math.max(mismatch, await heightMismatch(page, frame), Math.abs((await frameHeight()) - before));
  };
  await expect.poll(settledMismatch, { timeout: 20_000 }).toBeLessThanOrEqual(2);
  // Nothing left to scroll inside the frame: the host page does all the scrolling.
  expect(await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(2);
  return heightMismatch(page, frame);
}

async function frameStoryData(frame: Frame): Promise<StoryData> {
  return JSON.parse((await frame.locator('#story-data').textContent())!) as StoryData;
}

/** Scrolls the host page so the chapter's top sits just below the story's pinned chapter bar. */
async function scrollHostToChapter(page: Page, frame: Frame, id: string): Promise<void> {
  const chapterTop = await frame.evaluate((chapterId) => document.getElementById(chapterId)!.getBoundingClientRect().top, id);
  await page.evaluate((top) => {
    const iframe = document.querySelector('#embed iframe')!;
    window.scrollTo({ top: iframe.getBoundingClientRect().top + window.scrollY + top - 48, behavior: 'instant' });
  }, chapterTop);
}

/** Scrolls the host page to a chapter and waits until the story inside the frame shows it. */
async function hostScrollsTo(page: Page, frame: Frame, chapter: { id: string; visibleLayers: readonly string[] }): Promise<void> {
  await scrollHostToChapter(page, frame, chapter.id);
  await expect(frame.locator('html')).toHaveAttribute('data-active-chapter', chapter.id);
  await expect
    .poll(async () => (await frame.locator('[data-story-map]').getAttribute('data-visible-layers'))?.split(' ').sort())
    .toEqual([...chapter.visibleLayers].sort());
}

test.describe('embedding the story in another site', () => {
  test('the loader sizes the frame to the story, and scrolling the host walks every chapter with the map pinned', async ({ page }) => {
    const seen = await watch(page);
    const snippet = await snippetFromEmbedPage(page, '[data-snippet-kind="story"]');
    expect(snippet).toContain(`src="${servers.siteOrigin}/embed/"`);
    expect(snippet).toMatch(/<iframe [^>]*title="[^"]+"/);
    expect(snippet).toContain('loading="lazy"');
    expect(snippet).toContain('sandbox="allow-scripts allow-same-origin');
    const integrity = `sha384-${createHash('sha384')
      .update(readFileSync(join(dist, 'embed.js')))
      .digest('base64')}`;
    expect(snippet).toContain(
      `<script src="${servers.siteOrigin}/embed.js" integrity="${integrity}" crossorigin="anonymous" async></script>`,
    );

    servers.setArticle(snippet);
    await recordHostMessages(page);
    await page.goto(`${servers.hostOrigin}/article.html`);
    const frame = await storyFrame(page);
    await expect(frame.locator('html')).toHaveAttribute('data-embed-mode', 'hosted');
    await expect(frame.locator('[data-story-map]')).toHaveAttribute('data-map-state', 'ready', { timeout: 60_000 });
    const afterLoad = await expectHeightMatches(page, frame);

    const { chapters } = await frameStoryData(frame);
    const map = frame.locator('[data-story-map]');
    for (const chapter of chapters) {
      await hostScrollsTo(page, frame, chapter);
      // Pinned: the map fills the host's viewport below the chapter bar, wherever the host has scrolled.
      const stage = (await page.locator('#embed iframe').boundingBox())!;
      const stageTop = stage.y + (await map.evaluate((element) => element.getBoundingClientRect().top));
      expect(Math.abs(stageTop - 48), `map top in the host's viewport at ${chapter.id}`).toBeLessThanOrEqual(2);
    }
    await expect(map).toHaveAttribute('data-map-idle', 'true', { timeout: 20_000 });

    const messages = await page.evaluate(
      () => (window as unknown as { storyMessages: { data: { type?: string; id?: string }; fromStory: boolean }[] }).storyMessages,
    );
    const chapterIdsReported = messages.filter((m) => m.fromStory && m.data.type === 'story:chapter').map((m) => m.data.id);
    const inOrder = chapterIdsReported.filter((id, i) => id !== chapterIdsReported[i - 1]);
    expect(inOrder).toEqual(chapters.map((c) => c.id));
    const events = await page.evaluate(() => (window as unknown as { storyEvents: { id: string }[] }).storyEvents);
    expect(events.at(-1)).toEqual({ id: chapters.at(-1)!.id, index: chapters.length - 1 });

    await page.setViewportSize({ width: 900, height: 640 });
    const afterResize = await expectHeightMatches(page, frame);
    await scrollHostToChapter(page, frame, chapters[2]!.id);
    await expect(frame.locator('html')).toHaveAttribute('data-active-chapter', chapters[2]!.id);

    console.log(`height mismatch: ${afterLoad} px after load, ${afterResize} px after resize`);
    expect(seen.problems).toEqual([]);
    expect(seen.foreignRequests).toEqual([]);
  });

  test('a pym.js host page sizes the frame to the story and follows a resize; its scroll and the Next button walk the chapters', async ({
    page,
  }) => {
    const seen = await watch(page);
    const snippet = await snippetFromEmbedPage(page, '[data-snippet-kind="pym"]');
    expect(snippet).toContain(`data-pym-src="${servers.siteOrigin}/embed/"`);
    expect(snippet).toContain('data-pym-trackscroll="true"');
    expect(snippet).toContain(`<script src="${pymScript}"></script>`);
    // The real pym.js from node_modules, served by the host (the test network has no NPR CDN).
    servers.setArticle(snippet.replace(pymScript, `${servers.hostOrigin}/pym.v1.js`));
    await page.goto(`${servers.hostOrigin}/article.html`);
    const frame = await storyFrame(page);
    expect(new URL(frame.url()).searchParams.get('childId'), 'pym named the frame').toBeTruthy();
    await expect(frame.locator('html')).toHaveAttribute('data-embed-mode', 'hosted');
    // Without the story's pym messages, pym leaves its frame at the browser's 150 px.
    const afterLoad = await expectHeightMatches(page, frame);
    expect(await page.locator('#embed iframe').evaluate((iframe) => (iframe as HTMLIFrameElement).clientHeight)).toBeGreaterThan(1000);

    const { chapters } = await frameStoryData(frame);
    const map = frame.locator('[data-story-map]');
    await page.mouse.move(20, 20);
    await expect(map).toHaveAttribute('data-map-state', 'ready', { timeout: 60_000 });
    const walked = Math.min(4, chapters.length - 1);
    for (const chapter of chapters.slice(0, walked)) {
      await hostScrollsTo(page, frame, chapter);
      const stage = (await page.locator('#embed iframe').boundingBox())!;
      await expect
        .poll(async () => Math.abs(stage.y + (await map.evaluate((element) => element.getBoundingClientRect().top)) - 48), {
          message: `map pinned below the chapter bar at ${chapter.id}`,
        })
        .toBeLessThanOrEqual(2);
    }

    // The frame cannot scroll itself: Next asks pym to scroll the host page to the next chapter.
    const hostScroll = await page.evaluate(() => scrollY);
    await frame.getByRole('button', { name: 'Next chapter' }).evaluate((button: HTMLElement) => button.focus({ preventScroll: true }));
    await page.keyboard.press('Enter');
    await expect(frame.locator('html')).toHaveAttribute('data-active-chapter', chapters[walked]!.id);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(hostScroll);

    await page.setViewportSize({ width: 700, height: 700 });
    const afterResize = await expectHeightMatches(page, frame);
    console.log(`pym height mismatch: ${afterLoad} px after load, ${afterResize} px after resize`);
    expect(seen.problems).toEqual([]);
    expect(seen.foreignRequests).toEqual([]);
  });

  test('messages from another frame, from the host itself, or of the wrong shape change nothing', async ({ page }) => {
    const seen = await watch(page);
    const snippet = await snippetFromEmbedPage(page, '[data-snippet-kind="story"]');
    servers.setArticle(snippet, { rogue: true });
    await recordHostMessages(page);
    await page.goto(`${servers.hostOrigin}/article.html`);
    const frame = await storyFrame(page);
    await expect(frame.locator('html')).toHaveAttribute('data-embed-mode', 'hosted');
    await expectHeightMatches(page, frame);
    const { chapters } = await frameStoryData(frame);
    await scrollHostToChapter(page, frame, chapters[3]!.id);
    await expect(frame.locator('html')).toHaveAttribute('data-active-chapter', chapters[3]!.id);
    const iframe = page.locator('#embed iframe');
    const before = await iframe.evaluate((element) => (element as HTMLIFrameElement).clientHeight);

    // The rogue frame (same origin as the story, but not the story's window) has been posting height 99999 all along.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { storyMessages: { data: { height?: unknown }; fromStory: boolean }[] }).storyMessages.filter(
              (m) => !m.fromStory && m.data.height === 99999,
            ).length,
        ),
      )
      .toBeGreaterThan(5);
    // The host page itself, and the story's own window with malformed messages.
    await page.evaluate(() => {
      postMessage({ type: 'story:height', height: 'abc' }, '*');
      postMessage({ type: 'story:height', height: 99999 }, '*');
    });
    await frame.evaluate(() => {
      for (const message of [
        { type: 'story:height', height: 'abc' },
        { type: 'story:height', height: Number.NaN },
        { type: 'story:height' },
        'story:height 99999',
        { type: 'story:chapter', id: '<img src=x onerror=alert(1)>', index: 1 },
        { type: 'story:chapter', id: 'ending', index: -1 },
      ])
        parent.postMessage(message, '*');
    });
    // The rogue frame also tries to steer the story, posting a viewport to it.
    await page
      .frameLocator('#rogue')
      .locator('body')
      .evaluate(() => (parent.frames[0] as Window).postMessage({ type: 'story:viewport', top: 0, height: 50 }, '*'));
    await page.waitForTimeout(500);

    expect(await iframe.evaluate((element) => (element as HTMLIFrameElement).clientHeight)).toBe(before);
    expect(await heightMismatch(page, frame)).toBeLessThanOrEqual(2);
    await expect(frame.locator('html')).toHaveAttribute('data-active-chapter', chapters[3]!.id);
    const events = await page.evaluate(() => (window as unknown as { storyEvents: { id: string }[] }).storyEvents);
    expect(events.map((e) => e.id)).not.toContain('<img src=x onerror=alert(1)>');
    expect(events.every((e) => chapters.some((c) => c.id === e.id))).toBe(true);
    expect(seen.problems).toEqual([]);
  });

  test('without the loader the fixed-height frame scrolls inside, and keys and buttons step through chapters', async ({ page }) => {
    const seen = await watch(page);
    const snippet = await snippetFromEmbedPage(page, '[data-snippet-kind="story"]');
    servers.setArticle(snippet.split('\n')[0]!);
    await page.goto(`${servers.hostOrigin}/article.html`);
    const frame = await storyFrame(page);
    const iframe = page.locator('#embed iframe');
    // No host messages without the loader: the map starts when the reader's pointer reaches the frame.
    const box = (await iframe.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(frame.locator('[data-story-map]')).toHaveAttribute('data-map-state', 'ready', { timeout: 60_000 });
    const { chapters } = await frameStoryData(frame);
    expect(await iframe.evaluate((element) => (element as HTMLIFrameElement).clientHeight)).toBe(640);
    expect(await frame.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(640 * chapters.length);
    await expect(frame.locator('html')).not.toHaveAttribute('data-embed-mode', 'hosted');
    const active = frame.locator('html');

    // Each step waits for the frame's smooth scroll to end, as a reader watching it would.
    const step = async (press: () => Promise<void>, index: number) => {
      await press();
      await expect(active).toHaveAttribute('data-active-chapter', chapters[index]!.id);
      const scrollPositions = () => Promise.all([frame.evaluate(() => scrollY), page.evaluate(() => scrollY)]).then((ys) => ys.join());
      await expect.poll(async () => (await scrollPositions()) === (await page.waitForTimeout(200), await scrollPositions())).toBe(true);
    };
    await frame.locator(`#${chapters[0]!.id} h2`).click();
    await step(() => page.keyboard.press('ArrowDown'), 1);
    await step(() => page.keyboard.press('ArrowDown'), 2);
    await step(() => page.keyboard.press('ArrowUp'), 1);
    // Pressed from the keyboard: a pointer click in Playwright first scrolls the sticky bar's "natural" place (the top) into view,
    // and so, now and then on a busy machine, does focus(): the button is focused in place, as what is tested is Enter.
    const press = (name: string) => async () => {
      await frame.getByRole('button', { name }).evaluate((button: HTMLElement) => button.focus({ preventScroll: true }));
      await page.keyboard.press('Enter');
    };
    await step(press('Next chapter'), 2);
    await step(press('Previous chapter'), 1);
    // The frame scrolled itself; the map stays in its frame, stuck below the chapter bar.
    expect(await frame.evaluate(() => scrollY)).toBeGreaterThan(0);
    expect(await frame.locator('[data-story-map]').evaluate((element) => Math.round(element.getBoundingClientRect().top))).toBe(48);

    // At the last chapter ArrowDown is left to the browser, so the reader can scroll on past the frame.
    await expect(async () => {
      await frame.evaluate(() => scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
      await expect(active).toHaveAttribute('data-active-chapter', chapters.at(-1)!.id, { timeout: 2_000 });
    }).toPass();
    const notPrevented = await frame.evaluate(() => {
      const event = new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true });
      return document.body.dispatchEvent(event);
    });
    expect(notPrevented).toBe(true);
    expect(seen.problems).toEqual([]);
    expect(seen.foreignRequests).toEqual([]);
  });

  test('?chapter= (the snippet generator’s pinned chapter) and #<id> open the embed at that chapter', async ({ page }) => {
    const seen = await watch(page);
    await page.goto(`${servers.siteOrigin}/embed-code/`);
    const target = chapterIds[Math.min(7, chapterIds.length - 2)]!;
    await page.locator('[data-pin-select]').selectOption(target);
    const snippet = (await page.locator('[data-snippet-kind="pinned"] [data-snippet]').textContent())!;
    expect(snippet).toContain(`/embed/?chapter=${target}"`);
    expect(snippet).not.toContain('<script');
    servers.setArticle(snippet);
    await page.goto(`${servers.hostOrigin}/article.html`);
    const frame = await storyFrame(page);
    await expect(frame.locator('html')).toHaveAttribute('data-active-chapter', target);

    const other = chapterIds[Math.min(10, chapterIds.length - 1)]!;
    await page.goto(`${servers.siteOrigin}/embed/#${other}`);
    await expect(page.locator('html')).toHaveAttribute('data-active-chapter', other);
    expect(seen.problems).toEqual([]);
  });

  // Tagged @editions: the config's zh project opens /zh/embed/<chapter>/ too.
  test.describe('chapter cards', { tag: '@editions' }, () => {
    // About the width of an article column, where cards go.
    test.use({ viewport: { width: 680, height: 800 } });
    for (const id of chapterIds) {
      test(`the chapter card /embed/${id}/ renders its map, legend, caption and sources on its own`, async ({ page, edition }) => {
        const seen = await watch(page);
        await page.goto(`${servers.siteOrigin}${edition.home}embed/${id}/`);
        const map = page.locator('[data-story-map]');
        // Opened on its own, a card is its static map until the reader's first input starts the live one.
        await expect(page.locator('[data-static-map]:visible')).toHaveCount(1);
        await expect(map).toHaveAttribute('data-map-state', 'loading');
        await page.mouse.move(10, 10);
        await expect(map).toHaveAttribute('data-map-state', /^(ready|fallback)$/, { timeout: 60_000 });
        const { chapters, layers } = JSON.parse((await page.locator('#story-data').textContent())!) as StoryData;
        expect(chapters.map((c) => c.id)).toEqual([id]);
        const legends = chapters[0]!.visibleLayers.map((layerId) => layers.find((l) => l.id === layerId)!.legend);
        await expect(page.locator('[data-legend] li')).toHaveCount(legends.length);
        for (const legend of legends) await expect(page.locator('[data-legend]')).toContainText(legend);
        if ((await map.getAttribute('data-map-state')) === 'ready')
          expect((await map.getAttribute('data-visible-layers'))!.split(' ').sort()).toEqual([...chapters[0]!.visibleLayers].sort());
        await expect(page.locator('.embed-card-caption')).not.toBeEmpty();
        await expect(page.locator('.chapter-sources')).toContainText(edition.ui.sourcesLabel);
        await expect(page.getByRole('link', { name: edition.ui.readChapter })).toHaveAttribute('href', `${edition.home}#${id}`);
        expect(seen.problems).toEqual([]);
        expect(seen.foreignRequests).toEqual([]);
      });
    }
  });

  test('a chapter card embedded with its snippet gets its content height', async ({ page }) => {
    const seen = await watch(page);
    await page.goto(`${servers.siteOrigin}/embed-code/`);
    const snippet = (await page
      .locator(`[data-chapter-id="${chapterIds[Math.min(4, chapterIds.length - 1)]}"] [data-snippet]`)
      .textContent())!;
    servers.setArticle(snippet);
    await page.goto(`${servers.hostOrigin}/article.html`);
    const frame = await storyFrame(page, new RegExp(`/embed/${chapterIds[Math.min(4, chapterIds.length - 1)]}/`));
    await expect(frame.locator('[data-story-map]')).toHaveAttribute('data-map-state', 'ready', { timeout: 60_000 });
    await expectHeightMatches(page, frame);
    await page.setViewportSize({ width: 520, height: 700 });
    await expectHeightMatches(page, frame);
    expect(seen.problems).toEqual([]);
    expect(seen.foreignRequests).toEqual([]);
  });

  test('a frame its host has sized to the whole story waits for the host’s viewport before it picks a chapter', async ({ page }) => {
    const seen = await watch(page);
    const snippet = await snippetFromEmbedPage(page, '[data-snippet-kind="story"]');
    // The loader's own order (resize, then the viewport message) can reach the frame either way
    // round; this host resizes and says nothing, which is the first of the two held open.
    servers.setArticle(snippet.split('\n')[0]!.replace('height="640"', 'height="200000"'));
    await page.goto(`${servers.hostOrigin}/article.html`);
    const frame = await storyFrame(page);
    const { chapters } = await frameStoryData(frame);
    expect(await frame.evaluate(() => innerHeight >= document.documentElement.scrollHeight)).toBe(true);
    await page.waitForTimeout(1000);
    expect(await frame.locator('html').getAttribute('data-active-chapter')).toBeNull();
    await page.evaluate((origin) => {
      const iframe = document.querySelector<HTMLIFrameElement>('#embed iframe')!;
      iframe.contentWindow!.postMessage({ type: 'story:viewport', top: -iframe.getBoundingClientRect().top, height: innerHeight }, origin);
    }, servers.siteOrigin);
    await expect(frame.locator('html')).toHaveAttribute('data-active-chapter', chapters[0]!.id);
    expect(seen.problems).toEqual([]);
  });

  test('an embed below the fold starts its map only when the host scrolls it on screen', async ({ page }) => {
    const seen = await watch(page);
    const id = chapterIds[0]!;
    const snippet = await snippetFromEmbedPage(page, `[data-chapter-id="${id}"]`);
    // Loaded at once rather than lazily, so the frame is there, running, while it is still off screen.
    servers.setArticle(snippet.replace(' loading="lazy"', ''));
    await page.setViewportSize({ width: 680, height: 400 });
    const engineRequests: string[] = [];
    page.on('request', (request) => void (/maplibre-gl/.test(request.url()) && engineRequests.push(request.url())));
    await page.goto(`${servers.hostOrigin}/article.html`);
    const cardFrame = () => page.frames().find((f) => f.url().includes(`/embed/${id}/`));
    await expect.poll(() => cardFrame()?.url()).toBeTruthy();
    const frame = cardFrame()!;
    await frame.waitForLoadState('load');
    expect(await page.locator('#embed iframe').evaluate((iframe) => iframe.getBoundingClientRect().top > innerHeight)).toBe(true);
    // Two seconds after it loaded, a frame nobody has seen has not even asked for the map engine.
    await page.waitForTimeout(2000);
    expect(engineRequests).toEqual([]);
    await expect(frame.locator('[data-story-map]')).toHaveAttribute('data-map-state', 'loading');
    await page.locator('#embed iframe').scrollIntoViewIfNeeded();
    await expect(frame.locator('[data-story-map]')).toHaveAttribute('data-map-state', 'ready', { timeout: 60_000 });
    expect(engineRequests.length).toBeGreaterThan(0);
    expect(seen.problems).toEqual([]);
  });

  test('the story and embed-code pages run under the site’s CSP with nothing inline', async ({ page }) => {
    const seen = await watch(page);
    const homes = ['/', ...translatedEditionPaths.map((path) => `/${path}/`)];
    for (const path of homes.flatMap((home) => [home, `${home}embed-code/`])) {
      const response = await page.goto(`${servers.siteOrigin}${path}`);
      const policy = response!.headers()['content-security-policy']!;
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(policy).toMatch(/frame-ancestors /);
    }
    await page.goto(`${servers.siteOrigin}/`);
    await page.mouse.move(10, 10);
    await expect(page.locator('[data-story-map]')).toHaveAttribute('data-map-state', 'ready', { timeout: 60_000 });
    await page.goto(`${servers.siteOrigin}/embed-code/`);
    // The preview's frame is made as its section nears the screen, not with the page's first view.
    await expect(page.locator('[data-preview] iframe')).toHaveCount(0);
    await page.locator('[data-preview]').scrollIntoViewIfNeeded();
    await expect(page.frameLocator('[data-preview] iframe').locator('html')).toHaveAttribute('data-embed-mode', 'hosted', {
      timeout: 30_000,
    });
    expect(seen.problems).toEqual([]);

    // The built pages: executable scripts are files; the only inline scripts are JSON data; no style attributes.
    const pages = homes
      .map((home) => home.slice(1))
      .flatMap((home) => [
        `${home}index.html`,
        `${home}embed/index.html`,
        `${home}embed-code/index.html`,
        ...chapterIds.map((id) => `${home}embed/${id}/index.html`),
      ]);
    for (const file of pages) {
      const html = readFileSync(join(dist, file), 'utf8');
      for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) expect(tag, `${file}: ${tag}`).toMatch(/\bsrc=|type="application\/json"/);
      expect(html, file).not.toMatch(/<[^>]+\sstyle=/);
      expect(html, file).not.toMatch(/\son[a-z]+=/);
    }
  });
});
