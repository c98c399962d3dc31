/**
 * `npm run geo:check`: checks every layer in geo/layers and every chapter's
 * references to them, and prints problems an editor can act on. Exit 1 on any error.
 * `npm run build` runs it first, so a bad layer stops the build before anything is
 * written and the previously built site stays as it was.
 */
import { checkProject } from '../check-project.ts';
import { formatProblem } from '../problems.ts';

const root = process.argv[2] ?? process.cwd();
const { problems, layerCount, chapterCount } = checkProject(root);
for (const problem of problems) console.error(formatProblem(problem));
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
if (errors > 0) {
  console.error(`\ngeo:check found ${errors} error(s) and ${warnings} warning(s); nothing was built.`);
  process.exit(1);
}
console.log(`geo:check: ${layerCount} layers and ${chapterCount} chapters are valid (${warnings} warning(s)).`);
