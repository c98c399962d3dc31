/**
 * Lighthouse's default (mobile) audit of one URL, in its own Chromium started by
 * chrome-launcher: Lighthouse drives the browser over CDP itself and wants a clean
 * profile, so it does not share the bench's Playwright browser.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  cls: number;
  /** The simulated (slow 4G, 4× CPU) metrics the performance score is made of, in ms. */
  fcp: number;
  lcp: number;
  tbt: number;
  speedIndex: number;
}

export async function runLighthouse(url: string, chromePath: string, chromeFlags: string[]): Promise<LighthouseFigures> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...chromeFlags] });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`${runtimeError.code}: ${runtimeError.message}`);
    const score = (id: string) => Math.round((categories[id]?.score ?? Number.NaN) * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      cls: audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
      fcp: audits['first-contentful-paint']?.numericValue ?? Number.NaN,
      lcp: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
      tbt: audits['total-blocking-time']?.numericValue ?? Number.NaN,
      speedIndex: audits['speed-index']?.numericValue ?? Number.NaN,
    };
  } finally {
    chrome.kill();
  }
}
