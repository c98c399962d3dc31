/**
 * What in an HTML text could run, navigate or fetch on its own: the checks behind
 * "nothing an editor writes is live in a built page". Parsed with a real HTML parser
 * (hast-util-from-html, parse5), so a tag that only a browser would see is seen.
 */
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { isSafeUrl } from '../../src/content/safe-url.ts';

const liveTags = new Set([
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'applet',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'style',
  'link',
  'svg',
  'math',
  'img',
  'template',
  'video',
  'audio',
  'source',
]);
const urlProperties = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'data'];

function elementsOf(node: Nodes): Element[] {
  if (node.type !== 'root' && node.type !== 'element') return [];
  const own = node.type === 'element' ? [node] : [];
  const children =
    node.type === 'element' && node.tagName === 'template' && node.content ? [node.content, ...node.children] : node.children;
  return [...own, ...children.flatMap(elementsOf)];
}

/**
 * Everything live in a fragment of editor HTML (a chapter body): any element that can
 * run or load something, any event handler, any URL outside http(s)/mailto/#anchor,
 * and any id that is not the chapter's own (prefixed `<chapter-id>--`).
 */
export function liveInFragment(html: string, chapterId: string): string[] {
  return elementsOf(fromHtml(html, { fragment: true })).flatMap((element) => {
    const found: string[] = [];
    if (liveTags.has(element.tagName)) found.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) found.push(`${name} on <${element.tagName}>`);
      if (name === 'style') found.push(`style on <${element.tagName}>`);
      if (urlProperties.includes(name) && !isSafeUrl(String(value))) found.push(`${name}=${JSON.stringify(value)} on <${element.tagName}>`);
      if (name === 'id' && !String(value).startsWith(`${chapterId}--`)) found.push(`id=${JSON.stringify(value)} on <${element.tagName}>`);
      if (name === 'name') found.push(`name=${JSON.stringify(value)} on <${element.tagName}>`);
    }
    return found;
  });
}

/**
 * Everything live in a whole built page that no page of the site writes itself: event
 * handlers, script URLs, a meta refresh or a base, and any executable script that
 * mentions `marker` (the hostile inputs' payloads all do).
 */
export function liveInPage(html: string, marker: string): string[] {
  return elementsOf(fromHtml(html)).flatMap((element) => {
    const found: string[] = [];
    const { tagName, properties } = element;
    if (tagName === 'base') found.push('<base>');
    if (tagName === 'meta' && String(properties.httpEquiv ?? '').toLowerCase() === 'refresh') found.push('<meta http-equiv="refresh">');
    if (tagName === 'script' && properties.type !== 'application/json') {
      const text = element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      if (text.includes(marker) || String(properties.src ?? '').includes(marker))
        found.push(`<script> running ${JSON.stringify(text.slice(0, 60))}`);
    }
    for (const [name, value] of Object.entries(properties)) {
      if (/^on/i.test(name)) found.push(`${name} on <${tagName}>`);
      const url = String(value)
        .replace(/[\t\n\r]/g, '')
        .trim();
      // "data:," is the site's own empty favicon: it holds nothing.
      if (urlProperties.includes(name) && /^(javascript|data|vbscript|file):/i.test(url) && url !== 'data:,')
        found.push(`${name}=${JSON.stringify(value)} on <${tagName}>`);
    }
    return found;
  });
}
