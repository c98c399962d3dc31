import type { FeatureCollection } from 'geojson';
import type { LayerMeta } from './layer-meta.ts';

/** One editor layer as read from disk: the GeoJSON and its metadata file. */
export interface LayerInput {
  id: string;
  /** Project-relative path of the GeoJSON file. */
  file: string;
  /** Project-relative path of the metadata file. */
  metaFile: string;
  text: string;
  /** Set once the structure check has passed. */
  collection?: FeatureCollection;
  /** Set once the metadata check has passed. */
  meta?: LayerMeta;
  /** Character offset where each feature starts in `text`, for line numbers. */
  featureOffsets: number[];
}

/**
 * Start offsets of the elements of the top-level "features" array, found by a small
 * scanner so problems can point at a line without a second JSON parser.
 */
export function findFeatureOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let lastKey = '';
  let stringStart = 0;
  let inFeatures = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') {
        inString = false;
        if (depth === 1) lastKey = text.slice(stringStart + 1, i);
      }
      continue;
    }
    if (/\s/.test(char)) continue;
    if (inFeatures && depth === 2 && expectElement && char !== ']') {
      offsets.push(i);
      expectElement = false;
    }
    if (char === '"') {
      inString = true;
      stringStart = i;
    } else if (char === '{' || char === '[') {
      depth++;
      if (depth === 2 && char === '[' && lastKey === 'features') {
        inFeatures = true;
        expectElement = true;
      }
    } else if (char === '}' || char === ']') {
      depth--;
      if (depth === 1) inFeatures = false;
    } else if (char === ',' && inFeatures && depth === 2) {
      expectElement = true;
    }
  }
  return offsets;
}
