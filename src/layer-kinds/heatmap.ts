/**
 * `heatmap`: the density of many points, for where something happens often rather than
 * where each case is (reports, incidents, permits). Drawn as a MapLibre heatmap in the
 * layer's colour; on the static map each point is a soft disc, so overlaps darken as the
 * live map's density does. It names no feature and has no emphasis or status.
 */
import type { LayerKindModule } from './kind-module.ts';
import { heatmapSwatch } from './heatmap-swatch.ts';

/** `#rrggbb` at the given opacity, for the heatmap's colour ramp. */
function rgba(hex: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

export const heatmap: LayerKindModule = {
  geometries: ['Point', 'MultiPoint'],
  styleLayers({ id, color }) {
    return [
      {
        id: `${id}--heat`,
        type: 'heatmap',
        source: id,
        paint: {
          'heatmap-color': [
            'interpolate',
            ['linear'],
            ['heatmap-density'],
            0,
            rgba(color, 0),
            0.3,
            rgba(color, 0.35),
            1,
            rgba(color, 0.85),
          ],
          // Points spread wider as the map zooms in, so a cluster stays one patch rather than dots.
          'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 3, 12, 9, 40],
          'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 9, 1.5],
        },
      },
    ];
  },
  swatch: heatmapSwatch,
  drawStatic({ feature, style, project }) {
    const [x, y] = project(feature.geometry.type === 'Point' ? (feature.geometry.coordinates as [number, number]) : [0, 0]);
    return { svg: `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="14" fill="${style.color}" fill-opacity="0.2"/>` };
  },
};
