import { safeUrlFix, unsafeUrlReason } from '../../content/safe-url.ts';
import type { GeoProblem } from '../problems.ts';

const file = 'src/data/sources.json';

/**
 * src/data/sources.json: a list of sources, each with a unique id, and a link, if any,
 * that passes the shared URL rule: it is printed as a live link on every page citing it.
 * (The full schema of the data files lives with them in src/data/.)
 */
export function validateSources(value: unknown): { ids: Set<string>; problems: GeoProblem[] } {
  const ids = new Set<string>();
  if (!Array.isArray(value)) return { ids, problems: [{ severity: 'error', file, message: 'must be a list ([...]) of sources' }] };
  const problems: GeoProblem[] = [];
  value.forEach((source: unknown, index) => {
    const at = `source ${index}`;
    if (source === null || typeof source !== 'object' || Array.isArray(source)) {
      problems.push({ severity: 'error', file, message: `${at} is not an object with "id", "name" and "what"` });
      return;
    }
    const { id, name, what, url } = source as Record<string, unknown>;
    const label = typeof id === 'string' ? `source "${id}"` : at;
    if (typeof id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))
      problems.push({ severity: 'error', file, message: `${at}: "id" must be lowercase words joined by hyphens, e.g. "nikkei-asia"` });
    else if (ids.has(id))
      problems.push({ severity: 'error', file, message: `${label} is listed twice`, fix: 'give each source its own id' });
    else ids.add(id);
    for (const [field, text] of [
      ['name', name],
      ['what', what],
    ] as const)
      if (typeof text !== 'string' || text.trim() === '')
        problems.push({ severity: 'error', file, message: `${label}: "${field}" must be text` });
    if (url !== undefined) {
      const reason = typeof url === 'string' ? unsafeUrlReason(url) : 'is not text';
      if (reason) problems.push({ severity: 'error', file, message: `${label}: "url": the address ${reason}`, fix: safeUrlFix });
    }
  });
  return { ids, problems };
}
