/**
 * Shorter SVG path data for the same shape. d3-geo writes every vertex as an absolute
 * `L x,y`, and label outlines every curve as an absolute `Q` or `C`; written as moves relative to
 * the last point, with no repeated command letters, leading zeros or needless separators,
 * a static map's outlines take about a quarter fewer bytes after compression. Coordinates
 * keep the precision they were written with (d3's, or the tenths of a pixel label outlines are
 * rounded to), so every point lands exactly where it did.
 */

/** How many numbers each command takes per repetition. */
const arity: Record<string, number> = { M: 2, L: 2, Q: 4, C: 6 };

/** Rewrites path data made only of M, L, Q, C and Z commands; any other path is returned as it was. */
export function compactPath(d: string): string {
  if (!/^[MLQCZ\d.,\s-]*$/.test(d)) return d;
  const decimals = Math.max(0, ...[...d.matchAll(/\.(\d+)/g)].map(([, digits]) => digits!.length));
  // Beyond thousandths the integer arithmetic would lose what it is meant to keep.
  if (decimals > 3) return d;
  const scale = 10 ** decimals;
  const out: string[] = [];
  let previous = '';
  const write = (token: string) => {
    // A separator is needed only where the next number would otherwise run on into the last.
    const runsOn = /^\d/.test(token) || (token.startsWith('.') && !previous.includes('.'));
    out.push(runsOn && /[\d.]$/.test(previous) ? ` ${token}` : token);
    previous = token;
  };
  const letter = (command: string) => {
    out.push(command);
    previous = command;
  };
  const number = (units: number) => String(units / scale).replace(/^(-?)0\./, '$1.');
  // The path's first `m` counts from the origin, as an absolute move would.
  let [x, y] = [0, 0];
  let [startX, startY] = [0, 0];
  // The relative command a bare run of numbers continues: `l` after `m` or `l`, else the same one.
  let implied = '';
  for (const [, command, args] of d.matchAll(/([MLQCZ])([^MLQCZ]*)/g)) {
    if (command === 'Z') {
      letter('z');
      [x, y] = [startX, startY];
      implied = '';
      continue;
    }
    const values = args!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((value) => Math.round(Number(value) * scale));
    const step = arity[command!]!;
    for (let i = 0; i + step <= values.length; i += step) {
      const moving = command === 'M' && i === 0;
      const relative = moving ? 'm' : command!.toLowerCase();
      if (moving || implied !== relative) letter(relative);
      for (let j = 0; j < step; j += 2) {
        write(number(values[i + j]! - x));
        write(number(values[i + j + 1]! - y));
      }
      [x, y] = [values[i + step - 2]!, values[i + step - 1]!];
      if (moving) [startX, startY] = [x, y];
      implied = relative === 'm' ? 'l' : relative;
    }
  }
  return out.join('');
}
