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
  // Character codes, not one-character strings and a regex: this scans 50 MB layers too.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92 /* \\ */) i++;
      else if (code === 34 /* " */) {
        inString = false;
        if (depth === 1) lastKey = text.slice(stringStart + 1, i);
      }
      continue;
    }
    if (code === 32 || code === 10 || code === 13 || code === 9) continue;
    if (inFeatures && depth === 2 && expectElement && code !== 93 /* ] */) {
      offsets.push(i);
      expectElement = false;
    }
    if (code === 34 /* " */) {
      inString = true;
      stringStart = i;
    } else if (code === 123 /* { */ || code === 91 /* [ */) {
      depth++;
      if (depth === 2 && code === 91 && lastKey === 'features') {
        inFeatures = true;
        expectElement = true;
      }
    } else if (code === 125 /* } */ || code === 93 /* ] */) {
      depth--;
      if (depth === 1) inFeatures = false;
    } else if (code === 44 /* , */ && inFeatures && depth === 2) {
      expectElement = true;
    }
  }
  return offsets;
}
