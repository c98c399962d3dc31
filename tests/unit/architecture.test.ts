/**
 * The stage boundaries (tests/dependency-cruiser.cjs) hold, and can fail: dependency-cruiser
 * reports no violation on src/, and reports a probe that imports backwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const depcruise = (...paths: string[]) =>
  spawnSync(
    join(root, 'node_modules', '.bin', 'depcruise'),
    [...paths, '--config', 'tests/dependency-cruiser.cjs', '--output-type', 'err'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );

/** Runs dependency-cruiser with a probe module in a folder of src/, then removes it. */
function probe(folder: string, source: string) {
  const dir = mkdtempSync(join(root, 'src', folder, '.probe-'));
  try {
    writeFileSync(join(dir, 'probe.ts'), source);
    const result = depcruise(relative(root, join(dir, 'probe.ts')));
    return { status: result.status, output: result.stdout + result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the stages import one way', () => {
  it('src/ has no import cycle and no backwards import', () => {
    const result = depcruise('src', 'astro.config.mjs');
    expect(result.stdout + result.stderr).toContain('no dependency violations found');
    expect(result.status).toBe(0);
  }, 60_000);

  it('refuses the scroll engine importing the map runtime', () => {
    const { status, output } = probe('scroll', "import { renderLegend } from '../../map/legend.ts';\nexport const probe = renderLegend;\n");
    expect(status).not.toBe(0);
    expect(output).toContain('scroll-engine-knows-no-map');
  }, 60_000);

  it('refuses run-time code importing the build-time pipeline, but allows its types', () => {
    const value = probe('map', "import { storyGeo } from '../../geo/pipeline.ts';\nexport const probe = storyGeo;\n");
    expect(value.status).not.toBe(0);
    expect(value.output).toContain('runtime-imports-build-time');
    const type = probe('map', "import type { StoryGeo } from '../../geo/pipeline.ts';\nexport type Probe = StoryGeo;\n");
    expect(type.output).not.toContain('runtime-imports-build-time');
  }, 60_000);
});
