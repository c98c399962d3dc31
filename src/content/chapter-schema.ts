/**
 * The frontmatter of a chapter (`src/content/chapters/NN-slug.md`). Editors write it;
 * the build validates it against the layers that exist under geo/layers, so a typo in a
 * layer or feature id fails the build with the file, the field and the nearest valid id.
 *
 * The body is the chapter's prose. A line `<!-- step: short-name -->` between paragraphs
 * starts a new step: the reader scrolls through a chapter step by step, each with its own
 * link (`#<chapter-id>-<short-name>`), all showing this frontmatter's map. Markers are
 * checked by src/content/steps.ts (a misspelt or repeated one fails the build by line).
 */
import { z } from 'zod';
import { nearestName } from '../geo/nearest-name.ts';
import { storyConfig } from './story-config.ts';
import type { StoryConfig } from './story-config-schema.ts';

/** Layer id -> the feature ids that layer holds. */
export type LayerIndex = ReadonlyMap<string, readonly string[]>;

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).describe('[longitude, latitude] in degrees');

/** An id that must be one of a list the story configuration declares (its parts, its charts). */
const declaredId = (what: string, ids: readonly string[]) =>
  z.string().superRefine((id, ctx) => {
    if (ids.includes(id)) return;
    const hint = nearestName(id, ids);
    ctx.addIssue({
      code: 'custom',
      message: `unknown ${what} "${id}"${hint ? `; did you mean "${hint}"?` : ''} (${what}s are declared in src/content/story.config.json)`,
    });
  });

/**
 * Builds the chapter schema for the layers the geo pipeline knows about and the parts and
 * charts the story configuration declares.
 * @example chapterSchema(new Map([['mines', ['a', 'b']]])).parse(frontmatter)
 */
export function chapterSchema(layers: LayerIndex, story: Pick<StoryConfig, 'parts' | 'charts'> = storyConfig) {
  const layerId = z.string().superRefine((id, ctx) => {
    if (layers.has(id)) return;
    const hint = nearestName(id, [...layers.keys()]);
    ctx.addIssue({
      code: 'custom',
      message: `unknown layer "${id}"${hint ? `; did you mean "${hint}"?` : ''} (layers are the files in geo/layers/)`,
    });
  });

  /** `layer-id/feature-id`: one feature of one layer. */
  const featureRef = z.string().superRefine((ref, ctx) => {
    const [layer, feature, ...rest] = ref.split('/');
    if (!layer || !feature || rest.length > 0) {
      ctx.addIssue({ code: 'custom', message: `"${ref}" must be written as layer-id/feature-id` });
      return;
    }
    const features = layers.get(layer);
    if (!features) {
      const hint = nearestName(layer, [...layers.keys()]);
      ctx.addIssue({ code: 'custom', message: `unknown layer "${layer}" in "${ref}"${hint ? `; did you mean "${hint}"?` : ''}` });
    } else if (!features.includes(feature)) {
      const hint = nearestName(feature, features);
      ctx.addIssue({
        code: 'custom',
        message: `layer "${layer}" has no feature "${feature}"${hint ? `; did you mean "${hint}"?` : ''}`,
      });
    }
  });

  /** A layer (all its features) or one feature, for cameras that fit bounds. */
  const layerOrFeatureRef = z.string().superRefine((ref, ctx) => {
    const schema = ref.includes('/') ? featureRef : layerId;
    const result = schema.safeParse(ref);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
  });

  const camera = z
    .object({
      /** Map centre as [longitude, latitude]; use with `zoom`, or use `fit` instead. */
      center: lonLat.optional(),
      /** Zoom level (0 = whole world, 8 = a district); use with `center`. */
      zoom: z.number().min(0).max(18).optional(),
      /** Layers or `layer/feature` refs whose bounds the camera fits; computed at build time. */
      fit: z.array(layerOrFeatureRef).min(1).optional(),
      /** Upper zoom limit when fitting, so a single point does not zoom to street level. */
      maxZoom: z.number().min(0).max(18).default(9),
      /** Compass direction the map faces, in degrees clockwise from north. */
      bearing: z.number().min(-360).max(360).default(0),
      /** Tilt in degrees; 0 looks straight down. */
      pitch: z.number().min(0).max(60).default(0),
    })
    .strict()
    .superRefine((cam, ctx) => {
      const hasCenter = cam.center !== undefined || cam.zoom !== undefined;
      if (hasCenter && cam.fit) {
        ctx.addIssue({ code: 'custom', message: 'give either center + zoom or fit, not both' });
      } else if (!cam.fit && (cam.center === undefined || cam.zoom === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'needs center and zoom together, or fit: [layer ids]' });
      }
    });

  return z
    .object({
      /** Which of the story's parts the chapter belongs to (`parts` in the story configuration). */
      part: declaredId(
        'part',
        story.parts.map((part) => part.id),
      ),
      /** Chapter heading, shown above the text and in the progress bar. */
      title: z.string().min(3),
      /** Where the map looks while this chapter is in view. */
      camera,
      /** Ids of the story layers shown in this chapter (files in geo/layers/); all others are hidden. */
      layers: z.array(layerId).min(1),
      /** Features drawn emphasised, as `layer-id/feature-id`; each layer must also be in `layers`. */
      highlight: z.array(featureRef).default([]),
      /** Date the map shows, for layers with a timeline: YYYY-MM-DD; without it, the story's own date. */
      asOf: z
        // YAML parsers differ: Astro's reads an unquoted date as a Date, others as a string.
        .preprocess(
          (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
          z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD'),
        )
        .optional(),
      /** Chart shown with the chapter (`charts` in the story configuration). */
      chart: declaredId(
        'chart',
        story.charts.map((chart) => chart.id),
      ).optional(),
      /** A route drawn progressively as the reader scrolls through the chapter. */
      scrub: featureRef.optional(),
      /** Plain-text description of what the map shows in this chapter, for screen readers and static maps. */
      mapDescription: z.string().min(20),
      /** Ids of the sources this chapter draws on (src/data/sources.json). */
      sources: z.array(z.string()).min(1),
    })
    .strict()
    .superRefine((chapter, ctx) => {
      chapter.highlight.forEach((ref, index) => {
        const layer = ref.split('/')[0]!;
        if (!chapter.layers.includes(layer)) {
          ctx.addIssue({
            code: 'custom',
            path: ['highlight', index],
            message: `highlights "${ref}" but layer "${layer}" is not in this chapter's layers`,
          });
        }
      });
      if (chapter.scrub && !chapter.layers.includes(chapter.scrub.split('/')[0]!)) {
        ctx.addIssue({
          code: 'custom',
          path: ['scrub'],
          message: `scrubs "${chapter.scrub}" but its layer is not in this chapter's layers`,
        });
      }
    });
}

export type Chapter = z.infer<ReturnType<typeof chapterSchema>>;
