/**
 * Rehype plugin: chapter text is untrusted, so its HTML is cut down to an allowlist of
 * what prose needs (paragraphs, emphasis, links, lists, definition lists, quotes, tables, footnotes) by
 * hast-util-sanitize, the sanitiser behind rehype-sanitize. Raw HTML in a chapter is
 * parsed first, so a pasted <b> keeps working and a pasted <script> is named when it
 * is dropped. Every link must pass the shared URL rule (safe-url.ts). Every id in a
 * chapter's HTML is prefixed with the chapter id: chapters share one page, so two
 * chapters' footnotes must not share ids, and no chapter may take an id of the page.
 */
import { basename, relative } from 'node:path';
import type { Element, Nodes, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { isSafeUrl, unsafeUrlReason } from './safe-url.ts';

/** One thing the sanitiser removed, for the editor's warning. */
export interface Dropped {
  line?: number;
  message: string;
}

const tableAlign = ['align', 'left', 'right', 'center'] as const;

/** What survives. Anything else is unwrapped (its text kept) or, for `strip`, removed with its content. */
export const chapterSchema: Schema = {
  tagNames: [
    'p',
    'br',
    'hr',
    'em',
    'strong',
    'del',
    'sup',
    'sub',
    'code',
    'pre',
    'a',
    'ul',
    'ol',
    'li',
    // Definition lists (src/content/definition-lists.ts).
    'dl',
    'dt',
    'dd',
    'blockquote',
    'h3',
    'h4',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'section',
    'h2',
    // A chapter's steps (src/content/steps.ts).
    'div',
    // A number a token printed, with its value (src/content/remark-story-tokens.ts).
    'data',
  ],
  attributes: {
    a: ['href', 'id', 'ariaDescribedBy', 'ariaLabel', 'dataFootnoteRef', 'dataFootnoteBackref', ['className', 'data-footnote-backref']],
    // GFM footnotes: the section, its visually hidden heading and the notes.
    section: ['dataFootnotes', ['className', 'footnotes']],
    h2: ['id', ['className', 'sr-only']],
    h3: ['id'],
    h4: ['id'],
    li: ['id'],
    div: [['className', 'step'], 'dataStep'],
    data: ['value'],
    sup: [],
    ol: ['start'],
    th: [[...tableAlign]],
    td: [[...tableAlign]],
  },
  ancestors: { li: ['ol', 'ul'], thead: ['table'], tbody: ['table'], tr: ['table'], th: ['table'], td: ['table'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  // Ids are prefixed below with the chapter id; the sanitiser's own prefix would break footnote links.
  clobber: [],
  clobberPrefix: '',
  required: {},
  strip: [
    'script',
    'style',
    'template',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'noscript',
    'noembed',
    'noframes',
    'textarea',
    'select',
    'option',
    'svg',
    'math',
    'title',
    'xmp',
    'plaintext',
    'head',
    'meta',
    'link',
    'base',
  ],
  allowComments: false,
  allowDoctypes: false,
};

const allowedTags = new Set(chapterSchema.tagNames);
const strippedTags = new Set(chapterSchema.strip);

/** hast property name -> the attribute an editor typed (onClick -> onclick, dataFoo -> data-foo). */
function attributeName(property: string): string {
  return /^(data|aria)[A-Z]/.test(property) ? property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) : property.toLowerCase();
}

function allowedProperty(element: Element, property: string): boolean {
  return (chapterSchema.attributes?.[element.tagName] ?? []).some((definition) =>
    typeof definition === 'string' ? definition === property : definition[0] === property,
  );
}

const shown = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);

function reportAndCleanLinks(node: Nodes, drops: Dropped[]): void {
  if (node.type !== 'root' && node.type !== 'element') return;
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const line = child.position?.start.line;
    const at = line === undefined ? {} : { line };
    if (!allowedTags.has(child.tagName)) {
      drops.push({
        ...at,
        message: `dropped <${child.tagName}>${strippedTags.has(child.tagName) ? ' and its content' : ''}: chapter text allows no such HTML; write Markdown (**bold**, *italic*, [text](https://...), lists, > quotes, footnotes[^1])`,
      });
      if (strippedTags.has(child.tagName)) continue;
    } else {
      for (const property of Object.keys(child.properties)) {
        if (!allowedProperty(child, property)) {
          drops.push({ ...at, message: `dropped the attribute "${attributeName(property)}" of <${child.tagName}>` });
        }
      }
      const href = child.properties.href;
      if (typeof href === 'string' && !isSafeUrl(href)) {
        drops.push({ ...at, message: `dropped the link to ${shown(href)}: the address ${unsafeUrlReason(href)}` });
        delete child.properties.href;
      }
    }
    reportAndCleanLinks(child, drops);
  }
}

/** `NN-slug.md` -> `slug`, as the content collection names chapters (src/content.config.ts). */
export const chapterIdOf = (path: string) => basename(path).replace(/\.md$/i, '').replace(/^\d+-/, '');

const textOf = (node: Nodes): string =>
  node.type === 'text' ? node.value : node.type === 'element' || node.type === 'root' ? node.children.map(textOf).join('') : '';

/**
 * Every id gets the chapter prefix; headings get one here too, before Astro would
 * derive an unprefixed one from their text (a heading "Sources" would take the page's #sources).
 */
function prefixIds(tree: Root, prefix: string): void {
  const ids = new Set<string>();
  const elements: Element[] = [];
  const collect = (node: Nodes) => {
    if (node.type !== 'root' && node.type !== 'element') return;
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      elements.push(child);
      if (typeof child.properties.id === 'string') ids.add(child.properties.id);
      collect(child);
    }
  };
  collect(tree);
  const used = new Set(ids);
  for (const element of elements) {
    if (/^h[1-6]$/.test(element.tagName) && typeof element.properties.id !== 'string') {
      const slug =
        textOf(element)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'heading';
      let id = slug;
      for (let n = 2; used.has(id); n++) id = `${slug}-${n}`;
      used.add(id);
      element.properties.id = id;
    }
  }
  for (const element of elements) {
    const { id, href, ariaDescribedBy } = element.properties;
    if (typeof id === 'string') element.properties.id = `${prefix}${id}`;
    if (typeof href === 'string' && href.startsWith('#') && ids.has(href.slice(1))) element.properties.href = `#${prefix}${href.slice(1)}`;
    if (Array.isArray(ariaDescribedBy)) element.properties.ariaDescribedBy = ariaDescribedBy.map((ref) => `${prefix}${String(ref)}`);
  }
}

/**
 * Returns the chapter's HTML tree cut down to the allowlist. `report` hears every
 * removal, with its line in the chapter file.
 */
export function rehypeStorySanitize(options: { report?: (file: string, dropped: Dropped) => void } = {}) {
  return (tree: Root, file: { path?: string; value?: unknown }) => {
    const parsed = raw(tree, { file: file as never }) as Root;
    const drops: Dropped[] = [];
    reportAndCleanLinks(parsed, drops);
    for (const dropped of drops) options.report?.(file.path ?? 'a chapter', dropped);
    prefixIds(parsed, `${chapterIdOf(file.path ?? 'chapter')}--`);
    return sanitize(parsed, chapterSchema) as Root;
  };
}

/** The build's warning for a drop, in geo:check's format: `warning: <file>:<line>: <what>`. */
export function warnOnConsole(file: string, { line, message }: Dropped): void {
  console.warn(`warning: ${relative(process.cwd(), file)}${line === undefined ? '' : `:${line}`}: ${message}`);
}
