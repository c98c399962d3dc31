import { readStoryJson } from '../content/story-root.ts';
import { sourcesFileSchema, type Source } from './sources-schema.ts';

export type { Source };

/** Everyone the story cites: a link to the specific report, or what the claim rests on (src/data/sources.json). */
export const sources: readonly Source[] = sourcesFileSchema.parse(readStoryJson('src/data/sources.json'));

export function sourceById(id: string): Source {
  const source = sources.find((s) => s.id === id);
  if (!source) throw new Error(`unknown source "${id}" (sources are listed in src/data/sources.json)`);
  return source;
}
