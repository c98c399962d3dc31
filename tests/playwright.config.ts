import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './support/chromium.ts';

const port = Number(process.env.STORY_PORT ?? 4399);

/** End-to-end tests: the built site, served by astro preview, in the system's Chromium. */
export default defineConfig<{ editionPath: string }>({
  testDir: './e2e',
  outputDir: '../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
    // The translated edition: the tests tagged @editions (contract walk, fallbacks, chapter cards, axe) read /zh/.
    {
      name: 'zh',
      grep: /@editions/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, editionPath: 'zh' },
    },
  ],
  webServer: {
    // --ignore-lock: Astro allows one preview per project, and benches or a developer's server may hold it.
    command: `ASTRO_TELEMETRY_DISABLED=1 npx astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
