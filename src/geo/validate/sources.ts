import type { GeoProblem } from '../problems.ts';

const file = 'src/data/sources.json';

/**
 * src/data/sources.json: the ids chapters may cite, each listed once. Every other rule
 * (fields, the shared URL rule, no home pages) is the schema's, checked with the other
 * data files (src/data/check-data.ts), so each problem is reported once.
 */
export function validateSources(value: unknown): { ids: Set<string>; problems: GeoProblem[] } {
  const ids = new Set<string>();
  if (!Array.isArray(value)) return { ids, problems: [{ severity: 'error', file, message: 'must be a list ([...]) of sources' }] };
  const problems: GeoProblem[] = [];
  for (const source of value) {
    const id: unknown = source !== null && typeof source === 'object' ? (source as Record<string, unknown>).id : undefined;
    if (typeof id !== 'string') continue;
    if (ids.has(id))
      problems.push({ severity: 'error', file, message: `source "${id}" is listed twice`, fix: 'give each source its own id' });
    else ids.add(id);
  }
  return { ids, problems };
}
