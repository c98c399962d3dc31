/**
 * The story configuration's reader text in each edition: the source edition's comes from
 * src/content/story.config.json, a translated edition's from src/content/<path>/story.config.json
 * (the same keys, text only; geo:check proves it complete before the build runs). Map
 * state, dates and chart data are never translated: they come from the source.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Edition } from './story-config-schema.ts';
import { storyConfig } from './story-config.ts';

export interface ChartText {
  title: string;
  summary: string;
  /** Absent in a translation when the source's is tokens only: the tokens then print in the edition's language. */
  source?: string;
  note?: string;
  bars: { label: string; valueLabel: string }[];
}

export interface StoryText {
  title: string;
  headline: string;
  kicker: string;
  description: string;
  embedDescription: string;
  dek: string;
  byline: string;
  original: { name: string };
  credits: { embed: string; card: string; sources: string; mapData: string };
  parts: Record<string, { label: string; title: string }>;
  timelineTable: { rowHeader: string; caption: string };
  charts: Record<string, ChartText>;
}

/** The source edition's text, as the story configuration holds it. */
function sourceText(): StoryText {
  const { title, headline, kicker, description, embedDescription, dek, byline, original, credits, timelineTable } = storyConfig;
  return {
    title,
    headline,
    kicker,
    description,
    embedDescription,
    dek,
    byline,
    original: { name: original.name },
    credits,
    parts: Object.fromEntries(storyConfig.parts.map(({ id, label, title: partTitle }) => [id, { label, title: partTitle }])),
    timelineTable,
    charts: Object.fromEntries(
      storyConfig.charts.map((chart) => [
        chart.id,
        {
          title: chart.title,
          summary: chart.summary,
          source: chart.source,
          ...(chart.note === undefined ? {} : { note: chart.note }),
          bars: chart.bars.map(({ label, valueLabel }) => ({ label, valueLabel })),
        },
      ]),
    ),
  };
}

/** Where a translated edition's configuration text lives, relative to the project root. */
export const translatedConfigFile = (edition: Edition): string => `src/content/${edition.path}/story.config.json`;

const cache = new Map<string, StoryText>();

/** The story's reader text in an edition. A translation that is missing here was already reported by geo:check; the build stops naming it. */
export function storyText(edition: Edition): StoryText {
  const hit = cache.get(edition.path);
  if (hit) return hit;
  let text: StoryText;
  if (!edition.path) text = sourceText();
  else {
    const file = join(process.cwd(), translatedConfigFile(edition));
    if (!existsSync(file))
      throw new Error(`${translatedConfigFile(edition)} is missing: the ${edition.lang} edition needs the story configuration's text`);
    text = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as StoryText;
  }
  cache.set(edition.path, text);
  return text;
}
