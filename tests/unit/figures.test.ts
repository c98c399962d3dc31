import { describe, expect, it } from 'vitest';
import { figureById, formatChange, formatFigure, formatValue } from '../../src/data/figures.ts';

describe('formatFigure(figure)', () => {
  it('prints an estimate as an estimate, in millions', () => {
    expect(formatFigure(figureById('sagaing_mines_revenue_fy2020_21'))).toBe('an estimated $725 million');
  });

  it('prints an "over" comparison as "more than"', () => {
    expect(formatFigure(figureById('china_investment_since_feb_2021'))).toBe('more than $530 million');
  });

  it('prints shares as percentages, and production in tonnes of REO equivalent', () => {
    expect(formatFigure(figureById('myanmar_share_of_china_re_imports_2024'))).toBe('57%');
    expect(formatFigure(figureById('myanmar_re_output_2020'))).toBe('31,000 t REO');
    expect(formatFigure(figureById('china_re_imports_from_myanmar_2024'))).toBe('44,000 tonnes');
  });

  it('keeps the sign of a change: "down 30%" in prose, "−30%" as a value', () => {
    const change = figureById('china_re_imports_2024_change');
    expect(formatFigure(change)).toBe('down 30%');
    expect(formatValue(change)).toBe('−30%');
    expect(formatChange({ unit: 'change', value: 0.05 })).toBe('up 5%');
    expect(() => formatChange({ unit: 'share', value: 0.5 })).toThrow(/not a change/);
  });

  it('spells counts under ten', () => {
    expect(formatFigure(figureById('letpadaung_shutdown_years'))).toBe('two years');
    expect(formatFigure(figureById('suspected_outposts_in_letpadaung'))).toBe('five structures');
    expect(formatFigure(figureById('convoy_cargo_ships'))).toBe('about 10 ships');
  });

  it('prints a ratio as a multiple', () => {
    expect(formatFigure(figureById('mhre_imports_vs_domestic_heavy_quota_2024'))).toBe('1.6 times');
  });

  it('fails loudly on an unknown figure id', () => {
    expect(() => figureById('no_such_figure')).toThrow(/unknown figure "no_such_figure"/);
  });
});
