/**
 * Where a translated edition's text sits in the story's data files: an object keyed by the
 * edition's path (`"zh": { "what": "…" }`) in the layer metadata, figures and sources, and
 * a sibling property (`"name:zh"`) beside each reader property of a layer's features.
 * The schemas accept these keys for the editions the story configuration declares (any
 * other is a stray key); `src/geo/validate/editions.ts` checks that each is complete.
 */
import { z } from 'zod';
import type { Edition } from './story-config-schema.ts';
import { storyConfig } from './story-config.ts';

/** The story's editions, source first (its `editions`). */
export const editions: readonly Edition[] = storyConfig.editions;
/** The editions whose text is a translation overlay. */
export const translatedEditions: readonly Edition[] = editions.slice(1);
export const sourceEdition: Edition = editions[0]!;

/**
 * Schema keys for an object's translations: `{ "<path>": { field?: string } }` for each translated edition.
 * Typed as adding nothing: code reads translations through {@link translationOf}, never by key.
 */
export function translationShape(fields: readonly string[]): Record<never, never> {
  return Object.fromEntries(
    translatedEditions.map((edition) => [
      edition.path,
      z
        .object(Object.fromEntries(fields.map((field) => [field, translatedText(edition).optional()])))
        .strict()
        .optional(),
    ]),
  );
}

/** A translated text: an empty one (as `npm run geo:new` scaffolds it) is reported as still to write. */
const translatedText = (edition: Edition) => z.string().trim().min(1, `is empty: write its ${edition.lang} text here`);

/** Schema keys for translated siblings of a nested entry's fields: `"label:zh"` beside `"label"`. */
export function siblingShape(fields: readonly string[]): Record<never, never> {
  return Object.fromEntries(
    translatedEditions.flatMap((edition) => fields.map((field) => [translatedKey(field, edition), translatedText(edition).optional()])),
  );
}

/** The property holding a feature property's text in an edition: `name` in the source edition, `name:zh` in the zh one. */
export const translatedKey = (property: string, edition: Edition): string => (edition.path ? `${property}:${edition.path}` : property);

/** An object's text fields in an edition: the translation where the edition has one, the object's own fields in the source edition. */
export function translationOf<Fields extends string>(
  object: object,
  fields: readonly Fields[],
  edition: Edition,
): Partial<Record<Fields, string>> {
  const own = object as Record<string, unknown>;
  const source = edition.path ? ((own[edition.path] ?? {}) as Record<string, unknown>) : own;
  return Object.fromEntries(fields.flatMap((field) => (typeof source[field] === 'string' ? [[field, source[field]]] : []))) as Partial<
    Record<Fields, string>
  >;
}

/** The edition a content file belongs to: a translated edition's files live under src/content/<path>/. */
export function editionOfFile(path: string | undefined): Edition {
  const normalised = (path ?? '').split('\\').join('/');
  return translatedEditions.find((edition) => normalised.includes(`/src/content/${edition.path}/`)) ?? sourceEdition;
}
