import { readStoryJson } from '../content/story-root.ts';
import { sourcesFileSchema, translatedSourceFields, type Source } from './sources-schema.ts';
import type { Edition } from '../content/story-config-schema.ts';
import { sourceEdition, translationOf } from '../content/translations.ts';

export type { Source };

/** Everyone the story cites: a link to the specific report, or what the claim rests on (src/data/sources.json). */
export const sources: readonly Source[] = sourcesFileSchema.parse(readStoryJson('src/data/sources.json'));

export function sourceById(id: string): Source {
  const source = sources.find((s) => s.id === id);
  if (!source) throw new Error(`unknown source "${id}" (sources are listed in src/data/sources.json)`);
  return source;
}

/** A source's reader text (what the story takes from it, why it is not linked) in an edition; its name stays as published. */
export function sourceText(
  source: Source,
  edition: Edition = sourceEdition,
): Partial<Record<(typeof translatedSourceFields)[number], string>> {
  return translationOf(source, translatedSourceFields, edition);
}
