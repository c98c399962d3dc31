/**
 * `npm test`: builds the site, runs the unit and geometry suite (Vitest) and the
 * browser suite (Playwright in real Chromium), then prints one closing line that sums
 * both: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const run = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'inherit', shell: false }).status ?? 1;

rmSync('test-results', { recursive: true, force: true });
if (run('sh', ['tests/support/ensure-chromium.sh']) !== 0) process.exit(1);
if (run('npm', ['run', 'build']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const unitStatus = run('npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts']);
const e2eStatus = run('npx', ['playwright', 'test', '-c', 'tests/playwright.config.ts']);

function counts(file: string, read: (report: any) => { passed: number; failed: number }) {
  return existsSync(file) ? read(JSON.parse(readFileSync(file, 'utf8'))) : { passed: 0, failed: 1 };
}
const unit = counts('test-results/unit.json', (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));
const e2e = counts('test-results/e2e.json', (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky }));
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + (unitStatus !== 0 && unit.failed === 0 ? 1 : 0) + (e2eStatus !== 0 && e2e.failed === 0 ? 1 : 0);
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed; browser: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
