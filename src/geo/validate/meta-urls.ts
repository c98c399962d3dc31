import { safeUrlFix, unsafeUrlReason } from '../../content/safe-url.ts';
import type { LayerInput } from '../layer-input.ts';
import type { GeoProblem } from '../problems.ts';

/** Every field named like a link, wherever the metadata puts it: "url", "sourceUrl", "href", ... */
function links(value: unknown, path: string): { path: string; url: unknown }[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const at = path ? `${path}.${key}` : key;
    return /(url|href|link)$/i.test(key) && typeof inner !== 'object' ? [{ path: at, url: inner }] : links(inner, at);
  });
}

/** Links in layer metadata are printed on every page that credits the layer: the shared URL rule applies (src/content/safe-url.ts). */
export function validateMetaUrls(layer: LayerInput, raw: unknown): GeoProblem[] {
  return links(raw, '').flatMap(({ path, url }) => {
    const reason = typeof url === 'string' ? unsafeUrlReason(url) : 'is not text';
    return reason
      ? [{ severity: 'error' as const, file: layer.metaFile, message: `field "${path}": the address ${reason}`, fix: safeUrlFix }]
      : [];
  });
}
