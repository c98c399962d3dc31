import { describe, expect, it } from 'vitest';
import { filesOfEntries } from '../../src/integrations/engine-files.ts';

const chunk = (fileName: string, facadeModuleId: string | null, imports: string[], assets: string[] = [], css: string[] = []) => ({
  type: 'chunk' as const,
  fileName,
  facadeModuleId,
  imports,
  viteMetadata: { importedAssets: new Set(assets), importedCss: new Set(css) },
});

// The shape of a client bundle: the page's entry, the engine it imports lazily, the engine's worker
// entry (referred to by URL, so its metadata names it by a placeholder), and what they pull in.
const bundle = {
  '_astro/page.js': chunk('_astro/page.js', '/site/src/scripts/page.ts', ['_astro/shared.js']),
  '_astro/map.js': chunk(
    '_astro/map.js',
    '/site/src/map/story-map.ts',
    ['_astro/engine.js', '_astro/shared.js'],
    ['_astro/worker.!~{00d}~.js'],
    ['_astro/engine.css'],
  ),
  '_astro/engine.js': chunk('_astro/engine.js', null, ['_astro/engine-both.js', '_astro/shared.js']),
  '_astro/engine-both.js': chunk('_astro/engine-both.js', null, []),
  '_astro/worker.js': chunk('_astro/worker.js', '/site/node_modules/engine/src/worker.ts', ['_astro/engine-worker.js']),
  '_astro/engine-worker.js': chunk('_astro/engine-worker.js', null, ['_astro/engine-both.js']),
  '_astro/shared.js': chunk('_astro/shared.js', null, []),
  '_astro/engine.css': { type: 'asset' as const, fileName: '_astro/engine.css' },
};
const entries = ['src/map/story-map.ts', 'node_modules/engine/src/worker.ts'];

describe('the map engine’s files', () => {
  it('are its entry chunks, the chunks they import at any depth and the stylesheets they import, each once', () => {
    expect(filesOfEntries(bundle, entries).sort()).toEqual(
      [
        '_astro/engine-both.js',
        '_astro/engine-worker.js',
        '_astro/engine.css',
        '_astro/engine.js',
        '_astro/map.js',
        '_astro/shared.js',
        '_astro/worker.js',
      ].sort(),
    );
  });

  it('leave out chunks the engine does not import, and names that are not files of the bundle', () => {
    const files = filesOfEntries(bundle, entries);
    expect(files).not.toContain('_astro/page.js');
    expect(files.filter((file) => file.includes('!~{'))).toEqual([]);
  });

  it('name the entry when no chunk is built from it', () => {
    expect(() => filesOfEntries(bundle, ['src/map/renamed.ts'])).toThrow(/src\/map\/renamed\.ts.*astro\.config\.mjs/);
  });
});
