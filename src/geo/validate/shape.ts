/**
 * The RFC 7946 structure rules that check-geojson applies, on already-parsed JSON and
 * with its messages, for files too big for check-geojson: it re-parses the text to
 * keep every position's offset and takes ~4 s per MB, minutes for a 50 MB layer.
 * What the parsed JSON can no longer show (duplicate keys) is not checked here.
 */
const geometryTypes = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

type Issue = string | undefined;

function position(value: unknown): Issue {
  if (!Array.isArray(value)) return 'Expected to find a position here, found another type.';
  if (value.length < 2 || value.length > 3) return `A position should have 2 or 3 elements - found ${value.length}.`;
  if (value.some((n) => typeof n !== 'number')) return 'Each element in a position must be a number.';
  return undefined;
}

function positions(value: unknown, kind?: 'LineString' | 'Polygon'): Issue {
  if (!Array.isArray(value)) return 'Expected to find an array of positions here.';
  for (const p of value) {
    const issue = position(p);
    if (issue) return issue;
  }
  if (kind === 'LineString' && value.length < 2) return 'Expected to find two or more positions here.';
  if (kind === 'Polygon') {
    if (value.length < 4) return 'Expected to find four or more positions here.';
    const [first, last] = [value[0] as number[], value[value.length - 1] as number[]];
    if (first.length !== last.length || first.some((n, i) => n !== last[i]))
      return 'First and last positions of a Polygon or MultiPolygon’s ring should be the same.';
  }
  return undefined;
}

function nested(value: unknown, check: (item: unknown) => Issue): Issue {
  if (!Array.isArray(value)) return 'Expected to find an array of positions here.';
  for (const item of value) {
    const issue = check(item);
    if (issue) return issue;
  }
  return undefined;
}

function geometry(value: unknown): Issue {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'This must be an object.';
  const { type, coordinates, geometries } = value as Record<string, unknown>;
  if (typeof type !== 'string')
    return type === undefined ? 'This GeoJSON object is missing its type member.' : 'The type member should have been a string.';
  if (!geometryTypes.has(type)) return 'This type of GeoJSON object is not allowed here.';
  if (type === 'GeometryCollection')
    return Array.isArray(geometries) ? nested(geometries, geometry) : 'This GeoJSON object requires a geometries member but it is missing.';
  if (coordinates === undefined) return 'This GeoJSON object requires a coordinates member but it is missing.';
  switch (type) {
    case 'Point':
      return position(coordinates);
    case 'MultiPoint':
      return positions(coordinates);
    case 'LineString':
      return positions(coordinates, 'LineString');
    case 'MultiLineString':
      return nested(coordinates, (line) => positions(line, 'LineString'));
    case 'Polygon':
      return nested(coordinates, (ring) => positions(ring, 'Polygon'));
    default:
      return nested(coordinates, (polygon) => nested(polygon, (ring) => positions(ring, 'Polygon')));
  }
}

/** The first structure problem of each feature of a parsed FeatureCollection, by feature index. */
export function shapeIssues(features: readonly unknown[]): { featureIndex: number; message: string }[] {
  return features.flatMap((feature, featureIndex) => {
    const message = featureIssue(feature);
    return message ? [{ featureIndex, message }] : [];
  });
}

function featureIssue(feature: unknown): Issue {
  if (feature === null || typeof feature !== 'object' || Array.isArray(feature)) return 'This must be an object.';
  const { type, geometry: value, properties, id } = feature as Record<string, unknown>;
  if (type !== 'Feature') return 'This type of GeoJSON object is not allowed here.';
  if (!('geometry' in feature)) return 'This GeoJSON object requires a geometry member but it is missing.';
  if (!('properties' in feature)) return 'The properties member is missing.';
  if (properties !== null && (typeof properties !== 'object' || Array.isArray(properties)))
    return 'The Feature properties member can be an object or null.';
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') return 'The Feature id must be a string or number.';
  return value === null ? undefined : geometry(value);
}
