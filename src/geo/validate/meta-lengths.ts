import type { LayerInput } from '../layer-input.ts';
import type { GeoProblem } from '../problems.ts';

/**
 * Longest text each reader-facing field may hold: a legend entry sits in a narrow box
 * on a phone, a title in the legend header; a pasted page would break the layout.
 * Fields another version of the metadata drops are simply not checked.
 */
const limits: Record<string, number> = {
  title: 100,
  legend: 80,
  description: 600,
  'source.name': 160,
  licence: 160,
  approximateNote: 600,
  derivation: 4000,
};

export function validateMetaLengths(layer: LayerInput, raw: unknown): GeoProblem[] {
  return Object.entries(limits).flatMap(([path, max]) => {
    const value = path
      .split('.')
      .reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), raw);
    if (typeof value !== 'string' || [...value].length <= max) return [];
    return [
      {
        severity: 'error' as const,
        file: layer.metaFile,
        message: `field "${path}" is ${[...value].length} characters long; at most ${max} fit where readers see it`,
        fix: 'shorten it (longer explanations belong in "description" or "derivation")',
      },
    ];
  });
}
