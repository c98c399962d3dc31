import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './support/chromium.ts';
import { siteDir, translatedEditionPaths } from './support/story-picks.ts';

/**
 * Another story's build (SITE_DIR=dist-fixture, the fixture story built with STORY_ROOT) runs
 * only the engine's specs: they read what they expect from the built site. The other specs
 * check this story's own facts, text and layout.
 */
const fixture = process.env.SITE_DIR !== undefined && process.env.SITE_DIR !== 'dist';
const engineSpecs = ['story.spec.ts', 'fallbacks.spec.ts', 'embed.spec.ts', 'catalog.spec.ts'];
const port = Number((fixture ? process.env.FIXTURE_STORY_PORT : process.env.STORY_PORT) ?? (fixture ? 4400 : 4399));
const results = fixture ? 'e2e-fixture' : 'e2e';

/** End-to-end tests: the built site, served by astro preview, in the system's Chromium. */
export default defineConfig<{ editionPath: string }>({
  testDir: './e2e',
  ...(fixture ? { testMatch: engineSpecs } : {}),
  outputDir: `../test-results/${results}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: `../test-results/${results}.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
    // Each translated edition: the tests tagged @editions (contract walk, fallbacks, chapter cards, axe) read it, e.g. /zh/.
    ...translatedEditionPaths.map((path) => ({
      name: path,
      grep: /@editions/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, editionPath: path },
    })),
  ],
  webServer: {
    // --ignore-lock: Astro allows one preview per project, and benches or a developer's server may hold it.
    command: `ASTRO_TELEMETRY_DISABLED=1 npx astro preview --ignore-lock --host 127.0.0.1 --port ${port} --outDir ${siteDir}`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
