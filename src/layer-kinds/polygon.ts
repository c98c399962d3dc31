/**
 * What the two polygon kinds share: a translucent fill whose emphasis lives in its colour,
 * an outline, and on the static map who held the area at the chapter's date.
 */
import type { LayerKindModule, StaticFeature } from './kind-module.ts';
import { polygonSwatch } from './polygon-swatch.ts';
import { highlighted, label, translucent } from './style-helpers.ts';
import type { StoryLayerInfo } from '../map/story-data.ts';

interface PolygonLook {
  /** Fill opacity, plain and highlighted. */
  fill: [plain: number, emphasised: number];
  /** Whether the outline is always dashed (an area's edge is fuzzy), rather than only when the layer says so. */
  alwaysDashed: boolean;
}

/** A polygon kind of the given look. */
export function polygonKind(look: PolygonLook): LayerKindModule {
  const [plain, emphasised] = look.fill;
  return {
    geometries: ['Polygon', 'MultiPolygon'],
    styleLayers(layer: StoryLayerInfo) {
      const { id, color } = layer;
      const dash = look.alwaysDashed ? { 'line-dasharray': [2, 2] } : layer.dashed ? { 'line-dasharray': [2, 1.5] } : {};
      return [
        {
          id: `${id}--fill`,
          type: 'fill',
          source: id,
          paint: { 'fill-color': ['case', highlighted, translucent(color, emphasised), translucent(color, plain)] },
        },
        {
          id: `${id}--outline`,
          type: 'line',
          source: id,
          paint: { 'line-color': color, 'line-width': ['case', highlighted, 2.5, 1.5], ...dash },
        },
        ...label(layer),
      ];
    },
    swatch: polygonSwatch(look.alwaysDashed),
    drawStatic({ feature, style, emphasis, control, path, centre }: StaticFeature) {
      const dash = style.dashed || look.alwaysDashed ? ' stroke-dasharray="6 4"' : '';
      const svg = `<path d="${path(feature)}" fill="${style.color}" fill-opacity="${emphasis ? 0.3 : 0.16}" stroke="${style.color}" stroke-width="${1.5 * (emphasis ? 1.6 : 1)}"${dash}/>`;
      if (!control) return { svg };
      const [x, y] = centre(feature);
      // Who held an area at the chapter's date is part of what the map says: placed first and above
      // the area, clear of the point labels that sit below their points.
      return { svg, leadingLabel: { x, y: y - 45, text: control, emphasis: true } };
    },
  };
}
