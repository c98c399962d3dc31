/**
 * "A failed build leaves the previously built site untouched": `npm run build` in a
 * temporary copy of the project, with a dist/ holding a marker file from an earlier
 * build, broken in the ways an editor breaks it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, npmRun, removeProject } from '../support/temp-project.ts';

const copies: string[] = [];
afterAll(() => copies.forEach(removeProject));

/** A copy of the project whose dist/ holds the previous site's marker. */
function projectWithPreviousSite(): string {
  const root = copyProject('build-safety');
  copies.push(root);
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'previous-build.txt'), 'the site as it was');
  return root;
}

function expectPreviousSiteUntouched(root: string) {
  expect(readFileSync(join(root, 'dist', 'previous-build.txt'), 'utf8')).toBe('the site as it was');
  expect(existsSync(join(root, 'dist.next')), 'the scratch build folder is cleaned up').toBe(false);
}

describe('a failed build leaves dist/ as it was', () => {
  it(
    'a layer with a broken coordinate stops the build with the file, the feature and the message, and no stack trace',
    { timeout: 120_000 },
    () => {
      const root = projectWithPreviousSite();
      const path = join(root, 'geo', 'layers', 'copper-mines.geojson');
      const layer = JSON.parse(readFileSync(path, 'utf8'));
      layer.features[0].geometry.coordinates = [22.1086, 195.1358];
      writeFileSync(path, JSON.stringify(layer, null, 2));
      const { status, output } = npmRun(root, ['build']);
      expect(status).not.toBe(0);
      expect(output).toMatch(
        /error: geo\/layers\/copper-mines\.geojson:\d+:\d+ feature 0: position \[22\.1086, 195\.1358\] is outside longitude/,
      );
      expect(output).not.toMatch(/\n\s+at /);
      expectPreviousSiteUntouched(root);
    },
  );

  it('a chapter naming an unknown layer id stops the build naming the chapter and the nearest id', { timeout: 120_000 }, () => {
    const root = projectWithPreviousSite();
    const path = join(root, 'src', 'content', 'chapters', '02-guarding-the-mines.md');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('layers: [sagaing-region, copper-mines]', 'layers: [sagaing-region, copper-mine]'),
    );
    const { status, output } = npmRun(root, ['build']);
    expect(status).not.toBe(0);
    expect(output).toContain(
      'error: src/content/chapters/02-guarding-the-mines.md: field "layers.1": unknown layer "copper-mine"; did you mean "copper-mines"?',
    );
    expect(output).not.toMatch(/\n\s+at /);
    expectPreviousSiteUntouched(root);
  });

  it(
    'a bad token in chapter prose stops the build at geo:check with the line, instead of publishing the chapter without its text',
    { timeout: 120_000 },
    () => {
      const root = projectWithPreviousSite();
      const path = join(root, 'src', 'content', 'chapters', '02-guarding-the-mines.md');
      writeFileSync(
        path,
        readFileSync(path, 'utf8').replace('{{figure letpadaung_shutdown_years}}', '{{figure letpadaung_shutdown_yeras}}'),
      );
      const { status, output } = npmRun(root, ['build']);
      expect(status).not.toBe(0);
      expect(output).toMatch(
        /error: src\/content\/chapters\/02-guarding-the-mines\.md:\d+:\d+: \{\{figure letpadaung_shutdown_yeras\}\}: unknown figure/,
      );
      expectPreviousSiteUntouched(root);
    },
  );

  it(
    'an error only Astro finds (a page that throws) fails the build after geo:check passed, and dist/ keeps the previous site',
    { timeout: 300_000 },
    () => {
      const root = projectWithPreviousSite();
      writeFileSync(join(root, 'src', 'pages', 'broken.astro'), "---\nthrow new Error('this page cannot be built');\n---\n<p>never</p>\n");
      const { status, output } = npmRun(root, ['build']);
      expect(output).toContain('geo:check: ');
      expect(status).not.toBe(0);
      expect(output).toContain('dist/ still holds the previous site');
      expectPreviousSiteUntouched(root);
    },
  );
});
