/**
 * The copy-and-paste embed code, written the same way at build time (the embed-code
 * page without JavaScript) and in the browser (with the site's real origin).
 */
import { frameTitle as defaultTitle } from './story-meta.ts';

export type EmbedKind =
  /** The whole story; the host page scrolls it (needs the loader). */
  | { kind: 'story' }
  /** The whole story in a frame of fixed height that scrolls inside, opening at a chapter. */
  | { kind: 'pinned'; chapter: { id: string; title: string } }
  /** One chapter as a map card sized to its content (needs the loader). */
  | { kind: 'card'; chapter: { id: string; title: string } }
  /** The whole story for a page that already uses pym.js: pym builds the frame and sizes it. */
  | { kind: 'pym' };

export interface SnippetContext {
  /** The story site's origin, e.g. https://story.example ('' writes root-relative URLs). */
  origin: string;
  /** import.meta.env.BASE_URL: the site's base path, ending in '/'. */
  base: string;
  /** sha384-… of /embed.js. */
  loaderIntegrity: string;
  /** The frames' accessible names in the page's language: the whole story's, and a card's with `{chapter}` for its title (default: the source edition's). */
  frameTitles?: { story: string; card: string };
  /** Where /embed.js lives when `base` is an edition's folder: the site's own base. */
  siteBase?: string;
}

/**
 * allow-scripts and allow-same-origin: the story runs and keeps its origin (its module
 * scripts, data and the loader's message checks need it). allow-popups(-to-escape-sandbox):
 * its links open the full story and its sources in a new tab as ordinary pages. What
 * remains sandboxed: navigating the host page, forms, dialogs, downloads, pointer lock.
 * What keeps the story out of the host's page, cookies and storage is that it comes from
 * another origin, not the sandbox: on a frame from the host's own origin these two flags
 * together let the frame lift its own sandbox (the embed-code page says so).
 */
export const recommendedSandbox = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** Fills the column: CSS, as iframe's width attribute takes pixels only (the loader sets the same). */
export const frameStyle = 'display:block;width:100%;border:0';

/** NPR's copy of pym.js; a page that already loads pym.js keeps its own copy instead. */
export const pymScript = 'https://pym.nprapps.org/pym.v1.min.js';

export interface FrameAttributes {
  src: string;
  title: string;
  height: string;
  /** Present when the loader manages the frame (sizes it, reports the viewport). */
  'data-story-embed'?: '';
}

export function frameAttributes(embed: EmbedKind, context: SnippetContext): FrameAttributes {
  const root = `${context.origin}${context.base}embed/`;
  const frameTitle = (chapter?: string) =>
    context.frameTitles
      ? chapter
        ? context.frameTitles.card.replace('{chapter}', chapter)
        : context.frameTitles.story
      : defaultTitle(chapter);
  switch (embed.kind) {
    case 'story':
      return { src: root, title: frameTitle(), height: '640', 'data-story-embed': '' };
    case 'pinned':
      return { src: `${root}?chapter=${encodeURIComponent(embed.chapter.id)}`, title: frameTitle(), height: '640' };
    case 'card':
      return {
        src: `${root}${encodeURIComponent(embed.chapter.id)}/`,
        title: frameTitle(embed.chapter.title),
        height: '720',
        'data-story-embed': '',
      };
    case 'pym':
      return { src: root, title: frameTitle(), height: '640' };
  }
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function loaderScriptTag(context: SnippetContext): string {
  return `<script src="${context.origin}${context.siteBase ?? context.base}embed.js" integrity="${context.loaderIntegrity}" crossorigin="anonymous" async></script>`;
}

const attributeList = (attributes: Record<string, string>) =>
  Object.entries(attributes)
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
    .join(' ');

export function embedSnippet(embed: EmbedKind, context: SnippetContext): string {
  const { 'data-story-embed': managed, ...attributes } = frameAttributes(embed, context);
  if (embed.kind === 'pym') {
    // pym.js builds the iframe inside this element (and sizes it; trackscroll sends it the page's scroll, which pins the map).
    const element = attributeList({
      'data-pym-src': attributes.src,
      'data-pym-title': attributes.title,
      'data-pym-sandbox': recommendedSandbox,
      'data-pym-trackscroll': 'true',
    });
    return `<div ${element}></div>\n<script src="${pymScript}"></script>`;
  }
  const written = attributeList({ ...attributes, style: frameStyle, loading: 'lazy', sandbox: recommendedSandbox });
  const iframe = `<iframe ${managed === undefined ? '' : 'data-story-embed '}${written}></iframe>`;
  return managed === undefined ? iframe : `${iframe}\n${loaderScriptTag(context)}`;
}
