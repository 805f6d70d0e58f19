import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MappedText } from '../../src/pipeline/mapped-text.js';
import { widthEdits } from '../../src/pipeline/normalise/width.js';

const apply = (s: string) => MappedText.identity(s).edit(widthEdits(s)).text;

describe('widthEdits', () => {
  it('folds full-width ASCII and the ideographic space', () => {
    expect(apply('ＡＢＣ１２３！？（湖南）\u3000ｚ～')).toBe('ABC123!?(湖南) z~');
  });
  it('folds small form variants and the minus sign', () => {
    expect(apply('升4﹒6%，同比﹣15.5%，−3.2%，﹙注﹚')).toBe('升4.6%,同比-15.5%,-3.2%,(注)');
  });
  it('leaves other text alone', () => {
    expect(widthEdits('经济、发展。“好”😀𠮷')).toEqual([]);
    // CJK punctuation outside FF01–FF5E stays (， is U+FF0C and folds)
    expect(apply('，。、｟￥')).toBe(',。、｟￥');
  });
  it('replaces one char by one char', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        for (const e of widthEdits(s)) {
          expect(e.end - e.start).toBe(1);
          expect(e.text.length).toBe(1);
        }
        expect(apply(s).length).toBe(s.length);
      }),
    );
  });
});
