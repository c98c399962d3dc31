/**
 * The built site (dist/) for the Firefox and WebKit suites, served as `astro preview`
 * serves it (no security headers), with two test hooks:
 * - every HTML page gets one extra same-origin script first in its <head>, /__probe.js,
 *   which records uncaught errors and every resource the page fetches: what Playwright
 *   reads from Chromium's events, read here the same way in any engine;
 * - `fail(path)` makes a file fail to load, as a dropped connection would.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { contentTypes } from '../support/content-types.ts';
import { siteDir } from '../support/story-picks.ts';

const dist = siteDir;

// Runs before the page's own scripts. Resource Timing sees what the document fetches
// (scripts, styles, fonts, images, fetch/XHR), including requests that failed.
const probe = `(() => {
  const probe = (window.__engineProbe = { errors: [], requests: [] });
  addEventListener('error', (event) => probe.errors.push(String(event.message || event.error)));
  addEventListener('unhandledrejection', (event) => probe.errors.push('unhandled rejection: ' + String(event.reason && event.reason.message || event.reason)));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.requests.push(entry.name);
  }).observe({ type: 'resource', buffered: true });
})();`;

export interface SiteServer {
  origin: string;
  /** Requests for `path` fail from now on (the connection is dropped); `fail()` clears the list. */
  fail(...paths: string[]): void;
  close(): Promise<void>;
}

export function startSiteServer(port = Number(process.env.ENGINES_PORT ?? 4397)): Promise<SiteServer> {
  const origin = `http://127.0.0.1:${port}`;
  let failing = new Set<string>();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', origin).pathname);
    if (path === '/__probe.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(probe);
    if (failing.has(path)) return void request.socket.destroy();
    const file = normalize(join(dist, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dist)) return void response.writeHead(403).end();
    try {
      let body: Buffer | string = await readFile(file);
      const type = contentTypes[extname(file)] ?? 'application/octet-stream';
      if (extname(file) === '.html') body = body.toString('utf8').replace(/<head>/, '<head><script src="/__probe.js"></script>');
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        origin,
        fail: (...paths) => void (failing = new Set(paths)),
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}
