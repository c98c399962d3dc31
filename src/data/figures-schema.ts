/**
 * The shape of src/data/figures.json. Every figure says what its unit counts, so a
 * reader is never left to guess whether "31,000 tonnes" is ore or oxide, or whether
 * "$530 million" was spent or only approved. Checked by `npm run geo:check`.
 */
import { z } from 'zod';
import { translationShape } from '../content/translations.ts';

/** A figure's reader text that a translated edition gives in its own language. */
export const translatedFigureFields = ['hedge', 'what', 'source'] as const;

/** Each unit with what it counts; formatting in src/data/figures.ts follows it. */
export const figureUnits = {
  'USD estimated revenue': 'US dollars of revenue, as estimated by the source',
  'USD approved investment': 'US dollars of approved (permitted) foreign investment, not money spent',
  't REO': 'tonnes of rare-earth oxide (REO) equivalent, the unit of USGS production statistics',
  't rare earths': 'tonnes of rare-earth products as the source reports them (customs weight)',
  share: 'a fraction of a whole, printed as a percentage',
  change: 'a signed change against an earlier period: negative is a fall',
  ratio: 'one quantity as a multiple of another',
  years: 'a duration in years',
  ships: 'a count of ships',
  structures: 'a count of buildings or other structures',
} as const;
export type FigureUnit = keyof typeof figureUnits;

const unitNames = Object.keys(figureUnits) as [FigureUnit, ...FigureUnit[]];

export const figureSchema = z
  .object({
    /** Token id used in chapter prose: lowercase words joined by underscores. */
    id: z.string().regex(/^[a-z0-9]+(_[a-z0-9]+)*$/, 'must be lowercase words joined by underscores'),
    /** The number as reported; a fall is negative. */
    value: z.number(),
    /** What the number counts. */
    unit: z.enum(unitNames, { error: `must be one of ${unitNames.map((u) => `"${u}"`).join(', ')}` }),
    /** How the source hedges it: "about", "more than", or "an estimated". */
    hedge: z.enum(['about', 'more than', 'an estimated']).optional(),
    /** The period the figure covers. */
    period: z.string().optional(),
    /** What is counted, in a reader's words. */
    what: z.string().min(10),
    /** Who reported it, as readers see it. */
    source: z.string().min(3),
    /** Its text in each translated edition: `"zh": { "hedge": "约", "what": "…", "source": "…" }`. */
    ...translationShape(translatedFigureFields),
  })
  .strict()
  .refine((figure) => figure.unit === 'change' || figure.value >= 0, {
    message: 'is negative: only a "change" can be negative (a fall); give the count itself as a positive number',
    path: ['value'],
  });

export const figuresFileSchema = z
  .object({
    about: z.string(),
    figures: z.array(figureSchema),
    events: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/), what: z.string() }).strict()),
  })
  .strict();

export type Figure = z.infer<typeof figureSchema>;
