/**
 * `npm run bench`: byte, paint and scroll figures for the built story against a
 * reference page (the common scrollytelling template with the same chapters and
 * layers, tests/bench/reference.ts), measured in the same run on the same machine,
 * printed as a table and written to bench-results/latest.json.
 *
 *   node tests/bench/run.ts [--no-build] [--runs N] [--budget SECONDS] [--no-lighthouse]
 *
 * The machine is shared and noisy (two cores, software WebGL), so every timing is the
 * median of N loads and every comparison is a ratio against the reference measured
 * alongside it, story and reference loads interleaved.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLighthouse, type LighthouseFigures } from './lighthouse.ts';
import { instrumentContext, measureLoad, measureScroll, median, type LoadFigures, type ScrollFigures } from './measure.ts';
import { buildReferencePage, referencePrefix, storyDataFromHtml } from './reference.ts';
import { startServer, type StaticServer } from './server.ts';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : Number.NaN);
const runs = option('--runs') || 3;
// The whole bench should finish within ~15 minutes; Lighthouse (last) takes 20-50 s per page here.
const budgetSeconds = option('--budget') || 900;
const lighthouseSecondsPerPage = 40;
const skipLighthouse = args.includes('--no-lighthouse');
const chromePath = chromiumPath;
const chromeFlags = chromiumArgs;
const viewport = { width: 1280, height: 800 };
const phoneViewport = { width: 390, height: 844 };
const cpuThrottling = 4;
/** Lighthouse's mobile network (slow 4G): 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up. */
const slow4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
/** How long the slow-network reader reads the first screen before scrolling. */
const firstScreenReading = 5000;
const scrollSpeed = 2000; // px/s: a brisk reader; both pages get the same.
const KB = 1024;

// ---------------------------------------------------------------------------------- build

/** Times one `npm run build`, the figure the "< 60 s" target is about. */
function timeBuild(): number {
  const started = performance.now();
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}` },
  });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);
  return (performance.now() - started) / 1000;
}

/**
 * Copies dist/ aside so that other people's rebuilds cannot change it mid-run; retries
 * while it looks half-written (the page names a /_astro/ file that is not there).
 */
async function snapshotDist(to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await rm(to, { recursive: true, force: true });
    await cp(join(root, 'dist'), to, { recursive: true }).catch(() => undefined);
    const html = await readFile(join(to, 'index.html'), 'utf8').catch(() => '');
    const assets = [...html.matchAll(/["'(](\/_astro\/[^"')\s]+)/g)].map((m) => m[1]!);
    if (html.includes('id="story-data"') && assets.length && assets.every((asset) => existsSync(join(to, asset)))) return;
    if (attempt === 5) throw new Error('dist/ is missing or incomplete; run `npm run build` (or drop --no-build)');
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

// ---------------------------------------------------------------------------------- bytes

type Kind = 'html' | 'js' | 'css' | 'data' | 'font' | 'image' | 'other';
type Bytes = Record<Kind | 'ownJs' | 'total', number> & { files: Record<string, number> };

function kindOf(path: string): Kind {
  if (path.endsWith('/') || path.endsWith('.html')) return 'html';
  if (/\.m?js$/.test(path)) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (/\.(geo)?json$/.test(path)) return 'data';
  if (/\.woff2?$/.test(path)) return 'font';
  if (/\.(svg|png|jpe?g|webp|avif)$/.test(path)) return 'image';
  return 'other';
}

/** MapLibre's engine chunk and its worker, by name: everything else a page runs is its own JavaScript. */
const isEngine = (path: string) => /\/maplibre-gl[^/]*\.m?js$/.test(path);

function sumBytes(log: StaticServer['log']): Bytes {
  const bytes: Bytes = { html: 0, js: 0, css: 0, data: 0, font: 0, image: 0, other: 0, ownJs: 0, total: 0, files: {} };
  for (const { path, bytes: size } of log) {
    bytes.files[path] = (bytes.files[path] ?? 0) + size;
    bytes[kindOf(path)] += size;
    if (kindOf(path) === 'js' && !isEngine(path)) bytes.ownJs += size;
    bytes.total += size;
  }
  return bytes;
}

/** Resolves once the server has answered nothing new for `quiet` ms: lazy fetches have finished. */
async function networkQuiet(server: StaticServer, quiet = 750): Promise<void> {
  let seen = -1;
  while (seen !== server.log.length) {
    seen = server.log.length;
    await new Promise((resolve) => setTimeout(resolve, quiet));
  }
}

// ---------------------------------------------------------------------------------- loads

interface PageRun {
  firstHtml: number;
  firstView: Bytes;
  wholeStory: Bytes;
  load: LoadFigures;
  throttled: LoadFigures;
  /** A phone on slow 4G whose reader reads the first screen, then scrolls. */
  slowNetwork: LoadFigures;
  scroll: ScrollFigures;
  phoneScroll: ScrollFigures;
}

/**
 * The story starts its map at the reader's first input; the bench's reader moves the
 * pointer as soon as the page has loaded, so "map ready" still counts from navigation.
 */
async function readerArrives(page: Page): Promise<void> {
  // Inside the viewport at either size: a move outside it reaches no element.
  await page.mouse.move(200, 300);
}

async function measurePage(browser: Browser, server: StaticServer, url: string, chapterIds: string[]): Promise<PageRun> {
  const context = await browser.newContext({ viewport });
  await instrumentContext(context);
  const page = await context.newPage();
  server.log.length = 0;
  await page.goto(url);
  await readerArrives(page);
  const load = await measureLoad(page, 90_000);
  await networkQuiet(server);
  const firstHtml = server.log[0]!.bytes;
  const firstView = sumBytes(server.log);
  const scroll = await measureScroll(page, chapterIds, scrollSpeed, 20_000);
  await networkQuiet(server);
  const wholeStory = sumBytes(server.log);
  await context.close();

  // A phone: its screen size, and a slower CPU through Chromium's own throttling of the renderer, set before navigation.
  const slow = await browser.newContext({ viewport: phoneViewport });
  await instrumentContext(slow);
  const slowPage = await slow.newPage();
  const cdp = await slow.newCDPSession(slowPage);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottling });
  await slowPage.goto(url);
  await readerArrives(slowPage);
  const throttled = await measureLoad(slowPage, 180_000);
  const phoneScroll = await measureScroll(slowPage, chapterIds, scrollSpeed, 40_000);
  await slow.close();

  // The same phone on a slow network, and a reader who reads the first screen before scrolling:
  // what is downloaded while they read is not waited for after.
  const distant = await browser.newContext({ viewport: phoneViewport });
  await instrumentContext(distant);
  const distantPage = await distant.newPage();
  const distantCdp = await distant.newCDPSession(distantPage);
  await distantCdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottling });
  await distantCdp.send('Network.enable');
  await distantCdp.send('Network.emulateNetworkConditions', slow4G);
  await distantPage.goto(url, { timeout: 120_000 });
  await distantPage.waitForTimeout(firstScreenReading);
  await readerArrives(distantPage);
  await distantPage.mouse.wheel(0, 40);
  const slowNetwork = await measureLoad(distantPage, 180_000);
  await distant.close();
  return { firstHtml, firstView, wholeStory, load, throttled, slowNetwork, scroll, phoneScroll };
}

/** A translated edition's first view: its first HTML response and the bytes until the network is quiet after the reader arrives. */
async function measureFirstView(browser: Browser, server: StaticServer, url: string): Promise<{ firstHtml: number; firstView: Bytes }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  server.log.length = 0;
  await page.goto(url);
  await readerArrives(page);
  await networkQuiet(server);
  const result = { firstHtml: server.log[0]!.bytes, firstView: sumBytes(server.log) };
  await context.close();
  return result;
}

// ---------------------------------------------------------------------------------- table

interface Row {
  metric: string;
  story: number;
  reference: number;
  unit: string;
  target?: { text: string; met: boolean };
}

const format = (value: number, unit: string) =>
  Number.isFinite(value)
    ? `${unit === 'KB' || unit === 's' ? value.toFixed(1) : unit === '' ? value.toFixed(3) : Math.round(value)}${unit && unit !== 'score' ? ` ${unit}` : ''}`
    : 'n/a';
const ratio = (story: number, reference: number) =>
  Number.isFinite(story) && Number.isFinite(reference) && reference > 0 ? (story / reference).toFixed(2) : 'n/a';

/** A target whose figure could not be measured (Lighthouse failed, --no-build) is neither met nor missed. */
const measured = (row: Row) => Number.isFinite(row.story);

function renderTable(rows: Row[]): string {
  const header = ['metric', 'story', 'reference', 'ratio', 'target', 'met?'];
  const lines = rows.map((row) => [
    row.metric,
    format(row.story, row.unit),
    format(row.reference, row.unit),
    ratio(row.story, row.reference),
    row.target?.text ?? '',
    row.target ? (!measured(row) ? 'n/a' : row.target.met ? 'yes' : 'NO') : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const render = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join('\n');
}

// ---------------------------------------------------------------------------------- main

async function main(): Promise<void> {
  const benchStarted = performance.now();
  const buildSeconds = args.includes('--no-build') ? Number.NaN : timeBuild();
  if (Number.isFinite(buildSeconds)) console.log(`build: ${buildSeconds.toFixed(1)} s`);

  const work = await mkdtemp(join(tmpdir(), 'story-bench-'));
  const site = join(work, 'site');
  const reference = join(work, 'reference');
  await snapshotDist(site);
  await buildReferencePage(site, reference);
  const html = await readFile(join(site, 'index.html'), 'utf8');
  const chapterIds = storyDataFromHtml(html).chapters.map((chapter) => chapter.id);
  const server = await startServer({ '/': site, [referencePrefix]: reference });
  const urls = { story: `${server.origin}/`, reference: `${server.origin}${referencePrefix}` };

  const browser = await chromium.launch({ executablePath: chromePath, args: chromeFlags });
  const chromiumVersion = browser.version();
  const results: Record<'story' | 'reference', PageRun[]> = { story: [], reference: [] };
  // The story's translated editions (e.g. /zh/): their first view and Lighthouse, beside the source edition's.
  const editionPaths = (
    (JSON.parse(await readFile(join(root, 'src/content/story.config.json'), 'utf8')) as { editions?: { path: string }[] }).editions ?? []
  )
    .slice(1)
    .map((edition) => edition.path)
    .filter((path) => existsSync(join(site, path, 'index.html')));
  // Every other kind of page, in every edition: the embedded story, a chapter card, the embed code page, the layer catalog.
  const otherPages = ['', ...editionPaths]
    .flatMap((path) => {
      const home = path ? `/${path}/` : '/';
      return [`${home}embed/`, `${home}embed/${chapterIds[0]}/`, `${home}embed-code/`, `${home}layers/`];
    })
    .filter((page) => existsSync(join(site, page, 'index.html')));
  const lighthouseSeconds = lighthouseSecondsPerPage * (2 + editionPaths.length + otherPages.length);
  const editionViews: Record<string, { firstHtml: number; firstView: Bytes }> = {};
  const notes: string[] = [];
  try {
    // A fresh browser's first page pays for starting the GPU process and SwiftShader; keep that out of the figures.
    const warmUp = await browser.newContext({ viewport });
    await instrumentContext(warmUp);
    const warmPage = await warmUp.newPage();
    await warmPage.goto(urls.reference);
    await measureLoad(warmPage, 90_000);
    await warmUp.close();
    let pairSeconds = 0;
    for (let run = 1; run <= runs; run++) {
      // Under heavy load a run pair can take minutes: stop early rather than overrun the budget, but after
      // two runs at least (a median of one run is no median).
      const left = budgetSeconds - (performance.now() - benchStarted) / 1000 - (skipLighthouse ? 0 : lighthouseSeconds);
      if (run > 2 && pairSeconds > left) {
        notes.push(
          `stopped after ${run - 1} of ${runs} runs to stay within the ${budgetSeconds} s budget (a run pair took ${pairSeconds.toFixed(0)} s)`,
        );
        break;
      }
      const pairStarted = performance.now();
      // Alternate which page goes first, so drift in the machine's load does not favour one.
      for (const name of run % 2 ? (['story', 'reference'] as const) : (['reference', 'story'] as const)) {
        const started = performance.now();
        results[name].push(await measurePage(browser, server, urls[name], chapterIds));
        console.log(`run ${run}/${runs} ${name}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
      pairSeconds = (performance.now() - pairStarted) / 1000;
    }
    for (const path of editionPaths) editionViews[path] = await measureFirstView(browser, server, `${server.origin}/${path}/`);
  } finally {
    await browser.close();
  }

  // Lighthouse last and alone, so the bench's own browser does not compete with it for the CPU.
  const lighthouse: Record<'story' | 'reference', LighthouseFigures | { error: string }> = {
    story: { error: 'skipped (--no-lighthouse)' },
    reference: { error: 'skipped (--no-lighthouse)' },
  };
  const editionLighthouse: Record<string, LighthouseFigures | { error: string }> = {};
  const pageLighthouse: Record<string, LighthouseFigures | { error: string }> = {};
  if (!skipLighthouse) {
    for (const name of ['story', 'reference'] as const) {
      lighthouse[name] = await runLighthouse(urls[name], chromePath, chromeFlags).catch((error: Error) => ({ error: error.message }));
      console.log(`lighthouse ${name}: ${'error' in lighthouse[name] ? lighthouse[name].error : 'done'}`);
    }
    for (const path of editionPaths) {
      editionLighthouse[path] = await runLighthouse(`${server.origin}/${path}/`, chromePath, chromeFlags).catch((error: Error) => ({
        error: error.message,
      }));
      console.log(`lighthouse /${path}/: ${'error' in editionLighthouse[path] ? editionLighthouse[path].error : 'done'}`);
    }
    for (const page of otherPages) {
      pageLighthouse[page] = await runLighthouse(`${server.origin}${page}`, chromePath, chromeFlags).catch((error: Error) => ({
        error: error.message,
      }));
      console.log(`lighthouse ${page}: ${'error' in pageLighthouse[page] ? pageLighthouse[page].error : 'done'}`);
    }
  }
  await server.close();

  const pick = (name: 'story' | 'reference', get: (run: PageRun) => number) => median(results[name].map(get));
  const lh = (name: 'story' | 'reference', key: keyof LighthouseFigures) => {
    const figures = lighthouse[name];
    return 'error' in figures ? Number.NaN : figures[key];
  };
  const row = (
    metric: string,
    unit: string,
    get: (run: PageRun) => number,
    target?: (story: number, reference: number) => { text: string; met: boolean },
  ): Row => {
    const story = pick('story', get);
    const referenceValue = pick('reference', get);
    return { metric, story, reference: referenceValue, unit, ...(target ? { target: target(story, referenceValue) } : {}) };
  };
  const atMost = (limit: number, text: string) => (value: number) => ({ text, met: value <= limit });
  const atMostTimesReference = (ratio: number) => (value: number, reference: number) => ({
    text: `≤ ${ratio} × ref`,
    met: value <= ratio * reference,
  });
  const kb = (bytes: number) => bytes / KB;

  const rows: Row[] = [
    row('first HTML response (compressed)', 'KB', (r) => kb(r.firstHtml), atMost(14, '≤ 14 KB')),
    row('first view: JS', 'KB', (r) => kb(r.firstView.js)),
    row('first view: own JS', 'KB', (r) => kb(r.firstView.ownJs)),
    row('first view: CSS', 'KB', (r) => kb(r.firstView.css)),
    row('first view: data (GeoJSON/JSON)', 'KB', (r) => kb(r.firstView.data), atMost(150, '≤ 150 KB')),
    row('first view: fonts', 'KB', (r) => kb(r.firstView.font)),
    row('first view: all bytes', 'KB', (r) => kb(r.firstView.total), atMostTimesReference(1)),
    row('whole story: JS', 'KB', (r) => kb(r.wholeStory.js)),
    row('whole story: own JS', 'KB', (r) => kb(r.wholeStory.ownJs), atMost(30, '≤ 30 KB')),
    row('whole story: CSS', 'KB', (r) => kb(r.wholeStory.css)),
    row('whole story: data (GeoJSON/JSON)', 'KB', (r) => kb(r.wholeStory.data)),
    row('whole story: images', 'KB', (r) => kb(r.wholeStory.image)),
    row('whole story: all bytes', 'KB', (r) => kb(r.wholeStory.total), atMostTimesReference(1)),
    row('FCP', 'ms', (r) => r.load.fcp),
    row('LCP', 'ms', (r) => r.load.lcp, atMost(1200, '≤ 1200 ms')),
    row('map ready', 'ms', (r) => r.load.mapReady),
    row(
      'map engine requested − FCP',
      'ms',
      (r) => r.load.engineRequested - r.load.fcp,
      (s) => ({ text: '> 0 (text first)', met: s > 0 }),
    ),
    row(
      'CLS (load, layout-shift observer)',
      '',
      (r) => r.load.cls,
      (s) => ({ text: '< 0.02', met: s < 0.02 }),
    ),
    row('longest task during load', 'ms', (r) => r.load.loadLongestTask),
    row('live map idle (from navigation)', 'ms', (r) => r.load.liveIdle),
    row('live map idle after first input', 'ms', (r) => r.load.liveIdleAfterInput, atMostTimesReference(0.6)),
    // The story's start in two (medians of each part): the browser's graphics stack, then the map's own work.
    row('  first input → graphics stack up', 'ms', (r) => r.load.graphicsReadyAfterInput),
    row('  graphics stack up → live map idle', 'ms', (r) => r.load.liveIdleAfterGraphics),
    row('longest task until live map idle', 'ms', (r) => r.load.liveIdleLongestTask, atMost(150, '≤ 150 ms')),
    row(`phone ×${cpuThrottling}: FCP`, 'ms', (r) => r.throttled.fcp),
    row(`phone ×${cpuThrottling}: LCP`, 'ms', (r) => r.throttled.lcp),
    row(`phone ×${cpuThrottling}: map ready`, 'ms', (r) => r.throttled.mapReady),
    row(`phone ×${cpuThrottling}: live map idle (from navigation)`, 'ms', (r) => r.throttled.liveIdle),
    row(`phone ×${cpuThrottling}: live map idle after first input`, 'ms', (r) => r.throttled.liveIdleAfterInput, atMostTimesReference(0.6)),
    row(`phone ×${cpuThrottling}:   first input → graphics stack up`, 'ms', (r) => r.throttled.graphicsReadyAfterInput),
    row(`phone ×${cpuThrottling}:   graphics stack up → live map idle`, 'ms', (r) => r.throttled.liveIdleAfterGraphics),
    row(`phone ×${cpuThrottling}: longest task until live map idle`, 'ms', (r) => r.throttled.liveIdleLongestTask),
    row(`phone ×${cpuThrottling}, slow 4G: FCP`, 'ms', (r) => r.slowNetwork.fcp),
    row(
      `phone ×${cpuThrottling}, slow 4G: live map idle after a first screen read for ${firstScreenReading / 1000} s`,
      'ms',
      (r) => r.slowNetwork.liveIdleAfterInput,
    ),
    row(`phone ×${cpuThrottling}: scroll total blocking time`, 'ms', (r) => r.phoneScroll.totalBlockingTime, atMostTimesReference(0.5)),
    row(`phone ×${cpuThrottling}: scroll long tasks`, 'count', (r) => r.phoneScroll.longTaskCount),
    row(`phone ×${cpuThrottling}: scroll longest task`, 'ms', (r) => r.phoneScroll.longTaskMax),
    row(
      `phone ×${cpuThrottling}: chapter change → map idle, median`,
      'ms',
      (r) => r.phoneScroll.chapterToIdleMedian,
      atMostTimesReference(1),
    ),
    row(`phone ×${cpuThrottling}: chapter change → map idle, max`, 'ms', (r) => r.phoneScroll.chapterToIdleMax),
    row('scroll: total blocking time', 'ms', (r) => r.scroll.totalBlockingTime, atMostTimesReference(0.5)),
    row('scroll: long tasks', 'count', (r) => r.scroll.longTaskCount),
    row('scroll: longest task', 'ms', (r) => r.scroll.longTaskMax, atMost(100, '≤ 100 ms')),
    row('scroll: frame time p50', 'ms', (r) => r.scroll.frameP50),
    row(
      'scroll: frame time p95',
      'ms',
      (r) => r.scroll.frameP95,
      (s, ref) => ({ text: '≤ ref', met: s <= ref }),
    ),
    row('scroll: frame time max', 'ms', (r) => r.scroll.frameMax),
    row(
      'chapter change → map idle, median',
      'ms',
      (r) => r.scroll.chapterToIdleMedian,
      (s, ref) => ({ text: '≤ ref', met: s <= ref }),
    ),
    row('chapter change → map idle, max', 'ms', (r) => r.scroll.chapterToIdleMax),
    {
      metric: 'Lighthouse mobile: performance',
      story: lh('story', 'performance'),
      reference: lh('reference', 'performance'),
      unit: 'score',
      target: { text: '≥ 98', met: lh('story', 'performance') >= 98 },
    },
    { metric: 'Lighthouse mobile: FCP', story: lh('story', 'fcp'), reference: lh('reference', 'fcp'), unit: 'ms' },
    { metric: 'Lighthouse mobile: LCP', story: lh('story', 'lcp'), reference: lh('reference', 'lcp'), unit: 'ms' },
    { metric: 'Lighthouse mobile: TBT', story: lh('story', 'tbt'), reference: lh('reference', 'tbt'), unit: 'ms' },
    { metric: 'Lighthouse mobile: speed index', story: lh('story', 'speedIndex'), reference: lh('reference', 'speedIndex'), unit: 'ms' },
    {
      metric: 'Lighthouse mobile: accessibility',
      story: lh('story', 'accessibility'),
      reference: lh('reference', 'accessibility'),
      unit: 'score',
    },
    {
      metric: 'Lighthouse mobile: best practices',
      story: lh('story', 'bestPractices'),
      reference: lh('reference', 'bestPractices'),
      unit: 'score',
    },
    { metric: 'Lighthouse mobile: SEO', story: lh('story', 'seo'), reference: lh('reference', 'seo'), unit: 'score' },
    {
      metric: 'Lighthouse mobile: CLS',
      story: lh('story', 'cls'),
      reference: lh('reference', 'cls'),
      unit: '',
      target: { text: '< 0.02', met: lh('story', 'cls') < 0.02 },
    },
    {
      metric: '`npm run build`',
      story: buildSeconds,
      reference: Number.NaN,
      unit: 's',
      target: { text: '< 60 s', met: buildSeconds < 60 },
    },
  ];

  // A JS file not named after MapLibre that nonetheless contains its engine is counted as own JS; say so.
  for (const file of Object.keys(results.story[0]!.wholeStory.files).filter((path) => kindOf(path) === 'js')) {
    const source = await readFile(join(site, file), 'utf8').catch(() => '');
    if (!isEngine(file) && source.includes('maplibregl-canvas-container'))
      notes.push(`${file} bundles the MapLibre engine, so it counts as own JS`);
  }
  for (const name of ['story', 'reference'] as const)
    if ('error' in lighthouse[name]) notes.push(`Lighthouse ${name}: ${(lighthouse[name] as { error: string }).error}`);

  // Each translated edition: the same first-view budget as the source edition, and Lighthouse's targets.
  for (const path of editionPaths) {
    const view = editionViews[path];
    const figures = editionLighthouse[path] ?? { error: 'skipped (--no-lighthouse)' };
    const score = (key: keyof LighthouseFigures) => ('error' in figures ? Number.NaN : figures[key]);
    if ('error' in figures) notes.push(`Lighthouse /${path}/: ${figures.error}`);
    const only = (metric: string, story: number, unit: string, target?: Row['target']): Row => ({
      metric: `/${path}/ ${metric}`,
      story,
      reference: Number.NaN,
      unit,
      ...(target ? { target } : {}),
    });
    rows.push(
      only('first HTML response (compressed)', view ? kb(view.firstHtml) : Number.NaN, 'KB', {
        text: '≤ 14 KB',
        met: (view ? kb(view.firstHtml) : Number.NaN) <= 14,
      }),
      only('first view: fonts', view ? kb(view.firstView.font) : Number.NaN, 'KB'),
      only('first view: all bytes', view ? kb(view.firstView.total) : Number.NaN, 'KB'),
      only('Lighthouse mobile: performance', score('performance'), 'score', { text: '≥ 98', met: score('performance') >= 98 }),
      only('Lighthouse mobile: accessibility', score('accessibility'), 'score', { text: '100', met: score('accessibility') === 100 }),
      only('Lighthouse mobile: LCP', score('lcp'), 'ms'),
    );
  }

  for (const page of otherPages) {
    const figures = pageLighthouse[page] ?? { error: 'skipped (--no-lighthouse)' };
    const score = (key: keyof LighthouseFigures) => ('error' in figures ? Number.NaN : figures[key]);
    if ('error' in figures) notes.push(`Lighthouse ${page}: ${figures.error}`);
    const only = (metric: string, story: number, target: Row['target']): Row => ({
      metric: `${page} ${metric}`,
      story,
      reference: Number.NaN,
      unit: 'score',
      target,
    });
    rows.push(
      only('Lighthouse mobile: performance', score('performance'), { text: '≥ 98', met: score('performance') >= 98 }),
      only('Lighthouse mobile: accessibility', score('accessibility'), { text: '100', met: score('accessibility') === 100 }),
    );
  }

  const table = renderTable(rows);
  console.log(`\n${table}\n`);
  for (const note of notes) console.log(`note: ${note}`);
  const missed = rows.filter((r) => r.target && measured(r) && !r.target.met).map((r) => r.metric);
  console.log(`targets missed: ${missed.length ? missed.join('; ') : 'none'}`);

  const machine = {
    os: `${type()} ${release()}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '',
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    chromium: chromiumVersion,
  };
  await mkdir(join(root, 'bench-results'), { recursive: true });
  await writeFile(
    join(root, 'bench-results/latest.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine, runs, viewport, cpuThrottling, scrollSpeed, buildSeconds, runsDone: results.story.length, rows, missed, notes, lighthouse, editionLighthouse, pageLighthouse, editionViews, raw: results, benchSeconds: (performance.now() - benchStarted) / 1000 }, null, 2)}\n`,
  );
  console.log(`wrote bench-results/latest.json (${((performance.now() - benchStarted) / 1000).toFixed(0)} s)`);
  await rm(work, { recursive: true, force: true });
}

await main();
