import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './content/chapter-schema.ts';
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

export const collections = { chapters };
