/**
 * The one Markdown pipeline for story text: chapters (through Astro's content collection,
 * astro.config.mjs) and the back matter (back-matter.ts) are rendered by the same plugins,
 * so both get the same tokens, the same sanitiser and the same warnings.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { remarkDefinitionLists } from './definition-lists.ts';
import { rehypeStorySanitize, warnOnConsole } from './rehype-story-sanitize.ts';
import { remarkStoryTokens } from './remark-story-tokens.ts';
import { rehypeStepIds, remarkSteps } from './steps.ts';
import type { TokenOptions } from './story-tokens.ts';

/**
 * The remark and rehype plugins, in order: tokens become numbers and dates (in `tokens.locale`),
 * step markers split chapters, `term\n: definition` paragraphs become lists; then the HTML is
 * cut down to the allowlist and steps take their ids.
 * @example unified(storyMarkdownPlugins()) // astro.config.mjs
 */
export function storyMarkdownPlugins(tokens: TokenOptions = {}): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  return {
    remarkPlugins: [[remarkStoryTokens, tokens], remarkSteps, remarkDefinitionLists],
    rehypePlugins: [[rehypeStorySanitize, { report: warnOnConsole }], rehypeStepIds],
  };
}
