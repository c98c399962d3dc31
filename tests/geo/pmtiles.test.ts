/**
 * The PMTiles writer and the tiler, checked by reading their archives back with the
 * `pmtiles` reader the map itself uses (not with our own code), and the tiles inside
 * with @mapbox/vector-tile.
 */
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import type { FeatureCollection } from 'geojson';
import { PbfReader } from 'pbf';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { writePmtiles, type Tile } from '../../src/geo/tiles/pmtiles-writer.ts';
import { tileLayer } from '../../src/geo/tiles/tile-layer.ts';

/** Serves an in-memory archive to the reader, counting the bytes it asks for. */
class BufferSource implements Source {
  requested = 0;
  private readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  getKey() {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.requested += Math.min(length, this.bytes.length - offset);
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

const reader = (archive: Uint8Array) => {
  const source = new BufferSource(archive);
  // Node has DecompressionStream, but gunzip keeps the test independent of it.
  const decompress = async (buffer: ArrayBuffer, compression: number) => {
    if (compression !== 2) return buffer;
    const out = gunzipSync(new Uint8Array(buffer));
    return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
  };
  return { source, pmtiles: new PMTiles(source, undefined, decompress) };
};

const options = {
  tileCompression: 'none' as const,
  bounds: [92, 9, 102, 28] as [number, number, number, number],
  minZoom: 0,
  maxZoom: 12,
  metadata: { name: 'test' },
};
const bytesOf = (text: string) => new TextEncoder().encode(text);
const textOf = (response: RangeResponse | undefined) => (response ? new TextDecoder().decode(response.data) : undefined);

describe('writePmtiles', () => {
  it('writes an archive whose header, metadata and every tile the pmtiles reader reads back', async () => {
    const tiles: Tile[] = [
      { z: 0, x: 0, y: 0, data: bytesOf('world') },
      { z: 5, x: 23, y: 14, data: bytesOf('myanmar') },
      { z: 12, x: 3160, y: 1750, data: bytesOf('a street') },
      { z: 3, x: 5, y: 3, data: bytesOf('unsorted input') },
    ];
    const { pmtiles } = reader(writePmtiles(tiles, options));
    const header = await pmtiles.getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      minZoom: 0,
      maxZoom: 12,
      minLon: 92,
      minLat: 9,
      maxLon: 102,
      maxLat: 28,
      numAddressedTiles: 4,
      clustered: true,
      tileType: 1,
    });
    expect(await pmtiles.getMetadata()).toEqual({ name: 'test' });
    for (const tile of tiles) expect(textOf(await pmtiles.getZxy(tile.z, tile.x, tile.y))).toBe(new TextDecoder().decode(tile.data));
    expect(await pmtiles.getZxy(5, 24, 14)).toBeUndefined();
  });

  it('stores identical tiles once and still addresses each of them', async () => {
    const same = bytesOf('interior');
    const tiles: Tile[] = [0, 1, 2, 3].map((x) => ({ z: 2, x, y: 1, data: same }));
    const archive = writePmtiles(tiles, options);
    const { pmtiles } = reader(archive);
    const header = await pmtiles.getHeader();
    expect(header.numAddressedTiles).toBe(4);
    expect(header.numTileContents).toBe(1);
    for (const tile of tiles) expect(textOf(await pmtiles.getZxy(2, tile.x, 1))).toBe('interior');
  });

  it(
    'moves directories into leaves when 100,000 tiles do not fit in the first 16 KiB, and the reader finds any tile',
    { timeout: 60_000 },
    async () => {
      const tiles: Tile[] = [];
      // Scattered tiles of uneven sizes: a directory that compresses as badly as real ones.
      for (let x = 0; x < 400; x++)
        for (let y = 0; y < 250; y++)
          tiles.push({ z: 12, x: 600 + x * 2, y: 300 + y * 3, data: bytesOf(`${x},${y}`.padEnd((x * 7919 + y * 104729) % 211)) });
      const archive = writePmtiles(tiles, options);
      const { pmtiles } = reader(archive);
      const header = await pmtiles.getHeader();
      expect(header.leafDirectoryLength).toBeGreaterThan(0);
      expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384);
      for (const [x, y] of [
        [0, 0],
        [399, 249],
        [123, 77],
        [250, 5],
      ] as const)
        expect(textOf(await pmtiles.getZxy(12, 600 + x * 2, 300 + y * 3))?.trim()).toBe(`${x},${y}`);
      expect(await pmtiles.getZxy(12, 601, 300)).toBeUndefined();
    },
  );
});

describe('tileLayer', () => {
  const square = (id: string, west: number, south: number, size: number) => ({
    type: 'Feature' as const,
    properties: { id, name: `Square ${id}` },
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [west, south],
          [west + size, south],
          [west + size, south + size],
          [west, south + size],
          [west, south],
        ],
      ],
    },
  });
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: [square('big', 95, 20, 2), square('small', 97.5, 25.5, 0.01)],
  };

  it('cuts gzipped vector tiles whose MVT layer is named after the layer id and keeps the reader properties', async () => {
    const tiled = tileLayer('test-squares', collection, [95, 20, 97.51, 25.51]);
    const { pmtiles } = reader(tiled.archive);
    expect((await pmtiles.getHeader()).tileCompression).toBe(2);
    const response = await pmtiles.getZxy(6, 49, 28);
    expect(response).toBeDefined();
    const tile = new VectorTile(new PbfReader(new Uint8Array(response!.data)));
    const layer = tile.layers['test-squares']!;
    expect(layer).toBeDefined();
    const names = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties.name);
    expect(names).toContain('Square big');
    expect(tiled.largestTile.bytes).toBeGreaterThan(0);
    expect(tiled.tileCount).toBeGreaterThan(10);
  });

  it('leaves out tiles with nothing in them, so empty ocean costs neither build time nor bytes', async () => {
    const { pmtiles } = reader(tileLayer('test-squares', collection, [95, 20, 97.51, 25.51]).archive);
    // Zoom 6 tile over the Bay of Bengal, far from both squares.
    expect(await pmtiles.getZxy(6, 47, 29)).toBeUndefined();
  });

  it('is readable after only the first 16 KiB plus the tile asked for', async () => {
    const big: FeatureCollection = {
      type: 'FeatureCollection',
      features: Array.from({ length: 400 }, (_, i) => square(`s${i}`, 92 + (i % 20) * 0.4, 12 + Math.floor(i / 20) * 0.4, 0.3)),
    };
    const { source, pmtiles } = reader(tileLayer('grid', big, [92, 12, 100, 20]).archive);
    const response = await pmtiles.getZxy(8, 197, 117);
    expect(response).toBeDefined();
    expect(source.requested).toBeGreaterThan(16_384);
    expect(source.requested).toBeLessThanOrEqual(16_384 + response!.data.byteLength);
  });
});
