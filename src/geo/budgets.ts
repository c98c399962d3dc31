/**
 * What a layer may cost a reader. A layer small enough is published as one GeoJSON
 * file that the map downloads whole; a bigger one is cut into vector tiles, so a
 * reader downloads only the tiles in view, and then it is the single tile that must
 * stay small.
 */

/** Published GeoJSON above this is tiled (unless its metadata says `"tiles": "never"`) and simplified by default. */
export const tileThresholdBytes = 1_000_000;

/** Largest GeoJSON a layer that is not tiled may publish: readers download all of it on opening the story. */
export const untiledLayerBudgetBytes = 2_000_000;

/**
 * Largest single tile (gzipped, as transferred). A chapter view needs a handful of
 * tiles per layer; at this size the story stays within 1 MB of layer data per view.
 */
export const tileBudgetBytes = 250_000;

/** Simplification for layers over the tile threshold when the metadata names none: below what zoom 10 tiles can draw (~10 m). */
export const defaultSimplifyMetres = 10;
