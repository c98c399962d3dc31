/**
 * The live map on a page: starts the map engine (fonts, WebGL probe, StoryMap), publishes
 * what the map shows on the map stage (`data-map-state`, `data-map-idle`, `data-camera`, …)
 * and announces `story:settled` when the chapter last applied is drawn and the map is at rest.
 * Without WebGL, or when the engine fails, the page keeps its static maps (`fallback`).
 */
import type { PaddingOptions } from 'maplibre-gl';
import type { ChapterMapState } from '../../map/story-data.ts';
import type { CameraView, StoryMap } from '../../map/story-map.ts';
import { endWarmUp, holdWarmUp, webgl2Available } from '../../map/webgl.ts';
import type { StoryPage } from './story-page.ts';

/** The detail of `story:settled`: the chapter whose state the map shows, at rest. */
export interface SettledDetail {
  chapter: string;
}

export interface LiveMapOptions {
  padding: () => PaddingOptions;
  reducedMotion: () => boolean;
  /** A layer's data failed to load: the page marks it unavailable. */
  onLayerUnavailable: (layerId: string) => void;
  /** The map was lost (no WebGL, a failed start, a lost context): the page shows static maps. */
  onFallback: () => void;
  /** The context came back and the map is drawn again: the page re-applies its chapter. */
  onRestored: () => void;
}

export interface LiveMap {
  /** The map, while it draws; undefined before it started, after it failed and while its context is lost. */
  readonly current: StoryMap | undefined;
  /**
   * Starts the engine for the chapter in view; resolves once the map can take the chapter (the
   * caller applies it) or the page fell back. `data-map-state` turns `ready`, and the live map
   * replaces the static one, once it has drawn that chapter.
   */
  start(startAt: ChapterMapState): Promise<void>;
  /**
   * Downloads the engine's files (the stage's `data-engine-files`, src/integrations/engine-files.ts)
   * and the data files given into the browser's cache ahead of `start`, where the browser can
   * draw WebGL2. It runs and parses none of them, so the page's main thread is not held; after
   * `start`, it does nothing.
   */
  preload(dataFiles: readonly string[]): void;
}

/** Read by the bench (tests/bench/measure.ts), which names it too. */
const graphicsReadyMark = 'live-map:graphics-ready';

const fixed = (view: CameraView) => ({
  camera: `${view.center[0].toFixed(4)},${view.center[1].toFixed(4)},${view.zoom.toFixed(3)}`,
  bounds: view.bounds.map((value) => value.toFixed(4)).join(','),
});

export function createLiveMap(page: StoryPage, options: LiveMapOptions): LiveMap {
  let storyMap: StoryMap | undefined;
  let started = false;
  const stage = page.map;
  const publishCamera = (view: CameraView) => {
    const { camera, bounds } = fixed(view);
    stage.dataset.camera = camera;
    stage.dataset.viewBounds = bounds;
  };
  return {
    get current() {
      return storyMap;
    },
    preload(dataFiles) {
      // Once the map has started, its own requests are under way.
      if (started) return;
      // Less what the page has loaded already: the engine shares a chunk with this driver.
      const files = [...(stage.dataset.engineFiles?.split(' ') ?? []), ...dataFiles]
        .filter(Boolean)
        .map((file) => new URL(file, location.href).href)
        .filter((url) => performance.getEntriesByName(url).length === 0);
      // A prefetch link is the browser's own download into its cache, which the page does not read;
      // where there is none (WebKit), a low-priority fetch read to the end.
      const prefetches = document.createElement('link').relList.supports('prefetch');
      void webgl2Available().then((available) => {
        if (!available) return;
        for (const url of files)
          if (prefetches) document.head.append(Object.assign(document.createElement('link'), { rel: 'prefetch', href: url }));
          else
            void fetch(url, { priority: 'low' })
              .then((response) => response.blob())
              .catch(() => undefined);
      });
    },
    async start(startAt) {
      started = true;
      holdWarmUp();
      const ready = Promise.all([import('../../map/story-map.ts'), document.fonts.load('13px "Noto Sans"')]);
      if (!(await webgl2Available())) {
        ready.catch(() => undefined);
        return options.onFallback();
      }
      // A User Timing mark, in any browser's performance panel: the start's wait for the browser's
      // graphics stack ends here, and the map's own work begins (the bench splits its figure here).
      performance.mark(graphicsReadyMark);
      let live: StoryMap;
      try {
        const [{ StoryMap }] = await ready;
        live = await StoryMap.create({
          container: page.canvas,
          data: page.data,
          startAt,
          padding: options.padding,
          reducedMotion: options.reducedMotion,
          coveredBy: () => [page.legend],
          onLayerUnavailable: options.onLayerUnavailable,
        });
        storyMap = live;
        await live.prepare(startAt);
      } catch {
        storyMap = undefined;
        endWarmUp();
        return options.onFallback();
      }
      live.on('moveStart', () => (stage.dataset.mapIdle = 'false'));
      live.on('moved', publishCamera);
      live.on('settled', (view) => {
        publishCamera(view);
        // Layers whose data arrived after the chapter change are drawn now.
        stage.dataset.visibleLayers = view.visibleLayers.join(' ');
        stage.dataset.scrubKm = view.scrubKm.toFixed(1);
        stage.dataset.basemapLabels = view.basemapLabels.join('|');
        stage.dataset.mapIdle = 'true';
        if (view.chapter && storyMap)
          stage.dispatchEvent(new CustomEvent<SettledDetail>('story:settled', { bubbles: true, detail: { chapter: view.chapter } }));
      });
      // A lost WebGL context leaves a blank canvas and a map without a style: static maps stand
      // in, and nothing calls into the map until its rebuilt style has loaded.
      live.on('contextLost', () => {
        storyMap = undefined;
        options.onFallback();
      });
      live.on('contextRestored', () => {
        storyMap = live;
        stage.dataset.mapState = 'ready';
        options.onRestored();
      });
      addEventListener('resize', () => storyMap?.resize(), { passive: true });
      // Shown once it has drawn the chapter the caller applies next, its layers and their tiles:
      // shown at once, it drew the basemap alone for a quarter of a second after the static map went.
      void live.drawn().then(() => {
        endWarmUp();
        if (storyMap === live) stage.dataset.mapState = 'ready';
      });
    },
  };
}
