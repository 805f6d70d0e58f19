import { describe, expect, it } from 'vitest';
import { combineModelAndLexicon } from '../../src/pipeline/recognise/engines/combine.js';
import type { NormMention } from '../../src/pipeline/doc.js';

const m = (start: number, end: number, type: NormMention['type'], score: number, source = 'model'): NormMention => ({ start, end, type, score, source });

describe('combine: lexicon company names fill gaps', () => {
  it('a lexicon name ending in 公司/集团 that no model span touches is kept; a facility is not', () => {
    const text = '青禾光电集团与远帆电池厂签约，李立出席';
    const lex = [m(0, 6, 'COMPANY', 0.8, 'lexicon'), m(7, 12, 'COMPANY', 0.8, 'lexicon')];
    const out = combineModelAndLexicon([m(15, 17, 'PERSON', 0.95)], lex, text);
    expect(out.map((x) => text.slice(x.start, x.end))).toEqual(['青禾光电集团', '李立']);
  });
  it('a model span over the same text wins', () => {
    const text = '青禾光电集团签约';
    const out = combineModelAndLexicon([m(0, 4, 'COMPANY', 0.9)], [m(0, 6, 'COMPANY', 0.8, 'lexicon')], text);
    expect(out.map((x) => text.slice(x.start, x.end))).toEqual(['青禾光电']);
  });
});
