import { describe, expect, it } from 'vitest';
import { figureById, formatFigure } from '../../src/data/figures.ts';

describe('formatFigure(figure)', () => {
  it('prints approximate money with "about" and millions', () => {
    expect(formatFigure(figureById('sagaing_mines_revenue_fy2020_21'))).toBe('about $725 million');
  });

  it('prints an "over" comparison as "more than"', () => {
    expect(formatFigure(figureById('china_investment_since_feb_2021'))).toBe('more than $530 million');
  });

  it('prints shares as percentages and tonnes grouped', () => {
    expect(formatFigure(figureById('myanmar_share_of_china_re_imports_2024'))).toBe('57%');
    expect(formatFigure(figureById('myanmar_re_output_2020'))).toBe('31,000 tonnes');
  });

  it('prints a ratio as a multiple', () => {
    expect(formatFigure(figureById('mhre_imports_vs_domestic_heavy_quota_2024'))).toBe('1.6 times');
  });

  it('fails loudly on an unknown figure id', () => {
    expect(() => figureById('no_such_figure')).toThrow(/unknown figure "no_such_figure"/);
  });
});
