import type { Chapter } from '../../content/chapter-schema.ts';
import { nearestName } from '../nearest-name.ts';
import type { PublishedLayer } from '../process-layer.ts';
import type { GeoProblem } from '../problems.ts';
import type { ChapterFile } from './chapter-files.ts';

/**
 * What the chapter names outside itself: each source exists in src/data/sources.json
 * (else the page would not build), and the scrubbed feature is a line, the only thing
 * the map can draw progressively.
 */
export function validateChapterReferences(
  chapter: ChapterFile,
  data: Chapter,
  /** Undefined when src/data/sources.json could not be read (its own error says why). */
  sourceIds: ReadonlySet<string> | undefined,
  layers: readonly PublishedLayer[],
): GeoProblem[] {
  const { file } = chapter;
  const problems: GeoProblem[] = [];
  data.sources.forEach((id, index) => {
    if (!sourceIds || sourceIds.has(id)) return;
    const hint = nearestName(id, [...sourceIds]);
    problems.push({
      severity: 'error',
      file,
      message: `field "sources.${index}": unknown source "${id}"${hint ? `; did you mean "${hint}"?` : ''}`,
      fix: 'use an id listed in src/data/sources.json, or add the source there',
    });
  });
  if (data.scrub) {
    const [layerId, featureId] = data.scrub.split('/');
    const feature = layers.find((layer) => layer.id === layerId)?.collection.features.find((f) => f.properties?.id === featureId);
    const type = feature?.geometry?.type;
    if (type && type !== 'LineString' && type !== 'MultiLineString')
      problems.push({
        severity: 'error',
        file,
        message: `field "scrub": "${data.scrub}" is a ${type}; only a route (a line) can be drawn as the reader scrolls`,
        fix: 'scrub a feature of a route layer, or remove "scrub"',
      });
  }
  return problems;
}
