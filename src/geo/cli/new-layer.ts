/**
 * `npm run geo:new <id>`: scaffolds geo/layers/<id>.geojson and <id>.meta.json with
 * every required field, so an editor starts from a pair that passes the checks once
 * the translations are written: each translated edition's fields are there but empty,
 * and geo:check names every one still to fill in (a reader never sees the English
 * placeholder on a translated page).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { storyPath } from '../../content/story-root.ts';
import { projectEditions } from '../validate/editions.ts';

const id = process.argv[2];
if (!id || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
  console.error('usage: npm run geo:new <layer-id>   (lowercase words joined by hyphens, e.g. mine-pits-2025)');
  process.exit(1);
}
// The layers folder of the story being built (STORY_ROOT, or this repository).
const dir = storyPath('geo/layers');
const geojsonPath = join(dir, `${id}.geojson`);
const metaPath = join(dir, `${id}.meta.json`);
for (const path of [geojsonPath, metaPath]) {
  if (existsSync(path)) {
    console.error(`${path} already exists; nothing was written.`);
    process.exit(1);
  }
}

const translated = projectEditions(storyPath('.')).slice(1);
const blanks = (keys: readonly string[], name: (key: string, path: string) => string) =>
  Object.fromEntries(translated.flatMap(({ path }) => keys.map((key) => [name(key, path), ''])));
const collection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {
        id: 'example-place',
        name: 'Example place (replace me)',
        note: 'What readers should know about this feature.',
        ...blanks(['name', 'note'], (key, path) => `${key}:${path}`),
      },
      geometry: { type: 'Point', coordinates: [95.1358, 22.1086] },
    },
  ],
};
const meta = {
  title: `New layer ${id}`,
  description: 'One or two sentences saying what this layer shows.',
  legend: 'Legend entry for this layer',
  source: { name: 'Who published the data', url: 'https://example.org/where-the-data-came-from' },
  licence: 'Licence of the data, e.g. CC BY 4.0',
  date: new Date().toISOString().slice(0, 10),
  derivation: 'How this file was made from the source, step by step.',
  approximate: false,
  style: { kind: 'point', color: '#1f78b4', labelProperty: 'name' },
  readerProperties: ['name', 'note'],
  ...Object.fromEntries(translated.map(({ path }) => [path, { title: '', description: '', legend: '' }])),
};
writeFileSync(geojsonPath, `${JSON.stringify(collection, null, 2)}\n`);
writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
const shown = (path: string) => relative(process.cwd(), path);
console.log(`Wrote ${shown(geojsonPath)} and ${shown(metaPath)}.
Next: replace the placeholder feature and metadata${translated.length ? ` and fill in the empty ${translated.map(({ path }) => `"${path}"`).join(', ')} texts (geo:check lists each one)` : ''}, run "npm run geo:check", then add "${id}" to a chapter's layers: list.`);
