/**
 * Steps: a chapter's prose split into short stretches that the reader scrolls through one
 * at a time, each with its own URL (`#<chapter-id>-<step>`), all showing the chapter's map.
 *
 * An editor starts a new step with a marker line of its own, between paragraphs:
 *
 *     <!-- step: the-river -->
 *
 * An HTML comment, so any Markdown preview shows the prose unchanged. The text before the
 * first marker is the chapter's first step (URL `#<chapter-id>`). The step name is
 * lower-case letters, digits and hyphens, unique within the chapter.
 */
import type { Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';

export interface StepMarker {
  name: string;
  /** 1-based line in the chapter file. */
  line: number;
}

export interface StepProblem {
  line: number;
  message: string;
  fix: string;
}

/** Any comment that starts with "step" is meant as a marker, so a misspelt one is reported, not silently shown as nothing. */
const markerAttempt = /^\s*<!--\s*steps?\b/i;
const marker = /^<!-- step: ([a-z0-9]+(?:-[a-z0-9]+)*) -->$/;
const fix = 'write a step marker as a line of its own: <!-- step: short-name --> (lower-case letters, digits and hyphens)';

/** The step markers of a chapter file (frontmatter included, so lines match the file) and every mistake in them. */
export function parseSteps(text: string): { steps: StepMarker[]; problems: StepProblem[] } {
  const lines = text.split(/\r?\n/);
  const bodyStart = lines[0] === '---' ? lines.indexOf('---', 1) + 1 : 0;
  const steps: StepMarker[] = [];
  const problems: StepProblem[] = [];
  let textSinceMarker = false;
  let lastMarkerLine = 0;
  lines.forEach((raw, index) => {
    if (index < bodyStart) return;
    const line = index + 1;
    if (!markerAttempt.test(raw)) {
      if (raw.trim() !== '') textSinceMarker = true;
      return;
    }
    const match = marker.exec(raw.trim());
    if (!match) return problems.push({ line, message: `"${raw.trim()}" is not a step marker`, fix });
    const name = match[1]!;
    if (!textSinceMarker)
      problems.push({
        line,
        message: `step "${name}" has no text before it${lastMarkerLine ? ` since the marker on line ${lastMarkerLine}` : ' (the first step is the text before the first marker)'}`,
        fix: 'put the marker between paragraphs, with text on both sides',
      });
    // The chapter's heading is #<chapter-id>-title.
    if (name === 'title')
      problems.push({ line, message: 'step "title" would take the id of the chapter\'s heading', fix: 'give the step another name' });
    const earlier = steps.find((step) => step.name === name);
    if (earlier)
      problems.push({
        line,
        message: `step "${name}" is already used on line ${earlier.line}`,
        fix: 'give each step of a chapter its own name',
      });
    steps.push({ name, line });
    textSinceMarker = false;
    lastMarkerLine = line;
  });
  if (steps.length && !textSinceMarker)
    problems.push({
      line: lastMarkerLine,
      message: `step "${steps.at(-1)!.name}" has no text after it`,
      fix: 'remove the marker or add its text',
    });
  return { steps, problems };
}

/** The id of a chapter's step in the page and the URL. */
export const stepId = (chapterId: string, name: string) => `${chapterId}-${name}`;

const chapterIdOf = (path: string) => path.split('/').at(-1)!.replace(/^\d+-/, '').replace(/\.md$/, '');

/**
 * Remark plugin: wraps the text after each marker in `<div class="step" data-step="<chapter>-<name>">`
 * (the id follows from data-step after sanitising, see rehypeStepIds); the text before the first marker stays as it is (the
 * chapter element is its step). A bad marker fails the build naming the file and line;
 * `npm run geo:check` reports the same before the build starts.
 */
export function remarkSteps() {
  return (tree: Root, file: { path?: string; value?: unknown }) => {
    const path = file.path ?? 'a chapter';
    const { problems } = parseSteps(String(file.value ?? ''));
    if (problems.length) throw new Error(`${path}:${problems[0]!.line}: ${problems[0]!.message}; ${problems[0]!.fix}`);
    const chapterId = chapterIdOf(path);
    const children: RootContent[] = [];
    let step: { children: RootContent[] } | undefined;
    for (const node of tree.children) {
      const match = node.type === 'html' ? marker.exec(node.value.trim()) : null;
      if (!match) {
        (step?.children ?? children).push(node);
        continue;
      }
      const id = stepId(chapterId, match[1]!);
      // A plain mdast parent that remark-rehype turns into the div (hName) with these attributes.
      step = { children: [] };
      children.push({
        type: 'blockquote',
        children: step.children,
        data: { hName: 'div', hProperties: { className: ['step'], dataStep: id } },
      } as unknown as RootContent);
    }
    tree.children = children;
  };
}

/**
 * Rehype plugin, after the sanitiser: gives each step its id from its data-step. The
 * sanitiser prefixes every id an editor could write, so step ids are set here, and only
 * when they name a step of this chapter (a pasted div cannot take a page id).
 */
export function rehypeStepIds() {
  return (tree: HastRoot, file: { path?: string }) => {
    const own = new RegExp(`^${chapterIdOf(file.path ?? 'a chapter')}-[a-z0-9]+(?:-[a-z0-9]+)*$`);
    for (const node of tree.children) {
      if (node.type !== 'element' || node.tagName !== 'div') continue;
      const step = node.properties.dataStep;
      if (typeof step === 'string' && own.test(step)) node.properties.id = step;
      else delete node.properties.dataStep;
    }
  };
}
