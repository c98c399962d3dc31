/**
 * The map runtime: one MapLibre map that applies a chapter's whole state (camera,
 * visible layers, emphasis, statuses, legend) and nothing else. Applying the whole
 * state rather than a diff means fast scrolling, skipped chapters, reloads and hash
 * jumps all land in exactly the chapter's state.
 */
import { along, length, lineSliceAlong } from '@turf/turf';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import {
  addProtocol,
  Map as MapLibreMap,
  setWorkerUrl,
  type AddProtocolAction,
  type GeoJSONSource,
  type PaddingOptions,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { scaleLinear } from 'd3-scale';
import { basemapStyle } from './basemap-style.ts';
import { mapLayerIds, routeLabelSource, storyMapLayers } from './layer-registry.ts';
import type { ChapterMapState, StoryData, StoryLayerInfo } from './story-data.ts';

setWorkerUrl(workerUrl);

const scrubSource = 'scrub-progress';

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

export interface StoryMapOptions {
  container: HTMLElement;
  data: StoryData;
  /** Space the text card covers, so the camera keeps the focus clear of it. */
  padding: () => PaddingOptions;
  reducedMotion: () => boolean;
  onLayerUnavailable: (layerId: string) => void;
}

export class StoryMap {
  readonly map: MapLibreMap;
  private readonly layers: StoryLayerInfo[];
  private readonly collections = new Map<string, FeatureCollection>();
  /** What MapLibre currently shows: layer id -> visibility, `layer/feature` -> serialized feature-state. */
  private readonly shown = new Map<string, string>();
  private readonly featureStates = new Map<string, string>();
  private scrubLine: Feature<LineString> | undefined;
  /** What the scrub source holds now: re-sending the same data would cost a worker round trip and delay 'idle'. */
  private drawnScrub: { line: Feature<LineString> | undefined; km: number } = { line: undefined, km: 0 };
  private current: ChapterMapState | undefined;

  private readonly options: StoryMapOptions;

  private constructor(map: MapLibreMap, options: StoryMapOptions) {
    this.map = map;
    this.options = options;
    this.layers = options.data.layers;
  }

  /** Creates the map and resolves once its style and every story source are loaded. */
  static async create(options: StoryMapOptions): Promise<StoryMap> {
    const map = new MapLibreMap({
      container: options.container,
      style: basemapStyle(options.data.basemap),
      bounds: [88, 9, 102, 28],
      attributionControl: { compact: true, customAttribution: 'Natural Earth · GeoNames' },
      // The story drives the camera; dragging would fight the scroll.
      interactive: false,
      fadeDuration: 0,
      // MapLibre labels its canvas (role="region", not a tab stop) with this string.
      locale: { 'Map.Title': 'Map of the story; its description is announced at each chapter change' },
    });
    const storyMap = new StoryMap(map, options);
    await new Promise<void>((resolve, reject) => {
      map.once('load', () => resolve());
      map.once('error', (event) => reject(event.error));
    });
    await storyMap.addStoryLayers();
    return storyMap;
  }

  private async addStoryLayers(): Promise<void> {
    await Promise.all(
      this.layers.map(async (layer) => {
        try {
          if (layer.tiled) {
            // Read tile by tile with range requests: a reader fetches the tiles in view, never the whole archive.
            await registerPmtiles();
            this.map.addSource(layer.id, { type: 'vector', url: `pmtiles://${new URL(layer.url, location.href).href}`, promoteId: 'id' });
            // Its features never reach the page whole, so it has none to set emphasis or status on; visibility still applies.
            this.collections.set(layer.id, { type: 'FeatureCollection', features: [] });
          } else {
            const response = await fetch(layer.url);
            if (!response.ok) throw new Error(`${response.status}`);
            const data = (await response.json()) as FeatureCollection;
            this.collections.set(layer.id, data);
            this.map.addSource(layer.id, { type: 'geojson', data, promoteId: 'id' });
            if (layer.kind === 'route') this.map.addSource(routeLabelSource(layer.id), { type: 'geojson', data: midpoints(data) });
          }
        } catch {
          this.options.onLayerUnavailable(layer.id);
          return;
        }
        for (const spec of storyMapLayers(layer)) {
          // Shapes sit under the basemap's labels; story labels go on top so they win label collisions.
          const beforeId = spec.type === 'symbol' ? undefined : 'place-dots';
          this.map.addLayer({ ...spec, layout: { ...('layout' in spec ? spec.layout : {}), visibility: 'none' } } as typeof spec, beforeId);
        }
      }),
    );
    this.map.addSource(scrubSource, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    this.map.addLayer(
      {
        id: scrubSource,
        type: 'line',
        source: scrubSource,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': '#1f78b4', 'line-width': 5 },
      },
      'place-dots',
    );
  }

  /** Layer ids whose data loaded and which the current chapter shows. */
  visibleLayers(): string[] {
    return (this.current?.visibleLayers ?? []).filter((id) => this.collections.has(id));
  }

  /** Forgets what MapLibre was told, e.g. after a lost WebGL context rebuilt the style without feature state. */
  forgetAppliedState(): void {
    this.shown.clear();
    this.featureStates.clear();
  }

  apply(state: ChapterMapState): void {
    this.current = state;
    // The whole state is computed every time, but MapLibre is only told what differs from what
    // it shows: each call can re-place symbols, and that is what made chapter changes stutter.
    for (const layer of this.layers) {
      if (!this.collections.has(layer.id)) continue;
      const visibility = state.visibleLayers.includes(layer.id) ? 'visible' : 'none';
      if (this.shown.get(layer.id) !== visibility) {
        for (const mapLayerId of mapLayerIds(layer)) this.map.setLayoutProperty(mapLayerId, 'visibility', visibility);
        this.shown.set(layer.id, visibility);
      }
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
    const scrub = state.scrub;
    this.scrubLine =
      scrub &&
      (this.collections.get(scrub.layer)?.features.find((f) => f.properties?.id === scrub.feature) as Feature<LineString> | undefined);
    // With reduced motion nothing is drawn by scrolling: the route appears whole at once.
    this.setScrubProgress(this.options.reducedMotion() ? 1 : 0);
    this.moveCamera(state);
  }

  /** Draws the chapter's scrubbed route up to `progress` (0..1) of its length. */
  setScrubProgress(progress: number): number {
    const scrub = this.current?.scrub;
    const distance = scrub && this.scrubLine ? scaleLinear().domain([0.1, 0.8]).range([0, scrub.lengthKm]).clamp(true)(progress) : 0;
    if (distance === this.drawnScrub.km && (distance === 0 || this.scrubLine === this.drawnScrub.line)) return distance;
    this.drawnScrub = { line: this.scrubLine, km: distance };
    this.map
      .getSource<GeoJSONSource>(scrubSource)!
      .setData(
        distance > 0 ? lineSliceAlong(this.scrubLine!, 0, distance, { units: 'kilometers' }) : { type: 'FeatureCollection', features: [] },
      );
    return distance;
  }

  private moveCamera(state: ChapterMapState): void {
    this.map.stop();
    const padding = this.options.padding();
    const instant = this.options.reducedMotion();
    const { camera } = state;
    if ('bounds' in camera) {
      const [w, s, e, n] = camera.bounds;
      const options = { padding, maxZoom: camera.maxZoom, bearing: camera.bearing, pitch: camera.pitch };
      if (instant)
        this.map.jumpTo(
          this.map.cameraForBounds(
            [
              [w, s],
              [e, n],
            ],
            options,
          ) ?? {},
        );
      else
        this.map.fitBounds(
          [
            [w, s],
            [e, n],
          ],
          { ...options, duration: 1600 },
        );
    } else {
      const options = { center: camera.center, zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch, padding };
      if (instant) this.map.jumpTo(options);
      else this.map.flyTo({ ...options, duration: 1600 });
    }
  }

  resize(): void {
    this.map.resize();
    if (this.current) this.moveCamera(this.current);
  }
}
