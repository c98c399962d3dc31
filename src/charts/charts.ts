/**
 * The story's charts, declared as data in the story configuration and built from
 * src/data/figures.json, so a number is never typed twice. A bar not reported but
 * derived from reported figures (a product or a quotient) is drawn as derived.
 *
 * Chart text may hold tokens: `{{figure id}}` (the figure as prose prints it, hedge
 * included), `{{value id}}` (the number alone), `{{change id}}` ("down 30%"),
 * `{{period id}}`, `{{source id}}`, and `{{bar N roundTo}}` (bar N's value rounded to
 * the nearest roundTo, in the unit of the first figure it is computed from).
 */
import { storyText } from '../content/edition-text.ts';
import { storyConfig } from '../content/story-config.ts';
import type { BarValue, ChartConfig, Edition } from '../content/story-config-schema.ts';
import { sourceEdition } from '../content/translations.ts';
import { figureById, figureText, formatChange, formatFigure, formatValue, type Figure } from '../data/figures.ts';
import { formatPeriod } from '../i18n/format.ts';
import { barChartSvg, type Bar } from './bar-chart.ts';

export interface ChartSpec {
  title: string;
  bars: Bar[];
  /** Plain-language summary, also the SVG's accessible description. */
  summary: string;
  source: string;
  /** How any derived bar was computed. */
  note?: string;
}

interface Measured {
  value: number;
  /** The figure whose unit the value is in. */
  unitOf: Figure;
}

function measure(value: BarValue): Measured {
  if ('figure' in value) return { value: figureById(value.figure).value, unitOf: figureById(value.figure) };
  if ('product' in value) {
    const [a, b] = value.product.map(figureById) as [Figure, Figure];
    return { value: a.value * b.value, unitOf: a };
  }
  const [a, divisor] = value.quotient;
  const numerator = figureById(a);
  return { value: numerator.value / (typeof divisor === 'number' ? divisor : figureById(divisor).value), unitOf: numerator };
}

const tokenPattern = /\{\{\s*([a-z]+)\s+([^}]*?)\s*\}\}/g;

function renderText(text: string, measured: readonly Measured[], edition: Edition): string {
  return text.replace(tokenPattern, (token, kind: string, args: string) => {
    const [first = '', second] = args.split(/\s+/);
    switch (kind) {
      case 'figure':
        return formatFigure(figureById(first), edition);
      case 'value':
        return formatValue(figureById(first), edition);
      case 'change':
        return formatChange(figureById(first), edition);
      case 'period': {
        const { period } = figureById(first);
        if (period === undefined) throw new Error(`${token}: figure "${first}" has no period`);
        return formatPeriod(period, edition.lang);
      }
      case 'source':
        return figureText(figureById(first), edition).source ?? figureById(first).source;
      case 'bar': {
        const bar = measured[Number(first)];
        const roundTo = Number(second ?? 1);
        if (!bar || !(roundTo > 0)) throw new Error(`${token}: write {{bar <index> <round to>}} with an existing bar`);
        return formatValue({ value: Math.round(bar.value / roundTo) * roundTo, unit: bar.unitOf.unit }, edition);
      }
      default:
        throw new Error(`${token}: unknown chart token (use figure, value, change, period, source or bar)`);
    }
  });
}

/**
 * A declared chart with its figures looked up and its text rendered, in an edition's words
 * (the source edition's by default; a translation gives the same text fields).
 * @example chartSpec({ id: 'x', kind: 'bar', title: 'Output', bars: [...], summary: '…', source: '{{source f}}' })
 */
export function chartSpec(chart: ChartConfig, edition: Edition = sourceEdition): ChartSpec {
  const measured = chart.bars.map((bar) => measure(bar.value));
  const text = (value: string) => renderText(value, measured, edition);
  const words = edition.path ? storyText(edition).charts[chart.id] : undefined;
  return {
    title: text(words?.title ?? chart.title),
    bars: chart.bars.map((bar, index) => ({
      label: text(words?.bars[index]?.label ?? bar.label),
      value: measured[index]!.value,
      valueLabel: text(words?.bars[index]?.valueLabel ?? bar.valueLabel),
      tone: bar.tone,
      ...('figure' in bar.value ? {} : { derived: true }),
    })),
    summary: text(words?.summary ?? chart.summary),
    source: text(words?.source ?? chart.source),
    ...(chart.note === undefined ? {} : { note: text(words?.note ?? chart.note) }),
  };
}

/** A chart ready for the page, by the id the story configuration gives it: its spec and its SVG. */
export function renderChart(id: string, edition: Edition = sourceEdition) {
  const chart = storyConfig.charts.find((c) => c.id === id);
  if (!chart) throw new Error(`unknown chart "${id}" (charts are declared in src/content/story.config.json)`);
  const spec = chartSpec(chart, edition);
  return { ...spec, svg: barChartSvg(spec.bars, `chart-title-${id}`) };
}
