/**
 * A small horizontal bar chart rendered to SVG at build time: labelled values instead
 * of a legend, no axes to decode. d3-scale maps values to widths.
 */
import { scaleBand, scaleLinear } from 'd3-scale';

export interface Bar {
  label: string;
  value: number;
  /** Printed at the end of the bar. */
  valueLabel: string;
  /** Colour meaning, held through the whole story (see styles/tokens.css). */
  tone: 'copper' | 'rare-earth' | 'neutral' | 'muted';
  /** Set for values derived from reported ones; rendered hatched-free but lighter. */
  derived?: boolean;
}

const toneColor: Record<Bar['tone'], string> = { copper: '#b8672e', 'rare-earth': '#6a3d9a', neutral: '#3b3b3b', muted: '#a8a29a' };

export const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function barChartSvg(bars: readonly Bar[], titleId: string): string {
  const width = 560;
  const labelWidth = 190;
  const rowHeight = 34;
  const height = bars.length * rowHeight + 8;
  const x = scaleLinear()
    .domain([0, Math.max(...bars.map((b) => b.value))])
    .range([0, width - labelWidth - 150]);
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([4, height - 4])
    .paddingInner(0.3);
  const rows = bars
    .map((bar, i) => {
      const top = y(i)!;
      const barWidth = Math.max(2, x(bar.value));
      const middle = top + y.bandwidth() / 2;
      return `<g><text x="${labelWidth - 10}" y="${middle}" text-anchor="end" dominant-baseline="middle" class="chart-label">${escapeXml(bar.label)}</text><rect x="${labelWidth}" y="${top}" width="${barWidth.toFixed(1)}" height="${y.bandwidth().toFixed(1)}" fill="${toneColor[bar.tone]}"${bar.derived ? ' fill-opacity="0.55"' : ''}/><text x="${(labelWidth + barWidth + 8).toFixed(1)}" y="${middle}" dominant-baseline="middle" class="chart-value">${escapeXml(bar.valueLabel)}</text></g>`;
    })
    .join('');
  return `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${titleId}" class="chart-svg">${rows}</svg>`;
}
