/**
 * How the map draws, shows and hides story layers. What each kind of layer looks like lives
 * in its own module (src/layer-kinds/); this module turns a layer into its MapLibre style
 * layers and switches them. Emphasis and timeline status arrive as feature-state, so a chapter
 * change only flips state, never re-adds sources or re-parses data.
 */
import type { AddLayerObject } from 'maplibre-gl';
import type { ToggledType } from '../layer-kinds/kind-module.ts';
import { layerKind } from '../layer-kinds/registry.ts';
import type { StoryLayerInfo } from './story-data.ts';

// The map runtime names the route label source when it adds sources.

/**
 * How a chapter shows and hides a style layer that is laid out: through paint properties that
 * are the same for every feature. Toggling `visibility` (or a filter) makes MapLibre lay the
 * whole source out again in its worker, so the map would settle a round trip after the chapter
 * change; a feature-independent paint property is drawn in the next frame. A symbol layer is
 * moved off MapLibre's collision grid rather than faded, because a label off the grid is not
 * placed at all, while a transparent one would still take room from the labels shown.
 */
interface TogglePaint {
  'fill-opacity'?: number;
  'line-opacity'?: number;
  'circle-opacity'?: number;
  'circle-stroke-opacity'?: number;
  'text-translate'?: [number, number];
  'heatmap-opacity'?: number;
}
/** Every type a kind may draw with (ToggledType), so a kind cannot use one the map cannot hide. */
const hiddenPaint: Record<ToggledType, TogglePaint> = {
  fill: { 'fill-opacity': 0 },
  line: { 'line-opacity': 0 },
  circle: { 'circle-opacity': 0, 'circle-stroke-opacity': 0 },
  symbol: { 'text-translate': [0, -1e6] },
  heatmap: { 'heatmap-opacity': 0 },
};
const paintDefaults: Required<TogglePaint> = {
  'fill-opacity': 1,
  'line-opacity': 1,
  'circle-opacity': 1,
  'circle-stroke-opacity': 1,
  'text-translate': [0, 0],
  'heatmap-opacity': 1,
};

/** The paint properties that show (or hide) a style layer, each with the value it takes. */
export function togglePaint(spec: AddLayerObject, shown: boolean): TogglePaint {
  const paint = ('paint' in spec ? spec.paint : undefined) as TogglePaint | undefined;
  if (!Object.hasOwn(hiddenPaint, spec.type))
    throw new Error(`style layer "${spec.id}" is a ${spec.type} layer, which the map cannot show and hide`);
  const hidden = hiddenPaint[spec.type as ToggledType];
  return Object.fromEntries(
    (Object.keys(hidden) as (keyof TogglePaint)[]).map((name) => [name, shown ? (paint?.[name] ?? paintDefaults[name]) : hidden[name]]),
  );
}

/** A style layer as first added: hidden (the style's transitions are instant, so it is switched in one frame). */
export function hiddenLayer(spec: AddLayerObject): AddLayerObject {
  return { ...spec, paint: { ...('paint' in spec ? spec.paint : {}), ...togglePaint(spec, false) } } as AddLayerObject;
}

/** The MapLibre layers that draw one story layer. */
export function storyMapLayers(layer: StoryLayerInfo): AddLayerObject[] {
  const specs: AddLayerObject[] = layerKind(layer.kind).styleLayers(layer);
  if (!layer.tiled) return specs;
  // A tiled layer's source is a vector source: each style layer names the tiles' MVT layer, which the build names after the layer id.
  return specs.map((spec) =>
    'source' in spec && spec.source === layer.id ? ({ ...spec, 'source-layer': layer.id } as AddLayerObject) : spec,
  );
}

/** The scrubbed route, drawn over the story's shapes. */
export function scrubLayer(id: string, source: string, color: string): AddLayerObject {
  return {
    id,
    type: 'line',
    source,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': color, 'line-width': 5 },
  };
}
