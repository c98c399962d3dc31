/**
 * One small page interface over the two non-Chromium engines, so the same contract
 * assertions run on each: Firefox over WebDriver BiDi (puppeteer-core, which talks to
 * Firefox's own remote agent, no geckodriver needed) and WebKitGTK over classic WebDriver
 * (selenium-webdriver against Debian's WebKitWebDriver and its MiniBrowser).
 *
 * Page errors and requests: classic WebDriver has no events, so the test server injects
 * a probe into every page (see site-server.ts) and `probe()` reads it, the same way in
 * both engines; in Firefox, what BiDi reports is added to it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';
import { PNG } from 'pngjs';
import { Builder, type WebDriver } from 'selenium-webdriver';

export type Engine = 'firefox' | 'webkit';

export interface EngineOptions {
  viewport: { width: number; height: number };
  /** false: the engine runs without WebGL (Firefox's webgl.disabled, WebKit's enable-webgl=false). */
  webgl?: boolean;
  /** false: scripts in the page do not run (the driver can still inspect it). */
  javascript?: boolean;
}

export interface Probe {
  /** Uncaught exceptions and unhandled rejections, as Playwright's `pageerror` reports them. */
  errors: string[];
  /** Every resource the page fetched (Resource Timing), as absolute URLs. */
  requests: string[];
}

export interface EnginePage {
  readonly engine: Engine;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** Runs `fn` in the page (it is serialised: no closures) and returns its JSON-able result (WebDriver turns undefined into null). */
  evaluate<R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R>;
  /** Moves the real pointer to a point of the viewport: a reader's first input. */
  movePointer(x: number, y: number): Promise<void>;
  /** PNG of the first element matching `selector`, as drawn on screen. */
  screenshot(selector: string): Promise<Buffer>;
  /** What the page's probe recorded since it was loaded (read it before navigating away). */
  probe(): Promise<Probe>;
  close(): Promise<void>;
}

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const miniBrowserPath = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const readProbe = () => {
  const probe = (window as unknown as { __engineProbe?: { errors: string[]; requests: string[] } }).__engineProbe;
  return probe ? { errors: [...probe.errors], requests: [...probe.requests] } : { errors: ['the probe did not run'], requests: [] };
};

export function launch(engine: Engine, options: EngineOptions): Promise<EnginePage> {
  return engine === 'firefox' ? launchFirefox(options) : launchWebKit(options);
}

async function launchFirefox({ viewport, webgl = true, javascript = true }: EngineOptions): Promise<EnginePage> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    // Headless Firefox has no WebGL; under Xvfb (DISPLAY) it renders with Mesa's software GL.
    headless: false,
    defaultViewport: viewport,
    extraPrefsFirefox: {
      'webgl.disabled': !webgl,
      'webgl.force-enabled': webgl,
      'javascript.enabled': javascript,
      // Nothing in the background: the network here is closed and the tests count requests.
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  // A headful window ignores defaultViewport; set it on the page.
  await page.setViewport(viewport);
  const wait = { waitUntil: 'load' as const, timeout: 60_000 };
  // Firefox also reports errors and requests itself over BiDi (including some the page's
  // probe cannot see, such as a worker's): they join the probe's, per loaded page.
  let seen: Probe = { errors: [], requests: [] };
  page.on('pageerror', (error) => void seen.errors.push(String((error as Error).message ?? error)));
  page.on('request', (request) => void seen.requests.push(request.url()));
  const load = async (navigate: () => Promise<unknown>) => {
    seen = { errors: [], requests: [] };
    await navigate();
  };
  return {
    engine: 'firefox',
    goto: (url) => load(() => page.goto(url, wait)),
    reload: () => load(() => page.reload(wait)),
    url: async () => page.url(),
    evaluate: (fn, ...args) => page.evaluate(fn as never, ...(args as unknown as never[])) as never,
    movePointer: (x, y) => page.mouse.move(x, y),
    screenshot: async (selector) => Buffer.from((await (await page.waitForSelector(selector))!.screenshot()) as Uint8Array),
    probe: async () => {
      const probe = await page.evaluate(readProbe);
      return { errors: [...new Set([...probe.errors, ...seen.errors])], requests: [...new Set([...probe.requests, ...seen.requests])] };
    },
    close: () => browser.close(),
  };
}

function withTimeout<T>(ms: number, message: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

async function startDriver(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(webkitDriverPath, [`--port=${port}`, '--host=127.0.0.1'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    const ready = await fetch(`${url}/status`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url, process: child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`WebKitWebDriver did not start on port ${port}`);
}

async function launchWebKit({ viewport, webgl = true, javascript = true }: EngineOptions): Promise<EnginePage> {
  const driverProcess = await startDriver();
  let driver: WebDriver;
  try {
    // A browser that cannot start (no display) leaves the session request waiting for ever.
    driver = await withTimeout(
      60_000,
      'MiniBrowser did not start (is DISPLAY an X server?)',
      new Builder()
        .usingServer(driverProcess.url)
        .withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': {
            binary: miniBrowserPath,
            // MiniBrowser takes WebKitSettings as switches. enable-javascript=false turns the page's
            // scripts off (and CSS's `scripting` to none) while the driver can still run its own.
            args: ['--automation', `--enable-webgl=${webgl}`, `--enable-javascript=${javascript}`],
          },
        })
        .build(),
    );
  } catch (error) {
    driverProcess.process.kill();
    throw error;
  }
  // The window's size includes MiniBrowser's chrome: grow it until the viewport is the size asked for.
  await driver
    .manage()
    .window()
    .setRect({ x: 0, y: 0, ...viewport });
  const inner = (await driver.executeScript('return [innerWidth, innerHeight]')) as [number, number];
  await driver
    .manage()
    .window()
    .setRect({ width: 2 * viewport.width - inner[0], height: 2 * viewport.height - inner[1] });
  const evaluate = <R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> =>
    driver.executeScript(`return (${fn.toString()}).apply(null, arguments);`, ...args) as Promise<R>;
  return {
    engine: 'webkit',
    goto: (url) => driver.get(url),
    reload: () => driver.navigate().refresh(),
    url: () => driver.getCurrentUrl(),
    evaluate,
    movePointer: (x, y) => driver.actions().move({ x, y }).perform(),
    // WebKitGTK's element screenshot leaves WebGL canvases black; its viewport screenshot
    // has them, so cut the element out of that.
    screenshot: async (selector) => {
      const box = await evaluate((css: string) => {
        const rect = document.querySelector(css)!.getBoundingClientRect();
        const left = Math.max(0, rect.left);
        const top = Math.max(0, rect.top);
        return { left, top, width: Math.min(innerWidth, rect.right) - left, height: Math.min(innerHeight, rect.bottom) - top };
      }, selector);
      return crop(Buffer.from(await driver.takeScreenshot(), 'base64'), box);
    },
    probe: () => evaluate(readProbe),
    close: async () => {
      await driver.quit().catch(() => undefined);
      driverProcess.process.kill();
    },
  };
}

function crop(png: Buffer, box: { left: number; top: number; width: number; height: number }): Buffer {
  const source = PNG.sync.read(png);
  const [left, top] = [Math.round(box.left), Math.round(box.top)];
  const width = Math.min(Math.round(box.width), source.width - left);
  const height = Math.min(Math.round(box.height), source.height - top);
  const out = new PNG({ width, height });
  PNG.bitblt(source, out, left, top, width, height, 0, 0);
  return PNG.sync.write(out);
}
