import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './content/chapter-schema.ts';
import { storyGeo } from './geo/pipeline.ts';

const layerIndex = new Map(storyGeo().layers.map((layer) => [layer.id, layer.featureIds]));

/** Chapters are `NN-slug.md`: NN orders the story, the slug is the chapter id and URL hash. */
const chapters = defineCollection({
  loader: glob({
    pattern: '*.md',
    base: './src/content/chapters',
    generateId: ({ entry }) => entry.replace(/^\d+-/, '').replace(/\.md$/, ''),
  }),
  schema: chapterSchema(layerIndex),
});

export const collections = { chapters };
