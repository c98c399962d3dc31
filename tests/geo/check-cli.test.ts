/**
 * `npm run geo:check` as an editor runs it: the CLI on a project, its exit code and what
 * it prints. A refused input prints one line per problem and no stack trace; an input
 * that breaks the check itself (here a corrupted derived basemap file, which no
 * validator reads) still ends in one message naming the file, and exit 1.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../src/geo/cli/check.ts', import.meta.url));
const corpus = fileURLToPath(new URL('hostile/', import.meta.url));
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function check(root: string) {
  const result = spawnSync(process.execPath, [cli, root], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function copyOf(corpusCase: string): string {
  const root = mkdtempSync(join(tmpdir(), 'check-cli-'));
  copies.push(root);
  cpSync(join(corpus, corpusCase), root, { recursive: true });
  return root;
}

// Each case starts a Node process that loads the whole checker: seconds on a busy 2-core machine.
describe('geo:check on the command line', { timeout: 30_000 }, () => {
  it('accepts a sound project and says how much it checked', () => {
    const { status, output } = check(copyOf('yaml-frontmatter/crlf-chapter'));
    expect(output).toContain('geo:check: 2 layers and 1 chapters are valid');
    expect(status).toBe(0);
  });

  it('refuses a hostile input with the file, the place and the fix, exit 1, no stack trace', () => {
    const { status, output } = check(copyOf('numbers/altitude-1e999'));
    expect(status).toBe(1);
    expect(output).toMatch(/^error: geo\/layers\/copper-mines\.geojson:\d+:\d+ feature 0: a position holds Infinity/m);
    expect(output).toMatch(/^ {2}fix: /m);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('turns a failure of the check itself into one message naming the file it was reading, exit 1', () => {
    const root = copyOf('yaml-frontmatter/crlf-chapter');
    mkdirSync(join(root, 'geo', 'basemap'));
    writeFileSync(join(root, 'geo', 'basemap', 'countries.geojson'), '{"type": "FeatureCollection", "features": [');
    const { status, output } = check(root);
    expect(status).toBe(1);
    expect(output).toContain('error: geo/basemap/countries.geojson: could not be checked (SyntaxError:');
    expect(output).toContain('geo:check could not finish; nothing was built.');
    expect(output).not.toMatch(/\n\s+at /);
  });
});
