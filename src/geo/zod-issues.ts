import type { z } from 'zod';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    input,
  );
}

/**
 * A zod issue in an editor's words: "is missing the field X" only when X is really
 * absent, otherwise "field X: <what is wrong>".
 */
export function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  noun = 'field',
): { field: string; missing: boolean; message: string } {
  const field = issue.path.map(String).join('.');
  const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
  if (missing) return { field, missing, message: `is missing the ${noun} "${field}"` };
  if (issue.code === 'unrecognized_keys')
    return {
      field,
      missing,
      message: `has ${issue.keys.map((key) => `"${key}"`).join(', ')}, which ${issue.keys.length > 1 ? 'are not' : 'is not a'} known ${noun}${issue.keys.length > 1 ? 's' : ''}${field ? ` in "${field}"` : ''}`,
    };
  return { field, missing, message: field ? `${noun} "${field}": ${issue.message}` : issue.message };
}
