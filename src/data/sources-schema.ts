/**
 * The shape of src/data/sources.json. A source that backs a specific claim must let a
 * reader check it: a link to the specific report, not the outlet's home page, or, where
 * none could be confirmed, a sentence saying what the claim rests on. Checked by
 * `npm run geo:check`.
 */
import { z } from 'zod';
import { translationShape } from '../content/translations.ts';

/** A source's reader text that a translated edition gives in its own language (its name stays as published). */
export const translatedSourceFields = ['what', 'notLinked'] as const;
import { safeUrlFix, unsafeUrlReason } from '../content/safe-url.ts';

/** A URL whose path says nothing beyond the site (or a language root): an outlet's front page. */
export function isHomePage(url: string): boolean {
  const { pathname, search } = new URL(url);
  return search === '' && /^\/?([a-z]{2,3}(-[a-z]{2})?\/?)?$/i.test(pathname);
}

export const sourceSchema = z
  .object({
    /** Id chapters name in `sources:`: lowercase words joined by hyphens. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens'),
    /** Who it is, as readers see it. */
    name: z.string().min(2),
    /** What the story takes from it. */
    what: z.string().min(10),
    /** The specific report or page (http/https), never a home page. */
    url: z
      .string()
      .superRefine((url, context) => {
        const reason = unsafeUrlReason(url);
        if (reason) context.addIssue({ code: 'custom', message: `the address ${reason}; ${safeUrlFix}` });
        else if (isHomePage(url))
          context.addIssue({
            code: 'custom',
            message:
              'is a home page: link the specific report the claim comes from, or drop "url" and say in "notLinked" what the claim rests on',
          });
      })
      .optional(),
    /** Reader text for a source that is not linked: why, and what the claim rests on. */
    notLinked: z.string().min(10).optional(),
    /** Its text in each translated edition: `"zh": { "what": "…" }`. */
    ...translationShape(translatedSourceFields),
  })
  .strict()
  .refine((source) => (source.url === undefined) !== (source.notLinked === undefined), {
    message: 'needs exactly one of "url" (the specific report) or "notLinked" (what the claim rests on, for readers)',
    path: ['url'],
  });

export const sourcesFileSchema = z.array(sourceSchema);
export type Source = z.infer<typeof sourceSchema>;
