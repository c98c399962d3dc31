/**
 * After the build, cuts every font down to the characters the built site draws and
 * links the result from each page. It reads the finished output rather than the
 * sources, so whatever text the content, data and components produce is covered with
 * no list to keep. A character that no font has fails the build, naming the pages.
 *
 * Pages mark where the fonts go with `<link rel="stylesheet" href="…/fonts.css" data-fonts>`
 * (src/layouts/Base.astro); that element becomes the preloads of the first screen's
 * faces and the stylesheet of @font-face rules, both hashed files of the site's own origin.
 */
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtFiles } from './built-files.ts';
import { families } from '../fonts/families.ts';
import {
  asksForFontFeatures,
  dataText,
  describeMissing,
  devFontCss,
  drawnCodePoints,
  fontFaceCss,
  pageText,
  planFonts,
  stylesheetName,
  subsetPlan,
} from '../fonts/subset.ts';

const marker = /<link\b[^>]*\bdata-fonts\b[^>]*>/;
/** Printable ASCII is always kept: scripts print numbers and interface text that no built file holds. */
const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i);

const langOf = (html: string) => /<html\b[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? '';

/**
 * How much each page counts when a CJK face is sliced: most readers arrive at an
 * edition's front page (its shortest path), so it weighs as much as all the other
 * pages together and fetches almost nothing it does not print.
 */
function readership(pages: Map<string, { html: string }>): (page: string) => number {
  const fronts = new Map<string, string>();
  for (const name of [...pages.keys()].sort((a, b) => a.length - b.length)) {
    const lang = langOf(pages.get(name)!.html);
    if (!fronts.has(lang)) fronts.set(lang, name);
  }
  const frontPages = new Set(fronts.values());
  return (page) => (frontPages.has(page) ? pages.size : 1);
}

export function subsetFonts(): AstroIntegration {
  let root = '';
  let assetsBase = '/_astro/';
  let assetsDir = '_astro';
  return {
    name: 'subset-fonts',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        assetsDir = config.build.assets;
        assetsBase = `${config.base.replace(/\/$/, '')}/${assetsDir}/`;
      },
      // The dev server has no built text to subset: it serves the whole fonts where the marker points.
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'subset-fonts:dev',
                enforce: 'pre',
                configureServer(server) {
                  server.middlewares.use((request, response, next) => {
                    if (request.url !== `${assetsBase}fonts.css`) return next();
                    response.setHeader('Content-Type', 'text/css');
                    response.end(devFontCss(families, root));
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pages = new Map<string, { path: string; html: string; points: Set<number> }>();
        const extra = new Set<number>(ascii);
        const data = new Map<string, Set<number>>();
        let keepOptIn = false;
        for await (const path of builtFiles(out)) {
          const name = `/${relative(out, path).split(sep).join('/')}`;
          if (path.endsWith('.html')) {
            const html = await readFile(path, 'utf8');
            // Astro writes a small stylesheet into the page itself.
            keepOptIn ||= asksForFontFeatures(html);
            // A page without the marker (e.g. a redirect) does not use the site's fonts.
            if (marker.test(html)) pages.set(name.replace(/index\.html$/, ''), { path, html, points: drawnCodePoints(pageText(html)) });
          } else if (/\.(geo)?json$/.test(path)) {
            const points = drawnCodePoints(dataText(await readFile(path, 'utf8')));
            points.forEach((point) => extra.add(point));
            data.set(name, points);
          } else if (path.endsWith('.css')) {
            keepOptIn ||= asksForFontFeatures(await readFile(path, 'utf8'));
          } else if (/\.m?js$/.test(path) && !/maplibre-gl/.test(path)) {
            // The site's own scripts write interface text; the map engine's code holds character tables, not text.
            drawnCodePoints(await readFile(path, 'utf8')).forEach((point) => extra.add(point));
          }
        }
        if (pages.size === 0) return;

        const plan = planFonts(families, new Map([...pages].map(([name, page]) => [name, page.points])), extra, root, readership(pages));
        if (plan.missing.size > 0) throw new Error(describeMissing(plan.missing));
        // Data files also hold strings no one draws (ids, notes): a gap there is worth a look, not a failed build.
        for (const [name, points] of data) {
          const undrawn = [...points].filter((point) => !plan.drawn.has(point));
          if (undrawn.length > 0)
            logger.warn(
              `${name}: no served font draws ${undrawn.map((point) => String.fromCodePoint(point)).join(' ')}; a map label using them would fall back to the reader's fonts.`,
            );
        }

        const fonts = await subsetPlan(plan, { keepOptIn });
        const css = fontFaceCss(fonts, assetsBase);
        const stylesheet = stylesheetName(css);
        await Promise.all([
          writeFile(join(out, assetsDir, stylesheet), css),
          ...fonts.map((font) => writeFile(join(out, assetsDir, font.name), font.bytes)),
        ]);
        // The first screen's faces, and each file of a fallback family (Chinese, Burmese) that the page's
        // text draws with: the browser would otherwise find those only once the page is laid out.
        const preloads = new Map(
          [...pages.values()].map((page) => [
            page,
            fonts.filter(
              (font) => font.face.face.preload || (!font.face.family.primary && font.points.some((point) => page.points.has(point))),
            ),
          ]),
        );
        await Promise.all(
          [...preloads].map(([page, preloaded]) => {
            const links = preloaded
              .map((font) => `<link rel="preload" as="font" type="font/woff2" href="${assetsBase}${font.name}" crossorigin>`)
              .join('');
            return writeFile(page.path, page.html.replace(marker, `${links}<link rel="stylesheet" href="${assetsBase}${stylesheet}">`));
          }),
        );

        const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
        const total = fonts.reduce((sum, font) => sum + font.bytes.length, 0);
        const preloaded = [...preloads.values()].map((files) => files.reduce((sum, font) => sum + font.bytes.length, 0));
        logger.info(
          `subset ${fonts.length} font files to the characters of ${pages.size} pages: ${kb(total)} (${kb(Math.min(...preloaded))} to ${kb(Math.max(...preloaded))} preloaded per page)`,
        );
      },
    },
  };
}
