/**
 * The legend: always what is on the map now, written with DOM text nodes only (layer
 * titles are editor input and must never become markup).
 */
import type { ChapterMapState, StoryLayerInfo } from './story-data.ts';
import type { MapStrings } from '../i18n/ui.ts';
import { swatchShape, swatchViewBox } from '../layer-kinds/swatch.ts';

const svgNs = 'http://www.w3.org/2000/svg';

function swatch(layer: StoryLayerInfo): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', swatchViewBox);
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('legend-swatch');
  const { tag, attributes } = swatchShape(layer);
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
  const items = state.visibleLayers.map((id) => {
    const layer = layers.find((l) => l.id === id)!;
    const item = document.createElement('li');
    item.dataset.layer = id;
    const text = document.createElement('span');
    text.append(layer.legend);
    const note = (content: string, className = 'legend-note') => {
      const span = document.createElement('span');
      span.className = className;
      span.textContent = ` ${content}`;
      text.append(span);
    };
    if (layer.approximate) note(words.approximate);
    if (unavailable.has(id)) note(words.unavailable, 'legend-note legend-unavailable');
    const statuses = Object.values(state.statuses[id] ?? {});
    if (statuses.includes('closed')) note(words.hollowClosed);
    if (statuses.includes('restricted')) note(words.greyRestricted);
    for (const control of Object.values(state.controls[id] ?? {})) note(`· ${control}`, 'legend-note legend-control');
    item.append(swatch(layer), text);
    return item;
  });
  list.replaceChildren(...items);
}
