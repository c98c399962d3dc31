import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Unit and geometry tests: pure functions, real turf, real files under geo/. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['tests/unit/**/*.test.ts', 'tests/geo/**/*.test.ts', 'tests/story/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
