import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MappedText } from '../../src/pipeline/mapped-text.js';
import { pinyinEdits } from '../../src/pipeline/normalise/pinyin.js';

const strip = (s: string) => MappedText.identity(s).edit(pinyinEdits(s)).text;

describe('pinyinEdits', () => {
  it('removes injected tone-marked pinyin', () => {
    expect(strip('經(jīng)濟(jì)')).toBe('經濟');
    expect(strip('發(fā)展')).toBe('發展');
    expect(strip('加速經(jīng)濟(jì)復(fù)蘇')).toBe('加速經濟復蘇');
    expect(strip('產(chǎn)值（chǎn zhí）過')).toBe('產值過');
    expect(strip('長(zhǎng)')).toBe('長');
    expect(strip('西安(xī\'ān)')).toBe('西安');
    expect(strip('好的(de)')).toBe('好的');
  });
  it('keeps ordinary parenthesised content', () => {
    for (const s of ['淳華氫能源科技(湖南)有限公司', '9270臺(套)電驅', '年(2023)', '首席執行官(CEO)', '条款(a)', '微信(wechat)', '（注）', 'x(jīng)']) {
      expect(strip(s)).toBe(s);
    }
  });
  it('strips nested annotations but keeps the outer brackets', () => {
    expect(strip('(相關(guān)資料圖)')).toBe('(相關資料圖)');
  });
  it('round-trips: injected annotations are removed exactly, offsets map to the characters', () => {
    const han = fc.constantFrom(...'经濟发發展中国國家株洲湖南企业業');
    const syl = fc.constantFrom('jīng', 'jì', 'fā', 'zhǎn', 'zhōng', 'guó', 'jiā', 'yè', 'hú', 'nán');
    const item = fc.tuple(han, fc.option(syl, { nil: undefined }), fc.boolean());
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (items) => {
        const plain = items.map(([c]) => c).join('');
        const text = items.map(([c, p, wide]) => (p ? (wide ? `${c}（${p}）` : `${c}(${p})`) : c)).join('');
        const m = MappedText.identity(text).edit(pinyinEdits(text));
        expect(m.text).toBe(plain);
        for (let i = 0; i < m.text.length; i++) {
          const o = m.toOriginal(i, i + 1);
          expect(text.slice(o.start, o.end)).toBe(m.text[i]);
        }
      }),
    );
  });
});
