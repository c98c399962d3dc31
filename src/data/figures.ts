import figuresFile from './figures.json' with { type: 'json' };

export interface Figure {
  id: string;
  value: number;
  unit: string;
  approx: boolean;
  comparison?: string;
  period?: string;
  what: string;
  source: string;
}

/** Every figure the story prints, each with who reported it (src/data/figures.json). */
export const figures: readonly Figure[] = figuresFile.figures;
export const storyEvents = figuresFile.events;

export function figureById(id: string): Figure {
  const figure = figures.find((f) => f.id === id);
  if (!figure) throw new Error(`unknown figure "${id}" (figures are listed in src/data/figures.json)`);
  return figure;
}

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** The number alone, in the unit's natural form: "$725 million", "57%", "31,000 tonnes". */
export function formatValue(figure: Pick<Figure, 'value' | 'unit'>): string {
  const { value, unit } = figure;
  switch (unit) {
    case 'USD':
      return value >= 1e9 ? `$${grouped.format(value / 1e9)} billion` : `$${grouped.format(value / 1e6)} million`;
    case 'share':
      return `${grouped.format(Math.abs(value) * 100)}%`;
    case 't':
      return `${grouped.format(value)} tonnes`;
    case 'ratio':
      return `${grouped.format(value)} times`;
    default:
      return `${grouped.format(value)} ${value === 1 ? unit.replace(/s$/, '') : unit}`;
  }
}

/** The figure as prose prints it, with its hedge: "about $725 million", "more than $530 million". */
export function formatFigure(figure: Figure): string {
  const hedge = figure.comparison === 'over' ? 'more than ' : figure.approx ? 'about ' : '';
  return hedge + formatValue(figure);
}
