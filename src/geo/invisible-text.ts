/**
 * Control characters other than tab and line breaks, and the Unicode controls that
 * reorder or hide text (bidi overrides and isolates, zero-width and BOM characters):
 * invisible to an editor, they break the PNG renderer and can make a label read as
 * something else. Built from escapes so this file itself holds no invisible characters.
 */
const invisible = new RegExp(
  // eslint-disable-next-line no-control-regex -- invisible control characters are what this finds
  '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff]',
);

/** "an invisible control character (U+0007)" for the first one in a text, else undefined. */
export function invisibleIn(text: string): string | undefined {
  const match = invisible.exec(text);
  return match ? `an invisible control character (U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})` : undefined;
}

/** The first text anywhere in a value (objects and lists walked) holding one, with its path. */
export function invisibleInValue(value: unknown, path: string): { path: string; what: string } | undefined {
  if (typeof value === 'string') {
    const what = invisibleIn(value);
    return what ? { path, what } : undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = invisibleInValue(inner, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}
