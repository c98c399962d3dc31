import { describe, expect, it } from 'vitest';
import { chapterSchema } from '../../src/content/chapter-schema.ts';

const layers = new Map([
  ['copper-mines', ['letpadaung', 'sabetaung-kyisintaung']],
  ['border-crossings', ['kanpiketi', 'laiza']],
]);
const schema = chapterSchema(layers);
const valid = {
  part: 'sagaing',
  title: 'Guarding Letpadaung',
  camera: { fit: ['copper-mines'] },
  layers: ['copper-mines'],
  highlight: ['copper-mines/letpadaung'],
  mapDescription: 'The two copper mines near Monywa, Letpadaung highlighted.',
  sources: ['nikkei-asia'],
};

function messages(input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('chapterSchema(layers)', () => {
  it('accepts a complete chapter and fills camera defaults', () => {
    const chapter = schema.parse(valid);
    expect(chapter.camera).toMatchObject({ bearing: 0, pitch: 0, maxZoom: 9 });
  });

  it('rejects an unknown layer id and suggests the nearest one', () => {
    expect(messages({ ...valid, layers: ['copper-mine'], highlight: [] })).toEqual([
      expect.stringMatching(/^layers\.0: unknown layer "copper-mine"; did you mean "copper-mines"\?/),
    ]);
  });

  it('rejects a highlight of a feature the layer does not have', () => {
    expect(messages({ ...valid, highlight: ['copper-mines/letpadang'] })).toEqual([
      expect.stringContaining('layer "copper-mines" has no feature "letpadang"; did you mean "letpadaung"?'),
    ]);
  });

  it('rejects a highlight whose layer the chapter does not show', () => {
    expect(messages({ ...valid, layers: ['border-crossings'], highlight: ['copper-mines/letpadaung'] })).toEqual([
      expect.stringContaining("is not in this chapter's layers"),
    ]);
  });

  it('rejects a camera with neither center and zoom nor fit', () => {
    expect(messages({ ...valid, camera: { center: [95, 22] } })).toEqual([
      expect.stringContaining('needs center and zoom together, or fit'),
    ]);
  });

  it('rejects a camera with both center and fit', () => {
    expect(messages({ ...valid, camera: { center: [95, 22], zoom: 8, fit: ['copper-mines'] } })).toEqual([
      expect.stringContaining('either center + zoom or fit'),
    ]);
  });

  it('rejects a centre outside longitude and latitude ranges', () => {
    expect(messages({ ...valid, camera: { center: [22, 195], zoom: 8 } })[0]).toMatch(/^camera\.center\.1:/);
  });

  it('names a missing field by its path', () => {
    const { mapDescription: _omitted, ...withoutDescription } = valid;
    expect(messages(withoutDescription)).toEqual([expect.stringMatching(/^mapDescription:/)]);
  });

  it('rejects a field it does not know, so typos do not pass silently', () => {
    expect(messages({ ...valid, layer: ['copper-mines'] })[0]).toMatch(/layer/);
  });

  it('rejects an asOf date that is not YYYY-MM-DD', () => {
    expect(messages({ ...valid, asOf: 'Nov 2024' })).toEqual(['asOf: must be a date written as YYYY-MM-DD']);
  });
});
