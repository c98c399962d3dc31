/**
 * A translated edition's names for the basemap's labels: geo/sources/place-names.<path>.json,
 * `{ "about": "…", "names": [{ "id": "<file>/<feature id>", "en": "…", "<path>": "…", "source": { "name", "url" } }] }`,
 * each name cited. The offline boundary and town data carry no names but their own,
 * so the table holds only what the maps label; geo:check validates it (validate/editions.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const placeNamesFile = (path: string): string => `geo/sources/place-names.${path}.json`;

/** The table's schema for the edition at `path`: its names under the key `path`. */
export const placeNamesSchema = (path: string) =>
  z
    .object({
      about: z.string().min(10),
      names: z.array(
        z
          .object({
            /** `<basemap file>/<feature id>`, e.g. "countries/mm". */
            id: z.string().regex(/^(countries|admin1|places|rivers)\/[^/]+$/, 'must be <file>/<feature id>, e.g. "countries/mm"'),
            /** The name the basemap data gives it, so a renamed feature is noticed. */
            en: z.string().min(1),
            [path]: z.string().min(1),
            /** Where the name is taken from. */
            source: z.object({ name: z.string().min(2), url: z.url({ protocol: /^https?$/ }) }).strict(),
          })
          .strict(),
      ),
    })
    .strict();

/** Feature id (`<file>/<id>`) -> the edition's name; empty when the table is absent (geo:check reports that). */
export function readPlaceNames(root: string, path: string): Map<string, string> {
  const file = join(root, placeNamesFile(path));
  if (!existsSync(file)) return new Map();
  const table = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as { names?: Record<string, unknown>[] };
  return new Map((table.names ?? []).flatMap((entry) => (typeof entry[path] === 'string' ? [[String(entry.id), entry[path]]] : [])));
}
