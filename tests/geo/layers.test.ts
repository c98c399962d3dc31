/**
 * The geography itself: every story layer (geo/layers, discovered from disk, so a new
 * layer is covered automatically) and every basemap file (geo/basemap/*.geojson) is
 * checked on its RAW file text against RFC 7946 and the house rules, its provenance is
 * checked, and the facts the story prints are checked against expectations computed
 * independently here (turf and a haversine of our own on the files; src/geo/facts.ts
 * is only ever the side being checked). Real turf, real files, no mocks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { area, booleanPointInPolygon, kinks, lineString, point, pointToLineDistance, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, lengthKm, nearestFeature } from '../../src/geo/facts.ts';
import { loadLayers } from '../../src/geo/load-layers.ts';
import { buildStoryGeo } from '../../src/geo/pipeline.ts';

const root = process.cwd();
const layersDir = join(root, 'geo', 'layers');
const basemapDir = join(root, 'geo', 'basemap');

// ---------------------------------------------------------------------------------
// Files, read raw
// ---------------------------------------------------------------------------------

interface GeoFile {
  /** "layer copper-mines" or "basemap countries": the prefix of every test name. */
  label: string;
  kind: 'layer' | 'basemap';
  id: string;
  path: string;
  text: string;
}

const layerIds = readdirSync(layersDir)
  .filter((name) => name.endsWith('.geojson'))
  .map((name) => name.slice(0, -'.geojson'.length))
  .sort();
const basemapIds = readdirSync(basemapDir)
  .filter((name) => name.endsWith('.geojson'))
  .map((name) => name.slice(0, -'.geojson'.length))
  .sort();

const files: GeoFile[] = [
  ...layerIds.map((id) => ({ label: `layer ${id}`, kind: 'layer' as const, id, path: join(layersDir, `${id}.geojson`) })),
  ...basemapIds.map((id) => ({ label: `basemap ${id}`, kind: 'basemap' as const, id, path: join(basemapDir, `${id}.geojson`) })),
].map((file) => ({ ...file, text: readFileSync(file.path, 'utf8') }));

const parsed = new Map<string, FeatureCollection>(files.map((file) => [file.path, JSON.parse(file.text) as FeatureCollection]));
const rawLayer = (id: string) => parsed.get(join(layersDir, `${id}.geojson`))!;
const rawBasemap = (id: string) => parsed.get(join(basemapDir, `${id}.geojson`))!;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw metadata as editors wrote it, before any schema
const metaOf = (id: string) => JSON.parse(readFileSync(join(layersDir, `${id}.meta.json`), 'utf8')) as Record<string, any>;

function rawFeature(collection: FeatureCollection, id: string): Feature {
  const feature = collection.features.find((f) => f.properties?.id === id);
  if (!feature) throw new Error(`no feature "${id}"`);
  return feature;
}

interface Place {
  name: string;
  kind: string;
  lon: number;
  lat: number;
  note: string;
}
const places = (JSON.parse(readFileSync(new URL('../../geo/sources/places.json', import.meta.url), 'utf8')) as { places: Place[] }).places;
function place(prefix: string): Place {
  const found = places.find((p) => p.name.startsWith(prefix));
  if (!found) throw new Error(`places.json has no "${prefix}"`);
  return found;
}
const at = (p: Place): Position => [p.lon, p.lat];

// ---------------------------------------------------------------------------------
// Geometry walking and measuring of our own (not src/geo/geometry-walk.ts)
// ---------------------------------------------------------------------------------

function allGeometries(geometry: Geometry | null): Geometry[] {
  if (!geometry) return [];
  return geometry.type === 'GeometryCollection' ? geometry.geometries.flatMap(allGeometries) : [geometry];
}

function positionsOf(geometry: Geometry | null): Position[] {
  return allGeometries(geometry).flatMap((g) => {
    switch (g.type) {
      case 'Point':
        return [g.coordinates];
      case 'MultiPoint':
      case 'LineString':
        return g.coordinates;
      case 'MultiLineString':
      case 'Polygon':
        return g.coordinates.flat();
      case 'MultiPolygon':
        return g.coordinates.flat(2);
      default:
        return [];
    }
  });
}

/** Every ring, with whether it is a polygon's exterior ring (the first) or a hole. */
function ringsOf(geometry: Geometry | null): { ring: Position[]; outer: boolean }[] {
  return allGeometries(geometry).flatMap((g) => {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    return polygons.flatMap((rings) => rings.map((ring, index) => ({ ring, outer: index === 0 })));
  });
}

/** Shoelace on lon/lat: positive = counter-clockwise (the sign is all we need). */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum / 2;
}

function decimalsOf(n: number): number {
  const text = String(Math.abs(n));
  const [mantissa = '', exponent] = text.split('e');
  const decimals = mantissa.split('.')[1]?.length ?? 0;
  return exponent === undefined ? decimals : Math.max(0, decimals - Number(exponent));
}

/** Great-circle distance in km, with turf's mean Earth radius. */
const earthRadiusKm = 6371.0088;
function haversineKm(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b[1]! - a[1]!) * rad;
  const dLon = (b[0]! - a[0]!) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1]! * rad) * Math.cos(b[1]! * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

function pathKm(line: Position[]): number {
  let sum = 0;
  for (let i = 1; i < line.length; i++) sum += haversineKm(line[i - 1]!, line[i]!);
  return sum;
}

/** Distance from a point to a polygon (0 inside): haversine to its outline densified to ≤ 0.5 km steps. */
function ownPointToPolygonKm(p: Position, polygonFeature: Feature<Polygon | MultiPolygon>): number {
  if (booleanPointInPolygon(p, polygonFeature)) return 0;
  let best = Infinity;
  for (const { ring } of ringsOf(polygonFeature.geometry)) {
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1]!;
      const b = ring[i]!;
      const steps = Math.max(1, Math.ceil(haversineKm(a, b) / 0.5));
      for (let s = 0; s <= steps; s++) {
        const t = s / steps;
        best = Math.min(best, haversineKm(p, [a[0]! + (b[0]! - a[0]!) * t, a[1]! + (b[1]! - a[1]!) * t]));
      }
    }
  }
  return best;
}

const inside = (p: Position, polygonFeature: Feature) => booleanPointInPolygon(p, polygonFeature as Feature<Polygon | MultiPolygon>);

// ---------------------------------------------------------------------------------
// 1. Geometry rules, on the raw files
// ---------------------------------------------------------------------------------

/** The part of the world the story maps (Kerala to Yunnan, Bay of Bengal to Tibet). */
const region = { west: 70, south: 0, east: 110, north: 35 };

describe('geometry rules (RFC 7946 and geo/README.md), on the raw file text', () => {
  it('geo/layers and geo/basemap were discovered from disk', () => {
    expect(layerIds.length).toBeGreaterThanOrEqual(11);
    expect(basemapIds).toEqual(expect.arrayContaining(['countries', 'admin1', 'places', 'rivers']));
  });

  for (const file of files) {
    const collection = parsed.get(file.path)!;
    const where = (i: number) => `${file.label} feature #${i} (${String(collection.features[i]?.properties?.id)})`;

    it(`${file.label}: is a FeatureCollection of Features with no "crs" member anywhere`, () => {
      expect(collection.type).toBe('FeatureCollection');
      expect(Array.isArray(collection.features)).toBe(true);
      expect(collection.features.length).toBeGreaterThan(0);
      expect(collection).not.toHaveProperty('crs');
      collection.features.forEach((feature, i) => {
        expect(feature.type, where(i)).toBe('Feature');
        expect(feature, where(i)).not.toHaveProperty('crs');
        expect(feature.geometry, where(i)).not.toHaveProperty('crs');
      });
      expect(file.text).not.toMatch(/"crs"\s*:/);
    });

    it(`${file.label}: every position is [lon, lat] (2-3 numbers, lon in [-180, 180], lat in [-90, 90]) inside the story region`, () => {
      collection.features.forEach((feature, i) => {
        const positions = positionsOf(feature.geometry);
        expect(positions.length, where(i)).toBeGreaterThan(0);
        for (const position of positions) {
          const at = `${where(i)} at ${JSON.stringify(position)}`;
          expect(Array.isArray(position), at).toBe(true);
          expect(position.length, at).toBeGreaterThanOrEqual(2);
          expect(position.length, at).toBeLessThanOrEqual(3);
          for (const n of position) expect(Number.isFinite(n), at).toBe(true);
          const [lon, lat] = position as [number, number];
          expect(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, at).toBe(true);
          expect(
            lon >= region.west && lon <= region.east && lat >= region.south && lat <= region.north,
            `${at}: outside lon ${region.west}–${region.east}, lat ${region.south}–${region.north} (swapped?)`,
          ).toBe(true);
        }
      });
    });

    it(`${file.label}: every polygon ring is closed and has at least 4 positions`, () => {
      collection.features.forEach((feature, i) => {
        for (const { ring } of ringsOf(feature.geometry)) {
          expect(ring.length, where(i)).toBeGreaterThanOrEqual(4);
          expect(ring[ring.length - 1], `${where(i)}: ring not closed`).toEqual(ring[0]);
        }
      });
    });

    it(`${file.label}: exterior rings run counter-clockwise and holes clockwise (right-hand rule) in the file as written`, () => {
      collection.features.forEach((feature, i) => {
        ringsOf(feature.geometry).forEach(({ ring, outer }, r) => {
          const sign = Math.sign(signedArea(ring));
          expect(sign, `${where(i)} ring ${r} (${outer ? 'exterior' : 'hole'}) winds the wrong way`).toBe(outer ? 1 : -1);
        });
      });
    });

    it(`${file.label}: no line or polygon intersects itself (turf kinks finds none)`, () => {
      collection.features.forEach((feature, i) => {
        for (const geometry of allGeometries(feature.geometry)) {
          if (!/LineString|Polygon/.test(geometry.type)) continue;
          const found = kinks(geometry as LineString).features.map((k) => k.geometry.coordinates);
          expect(found, `${where(i)} self-intersects at ${JSON.stringify(found.slice(0, 5))}`).toEqual([]);
        }
      });
    });

    it(`${file.label}: no coordinate has more than 6 decimals`, () => {
      collection.features.forEach((feature, i) => {
        const tooFine = positionsOf(feature.geometry).filter((position) => position.some((n) => decimalsOf(n) > 6));
        expect(tooFine.slice(0, 5), where(i)).toEqual([]);
      });
    });
  }

  it('loadLayers reports zero problems (no errors, no warnings) for the project', () => {
    const { layers, problems } = loadLayers(root);
    expect(
      problems.map((p) => `${p.severity} ${p.file}${p.featureIndex !== undefined ? ` #${p.featureIndex}` : ''}: ${p.message}`),
    ).toEqual([]);
    expect(layers.map((l) => l.id)).toEqual(layerIds);
  });
});

// ---------------------------------------------------------------------------------
// 2. Provenance
// ---------------------------------------------------------------------------------

/** places.json marks entries placed by reasoning with the word APPROXIMATE (upper case) in the note. */
const approximatePlaces = places.filter((p) => p.note.includes('APPROXIMATE'));
const baseName = (name: string) =>
  name
    .replace(/\s*\(.*\)\s*$/, '')
    .trim()
    .toLowerCase();
const slug = (name: string) =>
  baseName(name)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The approximate places.json entries a feature stands on: a point or line vertex within 0.01°, or the same name. */
function approximatePlacesUnder(feature: Feature): Place[] {
  const vertices = allGeometries(feature.geometry)
    .filter((g) => /Point|LineString/.test(g.type))
    .flatMap((g) => positionsOf(g));
  const name = String(feature.properties?.name ?? '').toLowerCase();
  const id = String(feature.properties?.id ?? '');
  return approximatePlaces.filter(
    (p) =>
      vertices.some(([lon, lat]) => Math.abs(lon! - p.lon) <= 0.01 && Math.abs(lat! - p.lat) <= 0.01) ||
      name === baseName(p.name) ||
      id === slug(p.name),
  );
}

describe('provenance', () => {
  for (const id of layerIds) {
    it(`layer ${id}: the metadata names a source (name and https url), a licence, a date and a derivation`, () => {
      const meta = metaOf(id);
      expect(typeof meta.source?.name).toBe('string');
      expect(meta.source.name.trim().length).toBeGreaterThan(1);
      expect(meta.source.url).toMatch(/^https:\/\/[^\s/]+\.[^\s]+/);
      expect(() => new URL(meta.source.url)).not.toThrow();
      expect(String(meta.licence ?? '').trim().length).toBeGreaterThan(1);
      expect(meta.date).toMatch(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/);
      expect(String(meta.derivation ?? '').trim().length).toBeGreaterThanOrEqual(10);
      expect(typeof meta.approximate).toBe('boolean');
    });

    it(`layer ${id}: if approximate, the metadata says why (approximateNote)`, () => {
      const meta = metaOf(id);
      if (meta.approximate) expect(String(meta.approximateNote ?? '').trim().length).toBeGreaterThan(10);
      else expect(meta.approximateNote === undefined || typeof meta.approximateNote === 'string').toBe(true);
    });

    it(`layer ${id}: every feature standing on a places.json APPROXIMATE place is flagged approximate (feature or layer)`, () => {
      const layerApproximate = metaOf(id).approximate === true;
      const features = rawLayer(id).features;
      for (const feature of features) {
        const under = approximatePlacesUnder(feature);
        if (feature.properties?.approximate === true)
          expect(layerApproximate, `${feature.properties.id} is approximate but the layer says it is not`).toBe(true);
        if (under.length === 0) continue;
        expect(
          feature.properties?.approximate === true || layerApproximate,
          `${String(feature.properties?.id)} stands on ${under.map((p) => p.name).join(', ')}`,
        ).toBe(true);
      }
    });
  }

  it('basemap places: every place that places.json calls APPROXIMATE carries approximate: true', () => {
    const flagged = rawBasemap('places').features.filter((f) => approximatePlacesUnder(f).length > 0);
    expect(flagged.map((f) => f.properties?.id)).toEqual(expect.arrayContaining(['pangwa', 'kanpiketi']));
    for (const feature of flagged) expect(feature.properties?.approximate, `${String(feature.properties?.id)}`).toBe(true);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the provenance file as written, read field by field below
  const provenance = JSON.parse(readFileSync(join(basemapDir, 'provenance.json'), 'utf8')) as { files: Record<string, any> };
  for (const id of basemapIds) {
    it(`basemap ${id}: provenance.json has an entry with a source url (https), a licence, a date and a derivation`, () => {
      const entry = provenance.files[`${id}.geojson`];
      expect(entry, `no provenance.json entry for ${id}.geojson`).toBeDefined();
      expect(String(entry.source?.name ?? '').length).toBeGreaterThan(1);
      expect(entry.source?.url).toMatch(/^https:\/\//);
      expect(String(entry.licence ?? '').length).toBeGreaterThan(1);
      expect(entry.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(Array.isArray(entry.derivation) ? entry.derivation.join(' ') : String(entry.derivation ?? '')).not.toBe('');
    });
  }
});

// ---------------------------------------------------------------------------------
// 3. Independent facts
// ---------------------------------------------------------------------------------

const storyGeo = buildStoryGeo(root);
const published = (layerId: string) => {
  const layer = storyGeo.layers.find((l) => l.id === layerId);
  if (!layer) throw new Error(`no published layer "${layerId}"`);
  return layer;
};
const publishedFeature = (layerId: string, featureId: string) => rawFeature(published(layerId).collection, featureId);

const kachin = rawFeature(rawLayer('kachin-state'), 'kachin');
const sagaing = rawFeature(rawLayer('sagaing-region'), 'sagaing');
const countries = rawBasemap('countries');
const india = rawFeature(countries, 'in');
const china = rawFeature(countries, 'cn');
const myanmar = rawFeature(countries, 'mm');

/**
 * The Myanmar–China border line, found independently of any project code: the
 * stretches of Myanmar's outline whose consecutive vertices both lie within 1 km of
 * China's polygon (the basemap is simplified as one topology, so they coincide).
 */
const borderLines: Position[][] = [];
for (const { ring, outer } of ringsOf(myanmar.geometry)) {
  if (!outer) continue;
  const onBorder = ring.map((p) => Math.abs(pointToPolygonDistance(point(p), china as Feature<Polygon>, { units: 'kilometers' })) <= 1);
  let current: Position[] = [];
  for (let i = 1; i < ring.length; i++) {
    if (onBorder[i - 1] && onBorder[i]) {
      if (current.length === 0) current.push(ring[i - 1]!);
      current.push(ring[i]!);
    } else if (current.length > 0) {
      borderLines.push(current);
      current = [];
    }
  }
  if (current.length > 0) borderLines.push(current);
}
// (turf 7's pointToLineDistance takes a LineString only, so measure to each piece.)
const borderKm = (p: Position) =>
  Math.min(...borderLines.map((line) => pointToLineDistance(point(p), lineString(line), { units: 'kilometers' })));

describe('facts, checked against independent expectations', () => {
  it('the Myanmar–China border line found in the basemap runs unbroken from the Laos tripoint to the India tripoint', () => {
    const total = borderLines.reduce((s, l) => s + pathKm(l), 0);
    console.log(
      `[geo] Myanmar–China border in basemap/countries: ${total.toFixed(0)} km in ${borderLines.length} piece(s): ${borderLines.map((l) => `${JSON.stringify(l[0])} → ${JSON.stringify(l.at(-1))} (${l.length} vertices)`).join('; ')}`,
    );
    expect(borderLines).toHaveLength(1);
    const ends = [borderLines[0]![0]!, borderLines[0]!.at(-1)!];
    const near = (p: Position, id: string) =>
      Math.abs(pointToPolygonDistance(point(p), rawFeature(countries, id) as Feature<Polygon | MultiPolygon>, { units: 'kilometers' })) <=
      2;
    expect(
      ends.some((p) => near(p, 'la')),
      `one end meets Laos: ${JSON.stringify(ends)}`,
    ).toBe(true);
    expect(
      ends.some((p) => near(p, 'in')),
      `one end meets India: ${JSON.stringify(ends)}`,
    ).toBe(true);
    // The surveyed border is ~2,129 km. Natural Earth 1:10m simplified at 1.25 km cuts the
    // mountain wiggles, so the drawn line is ~20% shorter (1,676 km on 2026-11-26); the
    // bounds only catch a border that lost or gained whole stretches.
    expect(total).toBeGreaterThan(1500);
    expect(total).toBeLessThan(2400);
  });

  for (const name of ['Myitkyina', 'Bhamo', 'Chipwi']) {
    it(`${name} (places.json) lies inside the Kachin State polygon`, () => {
      expect(inside(at(place(name)), kachin)).toBe(true);
      expect(inside(at(place(name)), sagaing)).toBe(false);
    });
  }
  for (const name of ['Monywa', 'Letpadaung', 'Kalewa']) {
    it(`${name} (places.json) lies inside the Sagaing Region polygon`, () => {
      expect(inside(at(place(name)), sagaing)).toBe(true);
      expect(inside(at(place(name)), kachin)).toBe(false);
    });
  }
  it('Mandalay (places.json) lies in neither Kachin nor Sagaing', () => {
    expect(inside(at(place('Mandalay')), kachin)).toBe(false);
    expect(inside(at(place('Mandalay')), sagaing)).toBe(false);
    expect(inside(at(place('Mandalay')), myanmar)).toBe(true);
  });

  for (const route of rawLayer('india-routes').features) {
    const id = String(route.properties?.id);
    const line = (route.geometry as LineString).coordinates;
    it(`india-routes ${id}: starts inside Kachin or Sagaing and ends inside India (basemap countries "in")`, () => {
      expect(route.geometry.type).toBe('LineString');
      expect(inside(line[0]!, kachin) || inside(line[0]!, sagaing), `start ${JSON.stringify(line[0])}`).toBe(true);
      expect(inside(line[line.length - 1]!, india), `end ${JSON.stringify(line[line.length - 1])}`).toBe(true);
    });
  }

  for (const way of rawLayer('china-short-way').features) {
    const id = String(way.properties?.id);
    it(`china-short-way ${id}: starts in Kachin and ends within 5 km of China (basemap countries "cn")`, () => {
      const line = (way.geometry as LineString).coordinates;
      const end = line[line.length - 1]!;
      const km = Math.max(0, pointToPolygonDistance(point(end), china as Feature<Polygon>, { units: 'kilometers' }));
      console.log(`[geo] china-short-way ${id}: end ${km.toFixed(1)} km from China`);
      expect(inside(line[0]!, kachin)).toBe(true);
      expect(km).toBeLessThanOrEqual(5);
    });
  }

  const crossings: [string, Place][] = [
    ['kanpiketi', place('Kanpiketi')],
    ['lweje', place('Lweje')],
    ['laiza', place('Laiza')],
    ['pangwa-gate', place('Pangwa')],
    ['muse-ruili', place('Muse')],
  ];
  for (const [id, reference] of crossings) {
    it(`border-crossings ${id}: lies within 5 km of the Myanmar–China border line`, () => {
      const p = (rawFeature(rawLayer('border-crossings'), id).geometry as { coordinates: Position }).coordinates;
      const km = borderKm(p);
      const toMm = Math.max(0, pointToPolygonDistance(point(p), myanmar as Feature<MultiPolygon>, { units: 'kilometers' }));
      const toCn = Math.max(0, pointToPolygonDistance(point(p), china as Feature<Polygon>, { units: 'kilometers' }));
      const side = inside(p, china) ? 'inside China' : inside(p, myanmar) ? 'inside Myanmar' : 'in neither';
      console.log(
        `[geo] crossing ${id}: ${km.toFixed(1)} km from the border line (${side}; ${toMm.toFixed(1)} km to mm, ${toCn.toFixed(1)} km to cn; places.json "${reference.name}" ${haversineKm(p, at(reference)).toFixed(1)} km away)`,
      );
      expect(km).toBeLessThanOrEqual(5);
      expect(toMm).toBeLessThanOrEqual(5);
      expect(toCn).toBeLessThanOrEqual(5);
    });
  }

  it('india-processing-sites: every site lies inside India', () => {
    for (const site of rawLayer('india-processing-sites').features) {
      const p = (site.geometry as { coordinates: Position }).coordinates;
      expect(inside(p, india), `${String(site.properties?.id)} at ${JSON.stringify(p)}`).toBe(true);
    }
  });

  it('copper-mines: every mine lies within 25 km of Monywa (and inside Sagaing)', () => {
    const monywa = at(place('Monywa'));
    for (const mine of rawLayer('copper-mines').features) {
      const p = (mine.geometry as { coordinates: Position }).coordinates;
      const km = haversineKm(p, monywa);
      console.log(`[geo] copper mine ${String(mine.properties?.id)}: ${km.toFixed(1)} km from Monywa`);
      expect(km).toBeLessThanOrEqual(25);
      expect(inside(p, sagaing)).toBe(true);
    }
  });

  for (const layerId of layerIds.filter((id) => rawLayer(id).features.some((f) => /LineString/.test(f.geometry.type)))) {
    for (const feature of rawLayer(layerId).features) {
      const id = String(feature.properties?.id);
      it(`${layerId} ${id}: facts.lengthKm is within 2% of the summed haversine length of the file's segments`, () => {
        const lines =
          feature.geometry.type === 'LineString'
            ? [feature.geometry.coordinates]
            : (feature.geometry as { coordinates: Position[][] }).coordinates;
        const own = lines.reduce((sum, line) => sum + pathKm(line), 0);
        const computed = lengthKm(publishedFeature(layerId, id));
        console.log(`[geo] length ${layerId}/${id}: facts ${computed.toFixed(1)} km, own haversine ${own.toFixed(1)} km`);
        expect(Math.abs(computed - own) / own).toBeLessThan(0.02);
      });
    }
  }

  // Official areas (Myanmar census 2014 / Wikipedia): Sagaing Region 93,704.8 km², Kachin
  // State 89,041.8 km². Natural Earth 1:10m, simplified here at 1.25 km, draws slightly
  // different outlines (measured 2026-11-26: Sagaing 96,884 km², +3.4%; Kachin 88,139 km²,
  // -1.0%), so the bounds are the official figure ±10%, not the brief's first guess
  // (85,000–100,000 and 80,000–95,000), which the measured areas also satisfy.
  const withinTenPercent = (official: number) => [Math.floor(official * 0.9), Math.ceil(official * 1.1)] as const;
  const areas: [string, Feature, string, number, number][] = [
    ['Sagaing', sagaing, 'sagaing-region/sagaing', ...withinTenPercent(93_704.8)],
    ['Kachin', kachin, 'kachin-state/kachin', ...withinTenPercent(89_041.8)],
  ];
  for (const [name, feature, ref, low, high] of areas) {
    it(`${name}'s area (turf on the raw file) is the official figure ±10% (${low.toLocaleString('en-GB')}–${high.toLocaleString('en-GB')} km²) and facts.areaKm2 agrees`, () => {
      const own = area(feature) / 1e6;
      const [layerId, featureId] = ref.split('/') as [string, string];
      const computed = areaKm2(publishedFeature(layerId, featureId));
      console.log(`[geo] area ${name}: ${own.toFixed(0)} km² (facts.areaKm2 ${computed.toFixed(0)} km²)`);
      expect(own).toBeGreaterThan(low);
      expect(own).toBeLessThan(high);
      expect(Math.abs(computed - own) / own).toBeLessThan(0.005);
    });
  }

  it('from the Chipwi–Pangwa area the nearest Chinese border crossing is under 100 km, the nearest Indian processing site over 1,000 km (the ending contrast)', () => {
    const area_ = publishedFeature('rare-earth-areas', 'chipwi-pangwa');
    const rawArea = rawFeature(rawLayer('rare-earth-areas'), 'chipwi-pangwa') as Feature<Polygon | MultiPolygon>;
    const toChina = nearestFeature(area_, published('border-crossings'));
    const toIndia = nearestFeature(area_, published('india-processing-sites'));
    const own = (layerId: string) =>
      rawLayer(layerId)
        .features.map((f) => ({
          id: String(f.properties?.id),
          km: ownPointToPolygonKm((f.geometry as { coordinates: Position }).coordinates, rawArea),
        }))
        .reduce((best, next) => (next.km < best.km ? next : best));
    const ownChina = own('border-crossings');
    const chipwiTown = at(place('Chipwi'));
    const chipwiToCrossing = Math.min(
      ...rawLayer('border-crossings').features.map((f) => haversineKm(chipwiTown, (f.geometry as { coordinates: Position }).coordinates)),
    );
    console.log(`[geo] (for context: Chipwi town to the nearest crossing ${chipwiToCrossing.toFixed(1)} km, haversine)`);
    const ownIndia = own('india-processing-sites');
    console.log(
      `[geo] Chipwi–Pangwa area: nearest crossing ${String(toChina.feature.properties?.id)} ${toChina.km.toFixed(1)} km (own ${ownChina.id} ${ownChina.km.toFixed(1)} km); nearest Indian site ${String(toIndia.feature.properties?.id)} ${toIndia.km.toFixed(1)} km (own ${ownIndia.id} ${ownIndia.km.toFixed(1)} km)`,
    );
    expect(toChina.km).toBeLessThan(100);
    expect(toIndia.km).toBeGreaterThan(1000);
    expect(String(toChina.feature.properties?.id)).toBe(ownChina.id);
    expect(String(toIndia.feature.properties?.id)).toBe(ownIndia.id);
    expect(Math.abs(toChina.km - ownChina.km)).toBeLessThanOrEqual(Math.max(1, 0.01 * ownChina.km));
    expect(Math.abs(toIndia.km - ownIndia.km)).toBeLessThanOrEqual(Math.max(1, 0.01 * ownIndia.km));
  });
});

// ---------------------------------------------------------------------------------
// 4. Size budget
// ---------------------------------------------------------------------------------

const gz = (json: string) => gzipSync(Buffer.from(json, 'utf8'), { level: 9 }).length;
const sizes = [
  ...storyGeo.layers.map((l) => ({ name: `layer ${l.id}`, raw: l.json.length, gzip: gz(l.json) })),
  ...storyGeo.basemap.map((b) => ({ name: `basemap ${b.name}`, raw: b.json.length, gzip: gz(b.json) })),
];
const totalGzip = sizes.reduce((sum, s) => sum + s.gzip, 0);

describe('size budget', () => {
  it(`all published layers and basemap files together gzip (level 9) to under 300 KB: ${(totalGzip / 1024).toFixed(1)} KB in ${sizes.length} files`, () => {
    console.log(
      `[geo] compressed size: ${(totalGzip / 1024).toFixed(1)} KB (${totalGzip} bytes) in ${sizes.length} files\n${sizes.map((s) => `  ${s.name}: ${(s.gzip / 1024).toFixed(1)} KB gzip (${(s.raw / 1024).toFixed(1)} KB raw)`).join('\n')}`,
    );
    expect(storyGeo.layers.map((l) => l.id)).toEqual(layerIds);
    expect(storyGeo.basemap.map((b) => b.name)).toEqual(expect.arrayContaining([...basemapIds, 'country-labels']));
    expect(totalGzip).toBeLessThan(300 * 1024);
  });
});

// ---------------------------------------------------------------------------------
// 5. Timelines
// ---------------------------------------------------------------------------------

type Step = { from: string; status: string };
const statusOn = (timeline: Step[], date: string) => timeline.filter((s) => s.from <= date).at(-1)?.status;

describe('border-crossing timelines', () => {
  const crossingFeatures = rawLayer('border-crossings').features;

  for (const feature of crossingFeatures) {
    it(`border-crossings ${String(feature.properties?.id)}: has a timeline sorted by date`, () => {
      const timeline = feature.properties?.timeline as Step[] | undefined;
      expect(Array.isArray(timeline) && timeline.length > 0).toBe(true);
      const dates = timeline!.map((s) => s.from);
      expect(dates).toEqual([...dates].sort());
      expect(new Set(dates).size).toBe(dates.length);
    });
  }

  for (const id of ['kanpiketi', 'laiza', 'lweje', 'pangwa-gate']) {
    it(`border-crossings ${id}: closed on 2024-11-15 and no longer closed on 2024-12-20`, () => {
      const timeline = rawFeature(rawLayer('border-crossings'), id).properties?.timeline as Step[];
      expect(statusOn(timeline, '2024-11-15')).toBe('closed');
      expect(statusOn(timeline, '2024-12-20')).toBeDefined();
      expect(statusOn(timeline, '2024-12-20')).not.toBe('closed');
    });
  }

  it('border-crossings muse-ruili: is never closed (the reporting does not say it closed)', () => {
    const timeline = rawFeature(rawLayer('border-crossings'), 'muse-ruili').properties?.timeline as Step[];
    expect(timeline.map((s) => s.status)).not.toContain('closed');
  });
});
