/**
 * Checks src/data/figures.json and src/data/sources.json against their schemas, so an
 * editor's slip fails `npm run geo:check` naming the file, the figure or source, and
 * the field, before the build starts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { GeoProblem } from '../geo/problems.ts';
import { describeIssue } from '../geo/zod-issues.ts';
import { figuresFileSchema } from './figures-schema.ts';
import { sourcesFileSchema } from './sources-schema.ts';

function checkFile(
  root: string,
  file: string,
  schema: z.ZodType,
  entryName: (data: unknown, path: readonly PropertyKey[]) => string | undefined,
  fix: string,
): GeoProblem[] {
  const path = join(root, file);
  if (!existsSync(path)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return [{ severity: 'error', file, message: `is not valid JSON (${(error as Error).message})`, fix }];
  }
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const entry = entryName(data, issue.path);
    // Inside an entry, name the field alone ("unit", not "figures.0.unit"): the entry is already named.
    const field = String(issue.path.at(-1) ?? '');
    const missing = entry !== undefined && issue.path.length > 0 && valueAt(data, issue.path) === undefined;
    const message = missing
      ? `is missing the field "${field}"`
      : entry && issue.code !== 'unrecognized_keys'
        ? `field "${field}": ${issue.message}`
        : describeIssue(issue, data).message;
    return { severity: 'error' as const, file, message: entry ? `${entry} ${message}` : message, fix };
  });
}

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    data,
  );

const idAt = (list: unknown, index: PropertyKey | undefined): string | undefined => {
  const item = Array.isArray(list) && typeof index === 'number' ? (list[index] as { id?: unknown } | undefined) : undefined;
  return typeof item?.id === 'string' ? item.id : typeof index === 'number' ? `#${index + 1}` : undefined;
};

export function checkDataFiles(root: string): GeoProblem[] {
  return [
    ...checkFile(
      root,
      'src/data/figures.json',
      figuresFileSchema,
      (data, path) => (path[0] === 'figures' ? `figure "${idAt((data as { figures?: unknown }).figures, path[1])}"` : undefined),
      'see the field list in src/data/figures-schema.ts',
    ),
    ...checkFile(
      root,
      'src/data/sources.json',
      sourcesFileSchema,
      (data, path) => `source "${idAt(data, path[0])}"`,
      'see the field list in src/data/sources-schema.ts',
    ),
  ];
}
