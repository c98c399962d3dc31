/**
 * Text drawn as outlines, for SVG that must look the same on every machine: an SVG shown
 * as an image cannot use the page's web fonts, and a reader (or the build machine that
 * rasterises previews) may have no font for the script at all. The outlines come from
 * a font the site already ships (src/fonts/families.ts), laid out by fontkit.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { families } from '../fonts/families.ts';

const require = createRequire(import.meta.url);
const fonts = new Map<string, fontkit.Font>();

/** A family's regular face as a whole font file (a `.ttf`/`.otf` source in families.ts). */
function fontOf(family: string): fontkit.Font {
  let font = fonts.get(family);
  if (font) return font;
  const source = families.find((f) => f.family === family)?.faces.find((face) => /\.(ttf|otf)$/.test(face.source))?.source;
  if (!source) throw new Error(`src/fonts/families.ts has no whole font file for "${family}" to draw static map labels with`);
  font = fontkit.create(readFileSync(require.resolve(source))) as fontkit.Font;
  fonts.set(family, font);
  return font;
}

/** The width of a text in a family at a size, in SVG units. */
export function textAdvance(text: string, family: string, size: number): number {
  const font = fontOf(family);
  return (font.layout(text).advanceWidth / font.unitsPerEm) * size;
}

/** SVG path data of a text, centred on x with its baseline at y. */
export function textPath(text: string, family: string, size: number, x: number, y: number): string {
  const font = fontOf(family);
  const run = font.layout(text);
  const scale = size / font.unitsPerEm;
  let pen = x - (run.advanceWidth * scale) / 2;
  const parts: string[] = [];
  run.glyphs.forEach((glyph, i) => {
    const position = run.positions[i]!;
    const dx = pen + position.xOffset * scale;
    const dy = y - position.yOffset * scale;
    // Glyph outlines are y-up in font units: flip and scale into SVG's y-down space.
    const d = glyph.path
      .scale(scale, -scale)
      .translate(dx, dy)
      .toSVG()
      // Tenths of the plate's pixels, where fontkit writes hundredths: a point moves at most 0.05 px.
      .replace(/-?\d*\.\d+/g, (value) => String(Math.round(Number(value) * 10) / 10));
    if (d) parts.push(d);
    pen += position.xAdvance * scale;
  });
  return parts.join('');
}
