/**
 * The editor file being checked right now, so that an unexpected failure (a bug, or an
 * input nobody foresaw) is still reported against the file that caused it.
 */
export const processing: { file: string } = { file: '(no file yet)' };

/** Runs one file's checks; an exception becomes one problem naming that file instead of a stack trace. */
export function guarded<T>(file: string, check: () => T, fallback: (problem: import('./problems.ts').GeoProblem) => T): T {
  processing.file = file;
  try {
    return check();
  } catch (error) {
    return fallback(unexpectedProblem(file, error));
  }
}

export function unexpectedProblem(file: string, error: unknown): import('./problems.ts').GeoProblem {
  const reason = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error).split('\n')[0];
  return {
    severity: 'error',
    file,
    message: `could not be checked (${reason})`,
    fix: 'look for something unusual in this file (an odd character, very deep nesting, a huge number); if it looks fine, report this message to the developers',
  };
}
