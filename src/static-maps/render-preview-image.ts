/**
 * A chapter's social preview image (og:image): its static map, unchanged in framing,
 * beside a column with the chapter's title, rasterised to PNG at build time. librsvg
 * and Pango draw the text with the build machine's fonts, found by fontconfig.
 */
import sharp from 'sharp';
import { escapeXml } from '../charts/bar-chart.ts';
import { createRequire } from 'node:module';
import { storyText } from '../content/edition-text.ts';
import type { Edition } from '../content/story-config-schema.ts';
import { sourceEdition } from '../content/translations.ts';
import { families } from '../fonts/families.ts';
import { previewImageSize } from './preview-image.ts';
import { staticMapSize } from './render-static-map.ts';

const { width, height } = previewImageSize;
/** The map fills the image's height at its own aspect, so it shows exactly what the chapter frames. */
const mapScale = height / staticMapSize.height;
const mapWidth = Math.round(staticMapSize.width * mapScale);
const margin = 36;
const textWidth = width - mapWidth - 2 * margin;
const paper = '#fdfcf9';

/** Text wrapped to the title column by Pango, as an image with a transparent background. */
function textImage(markup: string, font: string, fontfile?: string): Promise<Buffer> {
  return sharp({ text: { text: markup, font, ...(fontfile ? { fontfile } : {}), width: textWidth, wrap: 'word', rgba: true, dpi: 72 } })
    .png()
    .toBuffer();
}

const require = createRequire(import.meta.url);

/**
 * The face a translated edition's preview text is set in: the site's own Chinese face, handed
 * to Pango as a file, so the image does not depend on the build machine's fonts for that script.
 */
function editionFont(edition: Edition): { family: string; file: string } | undefined {
  if (!edition.path) return undefined;
  const family = families.find((f) => !f.primary && f.faces.some((face) => /\.(ttf|otf)$/.test(face.source)));
  const source = family?.faces.find((face) => /\.(ttf|otf)$/.test(face.source))?.source;
  return family && source ? { family: family.family, file: require.resolve(source) } : undefined;
}

export async function renderPreviewImage(mapSvg: string, title: string, edition: Edition = sourceEdition): Promise<Buffer> {
  const font = editionFont(edition);
  const face = (size: number) => (font ? `${font.family} ${size}` : `Noto Sans Bold ${size}`);
  const [map, kicker, heading] = await Promise.all([
    // The density scales the vector drawing; the resize only pins the size the layout assumes against rounding.
    sharp(Buffer.from(mapSvg), { density: 72 * mapScale })
      .resize(mapWidth, height)
      .toBuffer(),
    // As the story page's kicker: capitals in the darker copper, letter-spaced.
    textImage(
      `<span foreground="#9a5424" letter_spacing="1800">${escapeXml(storyText(edition).kicker.toUpperCase())}</span>`,
      face(17),
      font?.file,
    ),
    textImage(`<span foreground="#1f1f1f" line_height="${font ? 1.1 : 0.88}">${escapeXml(title)}</span>`, face(42), font?.file),
  ]);
  const kickerHeight = (await sharp(kicker).metadata()).height;
  const headingHeight = (await sharp(heading).metadata()).height;
  const kickerGap = 16;
  const blockTop = Math.round((height - kickerHeight - kickerGap - headingHeight) / 2);
  // A few dozen flat colours plus anti-aliasing: a 256-colour palette keeps each image well under 150 KB.
  return sharp({ create: { width, height, channels: 3, background: paper } })
    .composite([
      { input: map, left: width - mapWidth, top: 0 },
      { input: kicker, left: margin, top: blockTop },
      { input: heading, left: margin, top: blockTop + kickerHeight + kickerGap },
    ])
    .png({ palette: true, compressionLevel: 9, effort: 10 })
    .toBuffer();
}
