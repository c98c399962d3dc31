/**
 * `npm run geo:check`: checks every layer in geo/layers, the data files and every
 * chapter, and prints problems an editor can act on. Exit 1 on any error.
 * `npm run build` runs it first, so a bad input stops the build before anything is
 * written and the previously built site stays as it was.
 */
import { storyRoot } from '../../content/story-root.ts';
import { processing, unexpectedProblem } from '../processing.ts';
import { formatProblem, GeoInputError } from '../problems.ts';

/** Last resort: whatever escapes the checks is still reported against the file being read, without a stack trace. */
function giveUp(error: unknown): never {
  console.error(formatProblem(unexpectedProblem(processing.file, error)));
  console.error('\ngeo:check could not finish; nothing was built.');
  process.exit(1);
}
process.on('uncaughtException', giveUp);
process.on('unhandledRejection', giveUp);

// The story configuration is parsed as the checks load (they read it), so a broken one is reported here like any file.
const { checkProject } = await import('../check-project.ts').catch((error: unknown) => {
  if (!(error instanceof GeoInputError)) giveUp(error);
  for (const problem of error.problems) console.error(formatProblem(problem));
  console.error('\ngeo:check found errors in the story configuration; nothing was built.');
  process.exit(1);
});

// The story to check: an explicit folder, else the story being built (STORY_ROOT, or this repository).
const root = process.argv[2] ?? storyRoot();
let result: ReturnType<typeof checkProject>;
try {
  result = checkProject(root);
} catch (error) {
  giveUp(error);
}
const { problems, layerCount, chapterCount } = result;
for (const problem of problems) console.error(formatProblem(problem));
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
if (errors > 0) {
  console.error(`\ngeo:check found ${errors} error(s) and ${warnings} warning(s); nothing was built.`);
  process.exit(1);
}
console.log(`geo:check: ${layerCount} layers and ${chapterCount} chapters are valid (${warnings} warning(s)).`);
