/**
 * The one rule for every URL an editor writes (chapter links, src/data/sources.json,
 * layer metadata): http(s), mailto or an in-page anchor, nothing else. Anything a
 * browser could run or navigate oddly (javascript:, data:, vbscript:, protocol-relative
 * //host, relative paths) is refused, however it is spelled.
 */

/**
 * Browsers drop ASCII tab and newlines anywhere in a URL and trim C0 controls and
 * spaces at its ends before reading the scheme, so "java\tscript:" still runs.
 */
const ignoredByBrowsers = /[\t\n\r]/g;
// eslint-disable-next-line no-control-regex -- the control characters browsers trim are exactly what this matches
const trimmedByBrowsers = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;

/** Why a URL is not allowed, in an editor's words; undefined when it is fine. */
export function unsafeUrlReason(url: string): string | undefined {
  const cleaned = url.replace(ignoredByBrowsers, '').replace(trimmedByBrowsers, '');
  if (cleaned !== url) return 'contains spaces, tabs, line breaks or control characters';
  if (url === '') return 'is empty';
  if (url.startsWith('#'))
    return /^#[A-Za-z0-9_-]+$/.test(url) ? undefined : 'is an anchor with characters other than letters, digits, - and _';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return 'is not a full address: write it with https://, or mailto: for an e-mail address';
  if (scheme === 'mailto')
    return /^mailto:[^\s<>"]+@[^\s<>"]+$/i.test(url) ? undefined : 'is not a mailto: address (mailto:name@example.org)';
  if (scheme !== 'http' && scheme !== 'https')
    return `uses "${scheme}:", which is not allowed (only https://, http://, mailto: and #anchors)`;
  try {
    const parsed = new URL(url);
    if (parsed.hostname === '') return 'has no host name';
    if (parsed.username !== '' || parsed.password !== '') return 'carries a user name or password';
  } catch {
    return 'is not a valid web address';
  }
  return undefined;
}

export const isSafeUrl = (url: string): boolean => unsafeUrlReason(url) === undefined;

/** What to tell an editor whose URL is refused. */
export const safeUrlFix = 'link only to https:// (or http://) pages, mailto: addresses or #anchors in the page';
