/**
 * What a layer kind must provide, in one module per kind (src/layer-kinds/<kind>.ts):
 * the geometries it draws, its MapLibre style layers (each of a type the map knows how to
 * show and hide), its legend swatch and its static-map drawing. The registry
 * (src/layer-kinds/registry.ts) declares the set with `satisfies Record<LayerKind, LayerKindModule>`,
 * so a kind that lacks any member, or a kind listed in the layer metadata without a module,
 * fails to compile.
 */
import type { AddLayerObject } from 'maplibre-gl';
import type { Feature, Geometry } from 'geojson';
import type { LayerStyle } from '../geo/layer-meta.ts';
import type { CrossingStatus, StoryLayerInfo } from '../map/story-data.ts';

/** The MapLibre layer types the map can show and hide by paint alone (src/map/layer-registry.ts). */
export type ToggledType = 'fill' | 'line' | 'circle' | 'symbol' | 'heatmap';

/** A MapLibre style layer of a type the map can show and hide. */
export type ToggledLayer = AddLayerObject & { type: ToggledType };

/** A legend swatch: one SVG element in a 24 x 16 box. */
export interface SwatchShape {
  tag: 'line' | 'circle' | 'rect';
  attributes: Record<string, string>;
}

export type SwatchStyle = Pick<LayerStyle, 'kind' | 'color' | 'dashed' | 'marker'>;

/** A label the static map may place: centred below its point, in SVG units. */
export interface LabelCandidate {
  x: number;
  y: number;
  text: string;
  emphasis: boolean;
}

/** One feature to draw on a static map, with the chapter's state for it and the map's projection. */
export interface StaticFeature {
  feature: Feature<Geometry>;
  style: LayerStyle;
  /** Highlighted in this chapter. */
  emphasis: boolean;
  /** Its timeline status on the chapter's date, if it has one. */
  status: CrossingStatus | undefined;
  /** Who controlled it on the chapter's date, if it records that. */
  control: string | undefined;
  /** The words a static map prints beside a feature (its status), in the map's language. */
  words: { closedStatic: string; restrictedStatic: string; bracket: (text: string) => string };
  /** [longitude, latitude] to SVG [x, y]. */
  project: (position: [number, number]) => [number, number];
  /** The feature's SVG path data. */
  path: (feature: Feature<Geometry>) => string;
  /** The feature's centroid in SVG [x, y]. */
  centre: (feature: Feature<Geometry>) => [number, number];
}

export interface StaticDrawing {
  /** SVG markup drawn in the map's layer order. */
  svg: string;
  /** A label placed after those already queued. */
  label?: LabelCandidate;
  /** A label placed before every other (what the map says about the area itself). */
  leadingLabel?: LabelCandidate;
}

export interface LayerKindModule {
  /** GeoJSON geometry types the kind draws; geo:check refuses any other (it would vanish or be drawn at 0,0). */
  geometries: readonly Geometry['type'][];
  /** The MapLibre style layers that draw a layer of this kind, bottom first. */
  styleLayers(layer: StoryLayerInfo): ToggledLayer[];
  /** Its legend swatch, shared by the live legend and the layer catalog. */
  swatch(style: SwatchStyle): SwatchShape;
  /** Its drawing on the static map (no-JS fallback, print, social preview). */
  drawStatic(feature: StaticFeature): StaticDrawing;
}
