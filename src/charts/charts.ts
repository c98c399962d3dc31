/**
 * The story's charts, each built from src/data/figures.json so a number is never
 * typed twice. A value not reported but derived from reported ones says so.
 */
import { figureById, formatChange, formatFigure, formatValue } from '../data/figures.ts';
import { barChartSvg, type Bar } from './bar-chart.ts';
import type { ChartId } from './chart-ids.ts';

export interface ChartSpec {
  title: string;
  bars: Bar[];
  /** Plain-language summary, also the SVG's accessible description. */
  summary: string;
  source: string;
  /** How any derived bar was computed. */
  note?: string;
}

const tonnes = (value: number) => formatValue({ value, unit: 't rare earths' });

function chartSpec(id: ChartId): ChartSpec {
  switch (id) {
    case 'sagaing-revenue': {
      const total = figureById('sagaing_mines_revenue_fy2020_21');
      const share = figureById('letpadaung_share_of_sagaing_revenue');
      return {
        title: `Junta revenue from three Sagaing mines, ${total.period}`,
        bars: [
          { label: 'All three mines', value: total.value, valueLabel: formatFigure(total), tone: 'copper' },
          {
            label: 'Letpadaung',
            value: total.value * share.value,
            valueLabel: `${formatValue(share)} of it (Observer Net)`,
            tone: 'copper',
            derived: true,
          },
        ],
        summary: `The junta earned ${formatFigure(total)} from three mines in Sagaing Region in ${total.period}, according to Publish What You Pay Australia; ${formatValue(share)} of it came from Letpadaung, according to Observer Net.`,
        source: total.source,
      };
    }
    case 'china-investment': {
      const investment = figureById('china_investment_since_feb_2021');
      return {
        title: 'Chinese investment approved in Myanmar since the February 2021 coup',
        bars: [
          {
            label: 'China (2nd, after Singapore)',
            value: investment.value,
            valueLabel: `${formatFigure(investment)} approved`,
            tone: 'neutral',
          },
        ],
        summary: `Myanmar approved ${formatFigure(investment)} of Chinese investment after February 2021, second only to Singapore, according to DICA's figures.`,
        source: investment.source,
      };
    }
    case 'rare-earth-output': {
      const [before, after] = [figureById('myanmar_re_output_2014'), figureById('myanmar_re_output_2020')];
      return {
        title: "Myanmar's rare-earth output",
        bars: [
          { label: before.period!, value: before.value, valueLabel: formatFigure(before), tone: 'rare-earth' },
          { label: after.period!, value: after.value, valueLabel: formatFigure(after), tone: 'rare-earth' },
        ],
        summary: `Myanmar produced ${formatFigure(before)} (tonnes of rare-earth oxide equivalent) in ${before.period} and ${formatFigure(after)} in ${after.period}.`,
        source: 'Observer Net; tonnes of rare-earth oxide (REO) equivalent, as the USGS counts production',
      };
    }
    case 'china-imports-2024': {
      const [total, fromMyanmar, share, change] = [
        'china_re_imports_2024',
        'china_re_imports_from_myanmar_2024',
        'myanmar_share_of_china_re_imports_2024',
        'china_re_imports_2024_change',
      ].map(figureById) as [
        ReturnType<typeof figureById>,
        ReturnType<typeof figureById>,
        ReturnType<typeof figureById>,
        ReturnType<typeof figureById>,
      ];
      return {
        title: `China's rare-earth imports, 2024 (${formatChange(change)} on 2023)`,
        bars: [
          {
            label: 'All sources',
            value: total.value,
            valueLabel: formatFigure(total),
            tone: 'neutral',
          },
          {
            label: 'From Myanmar',
            value: fromMyanmar.value,
            valueLabel: `${formatFigure(fromMyanmar)} (${formatValue(share)})`,
            tone: 'rare-earth',
          },
        ],
        summary: `China imported ${formatFigure(total)} of rare earths in 2024, ${formatChange(change)} on 2023; ${formatFigure(fromMyanmar)}, or ${formatValue(share)}, came from Myanmar.`,
        source: total.source,
      };
    }
    case 'heavy-vs-quota': {
      const imports = figureById('china_mhre_imports_from_myanmar_2024');
      const ratio = figureById('mhre_imports_vs_domestic_heavy_quota_2024');
      const quota = imports.value / ratio.value;
      return {
        title: 'Medium and heavy rare earths from Myanmar vs China’s own quota, 2024',
        bars: [
          { label: 'Imports from Myanmar', value: imports.value, valueLabel: formatFigure(imports), tone: 'rare-earth' },
          {
            label: 'China’s heavy mining quota',
            value: quota,
            valueLabel: `about ${tonnes(Math.round(quota / 1000) * 1000)}`,
            tone: 'muted',
            derived: true,
          },
        ],
        summary: `China took ${formatFigure(imports)} of minerals bearing medium and heavy rare earths from Myanmar in 2024, ${formatValue(ratio)} its own quota for mining heavy rare earths, according to Guotai Junan.`,
        source: imports.source,
        note: `Quota bar derived: ${formatFigure(imports)} ÷ ${formatValue(ratio)}.`,
      };
    }
    case 'december-collapse': {
      const year = figureById('china_re_imports_from_myanmar_2024');
      const december = figureById('china_re_imports_from_myanmar_dec_2024');
      const monthly = year.value / 12;
      return {
        title: 'Rare-earth imports from Myanmar after the border closed',
        bars: [
          {
            label: '2024 monthly average',
            value: monthly,
            valueLabel: `about ${tonnes(Math.round(monthly / 100) * 100)}`,
            tone: 'rare-earth',
            derived: true,
          },
          { label: 'December 2024', value: december.value, valueLabel: formatFigure(december), tone: 'rare-earth' },
        ],
        summary: `Imports from Myanmar fell to ${formatFigure(december)} in December 2024, against a monthly average of about ${tonnes(Math.round(monthly / 100) * 100)} over the year.`,
        source: december.source,
        note: `Average derived: ${formatFigure(year)} over 12 months.`,
      };
    }
  }
}

/** A chart ready for the page: its spec and its SVG. */
export function renderChart(id: ChartId) {
  const spec = chartSpec(id);
  return { ...spec, svg: barChartSvg(spec.bars, `chart-title-${id}`) };
}
