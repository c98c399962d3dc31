/**
 * The schema of a story's configuration (src/content/story.config.json): everything that
 * is one story's and not the engine's. The engine reads these values and names none of them.
 */
import { z } from 'zod';

const lonLatBox = z
  .object({
    /** Western edge, degrees of longitude. */
    west: z.number().min(-180).max(180),
    /** Southern edge, degrees of latitude. */
    south: z.number().min(-90).max(90),
    /** Eastern edge, degrees of longitude. */
    east: z.number().min(-180).max(180),
    /** Northern edge, degrees of latitude. */
    north: z.number().min(-90).max(90),
  })
  .strict()
  .refine((box) => box.west < box.east && box.south < box.north, 'west must be less than east and south less than north');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD');
/** Prose with `{original}` where the link to the original source goes. */
const withOriginal = z.string().min(3);

/** Where a bar's length comes from: one figure, or two combined (the bar is then marked derived). */
const barValue = z.union([
  /** A figure from figures.json, by id. */
  z.object({ figure: z.string() }).strict(),
  /** The product of two figures (e.g. a total times a share). */
  z.object({ product: z.tuple([z.string(), z.string()]) }).strict(),
  /** A figure divided by another figure or by a number (e.g. a year's total over 12 months). */
  z.object({ quotient: z.tuple([z.string(), z.union([z.string(), z.number().positive()])]) }).strict(),
]);

const bar = z
  .object({
    /** Text beside the bar; may hold chart tokens. */
    label: z.string().min(1),
    /** What the bar measures. */
    value: barValue,
    /** Printed at the end of the bar; may hold chart tokens. */
    valueLabel: z.string().min(1),
    /** Colour meaning, held through the whole story (see src/charts/bar-chart.ts). */
    tone: z.enum(['copper', 'rare-earth', 'neutral', 'muted']),
  })
  .strict();

const chart = z
  .object({
    /** The id a chapter names in its `chart` field. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words joined by hyphens'),
    /** How the chart is drawn; bar charts are the one kind so far. */
    kind: z.literal('bar'),
    /** Caption above the chart; may hold chart tokens. */
    title: z.string().min(3),
    /** The bars, top to bottom. */
    bars: z.array(bar).min(1),
    /** Plain-language summary, also the SVG's accessible description; may hold chart tokens. */
    summary: z.string().min(10),
    /** Who reported the numbers; `{{source figure-id}}` prints a figure's source. */
    source: z.string().min(3),
    /** How any derived bar was computed. */
    note: z.string().optional(),
  })
  .strict();

const part = z
  .object({
    /** The id chapters name in their `part` field. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words joined by hyphens'),
    /** Short label before the title, e.g. "Part 1". */
    label: z.string().min(1),
    /** The part's heading, shown above its first chapter. */
    title: z.string().min(3),
  })
  .strict();

/**
 * One edition of the story: a language and where its pages live. The first edition is the
 * source (its text is the story's own files); every other edition is an overlay of
 * translations keyed by its `path`: src/content/<path>/ (the story configuration's and the
 * chapters' text, the back matter), `"<path>": {…}` in the layer metadata, figures and
 * sources, `"<prop>:<path>"` beside each reader property of a layer's features, and
 * geo/sources/place-names.<path>.json for the basemap's labels.
 */
const edition = z
  .object({
    /** BCP 47 language tag, as pages' `lang` and Intl take it, e.g. "en-GB" or "zh-Hans". */
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag, e.g. "en-GB" or "zh-Hans"'),
    /** Where the edition's pages live: "" for the source edition (/), e.g. "zh" for /zh/; also the key of its translations. */
    path: z.union([z.literal(''), z.string().regex(/^[a-z]{2,3}(?:-[a-z0-9]+)*$/, 'a short lowercase language code, e.g. "zh"')]),
    /** The language's own name, as the language switcher prints it, e.g. "English" or "中文". */
    name: z.string().min(1),
  })
  .strict();

export const storyConfigSchema = z
  .object({
    /** The story's editions, source first (default: one English edition at /). */
    editions: z
      .array(edition)
      .min(1)
      .default([{ lang: 'en', path: '', name: 'English' }]),
    /** The story's title, as the masthead, embeds and previews print it. */
    title: z.string().min(3),
    /** The story page's document title (title plus subject, for search results and tabs). */
    headline: z.string().min(3),
    /** The line above the title, e.g. "Map story · Myanmar"; previews print it in capitals. */
    kicker: z.string().min(3),
    /** The story page's meta description. */
    description: z.string().min(20),
    /** The embedded story's meta description. */
    embedDescription: z.string().min(20),
    /** The standfirst under the title. */
    dek: z.string().min(20),
    /** Who wrote it from what, and as of when; `{original}` becomes the link to the original. */
    byline: withOriginal,
    /** The article the story is based on: a source id in sources.json and the name its link prints. */
    original: z.object({ source: z.string(), name: z.string().min(2) }).strict(),
    /** Credit lines: for the embedded story, for a chapter card, and the map data's owners. */
    credits: z
      .object({
        /** The embed's one-line credit. */
        embed: withOriginal,
        /** A chapter card's credit, after the story's title. */
        card: withOriginal,
        /** The opening of the Sources section: how the story relates to the original. */
        sources: withOriginal,
        mapData: z.string().min(3),
      })
      .strict(),
    /** The date the story speaks from: what a chapter without `asOf` shows. */
    asOf: isoDate,
    /** The day of this edition's latest corrections. */
    corrected: isoDate,
    /** The part of the world the story maps; a layer outside it fails geo:check. */
    region: lonLatBox,
    /** What the live map frames before its first chapter applies: [west, south, east, north]. */
    initialBounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    /** The basemap country drawn as home land (its `id` in geo/basemap/countries), the others as foreign land. */
    homeCountry: z.string().min(2),
    /** Colour of a route as it is drawn progressively by scrolling (a chapter's `scrub`). */
    scrubColor: z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour written as #rrggbb'),
    /** The story's parts, in order; each chapter names one. */
    parts: z.array(part).min(1),
    /** Wording of the table that lists timeline features' statuses chapter by chapter. */
    timelineTable: z.object({ rowHeader: z.string().min(1), caption: z.string().min(10) }).strict(),
    /** The charts chapters can show, declared as data over figures.json. */
    charts: z.array(chart).default([]),
  })
  .strict()
  .superRefine((config, ctx) => {
    const duplicates = (ids: string[]) => ids.filter((id, index) => ids.indexOf(id) !== index);
    for (const id of duplicates(config.parts.map((p) => p.id)))
      ctx.addIssue({ code: 'custom', path: ['parts'], message: `part "${id}" is declared twice` });
    for (const path of duplicates(config.editions.map((e) => e.path)))
      ctx.addIssue({ code: 'custom', path: ['editions'], message: `edition path "${path}" is declared twice` });
    if (config.editions[0]!.path !== '')
      ctx.addIssue({
        code: 'custom',
        path: ['editions', 0, 'path'],
        message: 'the first edition is the source edition: its path must be ""',
      });
    config.editions.slice(1).forEach((e, index) => {
      if (e.path === '')
        ctx.addIssue({ code: 'custom', path: ['editions', index + 1, 'path'], message: 'only the first (source) edition has the path ""' });
    });
    for (const id of duplicates(config.charts.map((c) => c.id)))
      ctx.addIssue({ code: 'custom', path: ['charts'], message: `chart "${id}" is declared twice` });
  });

export type StoryConfig = z.infer<typeof storyConfigSchema>;
export type ChartConfig = StoryConfig['charts'][number];
export type Edition = StoryConfig['editions'][number];
export type BarValue = z.infer<typeof barValue>;
