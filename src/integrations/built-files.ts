import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under a folder of the built site, at any depth. */
export async function* builtFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* builtFiles(path);
    else yield path;
  }
}
