/**
 * Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * one static file that a map reads with HTTP range requests, tile by tile. npm has
 * readers (the `pmtiles` package the map uses) but no maintained writer, so this
 * follows the spec: a 127-byte header, a root directory that fits in the first 16 KiB
 * (so one request of that size opens the archive), then metadata, leaf directories
 * and tile data in tile-id order. Identical tiles (e.g. a polygon's interior at high
 * zoom) are stored once.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export interface Tile {
  z: number;
  x: number;
  y: number;
  /** The tile as stored: for vector tiles, a gzipped MVT protobuf. */
  data: Uint8Array;
}

export interface ArchiveOptions {
  /** What the tile bytes are compressed with; the reader decompresses them. */
  tileCompression: 'none' | 'gzip';
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  minZoom: number;
  maxZoom: number;
  /** Free-form JSON; vector archives describe their layers in `vector_layers`. */
  metadata: Record<string, unknown>;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const headerBytes = 127;
/** Header plus root directory must fit in the first 16 KiB the reader fetches. */
const firstRequestBytes = 16_384;
const compression = { none: 1, gzip: 2 } as const;
const mvtTileType = 1;

function varint(value: number, out: number[]): void {
  // Tile ids reach 2^53 at zoom 26: split with arithmetic, not 32-bit shifts.
  while (value >= 0x80) {
    out.push((value % 0x80) | 0x80);
    value = Math.floor(value / 0x80);
  }
  out.push(value);
}

/** A directory as the spec lays it out: columns of varints, then gzipped. */
function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  varint(entries.length, out);
  let lastId = 0;
  for (const entry of entries) {
    varint(entry.tileId - lastId, out);
    lastId = entry.tileId;
  }
  for (const entry of entries) varint(entry.runLength, out);
  for (const entry of entries) varint(entry.length, out);
  entries.forEach((entry, i) => {
    const previous = entries[i - 1];
    // 0 means "right after the previous entry's bytes", which most entries are.
    varint(previous && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1, out);
  });
  return gzipSync(Uint8Array.from(out));
}

/** Root and leaf directories: leaves only when the entries do not fit in the first request. */
function buildDirectories(entries: readonly Entry[]): { root: Uint8Array; leaves: Uint8Array } {
  const root = serializeDirectory(entries);
  if (root.length <= firstRequestBytes - headerBytes) return { root, leaves: new Uint8Array(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const leafParts: Uint8Array[] = [];
    let leafOffset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = serializeDirectory(entries.slice(i, i + leafSize));
      // runLength 0 marks an entry that points at a leaf directory, not a tile.
      rootEntries.push({ tileId: entries[i]!.tileId, offset: leafOffset, length: leaf.length, runLength: 0 });
      leafParts.push(leaf);
      leafOffset += leaf.length;
    }
    const candidate = serializeDirectory(rootEntries);
    if (candidate.length <= firstRequestBytes - headerBytes) return { root: candidate, leaves: Buffer.concat(leafParts) };
  }
}

function writeHeader(view: DataView, fields: Record<string, number>, options: ArchiveOptions): void {
  new TextEncoder().encodeInto('PMTiles', new Uint8Array(view.buffer, view.byteOffset, 7));
  view.setUint8(7, 3);
  const u64 = [
    'rootOffset',
    'rootLength',
    'metadataOffset',
    'metadataLength',
    'leafOffset',
    'leafLength',
    'dataOffset',
    'dataLength',
    'addressedTiles',
    'tileEntries',
    'tileContents',
  ];
  u64.forEach((name, i) => view.setBigUint64(8 + i * 8, BigInt(fields[name]!), true));
  view.setUint8(96, 1); // clustered: tile data is in tile-id order
  view.setUint8(97, compression.gzip); // directories and metadata
  view.setUint8(98, compression[options.tileCompression]);
  view.setUint8(99, mvtTileType);
  view.setUint8(100, options.minZoom);
  view.setUint8(101, options.maxZoom);
  const [west, south, east, north] = options.bounds.map((degrees) => Math.round(degrees * 1e7));
  view.setInt32(102, west!, true);
  view.setInt32(106, south!, true);
  view.setInt32(110, east!, true);
  view.setInt32(114, north!, true);
  view.setUint8(118, options.minZoom);
  view.setInt32(119, Math.round((west! + east!) / 2), true);
  view.setInt32(123, Math.round((south! + north!) / 2), true);
}

/** One PMTiles v3 archive holding `tiles` (any order; empty tiles are better left out). */
export function writePmtiles(tiles: readonly Tile[], options: ArchiveOptions): Uint8Array {
  const sorted = tiles.map((tile) => ({ ...tile, tileId: zxyToTileId(tile.z, tile.x, tile.y) })).sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  const contents: Uint8Array[] = [];
  const offsetByHash = new Map<string, number>();
  let dataLength = 0;
  for (const tile of sorted) {
    const hash = createHash('sha256').update(tile.data).digest('base64');
    let offset = offsetByHash.get(hash);
    if (offset === undefined) {
      offset = dataLength;
      offsetByHash.set(hash, offset);
      contents.push(tile.data);
      dataLength += tile.data.length;
    }
    const last = entries[entries.length - 1];
    // A run: the same bytes at consecutive tile ids make one entry.
    if (last && last.offset === offset && last.tileId + last.runLength === tile.tileId) last.runLength++;
    else entries.push({ tileId: tile.tileId, offset, length: tile.data.length, runLength: 1 });
  }
  const { root, leaves } = buildDirectories(entries);
  const metadata = gzipSync(JSON.stringify(options.metadata));
  const rootOffset = headerBytes;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadata.length;
  const dataOffset = leafOffset + leaves.length;
  const archive = new Uint8Array(dataOffset + dataLength);
  writeHeader(
    new DataView(archive.buffer),
    {
      rootOffset,
      rootLength: root.length,
      metadataOffset,
      metadataLength: metadata.length,
      leafOffset,
      leafLength: leaves.length,
      dataOffset,
      dataLength,
      addressedTiles: sorted.length,
      tileEntries: entries.length,
      tileContents: contents.length,
    },
    options,
  );
  archive.set(root, rootOffset);
  archive.set(metadata, metadataOffset);
  archive.set(leaves, leafOffset);
  let at = dataOffset;
  for (const content of contents) {
    archive.set(content, at);
    at += content.length;
  }
  return archive;
}
