/**
 * `npm run screenshots`: photographs the built story at desktop (1280x800) and phone
 * (390x844) sizes at several chapters into tests/screenshots/, the visual references
 * the README shows. Run after `npm run build`; it serves dist/ itself.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.ts';

// Another checkout may be serving on the default port: SCREENSHOTS_PORT picks a free one.
const port = Number(process.env.SCREENSHOTS_PORT ?? 4398);
const chapters = ['overview', 'escort-and-outposts', 'largest-source', 'border-closed', 'washington', 'india-option', 'ending'];
const sizes = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];
const outDir = 'tests/screenshots';

const server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
  stdio: 'ignore',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
try {
  await waitForServer(`http://127.0.0.1:${port}/`);
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  for (const size of sizes) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    await page.goto(`http://127.0.0.1:${port}/`);
    // The first view as a reader sees it once loaded: text and the first chapter's static map (a lazy image).
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('[data-static-map]')].some(
        (img) => !img.hidden && img.complete && img.naturalWidth > 0,
      ),
    );
    await page.screenshot({ path: `${outDir}/${size.name}-title.png` });
    for (const id of chapters) {
      await page.evaluate((chapterId) => {
        const element = document.getElementById(chapterId)!;
        window.scrollTo({ top: element.getBoundingClientRect().top + window.scrollY - 48, behavior: 'instant' });
      }, id);
      await page.waitForFunction(
        (chapterId) =>
          document.documentElement.dataset.activeChapter === chapterId &&
          document.querySelector<HTMLElement>('[data-story-map]')!.dataset.mapIdle === 'true',
        id,
        { timeout: 60_000 },
      );
      await page.screenshot({ path: `${outDir}/${size.name}-${id}.png` });
    }
    await page.close();
  }
  await browser.close();
  console.log(`Wrote ${sizes.length * (chapters.length + 1)} screenshots to ${outDir}/`);
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
