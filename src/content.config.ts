import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { chapterSchema } from './content/chapter-schema.ts';
import { translatedEditions } from './content/translations.ts';
import { storyPath } from './content/story-root.ts';
import { storyGeo } from './geo/pipeline.ts';

const layerIndex = new Map(storyGeo().layers.map((layer) => [layer.id, layer.featureIds]));

/** Chapters are `NN-slug.md`: NN orders the story, the slug is the chapter id and URL hash. */
const chapters = defineCollection({
  loader: glob({
    pattern: '*.md',
    // The story being built may live outside src/ (STORY_ROOT): its chapters are read from its root.
    base: storyPath('src/content/chapters'),
    generateId: ({ entry }) => entry.replace(/^\d+-/, '').replace(/\.md$/, ''),
  }),
  schema: chapterSchema(layerIndex),
});

/** Each translated edition's chapters: the same file names under src/content/<path>/chapters/, frontmatter holding only the text. */
const translatedChapters = Object.fromEntries(
  translatedEditions.map((edition) => [
    `chapters-${edition.path}`,
    defineCollection({
      loader: glob({
        pattern: '*.md',
        base: `./src/content/${edition.path}/chapters`,
        generateId: ({ entry }) => entry.replace(/^\d+-/, '').replace(/\.md$/, ''),
      }),
      schema: z.object({ title: z.string().min(1), mapDescription: z.string().min(1) }).strict(),
    }),
  ]),
);

export const collections = { chapters, ...translatedChapters };
