/**
 * Cuts a published layer into Mapbox vector tiles (geojson-vt, as MapLibre itself
 * does in the browser for GeoJSON sources) and packs them into one PMTiles archive,
 * so a large layer costs a reader only the tiles in view.
 */
import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import { writePmtiles, type Tile } from './pmtiles-writer.ts';

/**
 * Zoom levels cut. At zoom 10 one tile unit (1/4096 of a tile) is ~10 m at the
 * equator: finer than any layer in this story is drawn, and MapLibre over-zooms the
 * zoom 10 tiles beyond it. Below zoom 10 geojson-vt simplifies each tile to its scale.
 */
export const tileZooms = { min: 0, max: 10 } as const;

export interface TiledLayer {
  archive: Uint8Array;
  tileCount: number;
  /** The largest tile as stored (gzipped), which is what a reader may have to fetch at once. */
  largestTile: { z: number; x: number; y: number; bytes: number };
}

/**
 * Every non-empty tile from zoom 0 to 10, walked from the top so parts of the world
 * without features are never visited. The MVT layer inside each tile is named after the layer id:
 * that is the `source-layer` the map's styles name.
 */
export function tileLayer(id: string, collection: FeatureCollection, bounds: [number, number, number, number]): TiledLayer {
  const index = new GeoJSONVT(collection, { maxZoom: tileZooms.max, indexMaxZoom: 0 });
  const tiles: Tile[] = [];
  let largestTile = { z: 0, x: 0, y: 0, bytes: 0 };
  const visit = (z: number, x: number, y: number) => {
    // null: no feature reaches this tile. A tile can exist yet draw nothing (features too small to
    // show at its zoom), and its children still hold them.
    const tile = index.getTile(z, x, y);
    if (!tile) return;
    if (tile.features.length > 0) {
      const data = gzipSync(fromGeojsonVt({ [id]: tile }, { version: 2, extent: 4096 }));
      tiles.push({ z, x, y, data });
      if (data.length > largestTile.bytes) largestTile = { z, x, y, bytes: data.length };
    }
    if (z === tileZooms.max) return;
    for (const [dx, dy] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ] as const)
      visit(z + 1, x * 2 + dx, y * 2 + dy);
  };
  visit(0, 0, 0);
  const fields = Object.fromEntries(
    [...new Set(collection.features.flatMap((feature) => Object.keys(feature.properties ?? {})))].map((key) => [key, 'String']),
  );
  const archive = writePmtiles(tiles, {
    tileCompression: 'gzip',
    bounds,
    minZoom: tileZooms.min,
    maxZoom: tileZooms.max,
    metadata: { name: id, vector_layers: [{ id, fields, minzoom: tileZooms.min, maxzoom: tileZooms.max }] },
  });
  return { archive, tileCount: tiles.length, largestTile };
}
