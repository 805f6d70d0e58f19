/**
 * Amounts and dates end to end through the pipeline: traditional and full-width input is
 * normalised, recognised, and mapped back, so every mention's text is the caller's slice;
 * the region is inferred from the article (or stated) and decides what a bare 元 is.
 */
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../../src/pipeline/pipeline.js';
import type { NameEngine } from '../../../src/pipeline/recognise/engines/name-engine.js';

const noNames: NameEngine = { name: 'none', model: 'none', recognise: async () => [] };
const pipeline = createPipeline({ engines: new Map([['none', noNames]]) });

async function values(text: string, published = '2024-05-15') {
  const doc = await pipeline.run({ text, published }, { engine: 'none' });
  return {
    region: doc.region,
    mentions: doc.mentions
      .map((m) => ({ ...m, ...doc.toOriginal(m) }))
      .sort((a, b) => a.start - b.start)
      .map((m) => [text.slice(m.start, m.end), m.type, m.value] as const),
  };
}

describe('traditional and full-width input through the pipeline', () => {
  it.each([
    ['失業率回落0.8個百分點。', [['0.8個百分點', 'PERCENT', { value: 0.8, unit: 'percentage_point' }]]],
    ['增幅為３．５ ％。', [['３．５ ％', 'PERCENT', { value: 3.5 }]]],
    ['受訪者中八成三表示支持。', [['八成三', 'PERCENT', { value: 83 }]]],
    ['全場貨品打八折。', [['八折', 'PERCENT', { value: 80 }]]],
    ['今年以來，氣溫零下8攝氏度。', [
      ['今年以來', 'DATE', { start: '2024-01-01', end: '2024-05-15', grain: 'day' }],
      ['零下8攝氏度', 'QUANTITY', { value: -8, unit: '°C' }],
    ]],
    ['上世紀80年代，面積3.2萬平方米。', [
      ['上世紀80年代', 'DATE', { start: '1980-01-01', end: '1989-12-31', grain: 'decade' }],
      ['3.2萬平方米', 'QUANTITY', { value: 32000, unit: 'm2' }],
    ]],
    ['中秋節前後，月餅售價80至120元。', [
      ['中秋節前後', 'DATE', { start: '2024-09-10', end: '2024-09-24', grain: 'day', vague: true }],
      ['80至120元', 'MONEY', { amount: 80, amount_max: 120, currency: 'TWD' }],
    ]],
  ])('%s', async (text, expected) => {
    expect((await values(text)).mentions).toEqual(expected);
  });

  it('a Hong Kong article: 元 is HKD, 兆 is 10^12, fiscal years run April to March', async () => {
    const text = '港股今日收市，恒指下跌。特區政府公布2025/26年度預算，開支達8000億元，另撥2兆元。';
    const r = await values(text);
    expect(r.region.region).toBe('HK');
    expect(r.region.reason).toMatch(/港股|特区政府/);
    expect(r.mentions).toEqual([
      ['今日', 'DATE', { start: '2024-05-15', end: '2024-05-15', grain: 'day' }],
      ['2025/26年度', 'DATE', { start: '2025-04-01', end: '2026-03-31', grain: 'year' }],
      ['8000億元', 'MONEY', { amount: 800_000_000_000, currency: 'HKD' }],
      ['2兆元', 'MONEY', { amount: 2_000_000_000_000, currency: 'HKD' }],
    ]);
  });

  it('a note (`人民幣，下同`) makes the bare 元 of a Hong Kong article renminbi, its headline included', async () => {
    const text = '港股今日收市，中移動中期多賺至702億元。\n股東應佔利潤702.75億元(人民幣,下同)，每股盈利3.29元。\n營業收入4969億元，派息43港元。';
    const r = await values(text);
    expect(r.region.region).toBe('HK');
    expect(r.mentions.filter((m) => m[1] === 'MONEY').map((m) => [m[0], (m[2] as { currency: string }).currency])).toEqual([
      ['702億元', 'CNY'], ['702.75億元', 'CNY'], ['3.29元', 'CNY'], ['4969億元', 'CNY'], ['43港元', 'HKD'],
    ]);
  });
  it('a Taiwan article: 元 is TWD; a mainland one: CNY', async () => {
    const tw = await values('台北市政府表示，行政院核定補助新臺幣逾2.1兆元，另撥350億元。');
    expect(tw.region.region).toBe('TW');
    expect(tw.mentions.filter((m) => m[1] === 'MONEY')).toEqual([
      ['新臺幣逾2.1兆元', 'MONEY', { amount: 2_100_000_000_000, currency: 'TWD', approx: true }],
      ['350億元', 'MONEY', { amount: 35_000_000_000, currency: 'TWD' }],
    ]);
    const cn = await values('国务院常务会议决定,安排资金500亿元。');
    expect(cn.region.region).toBe('CN');
    expect(cn.mentions.filter((m) => m[1] === 'MONEY')).toEqual([['500亿元', 'MONEY', { amount: 50_000_000_000, currency: 'CNY' }]]);
  });
});
