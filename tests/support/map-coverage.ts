/**
 * How much of the map a reader actually sees: shared by the bench (`npm run bench:coverage`)
 * and the layout tests. Two questions, asked at one scroll position:
 *
 * - is at least half of the screen uncovered map (a grid of points, each hit-tested: a point
 *   counts if the topmost thing painted there is the map itself, not the text, the legend,
 *   the bar, the map's own controls or a button over it);
 * - is every highlighted feature of the active chapter on screen and uncovered (each feature's
 *   vertices projected through the map's published camera, Web Mercator with 512 px tiles, and
 *   hit-tested the same way).
 *
 * The projection reads only the public contract (`data-camera`, the canvas's box), not MapLibre,
 * so a camera that frames features under the card fails here even if MapLibre agrees with itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { StoryData } from '../../src/map/story-data.ts';

/** [longitude, latitude] points of one feature: its vertices, thinned to at most `limit`. */
export type FeaturePoints = [number, number][];

/** Each chapter's highlighted features as vertex lists, read from the layer files the build publishes. */
export function highlightedFeatures(root: string, data: StoryData, limit = 32): Record<string, FeaturePoints[]> {
  const cache = new Map<string, GeoJSON.FeatureCollection>();
  const layer = (id: string) => {
    if (!cache.has(id)) cache.set(id, JSON.parse(readFileSync(join(root, 'geo/layers', `${id}.geojson`), 'utf8')));
    return cache.get(id)!;
  };
  const vertices = (geometry: GeoJSON.Geometry): [number, number][] => {
    const out: [number, number][] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value) && typeof value[0] === 'number') out.push([value[0], value[1] as number]);
      else if (Array.isArray(value)) value.forEach(walk);
    };
    walk('coordinates' in geometry ? geometry.coordinates : geometry.geometries.map((g) => ('coordinates' in g ? g.coordinates : [])));
    return out;
  };
  return Object.fromEntries(
    data.chapters.map((chapter) => [
      chapter.id,
      Object.entries(chapter.highlights).flatMap(([layerId, ids]) =>
        ids.map((id) => {
          const feature = layer(layerId).features.find((f) => String(f.properties?.id ?? f.id) === id)!;
          const points = vertices(feature.geometry);
          const stride = Math.max(1, Math.ceil(points.length / limit));
          return points.filter((_, i) => i % stride === 0 || i === points.length - 1);
        }),
      ),
    ]),
  );
}

export interface Coverage {
  /** Share (0..1) of the screen's sample points where the map is the topmost thing. */
  mapShare: number;
  /** Every highlighted feature's points inside the screen and the canvas, and topmost there; null if the chapter highlights nothing. */
  featuresUncovered: boolean | null;
  /** The first point that failed, for messages: [lon, lat, x, y, what covers it]. */
  firstFailure?: [number, number, number, number, string];
}

/** Runs in the page. Kept self-contained (no imports) because Playwright serialises it. */
function coverageInPage(features: FeaturePoints[]): Coverage {
  const mapElement = document.querySelector<HTMLElement>('[data-story-map]')!;
  // The live canvas when it draws, else the static map standing in for it.
  const live = mapElement.dataset.mapState === 'ready';
  // What paints at a point: the topmost element with something of its own there (an image,
  // a control, a background, or text of its own); a transparent box, like a chapter's
  // padding over the map, covers nothing.
  const paints = (element: Element) => {
    if (element.matches('img, svg, canvas, video, button, input, select, textarea')) return true;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden') return false;
    if (style.backgroundImage !== 'none' || !/^(transparent|rgba\(.*, 0\))$/.test(style.backgroundColor)) return true;
    return [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
  };
  const topmost = (x: number, y: number) => document.elementsFromPoint(x, y).find(paints) ?? null;
  const isMap = (hit: Element | null) =>
    hit !== null &&
    (live
      ? hit.closest('.map-canvas') !== null && !hit.closest('.maplibregl-control-container')
      : hit.matches('[data-static-map], .chapter-static-map'));
  const step = 20;
  let total = 0;
  let map = 0;
  for (let y = step / 2; y < innerHeight; y += step)
    for (let x = step / 2; x < innerWidth; x += step) {
      total++;
      if (isMap(topmost(x, y))) map++;
    }
  if (features.length === 0) return { mapShare: map / total, featuresUncovered: null };
  const [lon, lat, zoom] = (mapElement.dataset.camera ?? '0,0,0').split(',').map(Number) as [number, number, number];
  const canvas = mapElement.querySelector('.map-canvas')!.getBoundingClientRect();
  const world = 512 * 2 ** zoom;
  const mx = (value: number) => ((value + 180) / 360) * world;
  const my = (value: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (value * Math.PI) / 360)) / Math.PI) / 2) * world;
  for (const points of features)
    for (const [plon, plat] of points) {
      const x = canvas.left + canvas.width / 2 + mx(plon) - mx(lon);
      const y = canvas.top + canvas.height / 2 + my(plat) - my(lat);
      const inside = x >= 1 && y >= 1 && x <= innerWidth - 1 && y <= innerHeight - 1;
      const hit = inside ? topmost(x, y) : null;
      if (!inside || !isMap(hit)) {
        const what = hit ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}` : 'off screen';
        return { mapShare: map / total, featuresUncovered: false, firstFailure: [plon, plat, Math.round(x), Math.round(y), what] };
      }
    }
  return { mapShare: map / total, featuresUncovered: true };
}

export async function coverageAt(page: Page, features: FeaturePoints[]): Promise<Coverage> {
  return page.evaluate(coverageInPage, features);
}

export interface CoverageFigures {
  positions: number;
  /** Share of positions with at least half of the screen uncovered map. */
  halfMapShare: number;
  /** Share of positions (in chapters that highlight something) with every highlighted feature on screen and uncovered. */
  featuresShare: number;
  featurePositions: number;
}

/**
 * Scrolls through every chapter in `stepPx` steps, from the first chapter's top at the bar
 * to the last chapter's end at the screen's bottom, and asks `coverageAt` at each position,
 * once the map has settled on the active chapter (run it with reduced motion, so the
 * camera jumps: this measures the layout, not the flight).
 */
export async function scrollCoverage(page: Page, features: Record<string, FeaturePoints[]>, stepPx = 60): Promise<CoverageFigures> {
  const [from, to] = await page.evaluate(() => {
    const chapters = [...document.querySelectorAll<HTMLElement>('[data-chapter]')];
    const top = chapters[0]!.getBoundingClientRect().top + scrollY - 48;
    const bottom = chapters.at(-1)!.getBoundingClientRect().bottom + scrollY - innerHeight;
    return [Math.round(top), Math.round(bottom)];
  });
  let positions = 0;
  let halfMap = 0;
  let featurePositions = 0;
  let featuresOk = 0;
  for (let y = from; y <= to; y += stepPx) {
    await page.evaluate(async (top) => {
      scrollTo({ top, behavior: 'instant' });
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      await frame();
      await frame();
      const map = document.querySelector<HTMLElement>('[data-story-map]')!;
      const deadline = performance.now() + 20_000;
      while (map.dataset.mapState === 'ready' && map.dataset.mapIdle !== 'true' && performance.now() < deadline) await frame();
    }, y);
    const id = await page.evaluate(() => document.documentElement.dataset.activeChapter!);
    const result = await coverageAt(page, features[id] ?? []);
    positions++;
    if (result.mapShare >= 0.5) halfMap++;
    if (result.featuresUncovered !== null) {
      featurePositions++;
      if (result.featuresUncovered) featuresOk++;
    }
  }
  return { positions, halfMapShare: halfMap / positions, featuresShare: featuresOk / Math.max(1, featurePositions), featurePositions };
}
