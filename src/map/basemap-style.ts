/**
 * The quiet basemap: pale land, soft water, thin grey borders, few labels, so the
 * story layers carry the colour. Everything comes from the site's own files; with no
 * `glyphs` URL MapLibre draws labels with the page's self-hosted Noto Sans.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { labelFont } from './layer-registry.ts';

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

export function basemapStyle(urls: Record<string, string>): StyleSpecification {
  const source = (name: string) => ({ type: 'geojson' as const, data: urls[name] ?? '', maxzoom: geojsonMaxZoom });
  return {
    version: 8,
    sources: {
      countries: source('countries'),
      admin1: source('admin1'),
      rivers: source('rivers'),
      places: source('places'),
      'country-labels': source('country-labels'),
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': basemapColors.water } },
      {
        id: 'land',
        type: 'fill',
        source: 'countries',
        paint: { 'fill-color': ['case', ['==', ['get', 'id'], 'mm'], basemapColors.land, basemapColors.foreignLand] },
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
          'text-field': ['concat', ['get', 'name'], ' (schematic)'],
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
          'text-size': 13,
          'text-letter-spacing': 0.2,
          'text-max-width': 8,
        },
        paint: { 'text-color': '#8a857b', 'text-halo-color': basemapColors.land, 'text-halo-width': 1.5 },
      },
      {
        id: 'place-dots',
        type: 'circle',
        source: 'places',
        filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 6, 2, 8, 3]],
        paint: { 'circle-radius': 2.5, 'circle-color': basemapColors.label },
      },
      {
        id: 'place-labels',
        type: 'symbol',
        source: 'places',
        filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 6, 2, 8, 3]],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': labelFont,
          'text-size': ['match', ['get', 'rank'], 1, 13, 12],
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.5,
          'icon-optional': true,
        },
        paint: { 'text-color': basemapColors.label, 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
      },
    ],
  };
}
