/**
 * Reads public/_headers (Netlify and Cloudflare Pages syntax): the site's security
 * headers and, in its Content-Security-Policy, the list of sites allowed to embed the
 * story. The embed-code page states that list; the embed tests serve the built site with
 * exactly these headers.
 */
export interface HeaderRule {
  /** A path, optionally ending in `*`, which matches any rest of the path. */
  pattern: string;
  headers: [name: string, value: string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (colon < 0 || !rule) throw new Error(`public/_headers: cannot read "${line.trim()}"`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Every header that applies to `path`, in file order (as both hosts merge them). */
export function headersFor(rules: readonly HeaderRule[], path: string): [string, string][] {
  const matches = (pattern: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);
  return rules.filter((rule) => matches(rule.pattern)).flatMap((rule) => rule.headers);
}

/** The frame-ancestors sources of the policy that covers the site's pages. */
export function allowedEmbedders(rules: readonly HeaderRule[]): string[] {
  const policy = headersFor(rules, '/').find(([name]) => name.toLowerCase() === 'content-security-policy')?.[1] ?? '';
  const directive = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === 'frame-ancestors');
  return directive ? directive.slice(1) : ['*'];
}
