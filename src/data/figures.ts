import { readStoryJson } from '../content/story-root.ts';
import { figuresFileSchema, figureUnits, type Figure } from './figures-schema.ts';

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

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const smallNumbers = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
/** House style: whole numbers under ten are spelled out in prose. */
const count = (value: number) => (Number.isInteger(value) && value >= 0 && value < 10 ? smallNumbers[value]! : grouped.format(value));
const percent = (value: number) => `${grouped.format(Math.abs(value) * 100)}%`;
const usd = (value: number) => (value >= 1e9 ? `$${grouped.format(value / 1e9)} billion` : `$${grouped.format(value / 1e6)} million`);

/** The number alone, in its unit's form, sign kept: "$725 million", "57%", "−30%", "31,000 t REO". */
export function formatValue(figure: Pick<Figure, 'value' | 'unit'>): string {
  const { value, unit } = figure;
  switch (unit) {
    case 'USD estimated revenue':
    case 'USD approved investment':
      return usd(value);
    case 'share':
      return percent(value);
    case 'change':
      return `${value < 0 ? '−' : value > 0 ? '+' : ''}${percent(value)}`;
    case 't REO':
      return `${grouped.format(value)} t REO`;
    case 't rare earths':
      return `${grouped.format(value)} tonnes`;
    case 'ratio':
      return `${grouped.format(value)} times`;
    case 'years':
    case 'ships':
    case 'structures':
      return `${count(value)} ${value === 1 ? unit.replace(/s$/, '') : unit}`;
  }
}

/** A change as prose says it: "down 30%", "up 5%", "unchanged". */
export function formatChange(figure: Pick<Figure, 'value' | 'unit'>): string {
  if (figure.unit !== 'change') throw new Error(`a "${figure.unit}" figure is not a change`);
  return figure.value < 0 ? `down ${percent(figure.value)}` : figure.value > 0 ? `up ${percent(figure.value)}` : 'unchanged';
}

/** The figure as prose prints it, with its hedge: "an estimated $725 million", "more than $530 million", "down 30%". */
export function formatFigure(figure: Figure): string {
  const value = figure.unit === 'change' ? formatChange(figure) : formatValue(figure);
  return figure.hedge ? `${figure.hedge} ${value}` : value;
}
