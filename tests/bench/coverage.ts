/**
 * `npm run bench:coverage`: how much map the reader sees while reading, at phone, phone
 * landscape, tablet and desktop sizes, and phone scroll cost at 4x CPU.
 *
 *   node tests/bench/coverage.ts [--no-build] [--runs N] [--baseline DIR] [--only coverage|scroll]
 *
 * For each size it scrolls through every chapter in 60 px steps (tests/support/map-coverage.ts)
 * and prints the share of positions at which at least half of the screen is uncovered map,
 * and the share at which every highlighted feature of the active chapter is on screen and
 * uncovered. Then, at 390x844 with the CPU slowed 4x, the scroll figures of `npm run bench`
 * (medians of N runs), so that a layout change can be checked for what it costs a phone:
 * with `--baseline DIR` (another build's dist/, e.g. of the main branch) the same scroll is
 * measured on it too, runs interleaved, as the machine's load drifts from minute to minute.
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
const baseline = args.includes('--baseline') ? args[args.indexOf('--baseline') + 1] : undefined;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
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
  if (only !== 'scroll') console.log('size                 positions  ≥ half map  features uncovered');
  for (const size of only === 'scroll' ? [] : sizes) {
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

  // The baseline build is served under /baseline/ but asks for its files at the root, so it
  // is measured from a server of its own.
  const baseServer = baseline ? await startServer({ '/': baseline }) : undefined;
  const pages = { story: server.origin, ...(baseServer ? { baseline: baseServer.origin } : {}) };
  const scrolls: Record<string, Awaited<ReturnType<typeof measureScroll>>[]> = { story: [], baseline: [] };
  for (let run = 0; run < (only === 'coverage' ? 0 : runs); run++)
    for (const [name, origin] of Object.entries(pages)) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      await instrumentContext(context);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${origin}/`);
      await page.mouse.move(10, 10);
      await page.waitForSelector('[data-story-map][data-map-state="ready"][data-map-idle="true"]', { timeout: 180_000 });
      const ids = await page.evaluate(() => [...document.querySelectorAll('[data-chapter]')].map((chapter) => chapter.id));
      scrolls[name]!.push(await measureScroll(page, ids, 2000, 20_000));
      await context.close();
    }
  await baseServer?.close();
  for (const [name, list] of Object.entries(scrolls)) {
    if (!list.length) continue;
    const scroll = {
      totalBlockingTime: median(list.map((s) => s.totalBlockingTime)),
      longTaskMax: median(list.map((s) => s.longTaskMax)),
      frameP95: median(list.map((s) => s.frameP95)),
      chapterToIdleMedian: median(list.map((s) => s.chapterToIdleMedian)),
    };
    results[`phoneScrollCpu4${name === 'story' ? '' : 'Baseline'}`] = { runs, ...scroll, raw: list };
    console.log(
      `${name === 'story' ? '\n' : ''}phone 390×844, CPU ×4, scroll, ${name} (median of ${runs}): total blocking ${scroll.totalBlockingTime.toFixed(0)} ms, ` +
        `longest task ${scroll.longTaskMax.toFixed(0)} ms, frame p95 ${scroll.frameP95.toFixed(0)} ms, ` +
        `chapter → idle ${scroll.chapterToIdleMedian.toFixed(0)} ms`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  await rm(dist, { recursive: true, force: true });
}
await mkdir(join(root, 'bench-results'), { recursive: true });
await writeFile(join(root, 'bench-results/coverage.json'), `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
