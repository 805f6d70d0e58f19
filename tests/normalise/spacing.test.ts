import { describe, expect, it } from 'vitest';
import { spacingEdits } from '../../src/pipeline/normalise/spacing.js';
import { MappedText } from '../../src/pipeline/mapped-text.js';

const collapse = (t: string) => MappedText.identity(t).edit(spacingEdits(t)).text;

describe('spaces between figures and Chinese text', () => {
  it.each([
    ['今年 1 至 8 月', '今年1至8月'],
    ['1 億 3428 萬元', '1億3428萬元'],
    ['今 (23) 日公布', '今(23)日公布'],
    ['約 4 成', '約4成'],
    ['7 月 5 日四点', '7月5日四点'],
    ['年增 5.2 % 以上', '年增5.2 %以上'],
    ['第\u00A03 季', '第3季'],
  ])('%s → %s', (input, out) => expect(collapse(input)).toBe(out));

  it.each([
    'SK 海力士',
    'GDP 增长',
    '2025-10-29 18:16',
    '美国政治新闻网欧洲版 (politico.eu)',
    '公司 (集团) 有限',
    '数字  \u00A0  之间',
    '第     3',
  ])('leaves %s alone', (input) => expect(collapse(input)).toBe(input));

  it('keeps the deleted spaces inside a span that crosses them', () => {
    const t = '共裁罰 1 億 3428 萬元。';
    const m = MappedText.identity(t).edit(spacingEdits(t));
    const s = m.text.indexOf('1億3428萬元');
    const back = m.toOriginal(s, s + '1億3428萬元'.length);
    expect(t.slice(back.start, back.end)).toBe('1 億 3428 萬元');
  });
});
