import type { Root, Text } from 'mdast';
import { storyGeo } from '../geo/pipeline.ts';
import { replaceTokens, type TokenOptions } from './story-tokens.ts';

function visitText(node: { type: string; children?: unknown[] }, visit: (text: Text) => void): void {
  if (node.type === 'text') visit(node as Text);
  for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) visitText(child, visit);
}

/** Remark plugin: renders story tokens in Markdown text (dates in `options.locale`); a bad token fails the build naming the file. */
export function remarkStoryTokens(options: TokenOptions = {}) {
  return (tree: Root, file: { path?: string }) => {
    const { layers } = storyGeo();
    visitText(tree, (node) => {
      try {
        node.value = replaceTokens(node.value, layers, options);
      } catch (error) {
        throw new Error(`${file.path ?? 'a chapter'}: ${(error as Error).message}`, { cause: error });
      }
    });
  };
}
