import type { LayerInput } from '../layer-input.ts';
import type { GeoProblem } from '../problems.ts';
import { featureProblem } from './feature-problem.ts';

/**
 * Control characters other than tab and line breaks, and the Unicode controls that
 * reorder or hide text (bidi overrides and isolates, zero-width and BOM characters):
 * invisible to an editor, they break the PNG renderer and can make a label read as
 * something else.
 */
// Built from escapes so this file itself holds no invisible characters.
const invisible = new RegExp('[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff]');

function badValue(value: unknown, path: string): { path: string; what: string } | undefined {
  if (typeof value === 'string') {
    const match = invisible.exec(value);
    return match ? { path, what: `an invisible control character (U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})` } : undefined;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path, what: `${value}, a number too large to publish` };
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = badValue(inner, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** Property values hold nothing a reader cannot see or the build cannot publish as written. */
export function validatePropertyValues(layer: LayerInput): GeoProblem[] {
  const problems: GeoProblem[] = [];
  layer.collection!.features.forEach((feature, index) => {
    for (const [key, value] of Object.entries(feature.properties ?? {})) {
      const found = badValue(value, key);
      if (found)
        problems.push(
          featureProblem(layer, index, `property "${found.path}" holds ${found.what}`, 'retype the value as plain text and ordinary numbers (copying from a PDF or a web page can bring these in)'),
        );
    }
  });
  return problems;
}
