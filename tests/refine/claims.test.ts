import { describe, expect, it } from 'vitest';
import { Claims } from '../../src/pipeline/refine/util.js';
import { docWith, shown } from './helpers.js';

describe('Claims', () => {
  it("applies claim's rule by position: replaces what lies inside, refuses a crossing mention, retypes an exact one", () => {
    const d = docWith('中国大陆与香港特区及澳门', [['中国', 'LOCATION'], ['港特', 'ORG'], ['澳门', 'ORG']]);
    const claims = new Claims(d);
    expect(claims.claim(0, 4, 'LOCATION', 'test')).toBe(true); // 中国 inside 中国大陆
    expect(claims.claim(5, 7, 'LOCATION', 'test')).toBe(false); // 港特 crosses 香港
    expect(claims.claim(10, 12, 'LOCATION', 'test')).toBe(true); // 澳门 retyped
    expect(shown(d)).toEqual(['中国/LOCATION', '港特/ORG', '澳门/LOCATION']); // nothing written back before done()
    claims.done();
    expect(shown(d)).toEqual(['中国大陆/LOCATION', '港特/ORG', '澳门/LOCATION']);
  });
  it('touches: whether a mention, one claimed here included, holds a character of a span', () => {
    const d = docWith('中国大陆与香港特区', [['港特', 'ORG']]);
    const claims = new Claims(d);
    expect(claims.touches(0, 4)).toBe(false);
    claims.claim(0, 4, 'LOCATION', 'test');
    expect(claims.touches(3, 5)).toBe(true);
    expect(claims.touches(4, 7)).toBe(true); // 港 of 港特
    expect(claims.touches(4, 6)).toBe(false); // 与香
  });
});
