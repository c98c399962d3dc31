import type { Parent, Root, Text } from 'mdast';
import { storyGeo } from '../geo/pipeline.ts';
import { tokenParts, type TokenOptions } from './story-tokens.ts';
import { editionOfFile } from './translations.ts';

/** Replaces each text node that holds tokens with its parts; a number becomes `<data value="…">` holding its text. */
function renderIn(parent: Parent, render: (text: string) => ReturnType<typeof tokenParts>): void {
  parent.children = (parent.children as Parent['children'][number][]).flatMap((child): Parent['children'][number][] => {
    if (child.type !== 'text') {
      if ('children' in child) renderIn(child as Parent, render);
      return [child];
    }
    return render(child.value).map((part): Text =>
      typeof part === 'string'
        ? { type: 'text', value: part }
        : { type: 'text', value: part.text, data: { hName: 'data', hProperties: { value: String(part.value) } } },
    );
  });
}

/**
 * Remark plugin: renders story tokens in Markdown text, in the language of the file's edition
 * (or `options.edition`; dates in `options.locale` if given); a bad token fails the build naming the file.
 */
export function remarkStoryTokens(options: TokenOptions = {}) {
  return (tree: Root, file: { path?: string }) => {
    const { layers } = storyGeo();
    const edition = options.edition ?? editionOfFile(file.path);
    try {
      renderIn(tree, (text) => tokenParts(text, layers, { ...options, edition }));
    } catch (error) {
      throw new Error(`${file.path ?? 'a chapter'}: ${(error as Error).message}`, { cause: error });
    }
  };
}
