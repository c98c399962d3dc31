/**
 * The back matter as content (src/content/back-matter.ts): its section markers, headings and
 * tokens are checked by line, it renders through the chapters' pipeline into the sections the
 * page links to, and its dates follow the edition's language.
 */
import { describe, expect, it } from 'vitest';
import { backMatterSections, parseBackMatter, renderBackMatter } from '../../src/content/back-matter.ts';
import { formatDate } from '../../src/content/story-tokens.ts';
import { storyConfig } from '../../src/content/story-config.ts';
import { storyGeo } from '../../src/geo/pipeline.ts';

const { layers } = storyGeo();
const sections = (body: Record<string, string>) =>
  backMatterSections.map((id) => `<!-- section: ${id} -->\n\n## Heading ${id}\n\n${body[id] ?? 'Text.'}\n`).join('\n');
const problemsOf = (text: string) => parseBackMatter(text, 'back-matter.md', layers).problems;

describe('parseBackMatter', () => {
  it('accepts every section once, each with its heading', () => {
    const { sections: found, problems } = parseBackMatter(sections({}), 'back-matter.md', layers);
    expect(problems).toEqual([]);
    expect(found.map((s) => [s.id, s.line])).toEqual([
      ['edition', 1],
      ['whos-who', 7],
      ['corrections', 13],
      ['methods', 19],
    ]);
  });

  it.each([
    ['an unknown section', sections({}).replace('section: methods', 'section: appendix'), 19, 'unknown section "appendix"'],
    ['a misspelt marker', sections({}).replace('<!-- section: methods -->', '<!-- section methods -->'), 19, 'is not a section marker'],
    ['a section twice', sections({}).replace('section: methods', 'section: edition'), 19, 'section "edition" is already used on line 1'],
    ['text before the heading', sections({}).replace('## Heading corrections', 'Text first.'), 15, 'does not start with its heading'],
    ['an unknown token', sections({ methods: 'Drawn {{figur x}}.' }), 23, 'unknown token kind "figur"'],
    ['an unknown date', sections({ edition: 'As of {{date published}}.' }), 5, 'unknown date "published"'],
  ])('names the line of %s', (_, text, line, message) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(problems.some((p) => p.message.startsWith('has no section')) ? 2 : 1);
    expect(problems[0]).toMatchObject({ severity: 'error', file: 'back-matter.md', line });
    expect(problems[0]!.message).toContain(message);
  });

  it('names a section that is missing', () => {
    const text = sections({}).split('<!-- section: methods -->')[0]!;
    expect(problemsOf(text)).toEqual([expect.objectContaining({ message: 'has no section "methods"' })]);
  });
});

describe('renderBackMatter', () => {
  it('wraps each section for the page’s links, labelled by its heading, with dates and glossary rendered', async () => {
    const html = await renderBackMatter();
    for (const id of backMatterSections) {
      expect(html).toContain(`<section aria-labelledby="${id}-title" class="back-matter" id="${id}">`);
      expect(html).toMatch(new RegExp(`<section[^>]* id="${id}">\\s*<h2 id="${id}-title">`));
    }
    expect(html).toContain(formatDate(storyConfig.corrected));
    expect(html).not.toContain('{{');
    expect(html).toMatch(/<dl>\s*<dt>[^<]+<\/dt>\s*<dd>/);
    expect(html).toContain('<a href="#corrections">');
  });
});

describe('formatDate', () => {
  it('writes a calendar day in the edition’s language, the same wherever the build runs', () => {
    expect(formatDate('2025-09-30')).toBe('30 September 2025');
    expect(formatDate('2025-09-30', 'en-US')).toBe('September 30, 2025');
    expect(formatDate('2025-09-30', 'zh-CN')).toBe('2025年9月30日');
  });
});
