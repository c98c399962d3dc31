/**
 * Numbers in chapter prose are tokens, never typed: `{{figure id}}` prints a figure
 * from src/data/figures.json; `{{length layer/feature}}`, `{{area layer/feature}}`,
 * `{{distance a b}}` and `{{nearest a layer}}` print facts computed by turf from the
 * published layers; `{{date asOf}}` prints one of the story configuration's dates. One
 * source of truth for every number and date, checked at build time.
 */
import { figureById, formatFigure } from '../data/figures.ts';
import { areaKm2, distanceKm, findFeature, lengthKm, nearestFeature } from '../geo/facts.ts';
import { formatKm2In, formatKmIn } from '../i18n/format.ts';
import type { Edition } from './story-config-schema.ts';
import { sourceEdition, translatedKey } from './translations.ts';
import type { PublishedLayer } from '../geo/process-layer.ts';
import { storyConfig } from './story-config.ts';

const tokenPattern = /\{\{\s*([a-z]+)\s+([^}]*?)\s*\}\}/g;

/** How text is set for readers: the edition (its language and names), and optionally another date locale. */
export interface TokenOptions {
  /** Default: the source edition. */
  edition?: Edition;
  /** The dates' language, a BCP-47 tag; default the edition's (the source edition's en-GB writes "30 September 2025"). */
  locale?: string;
}

/**
 * A calendar date (YYYY-MM-DD) in a language's long form, read as the day it names wherever the build runs.
 * @example formatDate('2025-09-30') // '30 September 2025'
 * @example formatDate('2025-09-30', 'zh-CN') // '2025年9月30日'
 */
export function formatDate(iso: string, locale = 'en-GB'): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The story configuration's dates a `{{date name}}` token may print. */
const storyDates = { asOf: () => storyConfig.asOf, corrected: () => storyConfig.corrected } as const;

/** A rendered token: its text in the edition's language and the number it prints (a date prints none). */
interface RenderedToken {
  text: string;
  value?: number;
}

function renderToken(kind: string, args: string[], layers: readonly PublishedLayer[], options: TokenOptions): RenderedToken {
  const edition = options.edition ?? sourceEdition;
  const km = (value: number) => ({ text: formatKmIn(value, edition.lang), value });
  switch (kind) {
    case 'figure': {
      const figure = figureById(args[0] ?? '');
      return { text: formatFigure(figure, edition), value: figure.value };
    }
    case 'length':
      return km(lengthKm(findFeature(layers, args[0] ?? '')));
    case 'area': {
      const value = areaKm2(findFeature(layers, args[0] ?? ''));
      return { text: formatKm2In(value, edition.lang), value };
    }
    case 'distance':
      return km(distanceKm(findFeature(layers, args[0] ?? ''), findFeature(layers, args[1] ?? '')));
    case 'nearest': {
      const layer = layers.find((l) => l.id === args[1]);
      if (!layer) throw new Error(`unknown layer "${args[1]}"`);
      const { feature, km: distance } = nearestFeature(findFeature(layers, args[0] ?? ''), layer);
      const name = feature.properties?.[translatedKey('name', edition)] ?? feature.properties?.name;
      return { text: `${formatKmIn(distance, edition.lang)} (${String(name)})`, value: distance };
    }
    case 'date': {
      const name = args[0] ?? '';
      if (!Object.hasOwn(storyDates, name))
        throw new Error(`unknown date "${name}" (use ${Object.keys(storyDates).join(' or ')}, the dates in the story configuration)`);
      return { text: formatDate(storyDates[name as keyof typeof storyDates](), options.locale ?? edition.lang) };
    }
    default:
      throw new Error(`unknown token kind "${kind}" (use figure, length, area, distance, nearest or date)`);
  }
}

/** Replaces every token in a text, in the edition's language; errors name the token so the editor can find it. */
export function replaceTokens(text: string, layers: readonly PublishedLayer[], options: TokenOptions = {}): string {
  return tokenParts(text, layers, options)
    .map((part) => (typeof part === 'string' ? part : part.text))
    .join('');
}

/** A text split at its tokens: plain strings between rendered tokens, so a page can mark each number with its value. */
export function tokenParts(text: string, layers: readonly PublishedLayer[], options: TokenOptions = {}): (string | RenderedToken)[] {
  const parts: (string | RenderedToken)[] = [];
  let last = 0;
  for (const match of text.matchAll(tokenPattern)) {
    const [token, kind, args] = match as unknown as [string, string, string];
    parts.push(text.slice(last, match.index));
    try {
      parts.push(renderToken(kind, args.split(/\s+/), layers, options));
    } catch (error) {
      throw new Error(`${token}: ${(error as Error).message}`, { cause: error });
    }
    last = match.index + token.length;
  }
  parts.push(text.slice(last));
  return parts.filter((part) => part !== '');
}
