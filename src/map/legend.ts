/**
 * The legend: always what is on the map now, written with DOM text nodes only (layer
 * titles are editor input and must never become markup).
 */
import type { ChapterMapState, StoryLayerInfo } from './story-data.ts';

const svgNs = 'http://www.w3.org/2000/svg';

function swatch(layer: StoryLayerInfo): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('legend-swatch');
  const shape = document.createElementNS(svgNs, layer.kind === 'route' ? 'line' : layer.kind === 'point' ? 'circle' : 'rect');
  const attributes: Record<string, string> =
    layer.kind === 'route'
      ? {
          x1: '2',
          y1: '8',
          x2: '22',
          y2: '8',
          stroke: layer.color,
          'stroke-width': '3',
          ...(layer.dashed ? { 'stroke-dasharray': '5 3' } : {}),
        }
      : layer.kind === 'point'
        ? { cx: '12', cy: '8', r: '5', fill: layer.marker === 'ring' ? '#fff' : layer.color, stroke: layer.color, 'stroke-width': '2' }
        : {
            x: '3',
            y: '2',
            width: '18',
            height: '12',
            fill: layer.color,
            'fill-opacity': '0.25',
            stroke: layer.color,
            'stroke-width': '1.5',
            ...(layer.kind === 'area' ? { 'stroke-dasharray': '3 2' } : {}),
          };
  for (const [name, value] of Object.entries(attributes)) shape.setAttribute(name, value);
  svg.append(shape);
  return svg;
}

export function renderLegend(
  list: HTMLElement,
  state: ChapterMapState,
  layers: readonly StoryLayerInfo[],
  unavailable: ReadonlySet<string>,
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
    if (layer.approximate) note('(approximate)');
    if (unavailable.has(id)) note('(unavailable: the data did not load)', 'legend-note legend-unavailable');
    const statuses = Object.values(state.statuses[id] ?? {});
    if (statuses.includes('closed')) note('· hollow = closed');
    if (statuses.includes('restricted')) note('· grey = reopened with restrictions');
    item.append(swatch(layer), text);
    return item;
  });
  list.replaceChildren(...items);
}
