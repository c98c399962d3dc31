/**
 * The copy-and-paste embed code, written the same way at build time (the embed-code
 * page without JavaScript) and in the browser (with the site's real origin).
 */
import { frameTitle } from './story-meta.ts';

export type EmbedKind =
  /** The whole story; the host page scrolls it (needs the loader). */
  | { kind: 'story' }
  /** The whole story in a frame of fixed height that scrolls inside, opening at a chapter. */
  | { kind: 'pinned'; chapter: { id: string; title: string } }
  /** One chapter as a map card sized to its content (needs the loader). */
  | { kind: 'card'; chapter: { id: string; title: string } };

export interface SnippetContext {
  /** The story site's origin, e.g. https://story.example ('' writes root-relative URLs). */
  origin: string;
  /** import.meta.env.BASE_URL: the site's base path, ending in '/'. */
  base: string;
  /** sha384-… of /embed.js. */
  loaderIntegrity: string;
}

/**
 * allow-scripts and allow-same-origin: the story runs and keeps its origin, which the
 * loader checks messages against. allow-popups(-to-escape-sandbox): its links open the
 * full story and its sources in a new tab as ordinary pages.
 */
export const recommendedSandbox = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

export interface FrameAttributes {
  src: string;
  title: string;
  height: string;
  /** Present when the loader manages the frame (sizes it, reports the viewport). */
  'data-story-embed'?: '';
}

export function frameAttributes(embed: EmbedKind, context: SnippetContext): FrameAttributes {
  const root = `${context.origin}${context.base}embed/`;
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
  }
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function loaderScriptTag(context: SnippetContext): string {
  return `<script src="${context.origin}${context.base}embed.js" integrity="${context.loaderIntegrity}" crossorigin="anonymous" async></script>`;
}

export function embedSnippet(embed: EmbedKind, context: SnippetContext): string {
  const { 'data-story-embed': managed, ...attributes } = frameAttributes(embed, context);
  const written = Object.entries({ ...attributes, width: '100%', loading: 'lazy', sandbox: recommendedSandbox })
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
    .join(' ');
  const iframe = `<iframe ${managed === undefined ? '' : 'data-story-embed '}${written}></iframe>`;
  return managed === undefined ? iframe : `${iframe}\n${loaderScriptTag(context)}`;
}
