/**
 * A chapter's map drawn to SVG at build time with d3-geo: the same layers, colours
 * and emphasis as the live map. It is what readers see without JavaScript or WebGL,
 * what prints, and each chapter's preview image.
 */
import { centroid, rewind } from '@turf/turf';
import { geoMercator, geoPath, type GeoPermissibleObjects, type GeoStream } from 'd3-geo';
import type { Feature, FeatureCollection } from 'geojson';
import { escapeXml } from '../charts/bar-chart.ts';
import type { BasemapFile } from '../geo/pipeline.ts';
import type { LabelCandidate } from '../layer-kinds/kind-module.ts';
import { layerKind } from '../layer-kinds/registry.ts';
import type { PublishedLayer } from '../geo/process-layer.ts';
import { basemapColors } from '../map/basemap-style.ts';
import type { ChapterMapState } from '../map/story-data.ts';
import type { Edition } from '../content/story-config-schema.ts';
import { sourceEdition, translatedKey } from '../content/translations.ts';
import { uiStrings } from '../i18n/ui.ts';
import { compactPath } from './compact-path.ts';
import { textAdvance, textPath } from './text-paths.ts';

/** The face whose outlines draw a translated edition's labels: it covers Latin as well as Chinese. */
const outlineFamily = 'Noto Sans SC';

export const staticMapSize = { width: 800, height: 600 };
const labelFontSize = 14;

/**
 * Labels as SVG text, kept whole inside the frame and clear of each other: a label that
 * would overlap one already placed is left out, as the live map does, emphasised
 * features first. A string-built SVG cannot measure text, so widths are estimated:
 * Noto Sans averages a little over half an em per character.
 */
function placeLabels(candidates: readonly LabelCandidate[], frameWidth: number, outlined: boolean): string[] {
  const placed: [number, number, number, number][] = [];
  return [...candidates]
    .sort((a, b) => Number(b.emphasis) - Number(a.emphasis))
    .flatMap(({ x, y, text }) => {
      const halfWidth = (outlined ? textAdvance(text, outlineFamily, labelFontSize) : text.length * labelFontSize * 0.54) / 2 + 4;
      const centre = Math.min(Math.max(x, halfWidth), frameWidth - halfWidth);
      const baseline = y + 20;
      const box: [number, number, number, number] = [centre - halfWidth, baseline - labelFontSize, centre + halfWidth, baseline + 4];
      if (placed.some(([left, top, right, bottom]) => box[0] < right && box[2] > left && box[1] < bottom && box[3] > top)) return [];
      placed.push(box);
      if (outlined) return [`<path d="${compactPath(textPath(text, outlineFamily, labelFontSize, centre, baseline))}"/>`];
      return [`<text x="${centre.toFixed(1)}" y="${baseline.toFixed(1)}" text-anchor="middle">${escapeXml(text)}</text>`];
    });
}

/**
 * Drops each point of a line or ring that lies within `tolerance` pixels of the last one
 * kept: the basemap's full detail is invisible at the size the map is drawn, and only
 * made the first view's map heavier. A line's last point is always kept.
 */
function thinned(output: GeoStream, tolerance: number): GeoStream {
  let inLine = false;
  let last: [number, number] | undefined;
  let pending: [number, number] | undefined;
  return {
    point(x, y) {
      if (!inLine) return output.point(x, y);
      if (last && Math.hypot(x - last[0], y - last[1]) < tolerance) return void (pending = [x, y]);
      output.point(x, y);
      last = [x, y];
      pending = undefined;
    },
    lineStart() {
      inLine = true;
      last = pending = undefined;
      output.lineStart();
    },
    lineEnd() {
      if (pending) output.point(...pending);
      inLine = false;
      output.lineEnd();
    },
    polygonStart: () => output.polygonStart(),
    polygonEnd: () => output.polygonEnd(),
    sphere: () => output.sphere?.(),
  };
}

/** Bounds a center/zoom camera shows on a map of the static size (Web Mercator, 512 px tiles). */
function cameraBounds(camera: ChapterMapState['camera']): [number, number, number, number] {
  if ('bounds' in camera) return camera.bounds;
  const degreesPerPixel = 360 / (512 * 2 ** camera.zoom);
  const [lon, lat] = camera.center;
  const halfWidth = (staticMapSize.width / 2) * degreesPerPixel;
  const halfHeight = (staticMapSize.height / 2) * degreesPerPixel * Math.cos((lat * Math.PI) / 180);
  return [lon - halfWidth, lat - halfHeight, lon + halfWidth, lat + halfHeight];
}

/**
 * A chapter's static map in an edition. The source edition's labels are SVG text in Noto Sans;
 * a translated edition's are outlines (text-paths.ts), so its script needs no font on the
 * reader's machine or the build machine.
 */
export function renderStaticMap(
  state: ChapterMapState,
  layers: readonly PublishedLayer[],
  basemap: readonly BasemapFile[],
  edition: Edition = sourceEdition,
): string {
  const ui = uiStrings(edition.lang);
  const words = { closedStatic: ui.map.closedStatic, restrictedStatic: ui.map.restrictedStatic, bracket: ui.bracket };
  const outlined = edition.path !== '';
  const { width, height } = staticMapSize;
  const [w, s, e, n] = cameraBounds(state.camera);
  const frame: Feature = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [w, s],
        [e, n],
      ],
    },
  };
  const projection = geoMercator()
    .fitExtent(
      [
        [40, 40],
        [width - 40, height - 40],
      ],
      frame,
    )
    // What lies outside the frame is not drawn, so it is not sent either (a stroke's width beyond the edge).
    .clipExtent([
      [-4, -4],
      [width + 4, height + 4],
    ]);
  // Whole pixels of the 800-wide plate: a vertex moves at most half a pixel (no more than a quarter
  // of a screen pixel on a phone), and the first view's map is half the bytes it was in tenths.
  const pathThinnedTo = (tolerance: number) =>
    geoPath({ stream: (output: GeoStream) => projection.stream(thinned(output, tolerance)) }).digits(0);
  const path = pathThinnedTo(1.2);
  // The faint province lines (0.7 px, drawn twice where provinces meet) can lose more detail unseen.
  const provincePath = pathThinnedTo(2.5);
  const base = (name: string) =>
    JSON.parse(basemap.find((file) => file.name === name)?.json ?? '{"type":"FeatureCollection","features":[]}') as FeatureCollection;
  // d3-geo reads rings on the sphere, where RFC 7946's counter-clockwise outer ring means
  // "everything but this polygon": reverse the winding before drawing.
  const draw = (object: GeoPermissibleObjects, drawPath = path) =>
    compactPath(drawPath(rewind(object as FeatureCollection, { reverse: true }) as GeoPermissibleObjects) ?? '');

  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="${basemapColors.water}"/>`,
    ...base('countries').features.map(
      (f) =>
        `<path d="${draw(f)}" fill="${f.properties?.home === true ? basemapColors.land : basemapColors.foreignLand}" stroke="${basemapColors.border}" stroke-width="1"/>`,
    ),
    `<path d="${draw(base('admin1'), provincePath)}" fill="none" stroke="${basemapColors.admin}" stroke-width="0.7"/>`,
    `<path d="${draw(base('rivers'))}" fill="none" stroke="${basemapColors.river}" stroke-width="1.5"/>`,
  ];
  const labels: LabelCandidate[] = [];
  for (const layer of layers.filter((l) => state.visibleLayers.includes(l.id))) {
    const { style } = layer.meta;
    const kind = layerKind(style.kind);
    const highlighted = new Set(state.highlights[layer.id] ?? []);
    for (const feature of layer.overview.features) {
      const id = String(feature.properties?.id);
      const drawing = kind.drawStatic({
        feature,
        style: style.labelProperty ? { ...style, labelProperty: translatedKey(style.labelProperty, edition) } : style,
        words,
        emphasis: highlighted.has(id),
        status: state.statuses[layer.id]?.[id],
        control: state.controls[layer.id]?.[id],
        project: (position) => projection(position)!,
        path: draw,
        centre: (f) => projection(centroid(f).geometry.coordinates as [number, number])!,
      });
      parts.push(drawing.svg);
      if (drawing.label) labels.push(drawing.label);
      if (drawing.leadingLabel) labels.unshift(drawing.leadingLabel);
    }
  }
  const title = escapeXml(state.title);
  return `<svg xmlns="http://www.w3.org/2000/svg" lang="${edition.lang}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${title}" font-family="Noto Sans, sans-serif" font-size="${labelFontSize}"><title>${title}</title>${parts.join('')}<g fill="#1f1f1f" stroke="#fff" stroke-width="3" paint-order="stroke">${placeLabels(labels, width, outlined).join('')}</g></svg>`;
}
