/**
 * The set of layer kinds: one module per kind. `satisfies Record<LayerKind, LayerKindModule>`
 * makes a kind listed in the layer metadata (src/geo/layer-meta.ts) without a module here, or
 * a module lacking a member of LayerKindModule, a compile error; `layerKind` throws for a kind
 * no module declares, so bad data never falls back to some default drawing.
 */
import type { LayerKind } from '../geo/layer-meta.ts';
import { area } from './area.ts';
import { heatmap } from './heatmap.ts';
import type { LayerKindModule } from './kind-module.ts';
import { point } from './point.ts';
import { region } from './region.ts';
import { route } from './route.ts';

const kinds = { region, area, point, route, heatmap } satisfies Record<LayerKind, LayerKindModule>;

/**
 * The module of a layer kind.
 * @example layerKind(layer.meta.style.kind).swatch(layer.meta.style)
 */
export function layerKind(kind: string): LayerKindModule {
  if (!Object.hasOwn(kinds, kind)) throw new Error(`unknown layer kind "${kind}" (kinds are ${Object.keys(kinds).join(', ')})`);
  return kinds[kind as LayerKind];
}
