import { describe, expect, it } from 'vitest';
import { filesOfEntry } from '../../src/integrations/engine-files.ts';

const chunk = (fileName: string, facadeModuleId: string | null, imports: string[], assets: string[] = [], css: string[] = []) => ({
  type: 'chunk' as const,
  fileName,
  facadeModuleId,
  imports,
  viteMetadata: { importedAssets: new Set(assets), importedCss: new Set(css) },
});

// The shape of a client bundle: the page's entry, the engine it imports lazily, and what the engine pulls in.
const bundle = {
  '_astro/page.js': chunk('_astro/page.js', '/site/src/scripts/page.ts', ['_astro/shared.js']),
  '_astro/map.js': chunk(
    '_astro/map.js',
    '/site/src/map/story-map.ts',
    ['_astro/engine.js', '_astro/shared.js'],
    ['_astro/worker.mjs'],
    ['_astro/engine.css'],
  ),
  '_astro/engine.js': chunk('_astro/engine.js', null, ['_astro/shared.js']),
  '_astro/shared.js': chunk('_astro/shared.js', null, []),
  '_astro/worker.mjs': { type: 'asset' as const, fileName: '_astro/worker.mjs' },
  '_astro/engine.css': { type: 'asset' as const, fileName: '_astro/engine.css' },
};

describe('the map engine’s files', () => {
  it('are its entry chunk, the chunks it imports at any depth and the assets and stylesheets they import, each once', () => {
    expect(filesOfEntry(bundle, 'src/map/story-map.ts').sort()).toEqual(
      ['_astro/engine.css', '_astro/engine.js', '_astro/map.js', '_astro/shared.js', '_astro/worker.mjs'].sort(),
    );
  });

  it('leave out chunks the engine does not import', () => {
    expect(filesOfEntry(bundle, 'src/map/story-map.ts')).not.toContain('_astro/page.js');
  });

  it('name the entry when no chunk is built from it', () => {
    expect(() => filesOfEntry(bundle, 'src/map/renamed.ts')).toThrow(/src\/map\/renamed\.ts.*astro\.config\.mjs/);
  });
});
