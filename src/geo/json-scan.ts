/**
 * What JSON.parse hides: a key written twice in one object (the last one silently
 * wins, so a duplicated "readerProperties" can publish a property meant to be hidden),
 * and nesting so deep that any recursive walk over the parsed value overflows the stack.
 * One pass over the text with an explicit stack, so it never recurses itself.
 */
export interface JsonScan {
  duplicates: { path: string; key: string; offset: number }[];
  /** Offset where nesting first went deeper than the limit. */
  tooDeepAt?: number;
}

interface Frame {
  keys?: Set<string>;
  key?: string;
  index: number;
}

const pathOf = (stack: readonly Frame[]) =>
  stack
    .map((frame) => (frame.keys ? (frame.key ?? '') : `[${frame.index}]`))
    .join('.')
    .replace(/\.\[/g, '[')
    .replace(/^\./, '');

/** Offset where nesting first goes deeper than `maxDepth`: a bare depth count, fast enough for 50 MB layers. */
function tooDeepAt(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (code === 123 /* { */ || code === 91 /* [ */) {
      if (++depth > maxDepth) return i;
    } else if (code === 125 /* } */ || code === 93 /* ] */) depth--;
  }
  return undefined;
}

/** `checkKeys` false skips duplicate detection (50 MB layers: only the depth matters there). */
export function scanJson(text: string, maxDepth: number, checkKeys = true): JsonScan {
  if (!checkKeys) {
    const at = tooDeepAt(text, maxDepth);
    return at === undefined ? { duplicates: [] } : { duplicates: [], tooDeepAt: at };
  }
  const duplicates: JsonScan['duplicates'] = [];
  const stack: Frame[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) {
      const start = i;
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
      const frame = stack[stack.length - 1];
      if (expectKey && frame?.keys) {
        expectKey = false;
        const quoted = text.slice(start, i + 1);
        let key: string;
        try {
          // Only an escaped key needs the JSON parser to read it.
          key = quoted.includes('\\') ? (JSON.parse(quoted) as string) : quoted.slice(1, -1);
        } catch {
          continue;
        }
        if (frame.keys.has(key)) duplicates.push({ path: pathOf(stack.slice(0, -1).concat({ ...frame, key })), key, offset: start });
        frame.keys.add(key);
        frame.key = key;
      }
    } else if (code === 123 /* { */ || code === 91 /* [ */) {
      stack.push(code === 123 ? { keys: new Set(), index: 0 } : { index: 0 });
      expectKey = code === 123;
      if (stack.length > maxDepth) return { duplicates, tooDeepAt: i };
    } else if (code === 125 /* } */ || code === 93 /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (code === 44 /* , */) {
      const frame = stack[stack.length - 1];
      if (frame?.keys) expectKey = true;
      else if (frame) frame.index++;
    }
  }
  return { duplicates };
}
