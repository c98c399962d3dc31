/**
 * Builds the map engine from the TypeScript sources MapLibre ships, as part of the site's own
 * bundle, rather than serving its two prebuilt files. Each prebuilt file carries every module it
 * needs, so the code both threads run (the style specification, buckets, geometry, expressions)
 * is downloaded twice: 354 KB brotli for the pair. Built here, the worker is a second entry of
 * the same bundle and that code is one chunk both import, downloaded once: 258 KB.
 *
 * The engine's modules (MapLibre and the packages it depends on) go to chunks named
 * `maplibre-gl…`, split by which of the two entries uses them: the page's, the worker's, both.
 * They stay apart from the story's code, so a change to the story does not re-download them.
 *
 * MapLibre's sources are compiled as its own build compiles them: a class field declared
 * without a value is a type, not a field set to undefined (TypeScript's
 * `useDefineForClassFields: false`). Its typed arrays declare their views that way and set
 * them in the base class's constructor; compiled as this project's own code is, the
 * subclasses would clear them again.
 *
 * The map runtime imports the worker's URL from `virtual:map-engine-worker-url`. Only a build is
 * made this way: the development server pre-bundles dependencies without the site's plugins,
 * so there the engine is MapLibre's two prebuilt files.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'rolldown/utils';

const workerUrlModule = 'virtual:map-engine-worker-url';
const resolvedWorkerUrlModule = `\0${workerUrlModule}`;

// Its real path, the one module ids carry where node_modules is a link (as in the tests' copies of the project).
const engineRoot = `${realpathSync(fileURLToPath(new URL('../../node_modules/maplibre-gl', import.meta.url)))}/`;
const engineSources = `${engineRoot}src/`;
const manifest = JSON.parse(readFileSync(`${engineRoot}package.json`, 'utf8')) as { dependencies: Record<string, string> };
const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const isEngineModule = new RegExp(
  `[\\\\/]node_modules[\\\\/](${['maplibre-gl', ...Object.keys(manifest.dependencies)].map(escape).join('|')})[\\\\/]`,
);

/** The module the engine's workers start from (also for the engine-files integration). */
export const engineWorkerEntry = `${engineSources}source/worker.ts`;

/** Compiles MapLibre's TypeScript as its own build does (see above). */
function compileEngineSources(): Plugin {
  return {
    name: 'engine-from-source:class-fields',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(engineSources) || !id.endsWith('.ts')) return undefined;
      const compiled = transformSync(id, code, {
        lang: 'ts',
        typescript: { removeClassFieldsWithoutInitializer: true },
        assumptions: { setPublicClassFields: true },
      });
      if (compiled.errors.length) this.error(`could not compile ${id}: ${compiled.errors[0]!.message}`);
      return { code: compiled.code, map: compiled.map, moduleType: 'js' };
    },
  };
}

/** `virtual:map-engine-worker-url`: the worker's entry, emitted as a chunk of the browser's bundle; else the prebuilt worker. */
function workerUrl(bundled: boolean): Plugin {
  return {
    name: 'engine-from-source:worker-url',
    resolveId: (id) => (id === workerUrlModule ? resolvedWorkerUrlModule : undefined),
    load(id) {
      if (id !== resolvedWorkerUrlModule) return undefined;
      if (!bundled || this.environment.name !== 'client') return `export { default } from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';`;
      const worker = this.emitFile({ type: 'chunk', id: engineWorkerEntry, name: 'maplibre-gl-worker' });
      return `export default import.meta.ROLLUP_FILE_URL_${worker};`;
    },
  };
}

export function engineFromSource(): AstroIntegration {
  return {
    name: 'engine-from-source',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        const bundled = command === 'build';
        updateConfig({
          vite: bundled
            ? {
                resolve: { alias: [{ find: /^maplibre-gl$/, replacement: `${engineSources}index.ts` }] },
                build: {
                  rolldownOptions: {
                    output: { codeSplitting: { groups: [{ name: 'maplibre-gl', test: isEngineModule, entriesAware: true }] } },
                  },
                },
                plugins: [compileEngineSources(), workerUrl(true)],
              }
            : { plugins: [workerUrl(false)] },
        });
      },
    },
  };
}
