/**
 * What the build hands the browser: each chapter's whole map state, already resolved
 * (bounds fitted, timeline statuses at the chapter's date), and where each layer's
 * data lives. The runtime applies these states; it computes nothing about the story.
 */
import type { LayerKind } from '../geo/layer-meta.ts';
import type { MapStrings } from '../i18n/ui.ts';

export type CrossingStatus = 'open' | 'closed' | 'restricted';

export type ResolvedCamera =
  | { center: [number, number]; zoom: number; bearing: number; pitch: number }
  | { bounds: [number, number, number, number]; maxZoom: number; bearing: number; pitch: number };

export interface ChapterMapState {
  id: string;
  index: number;
  title: string;
  camera: ResolvedCamera;
  /** Story layer ids shown, in drawing order. */
  visibleLayers: string[];
  /** Layer id -> ids of features drawn emphasised. */
  highlights: Record<string, string[]>;
  /** The date the map shows: the chapter's `asOf`, or the story's present. */
  date: string;
  /** Layer id -> feature id -> status at the chapter's date, for layers with a timeline. */
  statuses: Record<string, Record<string, CrossingStatus>>;
  /** Layer id -> feature id -> who controlled it at the chapter's date (reader text), for features with a `control` history. */
  controls: Record<string, Record<string, string>>;
  /** The route drawn progressively while scrolling through the chapter. */
  scrub?: { layer: string; feature: string; lengthKm: number };
}

export interface StoryLayerInfo {
  id: string;
  title: string;
  legend: string;
  /** Where the map reads the layer: its GeoJSON, or for a tiled layer its PMTiles archive. */
  url: string;
  /** True when `url` is a PMTiles archive of vector tiles, whose one source-layer is named after the layer id. */
  tiled: boolean;
  kind: LayerKind;
  color: string;
  dashed: boolean;
  marker: 'dot' | 'ring';
  /** The feature property the map labels with, in the page's edition (`name` or `name:zh`). */
  labelProperty?: string;
  /** The property holding a route's printed length in the page's edition (`lengthLabel`, `lengthLabel:zh`). */
  lengthProperty?: string;
  approximate: boolean;
  hasTimeline: boolean;
  /** The words a point with a timeline prints beside itself when closed or restricted. */
  statusLabels: { closed: string; restricted: string };
}

export interface StoryData {
  chapters: ChapterMapState[];
  layers: StoryLayerInfo[];
  /** Basemap file name -> URL. */
  basemap: Record<string, string>;
  /** What the live map frames before a chapter is applied: [west, south, east, north]. */
  initialBounds: [number, number, number, number];
  /** The colour the scrubbed route is drawn in as the reader scrolls. */
  scrubColor: string;
  /** The interface words the browser writes (legend notes, map labels), in the page's language. */
  strings: MapStrings;
}
