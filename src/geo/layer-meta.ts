/**
 * The metadata file that sits beside every layer's GeoJSON: `geo/layers/<id>.meta.json`.
 * Editors write these by hand, so every field carries a one-line description that
 * shows up in validation errors and in the format documentation (geo/README.md).
 */
import { z } from 'zod';
import { siblingShape, translationShape } from '../content/translations.ts';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written as #rrggbb, e.g. "#b5651d"');

const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be a date written as YYYY-MM or YYYY-MM-DD');

const httpUrl = z.url({ protocol: /^https?$/, error: 'must start with http:// or https://' });

/**
 * Words that mark an editor's working note, never reader text: a file of this
 * repository or of the build machine, the brief, a placeholder, a to-do for editors.
 */
export const internalTextPattern =
  /(places\.json|\.geojson\b|\.meta\.json|geo\/(layers|basemap|sources)\/|\/work\/|\/tmp\/|\bbrief\b|\bTODO\b|\bFIXME\b|\bTK\b|\blorem\b|before publishing|\bcheck (both|on|against)\b)/i;

/** Reader text: what the catalog, credits, legend, alt text and /data/layers.json may show. */
const readerText = (min: number) =>
  z
    .string()
    .min(min)
    .refine((text) => !internalTextPattern.test(text), {
      error: (issue) =>
        `is shown to readers but holds an editor's note ("${String(issue.input).match(internalTextPattern)?.[0]}"): move it to "derivation" or "editorNotes"`,
    });

/** How a layer is drawn. Each kind has its module in src/layer-kinds/ (the registry there will not compile without it). */
export const layerKinds = ['region', 'area', 'point', 'route', 'heatmap'] as const;
export type LayerKind = (typeof layerKinds)[number];

export const layerStyleSchema = z
  .object({
    /** How the layer is drawn: `region` (filled polygon with an outline), `area` (soft, dashed polygon for fuzzy extents), `point` (circle markers), `route` (lines), `heatmap` (the density of many points). */
    kind: z.enum(layerKinds),
    /** The one colour that carries this layer's meaning through the whole story. */
    color: hexColor,
    /** Draw lines and outlines dashed: the house sign for anything proposed or approximate. */
    dashed: z.boolean().default(false),
    /** Marker shape for points: a filled circle, or a ring (used for approximate places). */
    marker: z.enum(['dot', 'ring']).default('dot'),
    /** Feature property whose value is drawn as the map label, if any. */
    labelProperty: z.string().optional(),
  })
  .strict();

/** The metadata's reader text that a translated edition gives in its own language. */
export const translatedMetaFields = ['title', 'description', 'legend', 'approximateNote'] as const;

export const layerMetaSchema = z
  .object({
    /** Reader field. Short human title, shown in the legend header and in the layer catalog. */
    title: readerText(3),
    /** Reader field. One or two sentences saying what the layer shows. */
    description: readerText(10),
    /** Reader field. Legend entry shown beside the swatch while the layer is on the map. */
    legend: readerText(2),
    /** Reader field. Where the data comes from: a name readers recognise and a link to it. */
    source: z.object({ name: readerText(2), url: httpUrl }).strict(),
    /** Reader field. Licence of the data, e.g. "Public domain (Natural Earth)" or "CC BY 4.0 (GeoNames)". */
    licence: readerText(2),
    /** When the data was made or last checked. */
    date: isoDate,
    /** Editor note, never published. How the file was derived from its source, step by step, so it can be rebuilt. */
    derivation: z.string().min(10),
    /** Editor note, never published. What to check or redo before the next edition. */
    editorNotes: z.string().optional(),
    /** True if any geometry is placed by reasoning rather than looked up; the map then says so. */
    approximate: z.boolean(),
    /** Reader field. Why and how much the layer is approximate; required when `approximate` is true. */
    approximateNote: readerText(1).optional(),
    /** How the layer is drawn. */
    style: layerStyleSchema,
    /** Where the layer draws among the story's layers: lower first (underneath); equal orders draw in file-name order. */
    drawOrder: z.number().int().min(-100).max(100).default(0),
    /** Feature properties that may be shown to readers; every other property is dropped at build time. */
    readerProperties: z.array(z.string()).default(['name']),
    /** Coordinate precision kept in the published file (decimal places, at most 6). */
    precision: z.number().int().min(1).max(6).default(5),
    /** Whether the layer is cut into vector tiles: `auto` when its published GeoJSON is over 1 MB; `never` keeps one GeoJSON file (which must stay under 2 MB); `always` tiles even a small layer. */
    tiles: z.enum(['auto', 'always', 'never']).default('auto'),
    /** Tolerance in metres for simplifying lines and outlines at build time; 0 turns it off. Default: 10 m for layers over 1 MB, none for smaller ones. */
    simplify: z.number().min(0).max(5000).optional(),
    /** Reader fields in each translated edition, by the edition's path: `"zh": { "title": "…", … }`. */
    ...translationShape(translatedMetaFields),
  })
  .strict()
  .refine((meta) => !meta.approximate || (meta.approximateNote?.length ?? 0) > 0, {
    message: 'an approximate layer needs an "approximateNote" saying what is approximate and why',
    path: ['approximateNote'],
  });

export type LayerMeta = z.infer<typeof layerMetaSchema>;

/** The metadata fields readers may see; `derivation` and `editorNotes` are for editors only. */
export const readerMetaFields = ['title', 'description', 'legend', 'source', 'licence', 'date', 'approximate', 'approximateNote'] as const;
export type ReaderMeta = Pick<LayerMeta, (typeof readerMetaFields)[number]>;

/** A layer's metadata as published: reader fields only. */
export function readerMeta(meta: LayerMeta): ReaderMeta {
  return Object.fromEntries(
    readerMetaFields.filter((field) => meta[field] !== undefined).map((field) => [field, meta[field]]),
  ) as ReaderMeta;
}

/** Editor notes of a layer: text that must never reach a published file. */
export const editorNoteTexts = (meta: LayerMeta): string[] =>
  [meta.derivation, meta.editorNotes].filter((text): text is string => Boolean(text));

/**
 * Properties every feature in a story layer carries. `id` is what chapters name in
 * `highlight`; `approximate` switches the feature to the approximate look.
 */
export const featurePropertiesSchema = z
  .object({
    /** Unique within the layer; lowercase words joined by hyphens. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens'),
    /** Name shown to readers. */
    name: z.string().min(1),
    /** True if this feature's position or extent is placed by reasoning, not looked up. */
    approximate: z.boolean().optional(),
    /** Status changes over time, oldest first, so a chapter can show the state at its date. */
    timeline: z
      .array(z.object({ from: isoDate, status: z.enum(['open', 'closed', 'restricted']), note: z.string().optional() }))
      .optional(),
    /** Who controlled the place over time, oldest first; a chapter shows the entry in force at its date. `label` is reader text. */
    control: z
      .array(
        z
          .object({
            from: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD'),
            label: z.string().min(3),
            source: z.string().min(2),
            ...siblingShape(['label']),
          })
          .strict(),
      )
      .optional(),
  })
  .loose();

/** A layer's `style`, defaults filled in. */
export type LayerStyle = z.infer<typeof layerStyleSchema>;
