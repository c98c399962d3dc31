/**
 * Step markers in chapter Markdown (src/content/steps.ts): what an editor writes, what the
 * page gets, and the mistakes the build names by line.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { parseSteps, remarkSteps } from '../../src/content/steps.ts';

const chapter = (body: string) => `---\ntitle: x\n---\n\n${body}\n`;

describe('parseSteps', () => {
  it('finds each marker with its file line', () => {
    const { steps, problems } = parseSteps(chapter('One.\n\n<!-- step: the-river -->\n\nTwo.\n\n<!-- step: outposts -->\n\nThree.'));
    expect(problems).toEqual([]);
    expect(steps).toEqual([
      { name: 'the-river', line: 7 },
      { name: 'outposts', line: 11 },
    ]);
  });

  it.each([
    ['<!-- step the-river -->', 7, 'is not a step marker'],
    ['<!-- Step: The River -->', 7, 'is not a step marker'],
    ['<!--step:x-->', 7, 'is not a step marker'],
  ])('rejects a misspelt marker %s', (marker, line, message) => {
    const { problems } = parseSteps(chapter(`One.\n\n${marker}\n\nTwo.`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line });
    expect(problems[0]!.message).toContain(message);
  });

  it('rejects a marker with no text before it, after it, or a name used twice', () => {
    expect(parseSteps(chapter('<!-- step: first -->\n\nOne.')).problems[0]!.message).toContain('has no text before it');
    expect(parseSteps(chapter('One.\n\n<!-- step: last -->')).problems[0]!.message).toContain('has no text after it');
    expect(parseSteps(chapter('One.\n\n<!-- step: a -->\n\nTwo.\n\n<!-- step: a -->\n\nThree.')).problems[0]).toMatchObject({
      line: 11,
      message: 'step "a" is already used on line 7',
    });
  });

  it('leaves other comments alone', () => {
    expect(parseSteps(chapter('One.\n\n<!-- an editor’s note -->\n\nTwo.')).problems).toEqual([]);
  });
});

describe('remarkSteps', () => {
  const render = (body: string) => {
    const tree = fromMarkdown(body);
    remarkSteps()(tree, { path: 'src/content/chapters/03-escort.md', value: body });
    // Line breaks between elements differ by how the tree was built; what matters is the nesting.
    return toHtml(toHast(tree)).replace(/\n/g, '');
  };

  it('wraps the text after each marker in a step named with the chapter prefix; the first step stays the chapter’s', () => {
    const html = render('One.\n\n<!-- step: the-river -->\n\nTwo.\n\nMore.\n\n<!-- step: outposts -->\n\nThree.');
    expect(html).toBe(
      '<p>One.</p><div class="step" data-step="escort-the-river"><p>Two.</p><p>More.</p></div>' +
        '<div class="step" data-step="escort-outposts"><p>Three.</p></div>',
    );
  });

  it('fails on a bad marker, naming the file', () => {
    expect(() => render('One.\n\n<!-- step the-river -->\n\nTwo.')).toThrow(/03-escort\.md:3: .* is not a step marker/);
  });
});
