/** The compact OpenCC converters convert exactly as opencc-js's own. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { openccConverter, toSimplifiedConverter, toTraditionalConverter } from '../../src/pipeline/normalise/opencc.js';

const t2s = toSimplifiedConverter();
const s2t = toTraditionalConverter();
const refT2s = openccConverter('hk2s');
const refS2t = openccConverter('s2tw');

const texts = ['dev', 'test'].flatMap((split) =>
  readFileSync(new URL(`../../eval/news/${split}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text),
);

describe('OpenCC converters', () => {
  it('convert the evaluation articles as opencc-js does, both ways', () => {
    expect(texts.length).toBeGreaterThan(40);
    for (const text of texts) {
      const simplified = t2s(text);
      const traditional = s2t(text);
      expect(simplified).toBe(refT2s(text));
      expect(traditional).toBe(refS2t(text));
      expect(t2s(traditional)).toBe(refT2s(traditional));
    }
  });

  it('convert the known cases', () => {
    expect(t2s('臺灣著名的乾隆皇帝頭髮')).toBe('台湾著名的乾隆皇帝头发');
    expect(s2t('发展中国家的头发')).toBe('發展中國家的頭髮');
  });

  it('convert any mix of phrases, ideographic description sequences, astral characters and lone surrogates as opencc-js does (property)', () => {
    const pieces = [...'⿰⿱⿲⿳⿴⿻亻言木水乾隆皇帝發展中國臺灣著名後面里裡髮頭发于於台风雲云干幹'].concat(['𠀀', '𡃁', '\uD800', '\uDC00', 'a', ' ', '發展中國家', '头发']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const s = parts.join('');
        expect(t2s(s)).toBe(refT2s(s));
        expect(s2t(s)).toBe(refS2t(s));
      }),
      { numRuns: 2000 },
    );
  });
});
