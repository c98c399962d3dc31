/**
 * A chapter card (/embed/<chapter-id>/): draws one chapter's map state once, with its
 * legend, and reports the card's height to the host. The story driver is not needed:
 * nothing scrolls, so there is no scroll engine and no camera animation.
 */
import { renderLegend } from '../map/legend.ts';
import type { StoryData } from '../map/story-data.ts';
import { openLinksOutsideFrame, reportContentHeight } from './host-messages.ts';
import { webgl2Available } from '../map/webgl.ts';

const data = JSON.parse(document.getElementById('story-data')!.textContent!) as StoryData;
const state = data.chapters[0]!;
const mapElement = document.querySelector<HTMLElement>('[data-story-map]')!;
const legendList = document.querySelector<HTMLElement>('[data-legend]')!;
const unavailable = new Set<string>();

renderLegend(legendList, state, data.layers, unavailable, data.strings);
reportContentHeight();
openLinksOutsideFrame();

function showFallback(): void {
  mapElement.dataset.mapState = 'fallback';
}

async function startMap(): Promise<void> {
  if (!webgl2Available()) return showFallback();
  try {
    await document.fonts.load('13px "Noto Sans"');
    const { StoryMap } = await import('../map/story-map.ts');
    const storyMap = await StoryMap.create({
      container: mapElement.querySelector<HTMLElement>('.map-canvas')!,
      data,
      padding: () => ({ top: 24, right: 24, bottom: 24, left: 24 }),
      reducedMotion: () => true,
      coveredBy: () => [legendList],
      onLayerUnavailable: (id) => unavailable.add(id),
    });
    await storyMap.prepare(state);
    storyMap.apply(state);
    // A card shows the whole of a route the story draws as the reader scrolls.
    if (state.scrub) storyMap.setScrubProgress(1);
    storyMap.map.on('movestart', () => (mapElement.dataset.mapIdle = 'false'));
    storyMap.map.on('idle', () => (mapElement.dataset.mapIdle = 'true'));
    addEventListener('resize', () => storyMap.resize(), { passive: true });
    mapElement.dataset.visibleLayers = storyMap.visibleLayers().join(' ');
    mapElement.dataset.mapState = 'ready';
  } catch {
    showFallback();
  }
  renderLegend(legendList, state, data.layers, unavailable, data.strings);
}

if (document.readyState === 'complete') setTimeout(startMap, 0);
else addEventListener('load', () => setTimeout(startMap, 0), { once: true });
