import { describe, expect, it } from 'vitest';
import { scanJiebaDict } from '../../src/pipeline/lang/zh/jieba-dict.js';

describe("scanning jieba's dictionary", () => {
  it('gives the same words with and without the words to look at', () => {
    const among = new Set(['现代', '长安', '理想', '中山', '和平', '石碇', '北角', '不是词语的串']);
    const keep = (_w: string, freq: number) => freq >= 1000;
    const all = scanJiebaDict((w, f) => among.has(w) && keep(w, f));
    expect([...scanJiebaDict(keep, among)].sort()).toEqual([...all].sort());
    expect(all.has('现代')).toBe(true);
    expect(all.has('石碇')).toBe(false);
  });
  it('reads each entry’s frequency and tag', () => {
    const nr = scanJiebaDict((w, f, t) => t === 'nr' && f >= 500 && w.length <= 3);
    expect(nr.size).toBeGreaterThan(100);
  });
});
