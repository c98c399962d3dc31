/**
 * The map runtime: one MapLibre map that applies a chapter's whole state (camera,
 * visible layers, emphasis, statuses, legend) and nothing else. Applying the whole
 * state rather than a diff means fast scrolling, skipped chapters, reloads and hash
 * jumps all land in exactly the chapter's state.
 *
 * A layer's data is fetched when a chapter near the current one needs it (this one
 * and the next), so the first view never waits for the whole story's data.
 */
import { along, length, lineSliceAlong } from '@turf/turf';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import {
  addProtocol,
  Map as MapLibreMap,
  prewarm,
  setWorkerUrl,
  type AddLayerObject,
  type AddProtocolAction,
  type AllPaintProperties,
  type GeoJSONSource,
  type GeoJSONSourceSpecification,
  type LngLatLike,
  type MapOptions,
  type PaddingOptions,
} from 'maplibre-gl';
import workerUrl from 'virtual:map-engine-worker-url';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?url';
import { basemapStyle, geojsonMaxZoom } from './basemap-style.ts';
import { EdgeLabels } from './edge-labels.ts';
import { fetchJson } from './fetch-json.ts';
import { routeLabelSource } from '../layer-kinds/style-helpers.ts';
import { hiddenLayer, scrubLayer, storyMapLayers, togglePaint } from './layer-registry.ts';
import type { ChapterMapState, StoryData, StoryLayerInfo } from './story-data.ts';

setWorkerUrl(workerUrl);
// The engine's workers boot (500 KB of script each) while the page waits for WebGL, not after the map is made.
prewarm();

const scrubSource = 'scrub-progress';
/** The longest camera flight, in ms; shorter ones take as long as `flightSpeed` makes them. */
const maxFlight = 1600;
/**
 * Screenfuls per second along a flight's path (MapLibre's flyTo `speed`; its default is 1.2).
 * A little quicker than the default: a chapter change is over sooner, and a phone draws a fifth
 * fewer of the frames that make up most of its scrolling cost.
 */
const flightSpeed = 1.5;
const warmUpSource = 'warm-up';

/**
 * The engine's stylesheet, linked when the engine is loaded rather than in the page's head:
 * a render-blocking stylesheet for a map the first paint does not show would delay the text.
 * Linked as the engine arrives, its round trip overlaps the graphics probe instead of coming
 * after it, in the way of the map's creation.
 */
function linkEngineStylesheet(): Promise<void> {
  if (document.querySelector(`link[href="${maplibreCss}"]`)) return Promise.resolve();
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: maplibreCss });
  const loaded = new Promise<void>((resolve, reject) => {
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`could not load ${maplibreCss}`));
  });
  document.head.append(link);
  return loaded;
}
const engineStylesheet = linkEngineStylesheet();
// Reported by the map's creation, which waits for it.
engineStylesheet.catch(() => undefined);

let pmtilesProtocol: Promise<void> | undefined;

/** Registers the pmtiles:// protocol once, loading its reader only for a story that has a tiled layer. */
function registerPmtiles(): Promise<void> {
  pmtilesProtocol ??= import('pmtiles').then(({ Protocol }) => addProtocol('pmtiles', new Protocol().tile as AddProtocolAction));
  return pmtilesProtocol;
}

/** A point halfway along each line, carrying the line's properties, for its label. */
function midpoints(lines: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: lines.features.map((line) => ({ ...along(line as Feature<LineString>, length(line) / 2), properties: line.properties })),
  };
}

/** The GeoJSON sources a story layer draws from: its features, and a route's label points. */
function storyLayerSources(layer: StoryLayerInfo, data: FeatureCollection): Record<string, GeoJSONSourceSpecification> {
  const sources: Record<string, GeoJSONSourceSpecification> = {
    [layer.id]: { type: 'geojson', data, promoteId: 'id', maxzoom: geojsonMaxZoom },
  };
  if (layer.kind === 'route') sources[routeLabelSource(layer.id)] = { type: 'geojson', data: midpoints(data), maxzoom: geojsonMaxZoom };
  return sources;
}

/**
 * Where a story layer's style layers go, given the story layers already `added`: layers arrive
 * in whatever order their data does, but draw in the order of the story's layer list, shapes
 * under the basemap's labels (and the scrubbed route), story labels on top so they win label
 * collisions. The id of the style layer to insert before; undefined for the top.
 */
function drawnBefore(
  storyLayers: readonly StoryLayerInfo[],
  added: readonly StoryLayerInfo[],
  layer: StoryLayerInfo,
  symbol: boolean,
): string | undefined {
  const position = storyLayers.indexOf(layer);
  for (const later of added
    .filter((other) => storyLayers.indexOf(other) > position)
    .sort((a, b) => storyLayers.indexOf(a) - storyLayers.indexOf(b))) {
    const spec = storyMapLayers(later).find((candidate) => (candidate.type === 'symbol') === symbol);
    if (spec) return spec.id;
  }
  return symbol ? undefined : scrubSource;
}

export interface StoryMapOptions {
  container: HTMLElement;
  data: StoryData;
  /** Space the text card covers, so the camera keeps the focus clear of it. */
  padding: () => PaddingOptions;
  reducedMotion: () => boolean;
  /** Elements drawn over the map (the legend): basemap labels they would cut are left out. */
  coveredBy: () => readonly Element[];
  onLayerUnavailable: (layerId: string) => void;
  /** The chapter in view: the map is created at its camera, so its tiles are the first cut and none are cut twice. */
  startAt?: ChapterMapState;
}

/** The basemap files the style draws, fetched by the page rather than by the engine's worker (see fetch-json.ts). */
export function basemapData(urls: Record<string, string>): Promise<Record<string, FeatureCollection>> {
  return Promise.all(Object.entries(urls).map(async ([name, url]) => [name, await fetchJson<FeatureCollection>(url)] as const)).then(
    Object.fromEntries,
  );
}

/**
 * Yields until the main thread has a moment to spare (or a second has passed), so that background
 * work never stretches a frame; resolves with how much of that moment is left, in ms.
 */
const spareMoment = () =>
  new Promise<() => number>((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback((deadline) => resolve(() => deadline.timeRemaining()), { timeout: 1000 });
    else setTimeout(() => resolve(() => 0), 50);
  });

/** The opacities that decide whether MapLibre draws a layer of this type at all. */
function faint(type: string, opacity: number): Record<string, number> {
  const names: Record<string, string[]> = {
    fill: ['fill-opacity'],
    line: ['line-opacity'],
    circle: ['circle-opacity', 'circle-stroke-opacity'],
    symbol: ['text-opacity'],
    heatmap: ['heatmap-opacity'],
  };
  return Object.fromEntries((names[type] ?? []).map((name) => [name, opacity]));
}

function startCamera({ startAt, padding, data }: StoryMapOptions): Partial<MapOptions> {
  const camera = startAt?.camera;
  if (!camera) return { bounds: data.initialBounds };
  if ('center' in camera) return { center: camera.center, zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch };
  return {
    bounds: camera.bounds,
    fitBoundsOptions: { padding: padding(), maxZoom: camera.maxZoom },
    bearing: camera.bearing,
    pitch: camera.pitch,
  };
}

/** Where the camera is: its centre and zoom, and the [west, south, east, north] the canvas shows. */
export interface CameraView {
  center: [number, number];
  zoom: number;
  bounds: [number, number, number, number];
}

/** What the map shows once it has come to rest ('idle'): the chapter it applied last, and what it drew of it. */
export interface SettledView extends CameraView {
  /** Id of the chapter applied last, or undefined before the first. */
  chapter: string | undefined;
  /** Story layers drawn: the chapter's layers whose data is in. */
  visibleLayers: string[];
  /** Length of the scrubbed route drawn so far. */
  scrubKm: number;
  /** The basemap's point labels drawn whole. */
  basemapLabels: string[];
}

/** What a driver hears from the map: when it moves, comes to rest, loses and regains its drawing context. */
export interface StoryMapEvents {
  moveStart: () => void;
  /** The camera stopped ('moveend'). */
  moved: (view: CameraView) => void;
  settled: (view: SettledView) => void;
  contextLost: () => void;
  /** The drawing context is back and the style rebuilt; the map forgot what it had applied. */
  contextRestored: () => void;
}

export class StoryMap {
  private readonly map: MapLibreMap;
  /** The basemap's point labels drawn whole on the map, as of the last 'idle'. */
  basemapLabels: string[] = [];
  private readonly layers: StoryLayerInfo[];
  /** Layers whose data is in, by id: the map has their sources and (hidden) style layers. */
  private readonly collections = new Map<string, FeatureCollection>();
  private readonly loading = new Map<string, Promise<void>>();
  /** Story layers added to the style, in the order they arrived. */
  private readonly added: StoryLayerInfo[] = [];
  /** What MapLibre currently has: layer id -> shown, layer id -> laid out, `layer/feature` -> serialized feature-state. */
  private readonly shown = new Map<string, boolean>();
  private readonly laidOut = new Map<string, boolean>();
  private readonly featureStates = new Map<string, string>();
  private scrubProgress = 0;
  /** What the scrub source holds now: re-sending the same data would cost a worker round trip and delay 'idle'. */
  private drawnScrub: { line: Feature<LineString> | undefined; km: number } = { line: undefined, km: 0 };
  private scrubShown = false;
  private current: ChapterMapState | undefined;
  private readonly edgeLabels: EdgeLabels;

  private readonly options: StoryMapOptions;

  private constructor(map: MapLibreMap, options: StoryMapOptions, labelData: Record<string, FeatureCollection>) {
    this.map = map;
    this.options = options;
    this.layers = options.data.layers;
    this.edgeLabels = new EdgeLabels(map, labelData, options.coveredBy);
  }

  /**
   * Creates the map and resolves once its style is loaded. The chapter it starts at has its
   * layers in the first style, laid out and hidden: their tiles are cut with the basemap's, for
   * the map's first frames, rather than in a second round after it, which took about 300 ms of a
   * start on a software GPU. It resolves before those frames (at 'style.load', not 'load'), so
   * the chapter applied next is in the first frames drawn: applied after 'load', it cost a
   * second round of frames (about 450 ms of a phone's start, traced).
   */
  static async create(options: StoryMapOptions): Promise<StoryMap> {
    const startLayers = (options.startAt?.visibleLayers ?? [])
      .map((id) => options.data.layers.find((layer) => layer.id === id)!)
      .filter((layer) => !layer.tiled)
      .sort((a, b) => options.data.layers.indexOf(a) - options.data.layers.indexOf(b));
    const [basemap, startData] = await Promise.all([
      basemapData(options.data.basemap),
      // A file that fails here is asked again, and reported, when the chapter is applied.
      Promise.all(startLayers.map((layer) => fetchJson<FeatureCollection>(layer.url).catch(() => undefined))),
      engineStylesheet,
    ]);
    const style = basemapStyle(options.data.basemap, options.data.strings.schematic);
    for (const [name, source] of Object.entries(style.sources)) if (source.type === 'geojson' && basemap[name]) source.data = basemap[name];
    const inStyle = startLayers.flatMap((layer, i) => (startData[i] ? [{ layer, data: startData[i] }] : []));
    style.sources[scrubSource] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, maxzoom: geojsonMaxZoom };
    const layers = style.layers as AddLayerObject[];
    layers.splice(
      layers.findIndex((layer) => layer.id === 'place-dots'),
      0,
      hiddenLayer(scrubLayer(scrubSource, scrubSource, options.data.scrubColor)),
    );
    inStyle.forEach(({ layer, data }, i) => {
      for (const [id, source] of Object.entries(storyLayerSources(layer, data))) style.sources[id] = source;
      const added = inStyle.slice(0, i).map((earlier) => earlier.layer);
      for (const spec of storyMapLayers(layer)) {
        const before = drawnBefore(options.data.layers, added, layer, spec.type === 'symbol');
        const at = before === undefined ? layers.length : layers.findIndex((other) => other.id === before);
        layers.splice(at, 0, hiddenLayer(spec));
      }
    });
    const map = new MapLibreMap({
      container: options.container,
      style,
      ...startCamera(options),
      attributionControl: { compact: true, customAttribution: 'Natural Earth · GeoNames' },
      // The story drives the camera; dragging would fight the scroll.
      interactive: false,
      fadeDuration: 0,
      // The style is the project's own code, which tests/unit/map-style.test.ts checks against the
      // style specification; checking it again here cost every reader's start its validation pass.
      validateStyle: false,
      // Keep every tile the story has shown (they are few and small), so going back is instant.
      maxTileCacheZoomLevels: 20,
      // MapLibre labels its canvas (role="region", not a tab stop) with this string.
      locale: { 'Map.Title': options.data.strings.mapTitle },
      // Chinese, Japanese and Korean characters in labels are drawn with the site's own face, never the reader's system fonts.
      localIdeographFontFamily: "'Noto Sans SC'",
    });
    const storyMap = new StoryMap(map, options, basemap);
    for (const { layer, data } of inStyle) storyMap.addedWithStyle(layer, data);
    await new Promise<void>((resolve, reject) => {
      map.once('style.load', () => resolve());
      map.once('error', (event) => reject(event.error));
    });
    // With motion, the labels the frame would cut are decided where the camera comes to rest,
    // before the frames that settle the view are drawn, and 'idle' only reads what was placed.
    // Without motion a chapter change is one jump drawn in its own frame: the labels are fitted
    // on that frame's 'idle' and drawn at once, which holds 'idle' to that frame.
    storyMap.edgeLabels.fit();
    map.on('moveend', () => {
      if (!options.reducedMotion()) storyMap.edgeLabels.fit();
    });
    map.on('idle', () => {
      if (options.reducedMotion() && storyMap.edgeLabels.fit()) map.redraw();
      storyMap.basemapLabels = storyMap.edgeLabels.drawn();
    });
    return storyMap;
  }

  /** Resolves at the next 'idle': once what the map was last told, and any tiles it needs, is drawn. */
  drawn(): Promise<void> {
    // A map already idle draws nothing more and would not be idle again: one frame makes sure it is.
    this.map.triggerRepaint();
    return this.map.once('idle').then(() => undefined);
  }

  /**
   * Draws every story layer style once, one per spare moment after the map is idle, on
   * stand-in features under the legend at 1 % opacity, then removes them: MapLibre compiles
   * a shader program the first time a layer of a kind draws (300 ms of a chapter change on
   * a software GPU), and compiling them all in one frame blocked the page for 600 ms.
   */
  async warmUp(): Promise<void> {
    await this.map.once('idle');
    // Not in the task that shows the map: adding the stand-ins there held the reveal back (115 ms on a phone).
    let timeLeft = await spareMoment();
    const container = this.map.getContainer().getBoundingClientRect();
    const legend = this.options.coveredBy()[0]?.getBoundingClientRect();
    const at = legend?.width
      ? { x: legend.left + legend.width / 2 - container.left, y: legend.top + legend.height / 2 - container.top }
      : { x: container.width / 2, y: container.height / 2 };
    const point = (dx: number, dy: number) => this.map.unproject([at.x + dx, at.y + dy]).toArray();
    const properties = { id: 'warm-up' };
    const features: Feature[] = [
      { type: 'Feature', properties, geometry: { type: 'Point', coordinates: point(0, 0) } },
      {
        type: 'Feature',
        properties,
        geometry: {
          type: 'LineString',
          coordinates: [point(-8, 0), point(8, 4)],
        },
      },
      {
        type: 'Feature',
        properties,
        geometry: {
          type: 'Polygon',
          coordinates: [[point(-8, -4), point(8, -4), point(8, 4), point(-8, -4)]],
        },
      },
    ];
    this.map.addSource(warmUpSource, { type: 'geojson', data: { type: 'FeatureCollection', features } });
    const specs = [
      ...this.layers.flatMap((layer) => storyMapLayers(layer)),
      scrubLayer('scrub', warmUpSource, this.options.data.scrubColor),
    ];
    // Added as many per spare moment as it has room for: MapLibre re-validates the whole style at
    // each addition (about 4 ms on a slow phone), and all at once they held the page for 115 ms.
    // Laid out in the worker but not drawn: MapLibre skips a layer whose opacity is 0.
    const ids: string[] = [];
    for (const [i, spec] of specs.entries()) {
      if (timeLeft() <= 0) timeLeft = await spareMoment();
      const id = `${warmUpSource}/${i}`;
      const layout = {
        ...('layout' in spec ? spec.layout : {}),
        // Stand-ins take no room from the labels shown.
        ...(spec.type === 'symbol' ? { 'text-field': 'Warm', 'text-allow-overlap': true, 'text-ignore-placement': true } : {}),
      };
      const paint = { ...('paint' in spec ? spec.paint : {}), ...faint(spec.type, 0) };
      const stand = { ...spec, id, source: warmUpSource, layout, paint } as AddLayerObject & { 'source-layer'?: string };
      delete stand['source-layer'];
      this.map.addLayer(stand);
      ids.push(id);
    }
    await this.map.once('idle');
    // Then drawn one per frame, each in a spare moment with the camera at rest: a frame compiles at
    // most a layer's programs, and never one of a chapter's flight.
    for (const [i, id] of ids.entries()) {
      await spareMoment();
      while (this.map.isMoving()) {
        await this.map.once('idle');
        await spareMoment();
      }
      const type = specs[i]!.type;
      for (const [name, value] of Object.entries(faint(type, 0.01))) this.map.setPaintProperty(id, name as keyof AllPaintProperties, value);
      await this.map.once('render');
      for (const [name, value] of Object.entries(faint(type, 0))) this.map.setPaintProperty(id, name as keyof AllPaintProperties, value);
    }
    for (const id of ids) this.map.removeLayer(id);
    this.map.removeSource(warmUpSource);
  }

  /** Fetches and adds the layers a chapter shows, and starts on the next chapter's; resolves when the chapter's are in. */
  prepare(state: ChapterMapState): Promise<void> {
    const next = this.options.data.chapters[this.options.data.chapters.indexOf(state) + 1];
    if (next) for (const id of next.visibleLayers) void this.load(id);
    return Promise.all(state.visibleLayers.map((id) => this.load(id))).then(() => undefined);
  }

  private load(layerId: string): Promise<void> {
    let loading = this.loading.get(layerId);
    if (!loading) {
      loading = this.addStoryLayer(this.layers.find((layer) => layer.id === layerId)!).then(() => {
        if (!this.current) return;
        this.applyLayers(this.current);
        this.setScrubProgress(this.scrubProgress);
      });
      this.loading.set(layerId, loading);
    }
    return loading;
  }

  /** A layer that came with the first style: laid out and hidden, as applyLayers finds it. */
  private addedWithStyle(layer: StoryLayerInfo, data: FeatureCollection): void {
    this.collections.set(layer.id, data);
    this.added.push(layer);
    this.loading.set(layer.id, Promise.resolve());
    this.laidOut.set(layer.id, true);
    this.shown.set(layer.id, false);
  }

  private async addStoryLayer(layer: StoryLayerInfo): Promise<void> {
    try {
      if (layer.tiled) {
        // Read tile by tile with range requests: a reader fetches the tiles in view, never the whole archive.
        await registerPmtiles();
        this.map.addSource(layer.id, { type: 'vector', url: `pmtiles://${new URL(layer.url, location.href).href}`, promoteId: 'id' });
        // Its features never reach the page whole, so it has none to set emphasis or status on; visibility still applies.
        this.collections.set(layer.id, { type: 'FeatureCollection', features: [] });
      } else {
        const data = await fetchJson<FeatureCollection>(layer.url);
        for (const [id, source] of Object.entries(storyLayerSources(layer, data))) this.map.addSource(id, source);
        this.collections.set(layer.id, data);
      }
    } catch {
      this.options.onLayerUnavailable(layer.id);
      return;
    }
    for (const spec of storyMapLayers(layer)) {
      const added = hiddenLayer(spec);
      // Out of layout too, until applyLayers decides (see there).
      const layout = { ...('layout' in added ? added.layout : {}), visibility: 'none' };
      this.map.addLayer({ ...added, layout } as AddLayerObject, drawnBefore(this.layers, this.added, layer, spec.type === 'symbol'));
    }
    this.added.push(layer);
  }

  /** Layer ids whose data loaded and which the current chapter shows. */
  visibleLayers(): string[] {
    return (this.current?.visibleLayers ?? []).filter((id) => this.collections.has(id));
  }

  /** The camera as it is now. */
  cameraView(): CameraView {
    const { lng, lat } = this.map.getCenter();
    const [[west, south], [east, north]] = this.map.getBounds().toArray() as [[number, number], [number, number]];
    return { center: [lng, lat], zoom: this.map.getZoom(), bounds: [west, south, east, north] };
  }

  /**
   * Listens to the map: the driver learns what the map shows from these, never from MapLibre.
   * @example storyMap.on('settled', (view) => console.log(view.chapter, view.zoom));
   */
  on<Name extends keyof StoryMapEvents>(name: Name, listener: StoryMapEvents[Name]): void {
    const map = this.map;
    switch (name) {
      case 'moveStart':
        map.on('movestart', () => (listener as StoryMapEvents['moveStart'])());
        return;
      case 'moved':
        map.on('moveend', () => (listener as StoryMapEvents['moved'])(this.cameraView()));
        return;
      case 'settled':
        // After the map's own 'idle' work (labels), which was registered when it was created.
        map.on('idle', () =>
          (listener as StoryMapEvents['settled'])({
            ...this.cameraView(),
            chapter: this.current?.id,
            visibleLayers: this.visibleLayers(),
            scrubKm: this.scrubKm,
            basemapLabels: this.basemapLabels,
          }),
        );
        return;
      case 'contextLost':
        map.on('webglcontextlost', () => (listener as StoryMapEvents['contextLost'])());
        return;
      case 'contextRestored':
        // MapLibre rebuilds its style when the context comes back but drops feature states.
        map.on('webglcontextrestored', () =>
          map.once('style.load', () => {
            this.forgetAppliedState();
            (listener as StoryMapEvents['contextRestored'])();
          }),
        );
        return;
    }
  }

  /** Forgets what MapLibre was told, e.g. after a lost WebGL context rebuilt the style without feature state. */
  private forgetAppliedState(): void {
    this.shown.clear();
    this.laidOut.clear();
    this.featureStates.clear();
    this.edgeLabels.forget();
    this.drawnScrub = { line: undefined, km: 0 };
    this.scrubShown = false;
  }

  apply(state: ChapterMapState): void {
    // The first chapter the map shows is where it starts, not somewhere it flies to: the static map stood there.
    const first = !this.current;
    this.current = state;
    void this.prepare(state);
    this.applyLayers(state);
    // With reduced motion nothing is drawn by scrolling: the route appears whole at once.
    this.setScrubProgress(this.options.reducedMotion() ? 1 : 0);
    this.moveCamera(state, first || this.options.reducedMotion());
    // Without motion the new state is drawn now, in this frame, rather than in MapLibre's next one.
    // Either way a frame is drawn, so 'idle' follows every chapter change.
    if (this.options.reducedMotion()) this.map.redraw();
    else this.map.triggerRepaint();
  }

  /** Visibility, emphasis and status of every story layer whose data is in; layers still loading get theirs on arrival. */
  private applyLayers(state: ChapterMapState): void {
    // The whole state is computed every time, but MapLibre is only told what differs from what
    // it shows: each call can re-place symbols, and that is what made chapter changes stutter.
    for (const layer of this.layers) {
      if (!this.collections.has(layer.id)) continue;
      const shown = state.visibleLayers.includes(layer.id);
      // Showing a layer through `visibility` costs a worker round trip before the map is idle;
      // through paint it costs nothing, but a layer kept in layout has its source cut into tiles
      // at every zoom the camera passes (which tripled scroll blocking time). With motion, that
      // round trip hides inside the camera's flight, so a hidden layer also leaves the layout;
      // without motion there is no flight, so every loaded layer stays laid out.
      const laidOut = shown || this.options.reducedMotion();
      const layoutChanges = this.laidOut.get(layer.id) !== laidOut;
      const paintChanges = this.shown.get(layer.id) !== shown;
      if (layoutChanges || paintChanges)
        for (const spec of storyMapLayers(layer)) {
          if (layoutChanges) this.map.setLayoutProperty(spec.id, 'visibility', laidOut ? 'visible' : 'none');
          if (paintChanges) this.show(spec, shown);
        }
      this.laidOut.set(layer.id, laidOut);
      this.shown.set(layer.id, shown);
      const highlights = state.highlights[layer.id] ?? [];
      const statuses = state.statuses[layer.id] ?? {};
      for (const feature of this.collections.get(layer.id)!.features) {
        const id = String(feature.properties?.id);
        const featureState = { highlight: highlights.includes(id), status: statuses[id] ?? null };
        const key = `${layer.id}/${id}`;
        const serialized = JSON.stringify(featureState);
        if (this.featureStates.get(key) === serialized) continue;
        this.map.setFeatureState({ source: layer.id, id }, featureState);
        this.featureStates.set(key, serialized);
      }
    }
  }

  /** Shows or hides one style layer through paint alone, so MapLibre lays nothing out again. */
  private show(spec: AddLayerObject, shown: boolean): void {
    const paint = togglePaint(spec, shown);
    for (const name of Object.keys(paint) as (keyof typeof paint)[]) this.map.setPaintProperty(spec.id, name, paint[name]);
  }

  /** How much of the chapter's scrubbed route is drawn, in km. */
  get scrubKm(): number {
    return this.scrubShown ? this.drawnScrub.km : 0;
  }

  /** Draws the chapter's scrubbed route up to `progress` (0..1) of its length. */
  setScrubProgress(progress: number): number {
    this.scrubProgress = progress;
    const scrub = this.current?.scrub;
    // The line is there once its layer's data is; until then nothing is drawn.
    const line =
      scrub &&
      (this.collections.get(scrub.layer)?.features.find((f) => f.properties?.id === scrub.feature) as Feature<LineString> | undefined);
    // The route grows from a tenth to eight tenths of the way through the chapter (so it starts once the
    // chapter is read and is whole before it leaves). One clamped line, not d3-scale: 8 KB on every phone.
    const grown = Math.min(1, Math.max(0, (progress - 0.1) / 0.7));
    const distance = scrub && line ? grown * scrub.lengthKm : 0;
    const shown = distance > 0;
    if (shown && (distance !== this.drawnScrub.km || line !== this.drawnScrub.line)) {
      this.map.getSource<GeoJSONSource>(scrubSource)!.setData(lineSliceAlong(line!, 0, distance, { units: 'kilometers' }));
      this.drawnScrub = { line, km: distance };
    }
    // Hidden rather than emptied: coming back to a route drawn whole needs no new data, so no worker round trip.
    if (shown !== this.scrubShown) {
      this.show(scrubLayer(scrubSource, scrubSource, this.options.data.scrubColor), shown);
      this.scrubShown = shown;
    }
    return distance;
  }

  /**
   * How long MapLibre's own flyTo would take at `flightSpeed` (its path length over zoom
   * and distance, as in Camera.flyTo), capped: a short hop is short, a flight across the
   * region no longer than the cap.
   */
  private flightDuration(center: LngLatLike, zoom: number): number {
    const rho = 1.42;
    const { clientWidth: width, clientHeight: height } = this.map.getContainer();
    const w0 = Math.max(width, height);
    const w1 = w0 / 2 ** (zoom - this.map.getZoom());
    const from = this.map.project(this.map.getCenter());
    const to = this.map.project(center);
    const u1 = Math.hypot(to.x - from.x, to.y - from.y);
    const r = (i: 0 | 1) => {
      const b = (w1 * w1 - w0 * w0 + (i ? -1 : 1) * rho ** 4 * u1 * u1) / (2 * (i ? w1 : w0) * rho ** 2 * u1);
      return Math.log(Math.sqrt(b * b + 1) - b);
    };
    // A chapter framed as the last one was needs no flight, and waits for none.
    if (u1 < 0.5 && Math.abs(Math.log2(w0 / w1)) < 0.01) return 0;
    let path = (r(1) - r(0)) / rho;
    if (u1 < 1e-6 || !Number.isFinite(path)) path = Math.abs(Math.log(w1 / w0)) / rho;
    return Math.min(maxFlight, (1000 * path) / flightSpeed);
  }

  private moveCamera(state: ChapterMapState, instant = this.options.reducedMotion()): void {
    this.map.stop();
    const padding = this.options.padding();
    const { camera } = state;
    // A centred camera leaves its padding on the map, and MapLibre fits bounds inside that padding
    // plus the one it is given: a fit after a centred chapter passes only the difference.
    const kept = this.map.getPadding();
    const side = (name: keyof PaddingOptions) => (padding[name] ?? 0) - (kept[name] ?? 0);
    const fitPadding = { top: side('top'), right: side('right'), bottom: side('bottom'), left: side('left') };
    const target =
      'bounds' in camera
        ? this.map.cameraForBounds(
            [
              [camera.bounds[0], camera.bounds[1]],
              [camera.bounds[2], camera.bounds[3]],
            ],
            { padding: fitPadding, maxZoom: camera.maxZoom, bearing: camera.bearing, pitch: camera.pitch },
          )
        : undefined;
    if (instant) {
      if ('bounds' in camera) this.map.jumpTo(target ?? {});
      else this.map.jumpTo({ center: camera.center, zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch, padding });
    } else if ('bounds' in camera) {
      const [w, s, e, n] = camera.bounds;
      const duration =
        target?.center !== undefined && target.zoom !== undefined ? this.flightDuration(target.center, target.zoom) : maxFlight;
      this.map.fitBounds(
        [
          [w, s],
          [e, n],
        ],
        { padding: fitPadding, maxZoom: camera.maxZoom, bearing: camera.bearing, pitch: camera.pitch, duration },
      );
    } else {
      const duration = this.flightDuration(camera.center, camera.zoom);
      this.map.flyTo({ center: camera.center, zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch, padding, duration });
    }
  }

  resize(): void {
    this.map.resize();
    if (this.current) this.moveCamera(this.current);
  }
}
