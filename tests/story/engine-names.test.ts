import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineFiles, namesIn, root, storyNames } from './story-names.ts';

const names = storyNames();

describe('the engine under src/ names nothing of the story', () => {
  it('collects the story names the check looks for (so the check cannot pass by finding none)', () => {
    const whats = new Set([...names.ids.values(), ...names.places.values()].map((what) => what.split(' in ')[0]));
    expect([...whats]).toEqual(
      expect.arrayContaining([
        'layer id',
        'feature id',
        'figure id',
        'source id',
        'chapter id',
        'chart id',
        'part id',
        'place name',
        'basemap town',
      ]),
    );
    expect(names.ids.size).toBeGreaterThan(50);
  });

  it('finds a story name where one is written, in code or in a comment', () => {
    const [layer] = [...names.ids].find(([, what]) => what === 'layer id')!;
    const [place] = [...names.places].find(([name, what]) => what.startsWith('place name') && name.length >= 4)!;
    expect(namesIn(`const shown = ['${layer}'];`, names)).toContain(`${layer} (layer id)`);
    expect(namesIn(`// near ${place.toLowerCase()}, as drawn`, names).some((hit) => hit.startsWith(place))).toBe(true);
    expect(namesIn(`const id = 'x-${layer}';`, names).filter((hit) => hit.startsWith(`${layer} `))).toEqual([]);
  });

  it.each(engineFiles())('%s', (file) => {
    expect(
      namesIn(readFileSync(join(root, file), 'utf8'), names),
      `${file} names the story; move the value into src/content/story.config.json or the story's data`,
    ).toEqual([]);
  });
});
