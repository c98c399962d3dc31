/**
 * MapLibre draws a label that straddles the map's edge cut in half ("DIA", "THAI"), and
 * the legend drawn over the map cuts others; an atlas plate leaves such labels out. Each
 * basemap label whose box would be cut is faded out through feature state, which
 * repaints without laying the tiles out again.
 */
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { basemapLabels, edgeCutState, type BasemapLabel } from './basemap-style.ts';

/** Room, in pixels, a label keeps from the edge and from what covers the map. */
const margin = 4;
const measureContext = document.createElement('canvas').getContext('2d')!;

function textWidth(label: BasemapLabel, text: string, size: number): number {
  measureContext.font = `${size}px "Noto Sans"`;
  // Words wrap at text-max-width, so a long name is as wide as its widest line.
  const lineWidth = (line: string) => measureContext.measureText(line).width + label.letterSpacing * size * line.length;
  const whole = lineWidth(text);
  if (!label.maxWidth || whole <= label.maxWidth * size) return whole;
  return Math.max(label.maxWidth * size, ...text.split(' ').map(lineWidth));
}

const reaches = new Map<string, [number, number]>();

/** Half-width and half-height of the space a label may take around its point, in pixels; measured once per label. */
function reach(label: BasemapLabel, properties: Record<string, unknown>): [number, number] {
  const key = `${label.source}/${label.text(properties)}/${label.size(properties)}`;
  let known = reaches.get(key);
  if (!known) reaches.set(key, (known = measureReach(label, properties)));
  return known;
}

function measureReach(label: BasemapLabel, properties: Record<string, unknown>): [number, number] {
  const size = label.size(properties);
  const width = textWidth(label, label.text(properties), size);
  // A label beside its dot may sit on either side: both are kept clear of the edge.
  return label.beside ? [width + label.beside * size, size * 1.2 + label.beside * size] : [width / 2, size * 0.6];
}

export type LabelData = Record<string, FeatureCollection>;

/**
 * Decides which basemap labels the frame would cut where the camera comes to rest
 * ('moveend'), from the labels' own points, so the frames that follow draw the plate as
 * it will stay and nothing has to be redrawn once the map is idle. A label is cut where
 * its box crosses the map's edge or runs under an element drawn over the map.
 */
export class EdgeLabels {
  private readonly cut = new Map<string, boolean>();
  private readonly map: MapLibreMap;
  /** Each label source's data, as handed to the style (ids generated in order). */
  private readonly data: LabelData;
  private readonly coveredBy: () => readonly Element[];

  constructor(map: MapLibreMap, data: LabelData, coveredBy: () => readonly Element[]) {
    this.map = map;
    this.data = data;
    this.coveredBy = coveredBy;
  }

  /** Fades out, through feature state, each label the frame as it is now would cut; says whether any changed. */
  fit(): boolean {
    let changed = false;
    const container = this.map.getContainer();
    const { clientWidth: width, clientHeight: height } = container;
    const origin = container.getBoundingClientRect();
    const covers = this.coveredBy()
      .map((element) => element.getBoundingClientRect())
      .filter((rect) => rect.width > 0 && rect.height > 0)
      .map((rect) => ({
        left: rect.left - origin.left,
        right: rect.right - origin.left,
        top: rect.top - origin.top,
        bottom: rect.bottom - origin.top,
      }));
    for (const label of Object.values(basemapLabels)) {
      this.data[label.source]?.features.forEach((feature, id) => {
        if (feature.geometry.type !== 'Point') return;
        const { x, y } = this.map.project(feature.geometry.coordinates as [number, number]);
        const [dx, dy] = reach(label, feature.properties ?? {});
        const box = { left: x - dx - margin, right: x + dx + margin, top: y - dy - margin, bottom: y + dy + margin };
        const isCut =
          box.left < 0 ||
          box.right > width ||
          box.top < 0 ||
          box.bottom > height ||
          covers.some((cover) => box.left < cover.right && box.right > cover.left && box.top < cover.bottom && box.bottom > cover.top);
        const key = `${label.source}/${id}`;
        if (this.cut.get(key) === isCut) return;
        this.map.setFeatureState({ source: label.source, id }, { [edgeCutState]: isCut });
        this.cut.set(key, isCut);
        changed = true;
      });
    }
    return changed;
  }

  /** After MapLibre dropped every feature state (a lost WebGL context): the next fit sets them all again. */
  forget(): void {
    this.cut.clear();
  }

  /**
   * On 'idle': the texts of the labels MapLibre placed and left whole. Reads the placed
   * symbols once per settled view; it draws nothing.
   */
  drawn(): string[] {
    const layers = Object.keys(basemapLabels).filter((id) => this.map.getLayer(id));
    const kept = new Set<string>();
    for (const feature of this.map.queryRenderedFeatures({ layers })) {
      const label = basemapLabels[feature.layer.id]!;
      if (this.cut.get(`${label.source}/${String(feature.id)}`) === false) kept.add(label.text(feature.properties));
    }
    return [...kept];
  }
}
