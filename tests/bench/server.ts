/**
 * A small static server for the bench. It honours Accept-Encoding the way a static
 * host with precompression does (a `.br` or `.gz` sibling of the file when present),
 * and otherwise gzips text on the fly, so the bytes the browser reports are real
 * transfer sizes rather than the uncompressed sizes a dev server would send.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentTypes } from '../support/content-types.ts';

const compressible = /^(text\/|application\/(json|geo\+json|xml)|image\/svg)/;

export interface StaticServer {
  origin: string;
  /** Every response so far: path and body bytes as sent (compressed when it was). The bench empties it between loads. */
  log: { path: string; bytes: number }[];
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/**
 * Serves each URL prefix from its folder: `{ '/': dist, '/reference/': tmp }`. The
 * longest matching prefix wins, so the reference page can sit beside the built site
 * on the same origin and share its data files.
 */
export async function startServer(mounts: Record<string, string>): Promise<StaticServer> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const log: StaticServer['log'] = [];
  const server: Server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const prefix = prefixes.find((p) => url.pathname.startsWith(p))!;
      const root = mounts[prefix]!;
      const relative = normalize(decodeURIComponent(url.pathname.slice(prefix.length)));
      if (relative.startsWith('..')) throw Object.assign(new Error('outside root'), { status: 403 });
      let path = join(root, relative);
      if (!path.startsWith(root + sep) && path !== root) throw Object.assign(new Error('outside root'), { status: 403 });
      if (!(await isFile(path))) path = join(path, 'index.html');
      if (!(await isFile(path))) throw Object.assign(new Error('not found'), { status: 404 });

      const type = contentTypes[extname(path)] ?? 'application/octet-stream';
      const accepted = String(request.headers['accept-encoding'] ?? '');
      // Each load uses a fresh browser context, so caching only matters within a load (MapLibre's workers share one fetch).
      const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'max-age=600', vary: 'Accept-Encoding' };
      for (const [encoding, suffix] of [
        ['br', '.br'],
        ['gzip', '.gz'],
      ] as const) {
        if (accepted.includes(encoding) && (await isFile(path + suffix))) {
          const { size } = await stat(path + suffix);
          log.push({ path: url.pathname, bytes: size });
          response.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': String(size) });
          createReadStream(path + suffix).pipe(response);
          return;
        }
      }
      const body = await readFile(path);
      if (compressible.test(type) && accepted.includes('gzip')) {
        const gz = gzipSync(body, { level: 9 });
        log.push({ path: url.pathname, bytes: gz.length });
        response.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': String(gz.length) });
        response.end(gz);
      } else {
        log.push({ path: url.pathname, bytes: body.length });
        response.writeHead(200, { ...headers, 'content-length': String(body.length) });
        response.end(body);
      }
    } catch (error) {
      response.writeHead((error as { status?: number }).status ?? 500, { 'content-type': 'text/plain' });
      response.end(String((error as Error).message));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
