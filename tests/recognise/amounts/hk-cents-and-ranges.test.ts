/**
 * Hong Kong's electricity-tariff prose (`每度电140.6仙`, `按年下降2.6%`, `两电`) is Hong Kong text even with no other
 * regional word, and a range whose high end writes only 元 keeps the low end's currency (`美金2,000万元至2,300万元`).
 * Sentences are our own (normalised: simplified script).
 */
import { describe, expect, it } from 'vitest';
import { chooseRegion, type Region } from '../../../src/pipeline/recognise/amounts/index.js';
import { amountRows as found, type AmountRow as Row } from '../../helpers/values.js';

describe('Hong Kong cues in traditional text', () => {
  it.each<[string, Region]>([
    ['两电将于明年1月下调净电费，中电的最新净电费为每度电140.6仙，按年下降2.6%。', 'HK'],
    ['公司营业额按年上升一成，每股派息12仙。', 'HK'],
    ['澳门统计局指，入境旅客按年上升8%，澳门元存款按月增加。', 'MO'],
    ['经济部今天公布外销订单，年增一成。', 'TW'],
  ])('%s → %s', (text, region) => {
    expect(chooseRegion(text, 'traditional').region).toBe(region);
  });

  it('keeps simplified mainland text mainland with 按年 in it', () => {
    expect(chooseRegion('该企业营收按年增长5%，同比提高。', 'simplified').region).toBe('CN');
  });

  it('reads 仙 as Hong Kong cents in Hong Kong text', () => {
    expect(found('每度电140.6仙，下调3.7仙', 'HK')).toEqual([
      ['140.6仙', 'MONEY', { amount: 1.406, currency: 'HKD' }],
      ['3.7仙', 'MONEY', { amount: 0.037, currency: 'HKD' }],
    ]);
  });
});

describe('a range whose high end names no currency', () => {
  it.each<[string, Region, Row[]]>([
    ['核准美金2,000万元至2,300万元预算', 'TW', [['美金2,000万元至2,300万元', 'MONEY', { amount: 20_000_000, amount_max: 23_000_000, currency: 'USD' }]]],
    ['资本预算美金 2,000 万元至 2,300 万元', 'TW', [['美金 2,000 万元至 2,300 万元', 'MONEY', { amount: 20_000_000, amount_max: 23_000_000, currency: 'USD' }]]],
    ['港币80亿至90亿元', 'CN', [['港币80亿至90亿元', 'MONEY', { amount: 8_000_000_000, amount_max: 9_000_000_000, currency: 'HKD' }]]],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });

  it('keeps two amounts in two currencies apart', () => {
    expect(found('收购价8000万元至1亿美元', 'CN')).toEqual([
      ['8000万元', 'MONEY', { amount: 80_000_000, currency: 'CNY' }],
      ['1亿美元', 'MONEY', { amount: 100_000_000, currency: 'USD' }],
    ]);
  });
});

describe('负 before a number is its minus sign (Hong Kong and Taiwan print a fall or a loss so)', () => {
  it.each<[string, Region, Row[]]>([
    ['租金调整率为负6.4%', 'HK', [['负6.4%', 'PERCENT', { value: -6.4 }]]],
    ['净利润为负2,300万元', 'CN', [['负2,300万元', 'MONEY', { amount: -23_000_000, currency: 'CNY' }]]],
    ['误差在正负3%以内，胜负5%', 'CN', [['3%', 'PERCENT', { value: 3, approx: true }], ['5%', 'PERCENT', { value: 5 }]]],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });
});
