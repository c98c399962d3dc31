/**
 * Seven-word runs of a text, normalised as tests/fixtures/source-7grams.txt was made
 * (lowercase, apostrophes dropped, every other non-alphanumeric run a space), each
 * hashed to the first 16 hex digits of its SHA-256.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const normaliseWords = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);

export const fingerprint = (run: string): string => createHash('sha256').update(run).digest('hex').slice(0, 16);

export function sevenWordRuns(text: string): string[] {
  const words = normaliseWords(text);
  const runs: string[] = [];
  for (let i = 0; i + 7 <= words.length; i++) runs.push(words.slice(i, i + 7).join(' '));
  return runs;
}

export function sourceFingerprints(): Set<string> {
  const file = join(import.meta.dirname, '..', 'fixtures', 'source-7grams.txt');
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
}

/** The runs of a text that the source article also has. */
export function sharedRuns(text: string, fingerprints: ReadonlySet<string>): string[] {
  return sevenWordRuns(text).filter((run) => fingerprints.has(fingerprint(run)));
}
