/** Charts a chapter can name in its `chart` field; each id has a renderer in src/charts/. */
export const chartIds = [
  'sagaing-revenue',
  'china-investment',
  'rare-earth-output',
  'china-imports-2024',
  'heavy-vs-quota',
  'december-collapse',
] as const;

export type ChartId = (typeof chartIds)[number];
