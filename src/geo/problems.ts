/**
 * A problem found in an editor's input. Every problem names the file and, where it
 * can, the feature and the line, says what is wrong and how to fix it, so an editor
 * never has to read a stack trace.
 */
export interface GeoProblem {
  severity: 'error' | 'warning';
  /** Path relative to the project root, e.g. geo/layers/mines.geojson. */
  file: string;
  featureIndex?: number;
  line?: number;
  column?: number;
  message: string;
  /** What the editor should do about it. */
  fix?: string;
}

export function formatProblem(problem: GeoProblem): string {
  const where = [
    problem.line !== undefined ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file,
    problem.featureIndex !== undefined ? `feature ${problem.featureIndex}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return `${problem.severity}: ${where}: ${problem.message}${problem.fix ? `\n  fix: ${problem.fix}` : ''}`;
}

/** Thrown when input has errors; carries every problem so they are reported together. */
export class GeoInputError extends Error {
  readonly problems: GeoProblem[];

  constructor(problems: GeoProblem[]) {
    super(
      `${problems.filter((p) => p.severity === 'error').length} problem(s) in the geo input:\n` + problems.map(formatProblem).join('\n'),
    );
    this.name = 'GeoInputError';
    this.problems = problems;
  }
}

/** Line and column (1-based) of a character offset in a text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
