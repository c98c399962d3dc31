/**
 * The quiet basemap: pale land, soft water, thin grey borders, few labels, so the
 * story layers carry the colour. Everything comes from the site's own files; with no
 * `glyphs` URL MapLibre draws labels with the page's self-hosted Noto Sans, whose build-time
 * subset holds the labels' characters too (src/integrations/subset-fonts.ts reads the data files).
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { labelFont } from '../layer-kinds/style-helpers.ts';

export const basemapColors = {
  water: '#dbe6ee',
  land: '#f6f4ef',
  foreignLand: '#efece5',
  admin: '#cdc7bc',
  border: '#8f8a80',
  river: '#8fb5cf',
  label: '#5b5750',
};

/**
 * The deepest zoom MapLibre cuts the GeoJSON layers into tiles for; closer views reuse
 * those tiles. The data is simplified to tens of metres, which z8 tiles keep (~20 m), and
 * few tiles mean few worker round trips per chapter change, and tiles that stay cached.
 */
export const geojsonMaxZoom = 8;

/** Feature state set on basemap labels the map's edge would cut (edge-labels.ts); they are not drawn. */
export const edgeCutState = 'edgeCut';
const unlessEdgeCut = ['case', ['boolean', ['feature-state', edgeCutState], false], 0, 1] as ExpressionSpecification;

export interface BasemapLabel {
  source: string;
  text: (properties: Record<string, unknown>) => string;
  size: (properties: Record<string, unknown>) => number;
  /** In ems. */
  letterSpacing: number;
  /** text-max-width, in ems, for labels that wrap. */
  maxWidth?: number;
  /** For labels beside their dot, the offset from it, in ems. */
  beside?: number;
}

const countryLabel: BasemapLabel = {
  source: 'country-labels',
  text: (properties) => String(properties.name).toUpperCase(),
  size: () => 13,
  letterSpacing: 0.2,
  maxWidth: 8,
};
const placeLabel: BasemapLabel = {
  source: 'places',
  text: (properties) => String(properties.name),
  size: (properties) => (properties.rank === 1 ? 13 : 12),
  letterSpacing: 0,
  beside: 0.5,
};
/** The basemap's point labels, by layer, with what it takes to know how far each reaches. */
export const basemapLabels: Record<string, BasemapLabel> = { 'country-labels': countryLabel, 'place-labels': placeLabel };

/** The basemap's style, its data at `urls`; `schematic` follows a river's name, as the page's language writes it. */
export function basemapStyle(urls: Record<string, string>, schematic = ' (schematic)'): StyleSpecification {
  const source = (name: string) => ({ type: 'geojson' as const, data: urls[name] ?? '', maxzoom: geojsonMaxZoom });
  return {
    version: 8,
    // A chapter change is drawn whole, and every paint change, the shader warm-up's among them,
    // costs one frame: MapLibre's default 300 ms transition redraws every frame until it ends.
    transition: { duration: 0, delay: 0 },
    sources: {
      countries: source('countries'),
      admin1: source('admin1'),
      rivers: source('rivers'),
      // Ids for the feature state that hides labels at the edge.
      places: { ...source('places'), generateId: true },
      'country-labels': { ...source('country-labels'), generateId: true },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': basemapColors.water } },
      {
        id: 'land',
        type: 'fill',
        source: 'countries',
        paint: { 'fill-color': ['case', ['has', 'home'], basemapColors.land, basemapColors.foreignLand] },
      },
      { id: 'admin1', type: 'line', source: 'admin1', minzoom: 4, paint: { 'line-color': basemapColors.admin, 'line-width': 0.7 } },
      {
        id: 'rivers',
        type: 'line',
        source: 'rivers',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': basemapColors.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1, 9, 3] },
      },
      { id: 'country-borders', type: 'line', source: 'countries', paint: { 'line-color': basemapColors.border, 'line-width': 1.1 } },
      {
        id: 'river-labels',
        type: 'symbol',
        source: 'rivers',
        minzoom: 5.5,
        layout: {
          'symbol-placement': 'line',
          'text-field': ['concat', ['get', 'name'], schematic],
          'text-font': labelFont,
          'text-size': 11,
          'text-letter-spacing': 0.05,
        },
        paint: { 'text-color': '#4f7896', 'text-halo-color': basemapColors.water, 'text-halo-width': 1.2 },
      },
      {
        id: 'country-labels',
        type: 'symbol',
        source: 'country-labels',
        maxzoom: 7,
        layout: {
          'text-field': ['upcase', ['get', 'name']],
          'text-font': labelFont,
          'text-size': countryLabel.size({}),
          'text-letter-spacing': countryLabel.letterSpacing,
          'text-max-width': countryLabel.maxWidth!,
        },
        paint: { 'text-color': '#8a857b', 'text-halo-color': basemapColors.land, 'text-halo-width': 1.5, 'text-opacity': unlessEdgeCut },
      },
      {
        id: 'place-dots',
        type: 'circle',
        source: 'places',
        filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 6, 2, 8, 3]],
        paint: { 'circle-radius': 2.5, 'circle-color': basemapColors.label, 'circle-opacity': unlessEdgeCut },
      },
      {
        id: 'place-labels',
        type: 'symbol',
        source: 'places',
        filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 6, 2, 8, 3]],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': labelFont,
          'text-size': ['match', ['get', 'rank'], 1, placeLabel.size({ rank: 1 }), placeLabel.size({})],
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': placeLabel.beside!,
          'icon-optional': true,
        },
        paint: { 'text-color': basemapColors.label, 'text-halo-color': '#ffffff', 'text-halo-width': 1.4, 'text-opacity': unlessEdgeCut },
      },
    ],
  };
}
