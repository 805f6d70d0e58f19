import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  alignTokens,
  decodeTokenLabels,
  loadHfTokenClassificationModel,
  mapHfEntityType,
  parseLabel,
} from '../../src/pipeline/recognise/model/hf-token-classification.js';

const fixture = fileURLToPath(new URL('../fixtures/tiny-hf-ner', import.meta.url));

describe('Hugging Face token-classification loader', () => {
  it('runs the tiny local BERT fixture and maps offsets back to the sentence', async () => {
    const m = await loadHfTokenClassificationModel(fixture);
    const s = ['董事长李玉龙在北京', '中车所 李玉龙', ''];
    const out = await m.predict(s);
    expect(out[0].map((x) => [s[0].slice(x.start, x.end), x.type])).toEqual([
      ['李玉龙', 'PERSON'],
      ['北京', 'LOCATION'],
    ]);
    expect(out[1].map((x) => [s[1].slice(x.start, x.end), x.type])).toEqual([
      ['中车所', 'ORG'],
      ['李玉龙', 'PERSON'],
    ]);
    expect(out[2]).toEqual([]);
    for (const x of out[0]) expect(x.score).toBeGreaterThan(0.5);
  });

  it('maps BIO/BIOES labels and entity names', () => {
    expect(parseLabel('S-PER')).toEqual({ prefix: 'S', type: 'PER' });
    expect(parseLabel('M-LOC')).toEqual({ prefix: 'I', type: 'LOC' });
    expect(mapHfEntityType('GPE')).toBe('LOCATION');
    expect(mapHfEntityType('company')).toBe('COMPANY');
    expect(mapHfEntityType('MISC')).toBeNull();
    const text = '任正非在IBM';
    const toks = ['[CLS]', '任', '正', '非', '在', 'ib', '##m', '[SEP]'];
    const offs = alignTokens(text, toks, new Set(['[CLS]', '[SEP]']));
    expect(offs).toEqual([null, [0, 1], [1, 2], [2, 3], [3, 4], [4, 6], [6, 7], null]);
    const spans = decodeTokenLabels(['O', 'B-PER', 'I-PER', 'E-PER', 'O', 'B-ORG', 'I-ORG', 'O'], offs, Array(8).fill(0.9));
    expect(spans.map((x) => [text.slice(x.start, x.end), x.type])).toEqual([
      ['任正非', 'PERSON'],
      ['IBM', 'ORG'],
    ]);
  });
});
