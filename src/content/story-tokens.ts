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

function renderToken(kind: string, args: string[], layers: readonly PublishedLayer[], edition: Edition): string {
  const formatKm = (km: number) => formatKmIn(km, edition.lang);
  switch (kind) {
    case 'figure':
      return formatFigure(figureById(args[0] ?? ''), edition);
    case 'length':
      return formatKm(lengthKm(findFeature(layers, args[0] ?? '')));
    case 'area':
      return formatKm2In(areaKm2(findFeature(layers, args[0] ?? '')), edition.lang);
    case 'distance':
      return formatKm(distanceKm(findFeature(layers, args[0] ?? ''), findFeature(layers, args[1] ?? '')));
    case 'nearest': {
      const layer = layers.find((l) => l.id === args[1]);
      if (!layer) throw new Error(`unknown layer "${args[1]}"`);
      const { feature, km: distance } = nearestFeature(findFeature(layers, args[0] ?? ''), layer);
      const name = feature.properties?.[translatedKey('name', edition)] ?? feature.properties?.name;
      return `${formatKm(distance)} (${String(name)})`;
    }
    default:
      throw new Error(`unknown token kind "${kind}" (use figure, length, area, distance or nearest)`);
  }
}

/** Replaces every token in a text, in the edition's language; errors name the token so the editor can find it. */
export function replaceTokens(text: string, layers: readonly PublishedLayer[], edition: Edition = sourceEdition): string {
  return text.replace(tokenPattern, (token, kind: string, args: string) => {
    try {
      return renderToken(kind, args.split(/\s+/), layers, edition);
    } catch (error) {
      throw new Error(`${token}: ${(error as Error).message}`, { cause: error });
    }
  });
}
