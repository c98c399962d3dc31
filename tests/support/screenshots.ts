/**
 * `npm run screenshots`: photographs the built story at phone (390x844), phone landscape
 * (844x390), tablet (768x1024) and desktop (1280x800) sizes, at several chapters, at later
 * steps of chapters, and without JavaScript, into tests/screenshots/, the visual references
 * the README shows. Run after `npm run build`; it serves dist/ itself.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.ts';

// Another checkout may be serving on the default port: SCREENSHOTS_PORT picks a free one.
const port = Number(process.env.SCREENSHOTS_PORT ?? 4398);
const chapters = ['overview', 'escort-and-outposts', 'largest-source', 'border-closed', 'washington', 'india-option', 'ending'];
/** Later steps of chapters (src/content/steps.ts): what the reader sees between one step and the next. */
const steps = ['escort-and-outposts-outposts', 'border-closed-closed'];
const sizes = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'landscape', width: 844, height: 390 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desktop', width: 1280, height: 800 },
];
const outDir = 'tests/screenshots';
/**
 * The translated edition (/zh/) at phone and desktop size, several chapters: its Chinese labels
 * and legends. SCREENSHOTS_EDITION=zh takes only these, =en only the source edition's.
 */
const zhChapters = ['overview', 'escort-and-outposts', 'border-closed', 'india-option'];
const only = process.env.SCREENSHOTS_EDITION;

/** The map of the active chapter has settled (the live map idle, or the static map decoded). */
async function settled(page: Page, check: string, id: string): Promise<void> {
  await page.waitForFunction(
    ([attribute, value]) =>
      document.documentElement.dataset[attribute!] === value &&
      document.querySelector<HTMLElement>('[data-story-map]')!.dataset.mapIdle === 'true',
    [check, id],
    { timeout: 60_000 },
  );
}

const server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
  stdio: 'ignore',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
try {
  await waitForServer(`http://127.0.0.1:${port}/`);
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  let count = 0;
  for (const size of only === 'zh' ? [] : sizes) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    await page.goto(`http://127.0.0.1:${port}/`);
    // The first view as a reader sees it once loaded: text and the first chapter's static map (a lazy image).
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('[data-static-map]')].some(
        (img) => !img.hidden && img.complete && img.naturalWidth > 0,
      ),
    );
    await page.screenshot({ path: `${outDir}/${size.name}-title.png` });
    count++;
    for (const id of chapters) {
      await page.evaluate((chapterId) => {
        const element = document.getElementById(chapterId)!;
        window.scrollTo({ top: element.getBoundingClientRect().top + window.scrollY - 48, behavior: 'instant' });
      }, id);
      await settled(page, 'activeChapter', id);
      await page.screenshot({ path: `${outDir}/${size.name}-${id}.png` });
      count++;
    }
    for (const id of steps) {
      // As a link to the step lands (scroll-padding keeps it clear of the bar and a pinned map).
      await page.evaluate((stepId) => document.getElementById(stepId)!.scrollIntoView({ behavior: 'instant', block: 'start' }), id);
      await settled(page, 'activeStep', id);
      await page.screenshot({ path: `${outDir}/${size.name}-${id}.png` });
      count++;
    }
    await page.close();
    if (size.name !== 'phone' && size.name !== 'desktop') continue;
    // Without JavaScript: each chapter's static map pinned by CSS alone, partway through its text.
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(`http://127.0.0.1:${port}/`);
    await noScript.evaluate(() => {
      const element = document.getElementById('border-closed')!;
      window.scrollTo({ top: element.getBoundingClientRect().top + window.scrollY + 240, behavior: 'instant' });
    });
    await noScript.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('#border-closed .chapter-static-map')!;
      return img.complete && img.naturalWidth > 0;
    });
    await noScript.screenshot({ path: `${outDir}/${size.name}-no-javascript.png` });
    count++;
    await context.close();
  }
  for (const size of only === 'en' ? [] : sizes.filter((s) => s.name === 'phone' || s.name === 'desktop')) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    await page.goto(`http://127.0.0.1:${port}/zh/`);
    for (const id of zhChapters) {
      await page.evaluate((chapterId) => {
        const element = document.getElementById(chapterId)!;
        window.scrollTo({ top: element.getBoundingClientRect().top + window.scrollY - 48, behavior: 'instant' });
      }, id);
      await settled(page, 'activeChapter', id);
      await page.screenshot({ path: `${outDir}/zh-${size.name}-${id}.png` });
      count++;
    }
    await page.close();
  }
  await browser.close();
  console.log(`Wrote ${count} screenshots to ${outDir}/`);
} finally {
  server.kill();
}

async function waitForServer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not come up`);
}
