/**
 * Numbers in chapter prose are tokens, never typed: `{{figure id}}` prints a figure
 * from src/data/figures.json; `{{length layer/feature}}`, `{{area layer/feature}}`,
 * `{{distance a b}}` and `{{nearest a layer}}` print facts computed by turf from the
 * published layers. One source of truth for every number, checked at build time.
 */
import { figureById, formatFigure } from '../data/figures.ts';
import { areaKm2, distanceKm, findFeature, lengthKm, nearestFeature } from '../geo/facts.ts';
import { formatKm2In, formatKmIn } from '../i18n/format.ts';
import type { Edition } from './story-config-schema.ts';
import { sourceEdition, translatedKey } from './translations.ts';
import type { PublishedLayer } from '../geo/process-layer.ts';

const tokenPattern = /\{\{\s*([a-z]+)\s+([^}]*?)\s*\}\}/g;

/** A rendered token: its text in the edition's language and the number it prints. */
interface RenderedToken {
  text: string;
  value: number;
}

function renderToken(kind: string, args: string[], layers: readonly PublishedLayer[], edition: Edition): RenderedToken {
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
    default:
      throw new Error(`unknown token kind "${kind}" (use figure, length, area, distance or nearest)`);
  }
}

/** Replaces every token in a text, in the edition's language; errors name the token so the editor can find it. */
export function replaceTokens(text: string, layers: readonly PublishedLayer[], edition: Edition = sourceEdition): string {
  return tokenParts(text, layers, edition)
    .map((part) => (typeof part === 'string' ? part : part.text))
    .join('');
}

/** A text split at its tokens: plain strings between rendered tokens, so a page can mark each number with its value. */
export function tokenParts(text: string, layers: readonly PublishedLayer[], edition: Edition = sourceEdition): (string | RenderedToken)[] {
  const parts: (string | RenderedToken)[] = [];
  let last = 0;
  for (const match of text.matchAll(tokenPattern)) {
    const [token, kind, args] = match as unknown as [string, string, string];
    parts.push(text.slice(last, match.index));
    try {
      parts.push(renderToken(kind, args.split(/\s+/), layers, edition));
    } catch (error) {
      throw new Error(`${token}: ${(error as Error).message}`, { cause: error });
    }
    last = match.index + token.length;
  }
  parts.push(text.slice(last));
  return parts.filter((part) => part !== '');
}
