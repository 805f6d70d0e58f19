import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MappedText } from '../../src/pipeline/mapped-text.js';
import { detectScript, toSimplifiedEdits } from '../../src/pipeline/normalise/script.js';

const simp = (s: string) => MappedText.identity(s).edit(toSimplifiedEdits(s)).text;

describe('toSimplifiedEdits', () => {
  it('converts traditional to simplified', () => {
    expect(simp('株洲搶抓窗口期，加速經濟復蘇')).toBe('株洲抢抓窗口期，加速经济复苏');
    expect(simp('歐微時尚集團股份有限公司')).toBe('欧微时尚集团股份有限公司');
    expect(simp('经济发展')).toBe('经济发展');
  });
  it('handles astral characters without splitting surrogate pairs', () => {
    const s = '𠮷野家經濟😀發展𩸽';
    const edits = toSimplifiedEdits(s);
    for (const e of edits) {
      expect(s.charCodeAt(e.start) >= 0xdc00 && s.charCodeAt(e.start) <= 0xdfff).toBe(false);
      expect(s.charCodeAt(e.end) >= 0xdc00 && s.charCodeAt(e.end) <= 0xdfff).toBe(false);
    }
    expect(simp(s)).toBe('𠮷野家经济😀发展𩸽');
  });
  it('edits are exact code-point replacements', () => {
    const chars = fc.constantFrom(...'經濟发展髮頭乾隆干幹後后臺台灣湾𠮷😀a1，。\n'.match(/./gsu)!);
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (cs) => {
        const s = cs.join('');
        const edits = toSimplifiedEdits(s);
        for (const e of edits) expect([...s.slice(e.start, e.end)].length).toBe(1);
        const m = MappedText.identity(s).edit(edits);
        expect([...m.text].length).toBe(cs.length);
      }),
    );
  });
});

describe('detectScript', () => {
  it('tells the scripts apart', () => {
    expect(detectScript('经济发展很快，我们都很高兴。国务院发布了新规定。')).toBe('simplified');
    expect(detectScript('經濟發展很快，我們都很高興。國務院發佈了新規定。')).toBe('traditional');
    expect(detectScript('经济发展很快，我們都很高興。国务院發佈了新規定。')).toBe('mixed');
    expect(detectScript('hello 123')).toBe('simplified');
    expect(detectScript('')).toBe('simplified');
  });
});
