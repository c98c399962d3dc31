/**
 * Every built page, and every embed snippet as a host page would paste it, is valid HTML
 * by the Nu HTML Checker (npm `vnu-jar`, the W3C validator's engine; needs Java 17+).
 * Errors fail; the checker's warnings (such as allow-scripts with allow-same-origin,
 * which the embed-code page explains) do not.
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const dist = join(import.meta.dirname, '../../dist');
const vnuJar = join(import.meta.dirname, '../../node_modules/vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

function checkHtml(files: string[]): VnuMessage[] {
  const result = spawnSync('java', ['-jar', vnuJar, '--format', 'json', '--exit-zero-always', ...files], { encoding: 'utf8' });
  if (result.error)
    throw new Error(`The Nu HTML Checker needs Java 17 or newer (Debian: apt-get install default-jre-headless): ${result.error.message}`);
  return (JSON.parse(result.stderr) as { messages: VnuMessage[] }).messages;
}

const decode = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

test('the Nu HTML Checker finds no error in any built page or embed snippet', async () => {
  test.slow();
  const pages = (readdirSync(dist, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dist, file));
  expect(pages.length).toBeGreaterThan(10);

  // The snippets exactly as the embed-code page prints them, each pasted into a minimal host page.
  const embedCode = readFileSync(join(dist, 'embed-code/index.html'), 'utf8');
  const snippets = [...embedCode.matchAll(/<code data-snippet>([\s\S]*?)<\/code>/g)].map((match) => decode(match[1]!));
  expect(snippets.length).toBeGreaterThan(3);
  const folder = mkdtempSync(join(tmpdir(), 'snippets-'));
  const snippetFiles = snippets.map((snippet, i) => {
    const file = join(folder, `snippet-${i}.html`);
    writeFileSync(
      file,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host article</title></head><body><p>Article text.</p>\n${snippet}\n</body></html>`,
    );
    return file;
  });
  try {
    const errors = checkHtml([...pages, ...snippetFiles])
      .filter((message) => message.type === 'error' || message.type === 'non-document-error')
      .map((message) => {
        const path = decodeURIComponent(new URL(message.url).pathname);
        const where = path.startsWith(folder)
          ? `snippet ${snippets[Number(/(\d+)\.html$/.exec(path)![1])]!.slice(0, 60)}…`
          : relative(dist, path);
        return `${where}:${message.lastLine ?? '?'}: ${message.message}${message.extract ? ` [${message.extract.trim()}]` : ''}`;
      });
    expect(errors).toEqual([]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
