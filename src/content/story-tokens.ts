/**
 * Numbers in chapter prose are tokens, never typed: `{{figure id}}` prints a figure
 * from src/data/figures.json; `{{length layer/feature}}`, `{{area layer/feature}}`,
 * `{{distance a b}}` and `{{nearest a layer}}` print facts computed by turf from the
 * published layers; `{{date asOf}}` prints one of the story configuration's dates. One
 * source of truth for every number and date, checked at build time.
 */
import { figureById, formatFigure } from '../data/figures.ts';
import { areaKm2, distanceKm, findFeature, lengthKm, nearestFeature } from '../geo/facts.ts';
import { formatKm, formatKm2 } from '../geo/format.ts';
import type { PublishedLayer } from '../geo/process-layer.ts';
import { storyConfig } from './story-config.ts';

const tokenPattern = /\{\{\s*([a-z]+)\s+([^}]*?)\s*\}\}/g;

/** How text is set for readers: the edition's language, as a BCP-47 tag. */
export interface TokenOptions {
  /** Default 'en-GB', the house style's day-month-year ("30 September 2025"). */
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

function renderToken(kind: string, args: string[], layers: readonly PublishedLayer[], options: TokenOptions): string {
  switch (kind) {
    case 'figure':
      return formatFigure(figureById(args[0] ?? ''));
    case 'length':
      return formatKm(lengthKm(findFeature(layers, args[0] ?? '')));
    case 'area':
      return formatKm2(areaKm2(findFeature(layers, args[0] ?? '')));
    case 'distance':
      return formatKm(distanceKm(findFeature(layers, args[0] ?? ''), findFeature(layers, args[1] ?? '')));
    case 'nearest': {
      const layer = layers.find((l) => l.id === args[1]);
      if (!layer) throw new Error(`unknown layer "${args[1]}"`);
      const { feature, km: distance } = nearestFeature(findFeature(layers, args[0] ?? ''), layer);
      return `${formatKm(distance)} (${String(feature.properties?.name)})`;
    }
    case 'date': {
      const name = args[0] ?? '';
      if (!Object.hasOwn(storyDates, name))
        throw new Error(`unknown date "${name}" (use ${Object.keys(storyDates).join(' or ')}, the dates in the story configuration)`);
      return formatDate(storyDates[name as keyof typeof storyDates](), options.locale);
    }
    default:
      throw new Error(`unknown token kind "${kind}" (use figure, length, area, distance, nearest or date)`);
  }
}

/** Replaces every token in a text; errors name the token so the editor can find it. */
export function replaceTokens(text: string, layers: readonly PublishedLayer[], options: TokenOptions = {}): string {
  return text.replace(tokenPattern, (token, kind: string, args: string) => {
    try {
      return renderToken(kind, args.split(/\s+/), layers, options);
    } catch (error) {
      throw new Error(`${token}: ${(error as Error).message}`, { cause: error });
    }
  });
}
