/**
 * Element ids the story's own pages write (every literal `id="..."` in the .astro views).
 * Each chapter becomes an element with its id on the same page, so a chapter named like
 * one of these would make the story script, the hash and the skip links find the wrong element.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const viewsRoot = join(import.meta.dirname, '..');

function astroFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? astroFiles(join(dir, entry.name)) : entry.name.endsWith('.astro') ? [join(dir, entry.name)] : [],
  );
}

export const pageIds: ReadonlySet<string> = new Set(
  astroFiles(viewsRoot).flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/\sid="([^"{}]+)"/g)].map((match) => match[1]!)),
);
