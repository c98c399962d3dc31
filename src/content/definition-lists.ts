/**
 * Definition lists in story Markdown, in the syntax of PHP Markdown Extra and Pandoc: a
 * term on a line of its own, its definition on the next line after ": ".
 *
 *     The junta
 *     : Myanmar's military government, in power since February 2021.
 *
 * Consecutive terms (each a paragraph of its own) make one `<dl>`. A Markdown preview
 * without the extension shows the same text as a paragraph.
 */
import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';

const separator = '\n: ';

/** Splits a paragraph written as `term\n: definition` into its two halves, or returns undefined. */
function splitTerm(paragraph: Paragraph): { term: PhrasingContent[]; definition: PhrasingContent[] } | undefined {
  const at = paragraph.children.findIndex((child) => child.type === 'text' && child.value.includes(separator));
  if (at === -1) return undefined;
  const text = paragraph.children[at] as Text;
  const cut = text.value.indexOf(separator);
  const before = paragraph.children.slice(0, at);
  // The term is one line: a line break before the separator means a paragraph that merely holds ": ".
  if (text.value.slice(0, cut).includes('\n') || before.some((child) => child.type === 'break')) return undefined;
  const term = [...before, ...(cut > 0 ? [{ type: 'text' as const, value: text.value.slice(0, cut) }] : [])];
  const rest = text.value.slice(cut + separator.length);
  const definition = [...(rest ? [{ type: 'text' as const, value: rest }] : []), ...paragraph.children.slice(at + 1)];
  return term.length && definition.length ? { term, definition } : undefined;
}

/** Remark plugin: turns runs of `term\n: definition` paragraphs into `<dl>` lists. */
export function remarkDefinitionLists() {
  return (tree: Root) => {
    const children: RootContent[] = [];
    let list: RootContent[] | undefined;
    for (const node of tree.children) {
      const split = node.type === 'paragraph' ? splitTerm(node) : undefined;
      if (!split) {
        list = undefined;
        children.push(node);
        continue;
      }
      if (!list) {
        list = [];
        // Plain mdast parents that remark-rehype turns into the elements named by hName.
        children.push({ type: 'blockquote', children: list, data: { hName: 'dl' } } as unknown as RootContent);
      }
      list.push(
        { type: 'paragraph', children: split.term, data: { hName: 'dt' } },
        { type: 'paragraph', children: split.definition, data: { hName: 'dd' } },
      );
    }
    tree.children = children;
  };
}
