import { join } from 'node:path';
import { scanJson } from '../json-scan.ts';
import { lineColumnAt, type GeoProblem } from '../problems.ts';
import { readEditorFile } from '../read-editor-file.ts';

/** Data files are lists of flat records; nothing in them nests deeper than this. */
const dataMaxDepth = 12;

/**
 * One of the story's hand-edited data files (src/data/*.json) as parsed JSON: UTF-8,
 * each key once, not absurdly nested, valid. Its own schema is checked elsewhere.
 */
export function readDataJson(root: string, file: string): { value?: unknown; problems: GeoProblem[] } {
  const read = readEditorFile(root, join(root, file), file);
  if (read.problem) return { problems: [read.problem] };
  const scan = scanJson(read.text, dataMaxDepth);
  if (scan.tooDeepAt !== undefined)
    return {
      problems: [
        {
          severity: 'error',
          file,
          ...lineColumnAt(read.text, scan.tooDeepAt),
          message: `nests lists or objects more than ${dataMaxDepth} levels deep`,
        },
      ],
    };
  if (scan.duplicates.length > 0)
    return {
      problems: scan.duplicates.map(({ path, offset }) => ({
        severity: 'error' as const,
        file,
        ...lineColumnAt(read.text, offset),
        message: `"${path}" is written twice; JSON would silently keep only the last one`,
        fix: 'keep one of the two and delete the other',
      })),
    };
  try {
    return { value: JSON.parse(read.text), problems: [] };
  } catch (error) {
    const position = /position (\d+)/.exec(String(error));
    return {
      problems: [
        {
          severity: 'error',
          file,
          ...(position ? lineColumnAt(read.text, Number(position[1])) : {}),
          message: `not valid JSON (${(error as Error).message})`,
          fix: 'check for a missing comma, bracket or quote near that line',
        },
      ],
    };
  }
}
