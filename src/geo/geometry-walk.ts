import type { Geometry, Position } from 'geojson';

/** Every position of a geometry, flattened; GeometryCollections included. */
export function positionsOf(geometry: Geometry | null): Position[] {
  if (!geometry) return [];
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positionsOf);
  }
}

/** Every polygon ring, with whether it is an outer ring. */
export function ringsOf(geometry: Geometry | null): { ring: Position[]; outer: boolean }[] {
  if (!geometry) return [];
  const polygonRings = (polygon: Position[][]) => polygon.map((ring, i) => ({ ring, outer: i === 0 }));
  switch (geometry.type) {
    case 'Polygon':
      return polygonRings(geometry.coordinates);
    case 'MultiPolygon':
      return geometry.coordinates.flatMap(polygonRings);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(ringsOf);
    default:
      return [];
  }
}

/** Shoelace sum: positive for counter-clockwise rings in lon/lat. */
export function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum / 2;
}

export function decimalsOf(value: number): number {
  const text = String(value);
  if (text.includes('e-')) return Number(text.split('e-')[1]) + (text.split('.')[1]?.split('e')[0]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}
