/**
 * Builds the REFERENCE page: the same chapters, camera and layers, run the way the
 * mapbox/storytelling template runs them, so the story's figures have a baseline
 * measured in the same run. What makes it "the template":
 * - a page whose body is empty: one script loads the engine and the config, then builds
 *   the chapters' text from the config and creates the map at once;
 * - every layer and source in the style up front, with MapLibre's default GeoJSON
 *   maxzoom, so every file is fetched and cut into tiles at every zoom from the start;
 * - a chapter toggles its layers' opacity on enter and again on exit (onChapterEnter /
 *   onChapterExit), with a step observer at mid-viewport (scrollama's offset 0.5);
 * - flyTo on enter at MapLibre's default speed, no duration or cap; no lazy loading.
 * What keeps it fair: the same MapLibre build, basemap style, layer styles, data files,
 * prose, map size (the story's sticky 60 % column on a desktop, the whole screen on a
 * phone, as the template's), and the same contract attributes (data-map-state,
 * data-map-idle, html[data-active-chapter]) for the bench.
 */
import { along, length } from '@turf/turf';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { AddLayerObject, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { basemapStyle } from '../../src/map/basemap-style.ts';
import { routeLabelSource } from '../../src/layer-kinds/style-helpers.ts';
import { storyMapLayers } from '../../src/map/layer-registry.ts';
import type { StoryData } from '../../src/map/story-data.ts';

export const referencePrefix = '/reference/';
const maplibreDist = fileURLToPath(new URL('../../node_modules/maplibre-gl/dist/', import.meta.url));

/** The story's own data, as the built page hands it to the browser. */
export function storyDataFromHtml(html: string): StoryData {
  const match = /<script type="application\/json" id="story-data"[^>]*>([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('dist/index.html has no <script id="story-data">');
  return JSON.parse(match[1]!) as StoryData;
}

/** Each chapter's heading and paragraphs from the built page: the same prose, so the same scroll length. */
function chapterProse(html: string): Map<string, string> {
  const prose = new Map<string, string>();
  for (const [, id, body] of html.matchAll(/<section\b[^>]*\bdata-chapter="([^"]+)"[^>]*>([\s\S]*?)<\/section>/g)) {
    const title = /<h2\b[^>]*>([\s\S]*?)<\/h2>/.exec(body!)?.[1] ?? id;
    const paragraphs = [...body!.matchAll(/<p\b[^>]*>[\s\S]*?<\/p>/g)].map((m) => m[0]).join('\n');
    prose.set(id!, `<h2>${title}</h2>\n${paragraphs}`);
  }
  return prose;
}

/** The paint properties that make a MapLibre layer (in)visible, as the template's `opacity` toggles them. */
function opacityProperties(type: LayerSpecification['type']): string[] {
  switch (type) {
    case 'fill':
      return ['fill-opacity'];
    case 'line':
      return ['line-opacity'];
    case 'circle':
      return ['circle-opacity', 'circle-stroke-opacity'];
    case 'symbol':
      return ['text-opacity'];
    default:
      return [];
  }
}

/** Precompressed siblings, as the site's build writes them, so both pages get the same transfer treatment. */
async function writeCompressed(path: string, content: string | Buffer): Promise<void> {
  const buffer = Buffer.from(content);
  await writeFile(path, buffer);
  await writeFile(`${path}.gz`, gzipSync(buffer, { level: 9 }));
  await writeFile(
    `${path}.br`,
    brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length } }),
  );
}

/**
 * Writes the reference page into `outDir` (served at /reference/). Data URLs stay the
 * built site's /data/… files; MapLibre is the package's ESM build, which is the code
 * the site bundles, because the site's chunk exports only minified names.
 */
export async function buildReferencePage(distDir: string, outDir: string): Promise<void> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const data = storyDataFromHtml(html);
  const prose = chapterProse(html);
  await mkdir(join(outDir, 'labels'), { recursive: true });

  const style = basemapStyle(data.basemap) as StyleSpecification;
  // The template's sources carry no maxzoom: MapLibre's default (18) for GeoJSON.
  for (const source of Object.values(style.sources)) if (source.type === 'geojson') delete source.maxzoom;
  const shapes: LayerSpecification[] = [];
  const labels: LayerSpecification[] = [];
  // Layer id -> [map layer id, paint property, visible value][], for the opacity toggles.
  const toggles: Record<string, [string, string, unknown][]> = {};
  for (const layer of data.layers) {
    style.sources[layer.id] = { type: 'geojson', data: layer.url, promoteId: 'id' };
    if (layer.kind === 'route') {
      // The template keeps label points in a file of their own; computed here as the story does at runtime.
      const lines = JSON.parse(await readFile(join(distDir, layer.url), 'utf8')) as FeatureCollection;
      const points: FeatureCollection = {
        type: 'FeatureCollection',
        features: lines.features.map((line) => ({ ...along(line as Feature<LineString>, length(line) / 2), properties: line.properties })),
      };
      await writeCompressed(join(outDir, 'labels', `${layer.id}.geojson`), JSON.stringify(points));
      style.sources[routeLabelSource(layer.id)] = { type: 'geojson', data: `${referencePrefix}labels/${layer.id}.geojson` };
    }
    toggles[layer.id] = [];
    for (const spec of storyMapLayers(layer) as (AddLayerObject & LayerSpecification)[]) {
      const paint: Record<string, unknown> = { ...('paint' in spec ? spec.paint : {}) };
      for (const property of opacityProperties(spec.type)) {
        toggles[layer.id]!.push([spec.id, property, paint[property] ?? 1]);
        paint[property] = 0;
      }
      (spec.type === 'symbol' ? labels : shapes).push({ ...spec, paint } as LayerSpecification);
    }
  }
  // Same stacking as the story: shapes under the basemap's place dots, story labels on top.
  const dots = style.layers.findIndex((layer) => layer.id === 'place-dots');
  style.layers.splice(dots, 0, ...shapes);
  style.layers.push(...labels);

  const config = {
    style,
    chapters: data.chapters.map((chapter) => ({
      id: chapter.id,
      camera: chapter.camera,
      layers: chapter.visibleLayers,
      description: prose.get(chapter.id) ?? '',
    })),
    toggles,
  };
  await writeCompressed(join(outDir, 'config.js'), `export const config = ${JSON.stringify(config)};\n`);
  await writeCompressed(join(outDir, 'reference.js'), referenceScript);

  const mjs = (await readFile(join(maplibreDist, 'maplibre-gl.mjs'), 'utf8')).replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  await writeCompressed(join(outDir, 'maplibre-gl.mjs'), mjs);
  await writeCompressed(join(outDir, 'maplibre-gl.css'), await readFile(join(maplibreDist, 'maplibre-gl.css')));
  const worker = (await readFile(join(maplibreDist, 'maplibre-gl-worker.mjs'), 'utf8')).replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  await writeCompressed(join(outDir, 'maplibre-gl-worker.mjs'), worker);

  // Labels need the same face the story's map uses (Noto Sans, drawn locally since the style has no glyphs URL).
  const notoSansFile = (await readdir(join(distDir, '_astro'))).find((name) => /^noto-sans-400\.[\w-]+\.woff2$/.test(name));
  const notoSans = notoSansFile && `/_astro/${notoSansFile}`;
  await writeCompressed(
    join(outDir, 'index.html'),
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reference: scrollytelling template</title>
<meta name="description" content="The story's chapters and layers in the common scrollytelling template, as a baseline for the bench.">
<link rel="stylesheet" href="${referencePrefix}maplibre-gl.css">
<style>
${notoSans ? `@font-face { font-family: 'Noto Sans'; src: url(${notoSans}) format('woff2'); font-weight: 400; }` : ''}
body { margin: 0; font: 1.15rem/1.55 Georgia, serif; color: #1f1f1f; background: #fff; }
#map { position: fixed; top: 0; right: 0; width: 60%; height: 100vh; background: #dbe6ee; }
#story { position: relative; width: 40%; }
.step { min-height: 100vh; padding: 18vh 1.5rem 10vh 3.5rem; box-sizing: border-box; }
.card { max-width: 34rem; opacity: 0.55; transition: opacity 0.3s; background: #fff; }
.step.active .card { opacity: 1; }
@media (max-width: 750px) {
  #map { width: 100%; }
  #story { width: 100%; }
  .step { padding: 60vh 5vw 10vh; }
}
</style>
<script type="module" src="${referencePrefix}reference.js"></script>
</head>
<body>
<div id="map" data-story-map data-map-state="loading"></div>
<main id="story"></main>
</body>
</html>
`,
  );
}

/** The template's runtime, served as-is (plain JS: the browser runs it untranspiled). */
const referenceScript = `import { Map, setWorkerUrl } from './maplibre-gl.mjs';
import { config } from './config.js';

setWorkerUrl(new URL('./maplibre-gl-worker.mjs', import.meta.url).href);
// As the template: the engine is loaded, then the chapters' text is built from the config.
const story = document.getElementById('story');
for (const chapter of config.chapters) {
  const step = Object.assign(document.createElement('section'), { className: 'step', id: chapter.id });
  step.innerHTML = '<div class="card">' + chapter.description + '</div>';
  story.append(step);
}
// Map labels are drawn with the page's Noto Sans (the style has no glyphs URL): load it first, as the story does.
await document.fonts.load('13px "Noto Sans"');
const mapElement = document.getElementById('map');
const padding = { top: 56, right: 56, bottom: 56, left: 56 };
const boundsOf = (camera) => [[camera.bounds[0], camera.bounds[1]], [camera.bounds[2], camera.bounds[3]]];
const first = config.chapters[0].camera;
const map = new Map({
  container: mapElement,
  style: config.style,
  ...(first.bounds ? { bounds: boundsOf(first), fitBoundsOptions: { padding, maxZoom: first.maxZoom } } : { center: first.center, zoom: first.zoom }),
  interactive: false,
  fadeDuration: 0,
});

function setLayers(chapter, visible) {
  for (const layerId of chapter.layers)
    for (const [mapLayerId, property, value] of config.toggles[layerId] ?? []) map.setPaintProperty(mapLayerId, property, visible ? value : 0);
}

function enter(index) {
  const chapter = config.chapters[index];
  document.documentElement.dataset.activeChapter = chapter.id;
  setLayers(chapter, true);
  const { camera } = chapter;
  // The template's config holds a center and zoom per chapter; this story's bounds resolve to one here.
  const target = camera.bounds
    ? map.cameraForBounds(boundsOf(camera), { padding, maxZoom: camera.maxZoom, bearing: camera.bearing, pitch: camera.pitch })
    : { center: camera.center, zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch };
  map.flyTo(target);
}

map.on('movestart', () => (mapElement.dataset.mapIdle = 'false'));
map.on('idle', () => (mapElement.dataset.mapIdle = 'true'));
map.on('load', () => {
  mapElement.dataset.mapState = 'ready';
  const steps = [...document.querySelectorAll('.step')];
  // A step is entered when it crosses the middle of the viewport (scrollama's offset 0.5); exits first,
  // so a layer shared by the chapter left and the one entered stays on.
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries)
        if (!entry.isIntersecting && entry.target.classList.contains('active')) {
          entry.target.classList.remove('active');
          setLayers(config.chapters[steps.indexOf(entry.target)], false);
        }
      for (const entry of entries)
        if (entry.isIntersecting) {
          entry.target.classList.add('active');
          enter(steps.indexOf(entry.target));
        }
    },
    { rootMargin: '-50% 0px -50% 0px' },
  );
  steps.forEach((step) => observer.observe(step));
});
`;
