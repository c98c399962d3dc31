/**
 * Two origins for the embed tests, both on 127.0.0.1:
 * - the story site: dist/ served with exactly the headers of public/_headers (so the
 *   Content-Security-Policy and frame-ancestors are enforced as on Netlify or Cloudflare),
 *   plus /__test/rogue.html, a page that floods its parent with fake height messages;
 * - a news-article host page with paragraphs above and below whatever embed code the
 *   test sets, as another site would paste it, and the real pym.js (npm `pym.js`) at
 *   /pym.v1.js for embed code written for it.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { headersFor, parseHeadersFile } from '../../src/embed/static-headers.ts';
import { contentTypes } from '../support/content-types.ts';
import { siteDir } from '../support/story-picks.ts';

const dist = siteDir;
const pymFile = join(import.meta.dirname, '../../node_modules/pym.js/dist/pym.v1.js');

const rogueFrame = `<!doctype html><title>rogue</title><script>
  setInterval(() => parent.postMessage({ type: 'story:height', height: 99999 }, '*'), 50);
</script>`;

const paragraph = (n: number) =>
  `<p>Paragraph ${n} of the article. Lorem ipsum-free filler: the region's mines, the border crossings and the trade in ore are described here at some length, as a news article would before and after an embedded graphic, so that the embed sits in the middle of a long page.</p>`;

function articlePage(embed: string, rogueSrc?: string): string {
  const above = Array.from({ length: 6 }, (_, i) => paragraph(i + 1)).join('\n');
  const below = Array.from({ length: 14 }, (_, i) => paragraph(i + 7)).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host article</title><link rel="icon" href="data:,"><style>body { margin: 0 auto; max-width: 60rem; font: 18px/1.6 Georgia, serif; padding: 0 1rem; }</style></head>
<body><h1>A news article that embeds the map story</h1>
${above}
<div id="embed">${embed}</div>
${rogueSrc ? `<iframe id="rogue" src="${rogueSrc}" width="300" height="80"></iframe>` : ''}
${below}
</body></html>`;
}

export interface EmbedServers {
  siteOrigin: string;
  hostOrigin: string;
  /** What the host article embeds from now on; `rogue` adds a hostile frame from the story's origin. */
  setArticle(embed: string, options?: { rogue?: boolean }): void;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

export async function startEmbedServers(
  sitePort = Number(process.env.EMBED_SITE_PORT ?? 4413),
  hostPort = Number(process.env.EMBED_HOST_PORT ?? 4412),
): Promise<EmbedServers> {
  const rules = parseHeadersFile(await readFile(join(dist, '_headers'), 'utf8'));
  const siteOrigin = `http://127.0.0.1:${sitePort}`;
  const hostOrigin = `http://127.0.0.1:${hostPort}`;
  let article = articlePage('');

  const site = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', siteOrigin).pathname);
    if (path === '/__test/rogue.html') return void response.writeHead(200, { 'content-type': 'text/html' }).end(rogueFrame);
    const file = normalize(join(dist, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dist)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(
        200,
        Object.fromEntries([['content-type', contentTypes[extname(file)] ?? 'application/octet-stream'], ...headersFor(rules, path)]),
      );
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  const host = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', hostOrigin).pathname;
    if (path === '/pym.v1.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(pymFile));
    if (path !== '/article.html') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article);
  });
  await Promise.all([listen(site, sitePort), listen(host, hostPort)]);
  return {
    siteOrigin,
    hostOrigin,
    setArticle(embed, options = {}) {
      article = articlePage(embed, options.rogue ? `${siteOrigin}/__test/rogue.html` : undefined);
    },
    close: () =>
      Promise.all([site, host].map((server) => new Promise<void>((resolve) => server.close(() => resolve())))).then(() => undefined),
  };
}
