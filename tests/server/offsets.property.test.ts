/**
 * The offset invariant through the whole service: for random mixes of
 * simplified and traditional text, injected pinyin, mojibake, emoji and astral
 * characters, lone surrogates, full-width forms and HTML, every returned span
 * is exactly the slice of the returned text.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import type { ExtractResponse } from '../../src/contract/schemas.js';
import { cleanText } from '../../src/contract/text.js';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});

const PHRASES = [
  '株洲市发改委主任刘海宾介绍，',
  '淳華氫能源科技(湖南)有限公司董事長謝曙正在謀劃。',
  '欧微时尚集团股份有限公司董事长李玉龙告诉记者',
  '去年6月投產後，預計今年產值過8000萬元。',
  '2月27日至3月8日，2023湖南服饰博览会在株洲举行。',
  '正月初九，株洲市貿促會牽頭，32家德國企業',
  '同比增长22.8%，百分之七点五左右',
  '中車株洲所日前與株洲市政府簽約，年產值將超過100億元',
  '３亿美元，ＡＢＣ公司，',
  '新華社北京3月17日電',
  '這是一個普通的句子',
  '\n',
  '\n\n',
];
const PINYIN = ['(jīng)', '(jì)', '(zhōu)', '(fā)', '(shì)'];
const ASTRAL = ['😀', '𠮷', '𝐀', '👍🏽', '\u{20000}', '🇨🇳'];

/** UTF-8 bytes read as GBK: the mojibake a scraper produces. */
const mojibake = (s: string) => iconv.decode(Buffer.from(s, 'utf8'), 'gbk');

const piece = fc.oneof(
  fc.constantFrom(...PHRASES),
  fc.constantFrom(...PHRASES).map(mojibake),
  fc.constantFrom(...PHRASES).map((p) => mojibake(p).replace(/./, '?')),
  fc.tuple(fc.constantFrom(...PHRASES), fc.constantFrom(...PINYIN), fc.nat()).map(([p, py, n]) => {
    const i = n % Math.max(1, p.length);
    return p.slice(0, i + 1) + py + p.slice(i + 1);
  }),
  fc.constantFrom(...ASTRAL),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }), // includes lone surrogates
  fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)), maxLength: 12 }),
);
const article = fc.array(piece, { minLength: 1, maxLength: 14 }).map((ps) => ps.join(''));

function checkOffsets(body: ExtractResponse) {
  for (const m of body.mentions) expect(body.text.slice(m.start, m.end)).toBe(m.text);
  for (const p of body.paragraphs) expect(body.text.slice(p.start, p.end)).toBe(p.text);
  for (const k of body.tokens ?? []) expect(body.text.slice(k.start, k.end)).toBe(k.text);
  const entityIds = new Set(body.entities.map((e) => e.id));
  let last = -1;
  for (const m of body.mentions) {
    expect(m.start).toBeLessThan(m.end);
    // sorted; spans never overlap except where one damaged character of a repaired
    // mojibake run carries bytes of two recovered characters
    expect(m.start).toBeGreaterThanOrEqual(last);
    last = m.start;
    const p = body.paragraphs[m.paragraph];
    expect(m.start >= p.start && m.end <= p.end, `${m.text} inside paragraph ${m.paragraph}`).toBe(true);
    expect(m.text).not.toMatch(/^\s|\s$/);
    expect(entityIds.has(m.entity)).toBe(true);
  }
}

describe('offsets are sacred', () => {
  for (const engine of ['lexicon', 'model']) {
    it(`every span is the slice of the returned text (plain text, ${engine})`, async () => {
      if (!t.engines.has(engine)) return;
      await fc.assert(
        fc.asyncProperty(article, fc.boolean(), async (text, withPublished) => {
          const res = await t.post(`/v1/extract?tokens=1&boilerplate=1&engine=${engine}`, { text, ...(withPublished ? { published: '2023-03-17' } : {}) });
          if (text.trim() === '') {
            expect(res.status).toBe(422);
            return;
          }
          expect(res.status).toBe(200);
          const body = (await res.json()) as ExtractResponse;
          // the text policy (src/contract/text.ts): NUL and lone surrogates come back as U+FFFD, one for one
          expect(body.text).toBe(cleanText(text));
          checkOffsets(body);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('every span is the slice of the returned text (HTML)', async () => {
    const paragraphs = fc.array(article, { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(paragraphs, fc.boolean(), async (ps, nested) => {
        const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        const inner = ps.map((p) => `<p>${esc(p)} <b>株洲</b>&nbsp;&amp;</p>`).join('\n');
        const html = `<html><head><title>t</title><script>var x = "<p>不是正文</p>";</script></head><body>${nested ? '<div><div><section>' + inner + '</section></div></div>' : inner}</body></html>`;
        const res = await t.post('/v1/extract?tokens=1&boilerplate=1', { html });
        expect([200, 422]).toContain(res.status);
        if (res.status !== 200) return;
        const body = (await res.json()) as ExtractResponse;
        expect(body.text).not.toContain('不是正文');
        checkOffsets(body);
      }),
      { numRuns: 40 },
    );
  });
});
