import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { Doc } from '../../src/pipeline/doc.js';
import { normalise } from '../../src/pipeline/normalise/index.js';

/** A snippet imitating the scraped article's defects: pinyin, ASCII-folded commas, a misaligned GBK run. */
const SNIPPET =
  '“前兩個(gè)月,公司產(chǎn)品銷量都超過歷史最高紀(jì)錄?!卑倜χ校瑲W微時(shí)尚集團(tuán)股份有限公司董事長(zhǎng)李玉龍告訴記者。\n' +
  '項(xiàng)目?jī)?nèi)容、行業(yè)分析、承接優(yōu)勢(shì)等漸次展開。';

const isLow = (s: string, i: number) => s.charCodeAt(i) >= 0xdc00 && s.charCodeAt(i) <= 0xdfff;

describe('normalise', () => {
  it('cleans the article snippet and keeps the company name mapped', () => {
    const doc = new Doc(SNIPPET);
    normalise(doc);
    expect(doc.script).toBe('traditional');
    expect(doc.norm.text).toContain('纪录。”百忙中,欧微时尚集团股份有限公司董事长李玉龙');
    const at = doc.norm.text.indexOf('微时尚集团股份有限公司');
    const o = doc.toOriginal({ start: at, end: at + 11 });
    expect(SNIPPET.slice(o.start, o.end)).toBe('微時(shí)尚集團(tuán)股份有限公司');
    // the unexplained damage is garbled, in norm coordinates, and filled with U+FFFD
    expect(doc.garbled).toHaveLength(1);
    const g = doc.garbled[0];
    expect(doc.norm.text.slice(g.start, g.end)).toMatch(/^\uFFFD+$/);
    const og = doc.toOriginal(g);
    expect(SNIPPET.slice(og.start, og.end)).toBe('?jī)?nèi)');
    expect(doc.norm.text.slice(g.start - 2, g.end + 1)).toBe('项目' + '\uFFFD'.repeat(g.end - g.start) + '容');
    // the company name does not touch a garbled span
    expect(doc.garbled.every((s) => s.end <= at || s.start >= at + 11)).toBe(true);
  });

  it('repairs mojibake before stripping the pinyin that follows it', () => {
    const doc = new Doc('去年6月投產(chǎn)後,來勢(shì)喜人?!坝唵纬掷m(xù)增多。');
    normalise(doc);
    expect(doc.norm.text).toBe('去年6月投产后,来势喜人。“订单持续增多。');
    expect(doc.garbled).toEqual([]);
  });

  it('folds widths and simplifies, and sets the script from the original text', () => {
    const doc = new Doc('ＡＢＣ公司\u3000發展（經濟）');
    normalise(doc);
    expect(doc.norm.text).toBe('ABC公司 发展(经济)');
    expect(doc.script).toBe('traditional');
    const simp = new Doc('经济发展');
    normalise(simp);
    expect(simp.norm.text).toBe('经济发展');
    expect(simp.script).toBe('simplified');
  });
});

// ---- property tests ---------------------------------------------------------

const SIMP = [...'经济发展国家企业公司株洲湖南长沙市政府记者表示今年项目投资亿元增长'];
const TRAD = [...'經濟發展國家企業公司株洲湖南長沙市政府記者表示今年項目投資億元增長'];
const SYL = ['jīng', 'jì', 'fā', 'zhǎn', 'guó', 'jiā', 'yè', 'gōng', 'sī', 'zhǎng'];

/** A random piece of dirty text. */
const piece = fc.oneof(
  fc.array(fc.constantFrom(...SIMP), { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
  fc.array(fc.constantFrom(...TRAD), { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
  // injected pinyin
  fc.tuple(fc.constantFrom(...TRAD, ...SIMP), fc.constantFrom(...SYL), fc.boolean()).map(([c, p, w]) => (w ? `${c}（${p}）` : `${c}(${p})`)),
  // UTF-8 read as GBK, optionally with a byte lost
  fc.tuple(fc.array(fc.constantFrom(...SIMP, ...TRAD, '。', '“', '”'), { minLength: 2, maxLength: 8 }), fc.option(fc.nat(), { nil: undefined })).map(
    ([cs, drop]) => {
      const b = Buffer.from(cs.join(''), 'utf8');
      const k = drop === undefined ? -1 : drop % b.length;
      return iconv.decode(k < 0 ? b : Buffer.concat([b.subarray(0, k), b.subarray(k + 1)]), 'gbk');
    },
  ),
  // GBK misaligned after a lost byte
  fc.array(fc.constantFrom(...TRAD, '。', '“'), { minLength: 2, maxLength: 8 }).map(
    (cs) => '?' + iconv.decode(iconv.encode(cs.join(''), 'gbk').subarray(1), 'gbk'),
  ),
  fc.constantFrom('😀', '𠮷', '👨‍👩‍👧', '𩸽', '\n', '\u3000', 'ＡＢＣ', '１２３', '！', '，', '。', '?', '(湖南)', '2023', 'CEO'),
);
const dirty = fc.array(piece, { maxLength: 12 }).map((ps) => ps.join(''));

describe('normalise properties', () => {
  it('keeps every norm span mapped into the caller text, monotonically, without splitting pairs', () => {
    fc.assert(
      fc.property(dirty, fc.nat(), fc.nat(), (text, a, b) => {
        const doc = new Doc(text);
        normalise(doc);
        const n = doc.norm.text.length;
        let prev = { start: 0, end: 0 };
        for (let i = 0; i < n; i++) {
          const o = doc.toOriginal({ start: i, end: i + 1 });
          expect(0 <= o.start && o.start <= o.end && o.end <= text.length).toBe(true);
          expect(o.start).toBeGreaterThanOrEqual(prev.start);
          expect(o.end).toBeGreaterThanOrEqual(prev.end);
          prev = o;
        }
        // a random span maps to a real slice of the caller's text, never half a surrogate pair
        // (on code-point boundaries of norm)
        let s = n ? a % (n + 1) : 0;
        let e = s + (n - s ? b % (n - s + 1) : 0);
        if (isLow(doc.norm.text, s)) s--;
        if (isLow(doc.norm.text, e)) e++;
        const o = doc.toOriginal({ start: s, end: e });
        expect(0 <= o.start && o.start <= o.end && o.end <= text.length).toBe(true);
        if (o.end > o.start) {
          expect(isLow(text, o.start)).toBe(false);
          expect(isLow(text, o.end)).toBe(false);
          expect(text.includes(text.slice(o.start, o.end))).toBe(true);
        }
        // the whole text maps to the whole text (less a trailing pinyin annotation, which maps to nothing)
        if (n > 0) {
          const whole = doc.toOriginal({ start: 0, end: n });
          expect(whole.start).toBe(0);
          expect(text.slice(whole.end)).toMatch(/^(?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔù]+[)）])*$/u);
        }
        // garbled spans: sorted, disjoint, in range, filled with U+FFFD
        let last = 0;
        for (const g of doc.garbled) {
          expect(g.start).toBeGreaterThanOrEqual(last);
          expect(g.end).toBeGreaterThan(g.start);
          expect(g.end).toBeLessThanOrEqual(n);
          expect(doc.norm.text.slice(g.start, g.end)).toMatch(/^\uFFFD+$/);
          last = g.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('removes injected pinyin and nothing else (round trip)', () => {
    const item = fc.tuple(fc.constantFrom(...SIMP), fc.option(fc.constantFrom(...SYL), { nil: undefined }));
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 30 }), (items) => {
        const plain = items.map(([c]) => c).join('');
        const text = items.map(([c, p]) => (p ? `${c}(${p})` : c)).join('');
        const doc = new Doc(text);
        normalise(doc);
        expect(doc.norm.text).toBe(plain);
        expect(doc.garbled).toEqual([]);
        for (let i = 0; i < plain.length; i++) {
          const o = doc.norm.toOriginal(i, i + 1);
          expect(text.slice(o.start, o.end)).toBe(plain[i]);
          // a mention's span (Doc.toOriginal) ends after its last character's annotation (ANNOTATION.md)
          const m = doc.toOriginal({ start: i, end: i + 1 });
          const [c, p] = items[i];
          expect(text.slice(m.start, m.end)).toBe(p ? `${c}(${p})` : c);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('leaves clean simplified text unchanged and identity-mapped', () => {
    const clean = fc.array(fc.constantFrom(...SIMP, '，', '。', '?', '\n', '😀', '2023'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(clean, (text) => {
        const doc = new Doc(text);
        normalise(doc);
        expect(doc.norm.text).toBe(text.replace(/，/g, ','));
        expect(doc.garbled).toEqual([]);
        if (text) expect(doc.toOriginal({ start: 0, end: text.length })).toEqual({ start: 0, end: text.length });
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
