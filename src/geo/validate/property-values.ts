import type { LayerInput } from '../layer-input.ts';
import type { GeoProblem } from '../problems.ts';
import { invisibleIn } from '../invisible-text.ts';
import { featureProblem } from './feature-problem.ts';

function badValue(value: unknown, path: string): { path: string; what: string } | undefined {
  if (typeof value === 'string') {
    const what = invisibleIn(value);
    return what ? { path, what } : undefined;
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

/** Property values hold nothing a reader cannot see (invisible-text.ts) or the build cannot publish as written. */
export function validatePropertyValues(layer: LayerInput): GeoProblem[] {
  const problems: GeoProblem[] = [];
  layer.collection!.features.forEach((feature, index) => {
    for (const [key, value] of Object.entries(feature.properties ?? {})) {
      const found = badValue(value, key);
      if (found)
        problems.push(
          featureProblem(
            layer,
            index,
            `property "${found.path}" holds ${found.what}`,
            'retype the value as plain text and ordinary numbers (copying from a PDF or a web page can bring these in)',
          ),
        );
    }
  });
  return problems;
}
