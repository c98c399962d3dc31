/**
 * The layer-kind registry, proved with a kind the story does not use: the heatmap fixture
 * layer (tests/fixtures/heatmap-layer) goes through the real pipeline, then the MapLibre
 * style, show and hide, legend swatch, static map and catalog. And a kind that lacks a
 * part, or a registry that lacks a kind, fails to compile.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { layerCatalog } from '../../src/geo/catalog.ts';
import { buildStoryGeo } from '../../src/geo/pipeline.ts';
import { GeoInputError } from '../../src/geo/problems.ts';
import { layerKind } from '../../src/layer-kinds/registry.ts';
import { swatchShape } from '../../src/layer-kinds/swatch.ts';
import { hiddenLayer, storyMapLayers, togglePaint } from '../../src/map/layer-registry.ts';
import type { ChapterMapState } from '../../src/map/story-data.ts';
import { renderStaticMap } from '../../src/static-maps/render-static-map.ts';
import { storyLayer } from '../fixtures/story-layer.ts';

const fixtureRoot = join(import.meta.dirname, '..', 'fixtures', 'heatmap-layer');
const geo = buildStoryGeo(fixtureRoot);
const [reports] = geo.layers;
const info = storyLayer('heatmap', { id: 'field-reports', color: '#c2410c' });

const chapter = (visibleLayers: string[]): ChapterMapState => ({
  id: 'reports',
  index: 0,
  title: 'Reports',
  camera: { bounds: [95, 20, 98, 24], maxZoom: 9, bearing: 0, pitch: 0 },
  visibleLayers,
  highlights: {},
  date: '2026-12-01',
  statuses: {},
  controls: {},
});

describe('a heatmap layer, a kind the story does not use', () => {
  it('passes the pipeline as a heatmap with its draw order', () => {
    expect(reports).toMatchObject({ id: 'field-reports', meta: { style: { kind: 'heatmap' }, drawOrder: 5 } });
    expect(reports!.collection.features).toHaveLength(8);
  });

  it('is refused by the pipeline when it holds a geometry a heatmap cannot draw', () => {
    const root = mkdtempSync(join(tmpdir(), 'heatmap-polygon-'));
    try {
      cpSync(fixtureRoot, root, { recursive: true });
      const file = join(root, 'geo', 'layers', 'field-reports.geojson');
      const collection = JSON.parse(readFileSync(file, 'utf8')) as { features: { geometry: unknown }[] };
      collection.features[0]!.geometry = {
        type: 'Polygon',
        coordinates: [
          [
            [96, 21],
            [97, 21],
            [97, 22],
            [96, 21],
          ],
        ],
      };
      writeFileSync(file, JSON.stringify(collection, null, 2));
      expect(() => buildStoryGeo(root)).toThrow(GeoInputError);
      const problems = (() => {
        try {
          buildStoryGeo(root);
          return [];
        } catch (error) {
          return (error as GeoInputError).problems.map((p) => p.message);
        }
      })();
      expect(problems).toContainEqual(
        expect.stringContaining('is a Polygon, but this layer is drawn as "heatmap", which draws only Point and MultiPoint'),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('draws as one MapLibre heatmap layer that the style specification accepts', () => {
    const specs = storyMapLayers(info);
    expect(specs.map((spec) => spec.type)).toEqual(['heatmap']);
    const style = {
      version: 8,
      sources: { 'field-reports': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
      layers: specs.map(hiddenLayer),
    } as StyleSpecification;
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('is hidden by its opacity alone, and shown again at full opacity', () => {
    const [heat] = storyMapLayers(info);
    expect(togglePaint(heat!, false)).toEqual({ 'heatmap-opacity': 0 });
    expect(togglePaint(heat!, true)).toEqual({ 'heatmap-opacity': 1 });
    expect((hiddenLayer(heat!) as { paint: Record<string, unknown> }).paint).toMatchObject({ 'heatmap-opacity': 0 });
  });

  it('has a legend swatch of its own: a soft disc in its colour, not the rectangle of a polygon', () => {
    expect(swatchShape(reports!.meta.style)).toEqual({
      tag: 'circle',
      attributes: { cx: '12', cy: '8', r: '6', fill: '#c2410c', 'fill-opacity': '0.45', stroke: 'none' },
    });
  });

  it('is drawn on the static map only in a chapter that shows it, one soft disc per point', () => {
    const discs = (svg: string) => svg.match(/<circle [^>]*fill="#c2410c" fill-opacity="0.2"\/>/g) ?? [];
    expect(discs(renderStaticMap(chapter(['field-reports']), geo.layers, geo.basemap))).toHaveLength(8);
    expect(discs(renderStaticMap(chapter([]), geo.layers, geo.basemap))).toHaveLength(0);
  });

  it('is listed in the catalog with its kind', () => {
    expect(layerCatalog(geo).layers).toEqual([expect.objectContaining({ id: 'field-reports', kind: 'heatmap' })]);
  });
});

describe('the registry of kinds', () => {
  it('throws for a kind no module declares, naming the kinds there are', () => {
    expect(() => layerKind('hexbin')).toThrow('unknown layer kind "hexbin" (kinds are region, area, point, route, heatmap)');
    expect(() => storyMapLayers(storyLayer('hexbin' as 'point'))).toThrow('unknown layer kind "hexbin"');
  });

  it('throws for a style layer the map cannot show and hide, rather than leaving it always visible', () => {
    expect(() => togglePaint({ id: 'x--relief', type: 'hillshade', source: 'x' }, false)).toThrow(
      'style layer "x--relief" is a hillshade layer, which the map cannot show and hide',
    );
  });

  // tsc on a small file beside the registry, with the project's own compiler options.
  function compile(source: string): { status: number | null; output: string } {
    const dir = mkdtempSync(join(import.meta.dirname, '..', '..', 'src', 'layer-kinds', '.compile-'));
    try {
      writeFileSync(join(dir, 'probe.ts'), source);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../../tsconfig.json', include: ['probe.ts'] }));
      const tsc = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsc');
      const result = spawnSync(tsc, ['--noEmit', '-p', dir], { encoding: 'utf8' });
      return { status: result.status, output: result.stdout + result.stderr };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const header = `import type { LayerKindModule } from '../kind-module.ts';\nimport { heatmap } from '../heatmap.ts';\n`;

  it('compiles a kind with every part', () => {
    expect(compile(`${header}export const whole = { ...heatmap } satisfies LayerKindModule;\n`)).toEqual({ status: 0, output: '' });
  }, 60_000);

  it('refuses to compile a kind without its static drawing', () => {
    const { status, output } = compile(
      `${header}const { drawStatic: _, ...rest } = heatmap;\nexport const partial = { ...rest } satisfies LayerKindModule;\n`,
    );
    expect(status).not.toBe(0);
    expect(output).toContain("Property 'drawStatic' is missing");
  }, 60_000);

  it('refuses to compile a registry that leaves out a kind', () => {
    const { status, output } = compile(
      `import type { LayerKind } from '../../geo/layer-meta.ts';\n${header}export const kinds = { heatmap } satisfies Record<LayerKind, LayerKindModule>;\n`,
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(/TS1360[\s\S]*missing the following properties[\s\S]*region, area, point, route/);
  }, 60_000);
});
