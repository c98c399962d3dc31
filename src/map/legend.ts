/**
 * The legend: always what is on the map now, written with DOM text nodes only (layer
 * titles are editor input and must never become markup). A page whose map shows one
 * chapter (a card) is built with its entries in place, so the first paint has them.
 */
import type { ChapterMapState, StoryLayerInfo } from './story-data.ts';
import type { MapStrings } from '../i18n/ui.ts';
import type { SwatchShape } from '../layer-kinds/kind-module.ts';
import { swatchShape, swatchViewBox } from '../layer-kinds/swatch.ts';

const svgNs = 'http://www.w3.org/2000/svg';

/** One line of the legend: the layer's swatch and title, then its notes (approximate, statuses, controls). */
export interface LegendEntry {
  layerId: string;
  swatch: SwatchShape;
  title: string;
  notes: { text: string; className: string }[];
}

/** What the legend lists for a chapter, in the order of its layers. */
export function legendEntries(
  state: ChapterMapState,
  layers: readonly StoryLayerInfo[],
  unavailable: ReadonlySet<string>,
  words: MapStrings,
): LegendEntry[] {
  return state.visibleLayers.map((id) => {
    const layer = layers.find((l) => l.id === id)!;
    const notes: LegendEntry['notes'] = [];
    const note = (content: string, className = 'legend-note') => notes.push({ text: ` ${content}`, className });
    if (layer.approximate) note(words.approximate);
    if (unavailable.has(id)) note(words.unavailable, 'legend-note legend-unavailable');
    const statuses = Object.values(state.statuses[id] ?? {});
    if (statuses.includes('closed')) note(words.hollowClosed);
    if (statuses.includes('restricted')) note(words.greyRestricted);
    for (const control of Object.values(state.controls[id] ?? {})) note(`· ${control}`, 'legend-note legend-control');
    return { layerId: id, swatch: swatchShape(layer), title: layer.legend, notes };
  });
}

function swatchElement({ tag, attributes }: SwatchShape): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', swatchViewBox);
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('legend-swatch');
  const shape = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) shape.setAttribute(name, value);
  svg.append(shape);
  return svg;
}

export function renderLegend(
  list: HTMLElement,
  state: ChapterMapState,
  layers: readonly StoryLayerInfo[],
  unavailable: ReadonlySet<string>,
  words: MapStrings,
): void {
  const items = legendEntries(state, layers, unavailable, words).map(({ layerId, swatch, title, notes }) => {
    const item = document.createElement('li');
    item.dataset.layer = layerId;
    const text = document.createElement('span');
    text.append(title);
    for (const { text: content, className } of notes) {
      const span = document.createElement('span');
      span.className = className;
      span.textContent = content;
      text.append(span);
    }
    item.append(swatchElement(swatch), text);
    return item;
  });
  list.replaceChildren(...items);
}
