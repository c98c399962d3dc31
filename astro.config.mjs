// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { storyMarkdownPlugins } from './src/content/markdown-pipeline.ts';
import { engineFiles } from './src/integrations/engine-files.ts';
import { engineFromSource, engineWorkerEntry } from './src/integrations/engine-from-source.ts';
import { trimEngineStylesheet } from './src/integrations/engine-stylesheet.ts';
import { precompress } from './src/integrations/precompress.ts';
import { subsetFonts } from './src/integrations/subset-fonts.ts';

export default defineConfig({
  // The public origin (e.g. https://story.example): makes og:image and embed snippets absolute. Unset, they stay root-relative.
  site: process.env.SITE_URL || undefined,
  output: 'static',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Numbers in chapter prose are tokens rendered from data at build time (src/content/story-tokens.ts);
  // step markers split a chapter into the steps the reader scrolls through (src/content/steps.ts).
  // Chapter HTML is cut down to an allowlist (src/content/rehype-story-sanitize.ts); geo:check reports the same drops first.
  // The back matter goes through the same plugins (src/content/markdown-pipeline.ts).
  markdown: { processor: unified(storyMarkdownPlugins()) },
  devToolbar: { enabled: false },
  // Fonts and the engine's file list first: precompress then compresses the pages and stylesheet they rewrite.
  integrations: [engineFromSource(), subsetFonts(), engineFiles('src/map/story-map.ts', engineWorkerEntry), precompress()],
  vite: {
    // The map engine's stylesheet without the controls, popups and markers the live map never makes.
    css: { postcss: { plugins: [trimEngineStylesheet()] } },
    // No inlined assets: every file is served from the site's own origin under a strict CSP.
    build: { assetsInlineLimit: 0 },
  },
});
