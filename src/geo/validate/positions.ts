import type { LayerInput } from '../layer-input.ts';
import { positionsOf } from '../geometry-walk.ts';
import type { GeoProblem } from '../problems.ts';
import { featureProblem } from './feature-problem.ts';

/** Positions are [longitude, latitude(, altitude)] in degrees, within range, every number finite (JSON reads 1e999 as Infinity, published as null). */
export function validatePositions(layer: LayerInput): GeoProblem[] {
  const problems: GeoProblem[] = [];
  layer.collection!.features.forEach((feature, index) => {
    for (const position of positionsOf(feature.geometry)) {
      if (position.length < 2 || position.length > 3) {
        problems.push(
          featureProblem(
            layer,
            index,
            `a position has ${position.length} numbers; RFC 7946 positions have 2 (lon, lat) or 3 (lon, lat, altitude)`,
            'drop the extra values',
          ),
        );
        return;
      }
      const infinite = position.find((value) => !Number.isFinite(value));
      if (infinite !== undefined) {
        problems.push(
          featureProblem(
            layer,
            index,
            `a position holds ${infinite}, a number too large to publish (${['longitude', 'latitude', 'altitude'][position.indexOf(infinite)]})`,
            'write ordinary degrees (and metres for altitude), or drop the altitude',
          ),
        );
        return;
      }
      const [lon, lat] = position as [number, number];
      if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        const swapped = Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
        const projected = Math.abs(lon) > 1000 || Math.abs(lat) > 1000;
        problems.push(
          featureProblem(
            layer,
            index,
            `position [${lon}, ${lat}] is outside longitude -180..180 / latitude -90..90`,
            projected
              ? 'these look like projected metres (e.g. EPSG:3857): reproject to EPSG:4326 longitude/latitude'
              : swapped
                ? 'longitude and latitude look swapped: GeoJSON order is [longitude, latitude]'
                : 'check the coordinates',
          ),
        );
        return;
      }
    }
  });
  return problems;
}
