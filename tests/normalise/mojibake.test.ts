import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { MappedText } from '../../src/pipeline/mapped-text.js';
import { repairMojibake } from '../../src/pipeline/normalise/mojibake.js';

/** UTF-8 bytes of `s` read as GBK. */
const utf8AsGbk = (s: string) => iconv.decode(Buffer.from(s, 'utf8'), 'gbk');
/** GBK bytes of `s` with the first byte lost (shown as `?`), the rest read in the wrong step. */
const shifted = (s: string) => '?' + iconv.decode(iconv.encode(s, 'gbk').subarray(1), 'gbk');
const repaired = (s: string) => MappedText.identity(s).edit(repairMojibake(s).edits).text;

/** A snippet imitating the scraped article: a lost byte, GBK read one byte out of step, full-width `！` folded to `!`. */
const ARTICLE = '公司產品銷量都超過歷史最高紀錄?!卑倜χ校瑲W微時尚集團股份有限公司董事長李玉龍告訴記者';

describe('repairMojibake', () => {
  it('repairs a GBK run misaligned by a lost byte, leaving the company name intact', () => {
    const r = repairMojibake(ARTICLE);
    expect(r.edits).toHaveLength(1);
    const e = r.edits[0];
    expect(ARTICLE.slice(e.start, e.end)).toBe('?!卑倜χ校瑲W');
    // 之 was lost with a dropped byte pair: nothing tells it was there
    expect(e.text).toBe('。”百忙中，歐');
    expect(ARTICLE.slice(e.end)).toMatch(/^微時尚集團股份有限公司/);
    expect(r.garbled).toEqual([]);
  });

  it('repairs the other misaligned runs of the same kind', () => {
    expect(repaired('來勢喜人?!坝唵纬掷m(xù)增多')).toBe('來勢喜人。“訂單持續(xù)增多');
    expect(repaired('過8000萬元?!敝x曙信心滿滿。')).toBe('過8000萬元。”謝曙信心滿滿。');
  });

  it('repairs UTF-8 read as GBK', () => {
    for (const s of ['紀錄。”百忙之中，歐微時尚集團', '株洲市发改委主任刘海宾介绍', '國家高新技術企業', '经济发展']) {
      const bad = utf8AsGbk(s);
      // a trailing half character is lost (U+FFFD): see the garbled test below
      if (bad.includes('\uFFFD')) continue;
      expect(repaired(`前文：${bad}。`)).toBe(`前文：${s}。`);
    }
    expect(repaired(`他说${utf8AsGbk('株洲市发改委')}今天`)).toBe('他说株洲市发改委今天');
  });

  it('marks a cut-off last character as garbled, precisely', () => {
    // 的中文。 : the last byte of 。 is lost
    const text = `${utf8AsGbk('微時尚集團的中文。')}後來`;
    const r = repairMojibake(text);
    expect(r.garbled).toHaveLength(1);
    const g = r.garbled[0];
    expect(text.slice(g.end)).toBe('後來');
    // 。 (E3 80 82) became 銆 (E3 80) and a lost byte
    expect(text.slice(g.start, g.end)).toBe('銆\uFFFD');
    expect(r.edits.map((e) => e.text).join('')).toBe('微時尚集團的中文');
    expect(r.edits.every((e) => e.end <= g.start)).toBe(true);
  });

  it('marks unexplained damage after a lost byte as garbled', () => {
    const text = '項目?jī)?nèi)容、學位申請?zhí)崾緛砹?/a>';
    const r = repairMojibake(text);
    expect(r.garbled.map((g) => text.slice(g.start, g.end))).toEqual(['?jī)', '?nèi)', '?zhí)崾緛砹?']);
  });

  it('does not fire on ordinary Chinese text', () => {
    const normal = [
      '株洲市发改委主任刘海宾介绍，春节前，该市就对今年549个重点项目逐一建档立卡。',
      '株洲市發改委主任劉海賓介紹，春節前，該市就對今年549個重點項目逐一建檔立卡。',
      '空气炸锅放碗会炸吗?空气炸锅一定要垫纸吗?2023-03-17',
      '空氣炸鍋放碗會炸嗎?空氣炸鍋一定要墊紙嗎?電腦如何格式化?',
      '苹果按钮浮标怎么设置呢?蘋果手機如何截圖?',
      '魑魅魍魉、饕餮、龘、齉、鬱鬱蔥蔥、犇、淼、𠮷野家、𩸽',
      '他問：“你去哪兒?”我說：“回家。”',
      '淳华氢能源科技(湖南)有限公司董事长谢曙正在谋划“氢能科技产业园”的布局。',
      '公租房排名20W+家庭，撿漏葵福嘉園進行中！3月16日選房簡報|天天快消息',
      'Hello? 世界，ＡＢＣ１２３，😀👨‍👩‍👧 emoji 和 astral 𠀀𠀁。',
      '乾隆皇帝下江南，頭髮、發展、後來、皇后。',
      '鄧小平、習近平、李克強在北京會見了歐盟代表團。',
      '经济發展，我們的国家很強大，人民生活水平不断提高。',
      '?',
      '??!!',
      '???什么',
      '',
    ];
    for (const s of normal) expect(repairMojibake(s), s).toEqual({ edits: [], garbled: [] });
  });

  it('does not fire on random ordinary text (seeded)', () => {
    const ch = fc.constantFrom(
      ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由过經濟發展們國時會來對學從說還與',
      ...'，。、“”：；？！?（）',
    );
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 60 }), (cs) => {
        const s = cs.join('');
        expect(repairMojibake(s)).toEqual({ edits: [], garbled: [] });
      }),
      { seed: 20231117, numRuns: 400 },
    );
  });

  it('repairs or marks generated mojibake, never crashing, with valid spans', () => {
    const word = fc.constantFrom('经济', '發展', '株洲', '有限公司', '董事長', '信心满满', '。', '“', '”', '，');
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 10 }), fc.boolean(), fc.nat(40), (ws, kind, drop) => {
        const s = ws.join('');
        let bad: string;
        if (kind) bad = shifted(s);
        else {
          const b = Buffer.from(s, 'utf8');
          const k = drop % b.length;
          bad = iconv.decode(Buffer.concat([b.subarray(0, k), b.subarray(k + 1)]), 'gbk');
        }
        const text = `据报道${bad}记者`;
        const r = repairMojibake(text);
        const spans = [...r.edits, ...r.garbled].sort((a, b) => a.start - b.start);
        for (let i = 0; i < spans.length; i++) {
          expect(spans[i].start).toBeGreaterThanOrEqual(i ? spans[i - 1].end : 0);
          expect(spans[i].end).toBeLessThanOrEqual(text.length);
        }
        // the clean neighbours survive
        expect(repaired(text).startsWith('据报道')).toBe(true);
        expect(repaired(text).endsWith('记者')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('fully repairs whole-character-aligned UTF-8-as-GBK runs', () => {
    const word = fc.constantFrom('经济', '發展', '株洲市', '有限公司', '董事長', '信心', '。', '“', '”', '，');
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 8 }), (ws) => {
        const s = ws.join('');
        const bad = utf8AsGbk(s);
        // repairs need some Han character to judge by
        fc.pre(!bad.includes('\uFFFD') && /\p{Script=Han}/u.test(s));
        expect(repaired(`甲：${bad}。`)).toBe(`甲：${s}。`);
      }),
      { numRuns: 100 },
    );
  });
});
