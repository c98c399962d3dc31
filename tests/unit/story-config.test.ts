import { describe, expect, it } from 'vitest';
import { chartSpec } from '../../src/charts/charts.ts';
import { chapterSchema } from '../../src/content/chapter-schema.ts';
import { parseStoryConfig, storyConfig } from '../../src/content/story-config.ts';
import type { ChartConfig } from '../../src/content/story-config-schema.ts';
import { figureById, formatFigure } from '../../src/data/figures.ts';

const { charts: _charts, ...rest } = storyConfig;

describe('the story configuration', () => {
  it('rejects a configuration with a missing field, a stray field and a reversed region, naming each', () => {
    const broken = { ...rest, title: undefined, colour: 'red', region: { west: 10, south: 0, east: 5, north: 1 } };
    expect(() => parseStoryConfig(broken, 'story.config.json')).toThrow(
      /problem\(s\)[\s\S]*story\.config\.json: is missing the field "title"[\s\S]*west must be less than east[\s\S]*"colour"/,
    );
  });

  it('rejects a part or a chart declared twice', () => {
    const part = storyConfig.parts[0]!;
    expect(() => parseStoryConfig({ ...storyConfig, parts: [part, part] })).toThrow(`part "${part.id}" is declared twice`);
  });

  it('gives chapters its parts and charts, and names the nearest declared one for a typo', () => {
    const schema = chapterSchema(new Map([['mines', ['a']]]), {
      parts: [{ id: 'north', label: 'Part 1', title: 'The north' }],
      charts: [],
    });
    const chapter = {
      part: 'nort',
      title: 'A chapter',
      camera: { fit: ['mines'] },
      layers: ['mines'],
      mapDescription: 'The mines of the north, all of them.',
      sources: ['x'],
    };
    const result = schema.safeParse({ ...chapter, chart: 'output' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.message)).toEqual([
      'unknown part "nort"; did you mean "north"? (parts are declared in src/content/story.config.json)',
      'unknown chart "output" (charts are declared in src/content/story.config.json)',
    ]);
    expect(schema.safeParse({ ...chapter, part: 'north' }).success).toBe(true);
  });
});

describe('a chart declared as data', () => {
  const [first] = [storyConfig.charts[0]!];
  const figureId = (first.bars[0]!.value as { figure: string }).figure;
  const figure = figureById(figureId);

  it('prints figures through tokens and marks a computed bar derived', () => {
    const chart: ChartConfig = {
      id: 'test',
      kind: 'bar',
      title: 'Half of {{figure ' + figureId + '}}',
      bars: [
        { label: 'All', value: { figure: figureId }, valueLabel: '{{value ' + figureId + '}}', tone: 'neutral' },
        { label: 'Half', value: { quotient: [figureId, 2] }, valueLabel: 'about {{bar 1 1}}', tone: 'muted' },
      ],
      summary: 'A test chart of one figure and its half.',
      source: '{{source ' + figureId + '}}',
    };
    const spec = chartSpec(chart);
    expect(spec.title).toBe(`Half of ${formatFigure(figure)}`);
    expect(spec.bars.map((bar) => [bar.value, bar.derived])).toEqual([
      [figure.value, undefined],
      [figure.value / 2, true],
    ]);
    expect(spec.source).toBe(figure.source);
    expect(spec).not.toHaveProperty('note');
  });

  it('refuses an unknown token or a bar that does not exist, naming the token', () => {
    const chart: ChartConfig = { ...first, title: 'Output {{median x}}' };
    expect(() => chartSpec(chart)).toThrow('{{median x}}: unknown chart token');
    expect(() => chartSpec({ ...first, note: '{{bar 9 100}}' })).toThrow('{{bar 9 100}}');
  });
});
