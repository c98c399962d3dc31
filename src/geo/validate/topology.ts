import type { Geometry, Position } from 'geojson';
import type { LayerInput } from '../layer-input.ts';
import { ringsOf, signedArea } from '../geometry-walk.ts';
import type { GeoProblem } from '../problems.ts';
import { featureProblem } from './feature-problem.ts';

/** The lines whose segments must not cross one another, grouped as turf's kinks groups them. */
function linesOf(geometry: Geometry): Position[][] {
  switch (geometry.type) {
    case 'LineString':
      return [geometry.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
    // Its members are checked together, as a MultiPolygon's polygons are: a crossing ring cannot hide inside one.
    case 'GeometryCollection':
      return geometry.geometries.flatMap(linesOf);
    default:
      return [];
  }
}

interface Segment {
  line: number;
  index: number;
  a: Position;
  b: Position;
  minX: number;
  maxX: number;
}

/** turf's segment intersection: parallel segments never cross, touching ones do. */
function intersection({ a: p1, b: p2 }: Segment, { a: p3, b: p4 }: Segment): Position | undefined {
  const denominator = (p4[1]! - p3[1]!) * (p2[0]! - p1[0]!) - (p4[0]! - p3[0]!) * (p2[1]! - p1[1]!);
  if (denominator === 0) return undefined;
  const ua = ((p4[0]! - p3[0]!) * (p1[1]! - p3[1]!) - (p4[1]! - p3[1]!) * (p1[0]! - p3[0]!)) / denominator;
  const ub = ((p2[0]! - p1[0]!) * (p1[1]! - p3[1]!) - (p2[1]! - p1[1]!) * (p1[0]! - p3[0]!)) / denominator;
  if (ua < 0 || ua > 1 || ub < 0 || ub > 1) return undefined;
  return [p1[0]! + ua * (p2[0]! - p1[0]!), p1[1]! + ua * (p2[1]! - p1[1]!)];
}

/**
 * Where a geometry's lines cross themselves or each other: the pairs turf's kinks
 * tests, found with a sweep along x instead of all pairs, so a 1,000-vertex outline
 * costs thousands of tests rather than a million (layers reach 50 MB).
 */
export function selfCrossings(geometry: Geometry): Position[] {
  const lines = linesOf(geometry);
  const segments: Segment[] = lines.flatMap((line, l) =>
    line
      .slice(1)
      .map((b, i) => ({ line: l, index: i, a: line[i]!, b, minX: Math.min(line[i]![0]!, b[0]!), maxX: Math.max(line[i]![0]!, b[0]!) })),
  );
  segments.sort((s, t) => s.minX - t.minX);
  const adjacent = (s: Segment, t: Segment) => {
    if (s.line !== t.line) return false;
    const line = lines[s.line]!;
    const last = line.length - 2;
    const closed = line[0]![0] === line[line.length - 1]![0] && line[0]![1] === line[line.length - 1]![1];
    return Math.abs(s.index - t.index) === 1 || (closed && Math.min(s.index, t.index) === 0 && Math.max(s.index, t.index) === last);
  };
  const crossings: Position[] = [];
  let active: Segment[] = [];
  for (const segment of segments) {
    active = active.filter((other) => other.maxX >= segment.minX);
    for (const other of active) {
      if (adjacent(segment, other)) continue;
      const point = intersection(segment, other);
      if (point) crossings.push(point);
    }
    active.push(segment);
  }
  return crossings;
}

/**
 * Lines and rings must not cross themselves (turf's kinks rule, see selfCrossings). Rings wound against the
 * right-hand rule are a warning only: the pipeline rewinds them.
 */
export function validateTopology(layer: LayerInput): GeoProblem[] {
  const problems: GeoProblem[] = [];
  layer.collection!.features.forEach((feature, index) => {
    if (!feature.geometry) return;
    const crossings = selfCrossings(feature.geometry);
    if (crossings.length > 0) {
      const [lon, lat] = crossings[0]!;
      problems.push(
        featureProblem(
          layer,
          index,
          `the ${feature.geometry.type} crosses itself ${crossings.length} time(s), first near [${lon?.toFixed(4)}, ${lat?.toFixed(4)}]`,
          'redraw the outline so that it does not cross itself (in QGIS: Vector > Geometry Tools > Check Validity)',
        ),
      );
    }
    // A degenerate ring (zero area, e.g. a bow-tie) has no winding to be wrong about.
    const wrongWay = ringsOf(feature.geometry).filter(({ ring, outer }) => signedArea(ring) !== 0 && signedArea(ring) > 0 !== outer).length;
    if (wrongWay > 0) {
      problems.push(
        featureProblem(
          layer,
          index,
          `${wrongWay} ring(s) wound against the right-hand rule (outer rings must run counter-clockwise); fixed in the published file`,
          'export with RFC 7946 winding to silence this warning',
          'warning',
        ),
      );
    }
  });
  return problems;
}
