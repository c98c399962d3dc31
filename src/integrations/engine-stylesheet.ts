/**
 * A PostCSS plugin that cuts the map engine's stylesheet down to what the live map can show.
 * MapLibre's CSS styles every control, popup and marker it ships, with their icons inlined as
 * SVG: about 8 KB of the first view's bytes, most of it for parts the live map never makes.
 * The live map (src/map/story-map.ts) takes no pointer gestures and adds one control, the
 * compact attribution; a selector naming any other part is dropped, a rule with no selector
 * left goes with it, and so do animations no rule left plays. tests/e2e/story.spec.ts checks
 * that every rule of the full stylesheet that matches the live map's elements is still served.
 */
import type { AtRule, Plugin, Rule } from 'postcss';

/** Class-name stems of the MapLibre parts the live map never creates. */
const unusedParts = [
  'boxzoom',
  'cooperative-gesture',
  'crosshair',
  'ctrl-compass',
  'ctrl-fullscreen',
  'ctrl-geolocate',
  'ctrl-globe',
  'ctrl-group',
  'ctrl-logo',
  'ctrl-scale',
  'ctrl-shrink',
  'ctrl-terrain',
  'ctrl-zoom',
  'desktop-message',
  'interactive',
  'marker',
  'mobile-message',
  'popup',
  'pseudo-fullscreen',
  'touch-drag-pan',
  'touch-zoom-rotate',
  'track-pointer',
  'user-location',
];
const namesUnusedPart = new RegExp(`\\.maplibregl-(${unusedParts.join('|')})`);
const engineStylesheet = /[/\\]node_modules[/\\]maplibre-gl[/\\]dist[/\\]maplibre-gl\.css/;

function removeIfEmpty(node: AtRule | undefined): void {
  if (node?.type === 'atrule' && !node.nodes?.length) {
    const parent = node.parent;
    node.remove();
    removeIfEmpty(parent as AtRule | undefined);
  }
}

export function trimEngineStylesheet(): Plugin {
  return {
    postcssPlugin: 'trim-engine-stylesheet',
    Once(root) {
      if (!engineStylesheet.test(root.source?.input.file ?? '')) return;
      root.walkRules((rule: Rule) => {
        const kept = rule.selectors.filter((selector) => !namesUnusedPart.test(selector));
        if (kept.length === rule.selectors.length) return;
        if (kept.length) {
          rule.selectors = kept;
          return;
        }
        const parent = rule.parent;
        rule.remove();
        removeIfEmpty(parent as AtRule | undefined);
      });
      const played = new Set<string>();
      root.walkDecls(/^animation(-name)?$/, (declaration) => declaration.value.split(/[\s,]+/).forEach((word) => played.add(word)));
      root.walkAtRules(/keyframes$/, (keyframes) => {
        if (!played.has(keyframes.params)) keyframes.remove();
      });
    },
  };
}
