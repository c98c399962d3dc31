/**
 * `npm test`: runs the static checks (lint, format, unused code, types, stage boundaries;
 * each counts as one test), builds the site, runs the unit and geometry suite (Vitest), the
 * browser suite (Playwright in real Chromium), the engine's browser suites against the fixture
 * story (tests/fixture-story) and the same story contract in Firefox and WebKitGTK
 * (tests/engines), then prints one closing line that sums them: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(command, args, { stdio: 'inherit', shell: false, env }).status ?? 1;

rmSync('test-results', { recursive: true, force: true });
// Static checks first: they take seconds, and each is one test in the total.
const staticChecks = ['lint', 'format:check', 'knip', 'check', 'lint:deps'].map((script) => run('npm', ['run', '--silent', script]));
if (run('sh', ['tests/support/ensure-chromium.sh']) !== 0) process.exit(1);
if (run('sh', ['tests/support/ensure-engines.sh']) !== 0) process.exit(1);
if (run('npm', ['run', 'build']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const unitStatus = run('npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts']);
const e2eStatus = run('npx', ['playwright', 'test', '-c', 'tests/playwright.config.ts']);
// The engine's own suites again, against a second story (tests/fixture-story), built with no change
// under src/ into dist-fixture/: an engine regression fails both runs, a change of this story only the first.
const fixtureEnv = { ...process.env, STORY_ROOT: 'tests/fixture-story', SITE_DIR: 'dist-fixture' };
const fixtureBuilt = run('npm', ['run', 'build', '--', '--outDir', 'dist-fixture'], fixtureEnv) === 0;
const fixtureStatus = fixtureBuilt ? run('npx', ['playwright', 'test', '-c', 'tests/playwright.config.ts'], fixtureEnv) : 1;
// Firefox and WebKit draw WebGL only in a window: under Xvfb (no display needed) with Mesa's software GL.
// -noreset: by default Xvfb resets when its last client leaves, and a browser starting meanwhile cannot connect.
const engines = ['vitest', 'run', '--config', 'tests/engines/vitest.config.ts'];
const enginesEnv = { ...process.env, LIBGL_ALWAYS_SOFTWARE: '1' };
const enginesStatus = process.env.DISPLAY
  ? run('npx', engines, enginesEnv)
  : run('xvfb-run', ['--auto-servernum', '--server-args=-screen 0 1920x1080x24 -noreset', 'npx', ...engines], enginesEnv);

interface Counts {
  passed: number;
  failed: number;
}
function counts<Report>(file: string, read: (report: Report) => Counts): Counts {
  return existsSync(file) ? read(JSON.parse(readFileSync(file, 'utf8')) as Report) : { passed: 0, failed: 1 };
}
const vitestCounts = (r: { numPassedTests: number; numFailedTests: number }) => ({ passed: r.numPassedTests, failed: r.numFailedTests });
const suites = [
  {
    name: 'static checks',
    status: 0,
    passed: staticChecks.filter((status) => status === 0).length,
    failed: staticChecks.filter((status) => status !== 0).length,
  },
  { name: 'unit', status: unitStatus, ...counts('test-results/unit.json', vitestCounts) },
  {
    name: 'Chromium',
    status: e2eStatus,
    ...counts('test-results/e2e.json', (r: { stats: { expected: number; unexpected: number; flaky: number } }) => ({
      passed: r.stats.expected,
      failed: r.stats.unexpected + r.stats.flaky,
    })),
  },
  {
    name: 'fixture story (Chromium)',
    status: fixtureStatus,
    ...(fixtureBuilt
      ? counts('test-results/e2e-fixture.json', (r: { stats: { expected: number; unexpected: number; flaky: number } }) => ({
          passed: r.stats.expected,
          failed: r.stats.unexpected + r.stats.flaky,
        }))
      : { passed: 0, failed: 1 }),
  },
  { name: 'Firefox and WebKit', status: enginesStatus, ...counts('test-results/engines.json', vitestCounts) },
];
// A suite that exits non-zero with no failed test (it crashed, or a hook failed) counts as one failure.
for (const suite of suites) if (suite.status !== 0 && suite.failed === 0) suite.failed = 1;
const passed = suites.reduce((sum, suite) => sum + suite.passed, 0);
const failed = suites.reduce((sum, suite) => sum + suite.failed, 0);
console.log(`\n${suites.map((suite) => `${suite.name}: ${suite.passed} passed, ${suite.failed} failed`).join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
