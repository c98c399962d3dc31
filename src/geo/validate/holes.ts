import type { Geometry, Position } from 'geojson';
import type { LayerInput } from '../layer-input.ts';
import type { GeoProblem } from '../problems.ts';
import { featureProblem } from './feature-problem.ts';

function polygonsOf(geometry: Geometry | null): Position[][][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(polygonsOf);
  return [];
}

/** Even-odd ray cast; a point on the ring's edge counts as inside (a hole may touch its shell). */
function inside([x, y]: Position, ring: readonly Position[]): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    const cross = (xj - xi) * (y! - yi) - (yj - yi) * (x! - xi);
    if (cross === 0 && Math.min(xi, xj) <= x! && x! <= Math.max(xi, xj) && Math.min(yi, yj) <= y! && y! <= Math.max(yi, yj)) return true;
    if (yi > y! !== yj > y! && x! < ((xj - xi) * (y! - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

/**
 * Every hole lies inside its polygon's outer ring (RFC 7946 3.1.6). A hole outside its
 * shell is drawn by some renderers as a second filled shape and cut out by others.
 */
export function validateHoles(layer: LayerInput): GeoProblem[] {
  const problems: GeoProblem[] = [];
  layer.collection!.features.forEach((feature, index) => {
    for (const [shell, ...holes] of polygonsOf(feature.geometry)) {
      const stray = holes.flat().find((position) => !inside(position, shell!));
      if (stray) {
        problems.push(
          featureProblem(
            layer,
            index,
            `a hole (an inner ring) reaches outside its polygon's outer ring, near [${stray[0]}, ${stray[1]}]`,
            'make that ring a polygon of its own (a MultiPolygon), or redraw the hole inside the outline',
          ),
        );
        return;
      }
    }
  });
  return problems;
}
