/**
 * Tells pages which files the map engine is made of (its chunks, worker and stylesheet),
 * so the page can download them ahead of importing them: importing runs the engine, a
 * download does not. The list is known only once the client bundle is written, and it is
 * put in the HTML (never cached for long), not in a script whose name hashed its content
 * before the list was in it.
 *
 * A page marks the element that carries the list with an empty `data-engine-files`
 * attribute (src/components/StoryView.astro); the built page has the files' paths there,
 * separated by spaces. In development the attribute stays empty.
 */
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { builtFiles } from './built-files.ts';

/** What this reads of the bundler's output (Rolldown's OutputBundle, with Vite's metadata). */
type Bundle = Record<
  string,
  | { type: 'asset'; fileName: string }
  | {
      type: 'chunk';
      fileName: string;
      facadeModuleId: string | null;
      imports: string[];
      viteMetadata?: { importedAssets: Set<string>; importedCss: Set<string> };
    }
>;

const marker = /\sdata-engine-files(="")?(?=[\s>])/g;

/** The engine's entry chunks, the chunks they import and the assets and stylesheets those import. */
export function filesOfEntries(bundle: Bundle, entries: readonly string[]): string[] {
  const chunks = Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [file] : []));
  const files = new Set<string>();
  const visit = (fileName: string) => {
    if (files.has(fileName)) return;
    files.add(fileName);
    const chunk = bundle[fileName];
    if (chunk?.type !== 'chunk') return;
    chunk.imports.forEach(visit);
    for (const asset of [...(chunk.viteMetadata?.importedAssets ?? []), ...(chunk.viteMetadata?.importedCss ?? [])]) files.add(asset);
  };
  for (const entry of entries) {
    const start = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(entry));
    if (!start)
      throw new Error(`engine-files: no chunk of the client bundle is built from ${entry}; update the entry in astro.config.mjs.`);
    visit(start.fileName);
  }
  // A chunk's metadata also names the files it refers to by URL, as placeholders not yet hashed.
  return [...files].filter((file) => file in bundle);
}

/**
 * `entries`: the modules the engine starts from, by path (relative to the project or absolute):
 * the one the page imports to start it, and the one its workers load.
 */
export function engineFiles(...entries: string[]): AstroIntegration {
  let base = '/';
  let files: string[] | undefined;
  return {
    name: 'engine-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      // One build of several Vite environments: the browser's bundle is the client's.
      'astro:build:setup': ({ updateConfig }) => {
        updateConfig({
          plugins: [
            {
              name: 'engine-files:collect',
              generateBundle(_options, bundle) {
                if (this.environment.name === 'client') files = filesOfEntries(bundle, entries);
              },
            },
          ],
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!files) throw new Error('engine-files: the client bundle was not seen; is the integration listed in astro.config.mjs?');
        const list = files.map((file) => `${base}${file}`).join(' ');
        let pages = 0;
        for await (const path of builtFiles(fileURLToPath(dir))) {
          if (!path.endsWith('.html')) continue;
          const html = await readFile(path, 'utf8');
          const marked = html.replace(marker, ` data-engine-files="${list}"`);
          if (marked === html) continue;
          await writeFile(path, marked);
          pages++;
        }
        logger.info(`listed the map engine's ${files.length} files on ${pages} pages`);
      },
    },
  };
}
