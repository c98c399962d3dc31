/**
 * Everything a built site shows or hands to readers, as text: the text and reader-facing
 * attributes of every HTML page (alt, aria-label, title, meta content such as og:image:alt),
 * every string in its JSON and GeoJSON files, the text of its SVGs and the text chunks of
 * its PNGs. Each piece is one segment, so a seven-word run never spans two unrelated texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inflateSync } from 'node:zlib';

export interface PublishedText {
  /** Path inside dist/. */
  file: string;
  segments: string[];
  /** The file as served, for checks that must see everything (machine paths). */
  raw: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#x')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (entities[name.toLowerCase()] ?? whole),
  );

const readerAttributes = /\s(?:alt|aria-label|title|content|data-map-description|placeholder)="([^"]*)"/gi;
const blockTags =
  /<\/?(?:p|li|ul|ol|h[1-6]|td|th|tr|dt|dd|dl|div|section|header|footer|main|nav|figure|figcaption|caption|table|title|br|button|label|summary|details|svg|text|tspan|desc)\b[^>]*>/gi;

/** Text of markup (HTML or SVG): block elements split segments, inline ones do not. */
function markupSegments(markup: string): string[] {
  const attributes = [...markup.matchAll(readerAttributes)].map((m) => decode(m[1]!));
  const scripts: string[] = [];
  const withoutCode = markup
    .replace(/<script\b[^>]*type="application\/json"[^>]*>([\s\S]*?)<\/script>/gi, (_, json: string) => {
      scripts.push(json);
      return '\n';
    })
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '\n')
    .replace(/<!--[\s\S]*?-->/g, '');
  const text = decode(withoutCode.replace(blockTags, '\u2029').replace(/<[^>]+>/g, ''))
    .split('\u2029')
    .map((segment) => segment.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return [...text, ...attributes.filter(Boolean), ...scripts.flatMap((json) => jsonStrings(JSON.parse(json)))];
}

function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

/** tEXt, zTXt and iTXt chunks of a PNG (the metadata a PNG carries as text). */
export function pngTextChunks(png: Buffer): string[] {
  const texts: string[] = [];
  let offset = 8;
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    const nul = data.indexOf(0);
    if (type === 'tEXt') texts.push(data.toString('latin1', 0, nul), data.toString('latin1', nul + 1));
    if (type === 'zTXt') texts.push(data.toString('latin1', 0, nul), inflateSync(data.subarray(nul + 2)).toString('latin1'));
    if (type === 'iTXt') {
      const compressed = data[nul + 1] === 1;
      let rest = data.subarray(nul + 3);
      rest = rest.subarray(rest.indexOf(0) + 1); // language tag
      rest = rest.subarray(rest.indexOf(0) + 1); // translated keyword
      texts.push(data.toString('utf8', 0, nul), (compressed ? inflateSync(rest) : rest).toString('utf8'));
    }
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  return texts;
}

const textFile = /\.(html|json|geojson|svg|txt|xml|webmanifest)$/;

/** Every published file of a dist/ folder with the texts readers get from it (precompressed copies and scripts aside). */
export function publishedTexts(dist: string): PublishedText[] {
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !/\.(br|gz)$/.test(path));
  return files.flatMap((path): PublishedText[] => {
    const file = relative(dist, path);
    if (path.endsWith('.png')) {
      const png = readFileSync(path);
      const segments = pngTextChunks(png);
      return [{ file, segments, raw: segments.join('\n') }];
    }
    if (!textFile.test(path) && !path.endsWith('_headers')) return [];
    const raw = readFileSync(path, 'utf8');
    if (/\.(html|svg)$/.test(path)) return [{ file, segments: markupSegments(raw), raw }];
    if (/\.(json|geojson|webmanifest)$/.test(path)) return [{ file, segments: jsonStrings(JSON.parse(raw)), raw }];
    return [{ file, segments: [raw], raw }];
  });
}
