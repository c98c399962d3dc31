/**
 * `npm run bench:coverage`: how much map the reader sees while reading, at phone, phone
 * landscape, tablet and desktop sizes, and phone scroll cost at 4x CPU.
 *
 *   node tests/bench/coverage.ts [--no-build] [--runs N]
 *
 * For each size it scrolls through every chapter in 60 px steps (tests/support/map-coverage.ts)
 * and prints the share of positions at which at least half of the screen is uncovered map,
 * and the share at which every highlighted feature of the active chapter is on screen and
 * uncovered. Then, at 390x844 with the CPU slowed 4x, the scroll figures of `npm run bench`
 * (medians of N runs), so that a layout change can be checked for what it costs a phone.
 * Writes bench-results/coverage.json.
 */
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { instrumentContext, measureScroll, median } from './measure.ts';
import { startServer } from './server.ts';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';
import { highlightedFeatures, scrollCoverage } from '../support/map-coverage.ts';
import type { StoryData } from '../../src/map/story-data.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
const sizes = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'phone landscape', width: 844, height: 390 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desktop', width: 1280, height: 800 },
];

if (!args.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);
}
// A copy, so that a rebuild during the run cannot change what is measured.
const dist = await mkdtemp(join(tmpdir(), 'story-coverage-'));
await cp(join(root, 'dist'), dist, { recursive: true });
const html = await readFile(join(dist, 'index.html'), 'utf8');
const data = JSON.parse(/<script type="application\/json" id="story-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as StoryData;
const features = highlightedFeatures(root, data);
const server = await startServer({ '/': dist });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const results: Record<string, unknown> = {};
try {
  console.log('size                 positions  ≥ half map  features uncovered');
  for (const size of sizes) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.mouse.move(10, 10);
    await page.waitForSelector('[data-story-map][data-map-state="ready"][data-map-idle="true"]', { timeout: 120_000 });
    const figures = await scrollCoverage(page, features);
    results[`${size.width}x${size.height}`] = figures;
    const pct = (share: number) => `${(share * 100).toFixed(0)}%`.padStart(10);
    console.log(
      `${`${size.name} ${size.width}×${size.height}`.padEnd(21)}${String(figures.positions).padStart(9)}  ${pct(figures.halfMapShare)}  ${pct(figures.featuresShare)} (of ${figures.featurePositions})`,
    );
    await context.close();
  }

  const scrolls = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await instrumentContext(context);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${server.origin}/`);
    await page.mouse.move(10, 10);
    await page.waitForSelector('[data-story-map][data-map-state="ready"][data-map-idle="true"]', { timeout: 180_000 });
    scrolls.push(
      await measureScroll(
        page,
        data.chapters.map((c) => c.id),
        2000,
        20_000,
      ),
    );
    await context.close();
  }
  const scroll = {
    totalBlockingTime: median(scrolls.map((s) => s.totalBlockingTime)),
    longTaskMax: median(scrolls.map((s) => s.longTaskMax)),
    frameP95: median(scrolls.map((s) => s.frameP95)),
    chapterToIdleMedian: median(scrolls.map((s) => s.chapterToIdleMedian)),
  };
  results.phoneScrollCpu4 = { runs, ...scroll, raw: scrolls };
  console.log(
    `\nphone 390×844, CPU ×4, scroll (median of ${runs}): total blocking ${scroll.totalBlockingTime.toFixed(0)} ms, ` +
      `longest task ${scroll.longTaskMax.toFixed(0)} ms, frame p95 ${scroll.frameP95.toFixed(0)} ms, ` +
      `chapter → idle ${scroll.chapterToIdleMedian.toFixed(0)} ms`,
  );
} finally {
  await browser.close();
  await server.close();
  await rm(dist, { recursive: true, force: true });
}
await mkdir(join(root, 'bench-results'), { recursive: true });
await writeFile(join(root, 'bench-results/coverage.json'), `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
