/**
 * `npm run build` after geo:check: runs `astro build` into a scratch folder and puts
 * it in place of dist/ only when the build succeeded. Astro empties its output folder
 * before it writes, so building straight into dist/ would leave a failed build's
 * half-written site where the last good one was.
 *
 * `npm run build -- --outDir <dir>` builds into another folder (relative to the working
 * directory), so a second story (STORY_ROOT, see src/content/story-root.ts) can be built
 * beside this one without replacing dist/.
 *
 * A build also fails if Astro logged an [ERROR] and went on: its content loader
 * reports a chapter it cannot render that way and publishes the chapter without its
 * text (geo:check catches the known causes first; this catches the rest).
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = process.cwd();
const outDirAt = process.argv.indexOf('--outDir');
const dist = resolve(root, outDirAt === -1 ? 'dist' : (process.argv[outDirAt + 1] ?? 'dist'));
const shown = relative(root, dist) || '.';
const scratch = `${dist}.next`;
const previous = `${dist}.previous`;

rmSync(scratch, { recursive: true, force: true });
// Astro keeps rendered chapters in its content store and re-renders only chapters whose
// file changed; chapter text also depends on src/data/figures.json and the layers (its
// tokens), so a changed figure would keep its old value. Start every build without it.
rmSync(join(root, 'node_modules', '.astro', 'data-store.json'), { force: true });
const astro = spawn(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', scratch], {
  cwd: root,
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let loggedError = false;
for (const stream of [astro.stdout, astro.stderr]) {
  stream.on('data', (chunk: Buffer) => {
    if (/\[ERROR\]/.test(chunk.toString())) loggedError = true;
    (stream === astro.stdout ? process.stdout : process.stderr).write(chunk);
  });
}
const status = await new Promise<number>((resolve) => astro.on('close', (code) => resolve(code ?? 1)));

if (status !== 0 || loggedError) {
  rmSync(scratch, { recursive: true, force: true });
  console.error(`\nThe build failed${status === 0 ? ' (Astro logged an error above)' : ''}; ${shown}/ still holds the previous site.`);
  process.exit(1);
}
// Two renames: the site is replaced whole, never served half old and half new for long.
rmSync(previous, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, previous);
renameSync(scratch, dist);
rmSync(previous, { recursive: true, force: true });
console.log(`Built the site into ${shown}/.`);
