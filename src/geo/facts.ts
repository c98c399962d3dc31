import { area, bbox, centroid, distance, length, lineString, pointToLineDistance, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

/** What the facts read of a published layer (src/geo/process-layer.ts): its id and features. Named here so processing can use the facts without a loop. */
interface FeatureLayer {
  id: string;
  collection: FeatureCollection;
}

/** Finds a feature by `layer/feature` ref among published layers. */
export function findFeature(layers: readonly FeatureLayer[], ref: string): Feature {
  const [layerId, featureId] = ref.split('/');
  const layer = layers.find((l) => l.id === layerId);
  const feature = layer?.collection.features.find((f) => f.properties?.id === featureId);
  if (!feature) throw new Error(`no feature "${ref}" (write layer-id/feature-id, as in geo/layers)`);
  return feature;
}

/** Length of a line feature along the ground, in km. */
export function lengthKm(feature: Feature): number {
  if (!/LineString/.test(feature.geometry.type))
    throw new Error(`"${feature.properties?.id}" is a ${feature.geometry.type}; only lines have a length`);
  return length(feature, { units: 'kilometers' });
}

/** Area of a polygon feature, in km². */
export function areaKm2(feature: Feature): number {
  if (!/Polygon/.test(feature.geometry.type))
    throw new Error(`"${feature.properties?.id}" is a ${feature.geometry.type}; only polygons have an area`);
  return area(feature) / 1e6;
}

/**
 * Straight-line distance in km between two features: exact between a point and
 * anything; from an area's centroid otherwise (an area's centre, not its edge).
 */
export function distanceKm(a: Feature, b: Feature): number {
  const [point, other] = a.geometry.type === 'Point' ? [a, b] : b.geometry.type === 'Point' ? [b, a] : [centroid(a), b];
  const geometry = other.geometry;
  if (geometry.type === 'Point') return distance(point as Feature<Point>, other as Feature<Point>, { units: 'kilometers' });
  if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') {
    // turf measures to one LineString at a time: take the nearest part.
    const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
    return Math.min(
      ...parts.map((coordinates) => pointToLineDistance(point as Feature<Point>, lineString(coordinates), { units: 'kilometers' })),
    );
  }
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    return Math.max(0, pointToPolygonDistance(point as Feature<Point>, other as Feature<Polygon | MultiPolygon>, { units: 'kilometers' }));
  }
  return distance(point as Feature<Point>, centroid(other), { units: 'kilometers' });
}

/** The feature of `layer` nearest to `from`, with its distance. */
export function nearestFeature(from: Feature, layer: FeatureLayer): { feature: Feature; km: number } {
  return layer.collection.features
    .map((feature) => ({ feature, km: distanceKm(from, feature) }))
    .reduce((best, next) => (next.km < best.km ? next : best));
}

/** Bounds [west, south, east, north] enclosing layers and/or `layer/feature` refs. */
export function boundsOf(layers: readonly FeatureLayer[], refs: readonly string[]): [number, number, number, number] {
  const features = refs.flatMap((ref) =>
    ref.includes('/') ? [findFeature(layers, ref)] : (layers.find((l) => l.id === ref)?.collection.features ?? []),
  );
  if (features.length === 0) throw new Error(`nothing to fit in [${refs.join(', ')}]`);
  return bbox({ type: 'FeatureCollection', features } satisfies FeatureCollection) as [number, number, number, number];
}
