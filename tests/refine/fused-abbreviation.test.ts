import { describe, expect, it } from 'vitest';
import { fixFusedAbbreviations } from '../../src/pipeline/refine/generic.js';
import { segment } from '../../src/pipeline/segment/jieba.js';
import { docWith, shown } from './helpers.js';

describe('refine-fused-abbreviation', () => {
  it('港 as a harbour is dropped, Hong Kong standing alone is kept', () => {
    const d = docWith('货船靠港后卸货，港口繁忙；港、澳两地', [['港', 'LOCATION', 3], ['港', 'LOCATION', 8], ['港', 'LOCATION', 13], ['澳', 'LOCATION']]);
    fixFusedAbbreviations(d);
    expect(shown(d)).toEqual(['港/LOCATION', '澳/LOCATION']);
  });
  it('an abbreviation fused with 企/菜/商 is dropped; a coordination such as 中美 is kept', () => {
    const d = docWith('粤企爱吃川菜，中美企业合作', [['粤', 'LOCATION'], ['川', 'LOCATION'], ['中', 'LOCATION'], ['美', 'LOCATION']]);
    fixFusedAbbreviations(d);
    expect(shown(d)).toEqual(['中/LOCATION', '美/LOCATION']);
  });
  it('a one-character place inside a place token becomes the place', () => {
    const text = '项目落户湘阴，开工在即';
    const d = docWith(text, [['湘', 'LOCATION']]);
    d.tokens = segment(text);
    fixFusedAbbreviations(d);
    expect(shown(d)).toEqual(['湘阴/LOCATION']);
  });
  it('中 inside 中西 (China and Spain, or the West) is a fused pair, not the place 中西', () => {
    const text = '今年正值中西建交45周年，双方都期待着';
    const d = docWith(text, [['中', 'LOCATION']]);
    d.tokens = segment(text);
    fixFusedAbbreviations(d);
    expect(shown(d)).toEqual([]);
  });
});
