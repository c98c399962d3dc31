import { readStoryJson } from '../content/story-root.ts';
import { figuresFileSchema, figureUnits, translatedFigureFields, type Figure } from './figures-schema.ts';
import type { Edition } from '../content/story-config-schema.ts';
import { sourceEdition, translationOf } from '../content/translations.ts';
import { formatChangeIn, formatMeasure, hedgedIn } from '../i18n/format.ts';

export type { Figure };

// geo:check reports a broken file with the figure and field before the build starts;
// parsing here keeps the types honest for everything that reads figures.
const parsed = figuresFileSchema.parse(readStoryJson('src/data/figures.json'));

/** Every figure the story prints, each with who reported it (src/data/figures.json). */
export const figures: readonly Figure[] = parsed.figures;

export function figureById(id: string): Figure {
  const figure = figures.find((f) => f.id === id);
  if (!figure) throw new Error(`unknown figure "${id}" (figures are listed in src/data/figures.json)`);
  return figure;
}

/** What a figure's unit counts, for the figures table. */
export const unitMeaning = (figure: Pick<Figure, 'unit'>): string => figureUnits[figure.unit];

/** A figure's reader text (hedge, what it counts, who reported it) in an edition. */
export function figureText(
  figure: Figure,
  edition: Edition = sourceEdition,
): Partial<Record<(typeof translatedFigureFields)[number], string>> {
  return translationOf(figure, translatedFigureFields, edition);
}

/** The number alone, in its unit's form, sign kept: "$725 million", "57%", "−30%", "31,000 t REO" (or their forms in the edition's language). */
export function formatValue(figure: Pick<Figure, 'value' | 'unit'>, edition: Edition = sourceEdition): string {
  return formatMeasure(figure, edition.lang);
}

/** A change as prose says it: "down 30%", "up 5%", "unchanged". */
export function formatChange(figure: Pick<Figure, 'value' | 'unit'>, edition: Edition = sourceEdition): string {
  if (figure.unit !== 'change') throw new Error(`a "${figure.unit}" figure is not a change`);
  return formatChangeIn(figure.value, edition.lang);
}

/** The figure as prose prints it, with its hedge: "an estimated $725 million", "more than $530 million", "down 30%". */
export function formatFigure(figure: Figure, edition: Edition = sourceEdition): string {
  const value = figure.unit === 'change' ? formatChange(figure, edition) : formatValue(figure, edition);
  const { hedge } = figureText(figure, edition);
  return hedge ? hedgedIn(hedge, value, edition.lang) : value;
}
