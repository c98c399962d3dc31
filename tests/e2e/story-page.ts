/**
 * Helpers for driving the story page as a reader would, and for reading back the
 * public contract (README: "Public contract").
 */
import { expect, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import type { ChapterMapState, StoryData } from '../../src/map/story-data.ts';

export interface Watch {
  pageErrors: string[];
  foreignRequests: string[];
}

/** Records page errors and any request that leaves the site's own origin. */
export function watchPage(page: Page, origin: string): Watch {
  const watch: Watch = { pageErrors: [], foreignRequests: [] };
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) watch.foreignRequests.push(url);
  });
  return watch;
}

export async function storyData(page: Page): Promise<StoryData> {
  return JSON.parse((await page.locator('#story-data').textContent())!) as StoryData;
}

/** The live map starts at the reader's first sign of reading on: here, a pointer moving over the page. */
export async function waitForMapReady(page: Page): Promise<void> {
  await page.mouse.move(10, 10);
  await expect(page.locator('[data-story-map]')).toHaveAttribute('data-map-state', 'ready', { timeout: 60_000 });
}

/** Scrolls so the chapter's top sits just below the navigation bar, as a reader reaching it would. */
export async function scrollToChapter(page: Page, id: string): Promise<void> {
  await page.evaluate((chapterId) => {
    const element = document.getElementById(chapterId)!;
    window.scrollTo({ top: element.getBoundingClientRect().top + window.scrollY - 48, behavior: 'instant' });
  }, id);
}

/** Waits until the chapter is active and the map has finished moving to it. */
export async function expectChapterApplied(page: Page, chapter: ChapterMapState): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-active-chapter', chapter.id);
  await expect(page.locator(`[data-chapter="${chapter.id}"]`)).toHaveAttribute('aria-current', 'step');
  await expect(page.locator('[aria-current="step"]')).toHaveCount(1);
  const declared = (await page.locator(`[data-chapter="${chapter.id}"]`).getAttribute('data-layers'))!.split(' ').sort();
  const map = page.locator('[data-story-map]');
  await expect.poll(async () => (await map.getAttribute('data-visible-layers'))?.split(' ').sort()).toEqual(declared);
  await expect(map).toHaveAttribute('data-map-idle', 'true', { timeout: 20_000 });
}

const mercatorY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
const mercatorX = (lon: number) => (lon + 180) / 360;

export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
  /** [west, south, east, north] of what the canvas shows. */
  bounds: [number, number, number, number];
  /** top, right, bottom, left in px. */
  padding: [number, number, number, number];
}

export async function mapView(page: Page): Promise<MapView> {
  const map = page.locator('[data-story-map]');
  const numbers = async (name: string) => (await map.getAttribute(name))!.split(',').map(Number);
  const [lon, lat, zoom] = (await numbers('data-camera')) as [number, number, number];
  return {
    lon,
    lat,
    zoom,
    bounds: (await numbers('data-view-bounds')) as MapView['bounds'],
    padding: (await numbers('data-camera-padding')) as MapView['padding'],
  };
}

/**
 * The zoom at which a chapter's bounds fit the padded canvas, computed independently
 * of MapLibre: Web Mercator with 512 px tiles, capped at the chapter's maxZoom.
 */
export function expectedFitZoom(
  bounds: [number, number, number, number],
  maxZoom: number,
  size: { width: number; height: number },
  padding: MapView['padding'],
): number {
  const [w, s, e, n] = bounds;
  const [top, right, bottom, left] = padding;
  const dx = mercatorX(e) - mercatorX(w);
  const dy = mercatorY(s) - mercatorY(n);
  return Math.min(maxZoom, Math.log2(Math.min((size.width - left - right) / (dx * 512), (size.height - top - bottom) / (dy * 512))));
}

/** How many distinct colours the map canvas shows: a blank or failed map shows one or two. */
export async function distinctMapColours(page: Page): Promise<number> {
  const png = PNG.sync.read(await page.locator('[data-story-map] canvas').screenshot());
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4 * 7) colours.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!);
  return colours.size;
}
