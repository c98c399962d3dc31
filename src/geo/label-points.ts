import { area, centerOfMass, booleanPointInPolygon, pointOnFeature, polygon, truncate } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

/**
 * One label point per country, inside its largest polygon: labelling the polygons
 * themselves repeats a name on every island and every tile.
 */
export function countryLabelPoints(countries: FeatureCollection): FeatureCollection<Point> {
  const features = countries.features.flatMap((country): Feature<Point>[] => {
    const geometry = country.geometry as Polygon | MultiPolygon;
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
    const largest = parts.map((rings) => polygon(rings)).sort((a, b) => area(b) - area(a))[0];
    if (!largest) return [];
    const centre = centerOfMass(largest);
    const point = booleanPointInPolygon(centre, largest) ? centre : pointOnFeature(largest);
    return [{ type: 'Feature', properties: { id: country.properties?.id, name: country.properties?.name }, geometry: point.geometry }];
  });
  return truncate({ type: 'FeatureCollection', features }, { precision: 3 });
}
