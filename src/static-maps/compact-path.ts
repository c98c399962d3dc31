/**
 * Shorter SVG path data for the same shape: d3-geo writes every vertex as an absolute
 * `L x,y`; written as relative moves after one `m`, with no repeated command letters,
 * leading zeros or needless separators, a static map's outlines take about a third fewer
 * bytes after compression. Coordinates are kept in tenths of a pixel, as d3 rounded them,
 * so each vertex lands exactly where it did.
 */

/** Rewrites path data made only of M, L and Z commands; any other path is returned as it was. */
export function compactPath(d: string): string {
  if (!/^[MLZ\d.,\s-]*$/.test(d)) return d;
  const out: string[] = [];
  let previous = '';
  const push = (token: string) => {
    // A separator is needed only where the next number would otherwise run on into the last.
    const runsOn = /^\d/.test(token) || (token.startsWith('.') && !previous.includes('.'));
    out.push(runsOn && /[\d.]$/.test(previous) ? ` ${token}` : token);
    previous = token;
  };
  const number = (tenths: number) => {
    const text = String(tenths / 10);
    return text.replace(/^(-?)0\./, '$1.');
  };
  // The path's first `m` counts from the origin, as an absolute move would.
  let [x, y] = [0, 0];
  let [startX, startY] = [0, 0];
  // After an `m` or `l`, further pairs are relative line-tos, so a run of them needs no letter.
  let lineToImplied = false;
  const letter = (command: string) => {
    out.push(command);
    previous = command;
  };
  for (const [, command, args] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (command === 'Z') {
      letter('z');
      [x, y] = [startX, startY];
      lineToImplied = false;
      continue;
    }
    const values = args!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((value) => Math.round(Number(value) * 10));
    for (let i = 0; i + 1 < values.length; i += 2) {
      const moving = command === 'M' && i === 0;
      if (moving) letter('m');
      else if (!lineToImplied) letter('l');
      push(number(values[i]! - x));
      push(number(values[i + 1]! - y));
      [x, y] = [values[i]!, values[i + 1]!];
      if (moving) [startX, startY] = [x, y];
      lineToImplied = true;
    }
  }
  return out.join('');
}
