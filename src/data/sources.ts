import { safeUrlFix, unsafeUrlReason } from '../content/safe-url.ts';
import sourcesFile from './sources.json' with { type: 'json' };

export interface Source {
  id: string;
  name: string;
  what: string;
  url?: string;
}

/**
 * Everyone the story cites, with a link where one exists (src/data/sources.json). A
 * link is printed live on every page that cites the source, so the shared URL rule
 * applies here too, not only in geo:check: an unsafe link never reaches a page.
 */
export const sources: readonly Source[] = sourcesFile.map((source: Source) => {
  const reason = source.url === undefined ? undefined : unsafeUrlReason(source.url);
  if (reason) throw new Error(`src/data/sources.json: source "${source.id}": "url": the address ${reason}; ${safeUrlFix}`);
  return source;
});

export function sourceById(id: string): Source {
  const source = sources.find((s) => s.id === id);
  if (!source) throw new Error(`unknown source "${id}" (sources are listed in src/data/sources.json)`);
  return source;
}
