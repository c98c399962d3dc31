/**
 * What is "story" and what is "engine" in this repository, and the names the story owns.
 * A story is content: the files listed in `storyFiles`. Everything else under src/ is
 * the engine, which must read a story's facts from its content, never name them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The story's own files: its chapters, its configuration, its figures and sources, and
 * its back matter (prose about this story's people and edition). geo/ (layers, basemap,
 * sources) lies outside src/ and is all story.
 */
export const storyFiles = [
  'src/content/chapters/',
  'src/content/story.config.json',
  'src/data/figures.json',
  'src/data/sources.json',
  'src/content/back-matter.md',
  // The Chinese edition's overlay: the same story's text in Chinese.
  'src/content/zh/',
];

const isStoryFile = (file: string) => storyFiles.some((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [relative(root, join(dir, entry.name))],
  );
}

/** Every engine source file under src/, as a repository-relative path. */
export const engineFiles = (): string[] =>
  walk(join(root, 'src')).filter((file) => !isStoryFile(file) && /\.(ts|astro|mjs|css|json)$/.test(file));

const json = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as unknown;

export interface StoryNames {
  /** Ids, matched as whole quoted strings: 'copper-mines', "letpadaung". */
  ids: Map<string, string>;
  /** Place names, matched as words anywhere, comments included: Letpadaung, Kachin. */
  places: Map<string, string>;
}

/** Collects every id and place name the story owns, each with what it is (for the failure message). */
export function storyNames(): StoryNames {
  const ids = new Map<string, string>();
  const places = new Map<string, string>();
  const layerFiles = readdirSync(join(root, 'geo', 'layers')).filter((f) => f.endsWith('.geojson'));
  for (const file of layerFiles) {
    const layer = file.replace(/\.geojson$/, '');
    ids.set(layer, 'layer id');
    const collection = json(`geo/layers/${file}`) as { features: { properties?: Record<string, unknown> }[] };
    for (const { properties } of collection.features) {
      if (typeof properties?.id === 'string') ids.set(properties.id, `feature id in ${layer}`);
      if (typeof properties?.name === 'string') places.set(properties.name, `place name in ${layer}`);
    }
  }
  const figures = json('src/data/figures.json') as { figures: { id: string }[] };
  for (const { id } of figures.figures) ids.set(id, 'figure id');
  for (const { id } of json('src/data/sources.json') as { id: string }[]) ids.set(id, 'source id');
  for (const file of readdirSync(join(root, 'src', 'content', 'chapters')))
    ids.set(file.replace(/^\d+-/, '').replace(/\.md$/, ''), 'chapter id');
  const config = json('src/content/story.config.json') as {
    parts: { id: string }[];
    charts: { id: string }[];
    homeCountry: string;
    original: { name: string };
  };
  for (const { id } of config.parts) ids.set(id, 'part id');
  for (const { id } of config.charts) ids.set(id, 'chart id');
  ids.set(config.homeCountry, 'home country');
  places.set(config.original.name, 'original source');
  // The towns the basemap labels lie in the story's region: an engine that names one was written for this map.
  const basemapPlaces = json('geo/basemap/places.geojson') as { features: { properties?: Record<string, unknown> }[] };
  for (const { properties } of basemapPlaces.features)
    if (typeof properties?.name === 'string') places.set(properties.name, 'basemap town');
  return { ids, places };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each story name an engine file's text holds, as `name (what it is)`. */
export function namesIn(text: string, names: StoryNames): string[] {
  const found: string[] = [];
  for (const [id, what] of names.ids) if (new RegExp(`['"\`]${escape(id)}['"\`]`).test(text)) found.push(`${id} (${what})`);
  for (const [place, what] of names.places)
    if (place.length >= 4 && new RegExp(`(?<![\\p{L}\\p{N}_-])${escape(place)}(?![\\p{L}\\p{N}_-])`, 'iu').test(text))
      found.push(`${place} (${what})`);
  return found;
}
