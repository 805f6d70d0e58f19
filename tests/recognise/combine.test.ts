import { describe, expect, it } from 'vitest';
import { MIN_MODEL_SCORE, combineModelAndLexicon, wellFormedName } from '../../src/pipeline/recognise/engines/combine.js';
import type { NormMention } from '../../src/pipeline/doc.js';

const m = (start: number, end: number, type: NormMention['type'], score: number, source = 'model'): NormMention => ({ start, end, type, score, source });

describe('model + lexicon combination', () => {
  const text = '淳华氢能源科技(湖南)有限公司董事长谢曙说，招商“战队出发';
  it('a parenthesised legal company name from the lexicon replaces the model spans inside it', () => {
    const out = combineModelAndLexicon([m(0, 7, 'ORG', 0.9), m(18, 20, 'PERSON', 0.95)], [m(0, 15, 'COMPANY', 0.8, 'lexicon')], text);
    expect(out.map((x) => [text.slice(x.start, x.end), x.type])).toEqual([
      ['淳华氢能源科技(湖南)有限公司', 'COMPANY'],
      ['谢曙', 'PERSON'],
    ]);
  });
  it('drops low-confidence and ill-formed model spans', () => {
    const bad = text.indexOf('招商');
    const out = combineModelAndLexicon([m(18, 20, 'PERSON', MIN_MODEL_SCORE - 0.01), m(bad, bad + 5, 'ORG', 0.99)], [], text);
    expect(out).toEqual([]);
  });
  it('fills a gap with a lexicon company name ending in 公司, but not a bare 公司 after one or two characters', () => {
    const t = '原告未因携程商务公司履行合同，当季公司推出新品';
    const ctrip = t.indexOf('携程');
    const season = t.indexOf('当季');
    const out = combineModelAndLexicon([], [m(ctrip, ctrip + 6, 'COMPANY', 0.75, 'lexicon'), m(season, season + 4, 'COMPANY', 0.75, 'lexicon')], t);
    expect(out.map((x) => t.slice(x.start, x.end))).toEqual(['携程商务公司']);
  });
  it("fills a gap with the lexicon's transliterated name with a middle dot, not with any dotted words", () => {
    const t = '伊隆·马斯克宣布，邮轮爱达·魔都号启航';
    const ship = t.indexOf('邮轮');
    const out = combineModelAndLexicon([], [m(0, 6, 'PERSON', 0.7, 'lexicon'), m(ship, ship + 8, 'PERSON', 0.7, 'lexicon')], t);
    expect(out.map((x) => [t.slice(x.start, x.end), x.type])).toEqual([['伊隆·马斯克', 'PERSON']]);
    // a model span over it stays as it is
    const kept = combineModelAndLexicon([m(3, 6, 'PERSON', 0.9)], [m(0, 6, 'PERSON', 0.7, 'lexicon')], t);
    expect(kept.map((x) => t.slice(x.start, x.end))).toEqual(['马斯克']);
  });
  it('knows a well-formed name', () => {
    expect(wellFormedName('淳华氢能源科技(湖南)有限公司')).toBe(true);
    expect(wellFormedName('《人民日报》社')).toBe(true);
    expect(wellFormedName('招商“战队')).toBe(false);
    expect(wellFormedName('株洲，广州')).toBe(false);
    expect(wellFormedName('湖南)有限公司')).toBe(false);
  });
});

describe('limits', () => {
  it('a span far longer than any name is not a name', () => {
    expect(wellFormedName('a'.repeat(61))).toBe(false);
    expect(wellFormedName('中华人民共和国国务院发展研究中心')).toBe(true);
  });
});
