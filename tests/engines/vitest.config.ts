import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The story in Firefox and WebKitGTK (tests/engines/contract.ts). Run under a display
 * (tests/run-all.ts starts Xvfb): one engine at a time, tests in order, as each reuses
 * its browser.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/engines/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/engines.json' }]],
  },
});
