/**
 * A translated edition is complete, or the build stops: every chapter has its translation
 * with the same steps and tokens, the story configuration, back matter, layers, figures,
 * sources and place names carry the edition's text, and nothing is left over. Each problem
 * names the file, the place in it and the fix. The editions are the project's own
 * (`editions` in its src/content/story.config.json); a project without one has only its source.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { backMatterFile, editionBackMatterFile, parseBackMatter } from '../../content/back-matter.ts';
import { parseSteps } from '../../content/steps.ts';
import { translatedConfigFile } from '../../content/edition-text.ts';
import type { Edition } from '../../content/story-config-schema.ts';
import { translatedFigureFields } from '../../data/figures-schema.ts';
import { translatedSourceFields } from '../../data/sources-schema.ts';
import { translatedMetaFields } from '../layer-meta.ts';
import { placeNamesFile, placeNamesSchema } from '../place-names.ts';
import type { PublishedLayer } from '../process-layer.ts';
import type { GeoProblem } from '../problems.ts';
import { describeIssue } from '../zod-issues.ts';
import { readDataJson } from './data-json.ts';

const tokenPattern = /\{\{\s*[a-z]+\s+[^}]*?\s*\}\}/gi;
/** Tokens as a sorted list, whitespace normalised: the same numbers must be printed in every edition. */
const tokensOf = (text: string) => (text.match(tokenPattern) ?? []).map((token) => token.replace(/\s+/g, ' ')).sort();
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);
/** Entry fields of a dated history that are data, not reader text. */
const historyDataFields = new Set(['from', 'status', 'source']);
const isoDate = /^\d{4}(-\d{2}){0,2}$/;

type Problems = GeoProblem[];
const error = (file: string, message: string, fix: string): GeoProblem => ({ severity: 'error', file, message, fix });

/** The editions a project declares: its configuration's `editions`, source first. */
export function projectEditions(root: string): Edition[] {
  const file = join(root, 'src', 'content', 'story.config.json');
  if (!existsSync(file)) return [];
  try {
    const config = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as { editions?: Edition[] };
    return Array.isArray(config.editions) ? config.editions : [];
  } catch {
    // A broken configuration is reported by its own check.
    return [];
  }
}

/** A project file's JSON, or undefined when it is absent or broken (its own check reports that). */
const readJson = (root: string, file: string): Record<string, unknown> | undefined => {
  if (!existsSync(join(root, file))) return undefined;
  const { value, problems } = readDataJson(root, file);
  return problems.length === 0 && value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
};

/** Compares a translated text tree with the source's: the same keys, strings where it has strings, the same tokens. */
function compareText(source: unknown, translated: unknown, file: string, where: string, problems: Problems, optional = new Set<string>()) {
  if (typeof source === 'string') {
    if (typeof translated !== 'string' || translated.trim() === '')
      return problems.push(error(file, `${where} is missing`, `translate the text of ${where} from the source edition`));
    if (!sameList(tokensOf(source), tokensOf(translated)))
      problems.push(
        error(
          file,
          `${where} prints other numbers than the source: tokens ${tokensOf(translated).join(' ') || 'none'} against ${tokensOf(source).join(' ') || 'none'}`,
          'keep every {{…}} token of the source text exactly, and add none',
        ),
      );
    return;
  }
  if (Array.isArray(source)) {
    if (!Array.isArray(translated) || translated.length !== source.length)
      return problems.push(
        error(file, `${where} must list ${source.length} entries, in the source's order`, 'translate each entry of the source'),
      );
    source.forEach((item, i) => compareText(item, translated[i], file, `${where}[${i}]`, problems, optional));
    return;
  }
  if (source && typeof source === 'object') {
    if (!translated || typeof translated !== 'object' || Array.isArray(translated))
      return problems.push(error(file, `${where} is missing`, `add ${where} with the source's keys`));
    const own = source as Record<string, unknown>;
    const theirs = translated as Record<string, unknown>;
    for (const key of Object.keys(own))
      if (!(key in theirs) && optional.has(key) && typeof own[key] === 'string' && own[key].replace(tokenPattern, '').trim() === '')
        continue;
      else compareText(own[key], theirs[key], file, `${where}.${key}`, problems, optional);
    for (const key of Object.keys(theirs))
      if (!(key in own))
        problems.push(error(file, `${where}.${key} is not in the source`, `remove "${key}" (a stray key is never printed)`));
  }
}

/** The source configuration's reader text, in the shape a translation repeats it. */
function configText(config: Record<string, unknown>) {
  const pick = (object: unknown, keys: string[]) =>
    Object.fromEntries(
      keys
        .filter((key) => (object as Record<string, unknown>)?.[key] !== undefined)
        .map((key) => [key, (object as Record<string, unknown>)[key]]),
    );
  const parts = (config.parts as { id: string }[] | undefined) ?? [];
  const charts = (config.charts as { id: string; bars?: unknown[] }[] | undefined) ?? [];
  return {
    ...pick(config, ['title', 'headline', 'kicker', 'description', 'embedDescription', 'dek', 'byline']),
    original: pick(config.original, ['name']),
    credits: pick(config.credits, ['embed', 'card', 'sources', 'mapData']),
    parts: Object.fromEntries(parts.map((part) => [part.id, pick(part, ['label', 'title'])])),
    timelineTable: pick(config.timelineTable, ['rowHeader', 'caption']),
    charts: Object.fromEntries(
      charts.map((chart) => [
        chart.id,
        {
          ...pick(chart, ['title', 'summary', 'source', 'note']),
          bars: (chart.bars ?? []).map((bar) => pick(bar, ['label', 'valueLabel'])),
        },
      ]),
    ),
  };
}

function checkChapters(root: string, edition: Edition, problems: Problems): void {
  const sourceDir = join(root, 'src', 'content', 'chapters');
  const dir = join(root, 'src', 'content', edition.path, 'chapters');
  const names = existsSync(sourceDir) ? readdirSync(sourceDir).filter((name) => name.endsWith('.md')) : [];
  const translatedNames = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.md')) : [];
  for (const name of translatedNames.filter((n) => !names.includes(n)))
    problems.push(
      error(
        `src/content/${edition.path}/chapters/${name}`,
        'translates no chapter: src/content/chapters/ has no file of that name',
        'rename it after its source chapter, or remove it',
      ),
    );
  for (const name of names) {
    const file = `src/content/${edition.path}/chapters/${name}`;
    if (!translatedNames.includes(name)) {
      problems.push(
        error(
          file,
          `is missing: the ${edition.lang} edition has no translation of src/content/chapters/${name}`,
          `add ${file} with the chapter's title, mapDescription and text (same step markers and tokens)`,
        ),
      );
      continue;
    }
    const source = readFileSync(join(sourceDir, name), 'utf8');
    const text = readFileSync(join(dir, name), 'utf8');
    let frontmatter: Record<string, unknown>;
    let body: string;
    try {
      const parsed = parseFrontmatter(text.replace(/^\uFEFF/, ''), { frontmatter: 'empty-with-lines' });
      frontmatter = parsed.frontmatter;
      body = parsed.content;
    } catch (cause) {
      problems.push(
        error(
          file,
          `has frontmatter that is not YAML (${(cause as Error).message.split('\n')[0]})`,
          'write "title:" and "mapDescription:" lines between --- lines',
        ),
      );
      continue;
    }
    for (const field of ['title', 'mapDescription'])
      if (typeof frontmatter[field] !== 'string' || frontmatter[field].trim() === '')
        problems.push(error(file, `frontmatter "${field}" is missing`, `add "${field}:" in the edition's language`));
    for (const field of Object.keys(frontmatter).filter((key) => key !== 'title' && key !== 'mapDescription'))
      problems.push(
        error(
          file,
          `frontmatter "${field}" is not translated text: the map state comes from src/content/chapters/${name}`,
          `remove "${field}"; a translation holds only title and mapDescription`,
        ),
      );
    const steps = parseSteps(text).steps.map((step) => step.name);
    const sourceSteps = parseSteps(source).steps.map((step) => step.name);
    if (!sameList(steps, sourceSteps))
      problems.push(
        error(
          file,
          `has the steps ${steps.join(', ') || '(none)'}, not the source's ${sourceSteps.join(', ') || '(none)'}`,
          'keep the same <!-- step: name --> markers, in the same order',
        ),
      );
    const sourceBody = source.replace(/^\uFEFF?---[\s\S]*?\n---/, '');
    if (!sameList(tokensOf(body), tokensOf(sourceBody)))
      problems.push(
        error(
          file,
          `prints other numbers than its source: tokens ${tokensOf(body).join(' ') || 'none'} against ${tokensOf(sourceBody).join(' ') || 'none'}`,
          'keep every {{…}} token of the source chapter exactly, and add none',
        ),
      );
  }
}

function checkBackMatter(root: string, edition: Edition, layers: readonly PublishedLayer[], problems: Problems): void {
  const file = editionBackMatterFile(edition);
  if (!existsSync(join(root, file))) {
    if (existsSync(join(root, 'src', 'content', 'chapters')))
      problems.push(
        error(
          file,
          `is missing: the ${edition.lang} edition needs its back matter`,
          `add it in the format of ${backMatterFile}: sections opened by <!-- section: id --> and a ## heading`,
        ),
      );
    return;
  }
  // The same format and checks as the source edition's back matter.
  const { sections, problems: own } = parseBackMatter(readFileSync(join(root, file), 'utf8'), file, layers);
  problems.push(...own);
  const sourceFile = join(root, backMatterFile);
  if (existsSync(sourceFile)) {
    const source = parseBackMatter(readFileSync(sourceFile, 'utf8'), backMatterFile, layers).sections;
    for (const section of sections) {
      const original = source.find((s) => s.id === section.id);
      if (original && !sameList(tokensOf(original.text), tokensOf(section.text)))
        problems.push({
          ...error(
            file,
            `section "${section.id}" prints other dates or numbers than its source`,
            `keep the {{…}} tokens of ${backMatterFile}`,
          ),
          line: section.line,
        });
    }
  }
}

/** `"<path>": { … }` on each record of a data file, with the fields the record has. */
function checkRecords(
  records: unknown,
  file: string,
  label: (record: Record<string, unknown>, i: number) => string,
  fields: readonly string[],
  edition: Edition,
  problems: Problems,
) {
  if (!Array.isArray(records)) return;
  records.forEach((record: Record<string, unknown>, i) => {
    const translated = record[edition.path] as Record<string, unknown> | undefined;
    const wanted = fields.filter((field) => typeof record[field] === 'string');
    if (!translated || typeof translated !== 'object') {
      problems.push(
        error(
          file,
          `${label(record, i)} has no "${edition.path}" text`,
          `add "${edition.path}": { ${wanted.map((f) => `"${f}": "…"`).join(', ')} }`,
        ),
      );
      return;
    }
    for (const field of wanted)
      if (typeof translated[field] !== 'string' || translated[field].trim() === '')
        problems.push(
          error(file, `${label(record, i)} has no "${edition.path}.${field}"`, `write its "${field}" in ${edition.lang} there`),
        );
    for (const field of Object.keys(translated).filter((key) => !wanted.includes(key)))
      problems.push(error(file, `${label(record, i)}: "${edition.path}.${field}" has no source text to translate`, `remove "${field}"`));
  });
}

function checkLayers(root: string, layers: readonly PublishedLayer[], edition: Edition, problems: Problems): void {
  for (const layer of layers) {
    const metaFile = `geo/layers/${layer.id}.meta.json`;
    checkRecords([layer.meta], metaFile, () => 'the metadata', translatedMetaFields, edition, problems);
    const file = `geo/layers/${layer.id}.geojson`;
    const raw = JSON.parse(readFileSync(join(root, file), 'utf8').replace(/^\uFEFF/, '')) as {
      features: { properties?: Record<string, unknown> }[];
    };
    const readerKeys = new Set(['name', ...layer.meta.readerProperties]);
    raw.features.forEach((feature, index) => {
      const properties = feature.properties ?? {};
      const where = `feature ${index} ("${String(properties.id)}")`;
      for (const key of readerKeys)
        // A date is data, printed by the engine in the page's language, and a link is an address: neither is text to translate.
        if (
          typeof properties[key] === 'string' &&
          !isoDate.test(properties[key]) &&
          !/^https?:\/\//.test(properties[key]) &&
          !(typeof properties[`${key}:${edition.path}`] === 'string' && (properties[`${key}:${edition.path}`] as string).trim())
        )
          problems.push({
            ...error(
              file,
              `${where} has no "${key}:${edition.path}": its ${key} in the ${edition.lang} edition`,
              `write it in "${key}:${edition.path}" beside "${key}"`,
            ),
            featureIndex: index,
          });
      for (const [key, value] of Object.entries(properties)) {
        const base = key.endsWith(`:${edition.path}`) ? key.slice(0, -edition.path.length - 1) : undefined;
        if (base !== undefined && !(base in properties))
          problems.push({ ...error(file, `${where} has "${key}" but no "${base}" to translate`, `remove "${key}"`), featureIndex: index });
        if (!Array.isArray(value) || (!readerKeys.has(key) && !['timeline', 'control'].includes(key))) continue;
        value.forEach((entry: Record<string, unknown>, i) => {
          for (const [field, text] of Object.entries(entry ?? {}))
            if (
              typeof text === 'string' &&
              !historyDataFields.has(field) &&
              !field.includes(':') &&
              typeof entry[`${field}:${edition.path}`] !== 'string'
            )
              problems.push({
                ...error(
                  file,
                  `${where} ${key}[${i}] has no "${field}:${edition.path}"`,
                  `add "${field}:${edition.path}" beside "${field}"`,
                ),
                featureIndex: index,
              });
        });
      }
    });
  }
}

function checkPlaceNames(root: string, edition: Edition, problems: Problems): void {
  const file = placeNamesFile(edition.path);
  if (!existsSync(join(root, 'geo', 'basemap'))) return;
  if (!existsSync(join(root, file))) {
    problems.push(
      error(
        file,
        `is missing: the ${edition.lang} edition's basemap labels need their names`,
        'add the table (an empty "names" list labels every place with its romanised name)',
      ),
    );
    return;
  }
  const value = readJson(root, file);
  if (!value) {
    problems.push(error(file, 'is not valid JSON', 'fix the JSON syntax'));
    return;
  }
  const result = placeNamesSchema(edition.path).safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues)
      problems.push(error(file, describeIssue(issue, value).message, 'see src/geo/place-names.ts for the format'));
    return;
  }
  const features = new Map<string, unknown>();
  for (const name of ['countries', 'admin1', 'places', 'rivers']) {
    const path = join(root, 'geo', 'basemap', `${name}.geojson`);
    if (!existsSync(path)) continue;
    for (const feature of (JSON.parse(readFileSync(path, 'utf8')) as { features: { properties: Record<string, unknown> }[] }).features)
      features.set(`${name}/${String(feature.properties.id)}`, feature.properties.name);
  }
  const seen = new Set<string>();
  // The schema's key for the translated name is the edition's path, which widens zod's inferred entry type.
  (result.data.names as { id: string; en: string }[]).forEach((entry, i) => {
    if (seen.has(entry.id)) problems.push(error(file, `names[${i}]: "${entry.id}" is listed twice`, 'keep one entry per place'));
    seen.add(entry.id);
    if (!features.has(entry.id))
      problems.push(
        error(
          file,
          `names[${i}]: "${entry.id}" is no basemap feature`,
          'use <file>/<feature id> of geo/basemap/{countries,admin1,places,rivers}.geojson',
        ),
      );
    else if (features.get(entry.id) !== entry.en)
      problems.push(
        error(
          file,
          `names[${i}]: "${entry.id}" is "${String(features.get(entry.id))}" in the basemap, not "${entry.en}"`,
          'check the name still belongs to that place, then update "en"',
        ),
      );
  });
}

/** Every problem with the project's translated editions. */
export function validateEditions(root: string, layers: readonly PublishedLayer[]): GeoProblem[] {
  const problems: GeoProblem[] = [];
  const editions = projectEditions(root).slice(1);
  if (editions.length === 0) return problems;
  const config = readJson(root, 'src/content/story.config.json');
  const figures = readJson(root, 'src/data/figures.json');
  const sources = existsSync(join(root, 'src/data/sources.json')) ? readDataJson(root, 'src/data/sources.json').value : undefined;
  for (const edition of editions) {
    const file = translatedConfigFile(edition);
    if (config) {
      if (!existsSync(join(root, file)))
        problems.push(
          error(
            file,
            `is missing: the ${edition.lang} edition needs the story configuration's text`,
            'add it with the reader text of src/content/story.config.json (see the README, "Editions")',
          ),
        );
      else {
        const translated = readJson(root, file);
        if (translated) compareText(configText(config), translated, file, 'config', problems, new Set(['source']));
        else problems.push(...readDataJson(root, file).problems);
      }
    }
    checkChapters(root, edition, problems);
    checkBackMatter(root, edition, layers, problems);
    checkLayers(root, layers, edition, problems);
    if (figures)
      checkRecords(
        figures.figures,
        'src/data/figures.json',
        (r, i) => `figure ${i} ("${String(r.id)}")`,
        translatedFigureFields,
        edition,
        problems,
      );
    if (sources)
      checkRecords(
        sources,
        'src/data/sources.json',
        (r, i) => `source ${i} ("${String(r.id)}")`,
        translatedSourceFields,
        edition,
        problems,
      );
    checkPlaceNames(root, edition, problems);
  }
  return problems;
}
