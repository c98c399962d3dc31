import { kinks } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { LayerInput } from '../layer-input.ts';
import { ringsOf, signedArea } from '../geometry-walk.ts';
import type { GeoProblem } from '../problems.ts';
import { featureProblem } from './feature-problem.ts';

type KinkableGeometry = LineString | MultiLineString | Polygon | MultiPolygon;
const kinkable = new Set(['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

/**
 * Lines and rings must not cross themselves (turf kinks). Rings wound against the
 * right-hand rule are a warning only: the pipeline rewinds them.
 */
export function validateTopology(layer: LayerInput): GeoProblem[] {
  const problems: GeoProblem[] = [];
  layer.collection!.features.forEach((feature, index) => {
    if (!feature.geometry || !kinkable.has(feature.geometry.type)) return;
    const crossings = kinks(feature as Feature<KinkableGeometry>).features;
    if (crossings.length > 0) {
      const [lon, lat] = crossings[0]!.geometry.coordinates;
      problems.push(featureProblem(layer, index, `the ${feature.geometry.type} crosses itself ${crossings.length} time(s), first near [${lon?.toFixed(4)}, ${lat?.toFixed(4)}]`, 'redraw the outline so that it does not cross itself (in QGIS: Vector > Geometry Tools > Check Validity)'));
    }
    // A degenerate ring (zero area, e.g. a bow-tie) has no winding to be wrong about.
    const wrongWay = ringsOf(feature.geometry).filter(({ ring, outer }) => signedArea(ring) !== 0 && signedArea(ring) > 0 !== outer).length;
    if (wrongWay > 0) {
      problems.push(featureProblem(layer, index, `${wrongWay} ring(s) wound against the right-hand rule (outer rings must run counter-clockwise); fixed in the published file`, 'export with RFC 7946 winding to silence this warning', 'warning'));
    }
  });
  return problems;
}
