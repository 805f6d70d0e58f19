/**
 * Forms of the ninth session: bare `清明` and `重阳` as days wherever the festival is meant (not `政治清明`, not a
 * name), a bare `后两个月` that opens a clause or answers a `前三个月` (the year's last months), and a previous month
 * or quarter that states its own figure after the period of its sentence (`第三季增长1.8%，上季为2.5%`: the
 * second quarter), a bare `月底` (the end of the month published in), a range of weekdays (`下周一至周三`) and
 * `当年` (the year of the date just mentioned, like `同年`).
 * Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import { dateRows as found, type DateRow as Row } from '../../helpers/values.js';
import type { Region } from '../../../src/pipeline/recognise/amounts/index.js';

describe('bare 清明 and 重阳', () => {
  it.each<[string, Row[]]>([
    ['清明扫墓的人很多', [['清明', '2024-04-04', '2024-04-04', 'day']]],
    ['今年清明，市民踏青出游', [['今年清明', '2024-04-04', '2024-04-04', 'day']]],
    ['端午、重阳都是传统节日', [['端午', '2024-06-10', '2024-06-10', 'day'], ['重阳', '2024-10-11', '2024-10-11', 'day']]],
    ['每逢重阳，社区为老人送上慰问', [['重阳', '2024-10-11', '2024-10-11', 'day']]],
    ['清明踏青、重阳赏菊', [['清明', '2024-04-04', '2024-04-04', 'day'], ['重阳', '2024-10-11', '2024-10-11', 'day']]],
  ])('%s', (text, rows) => {
    expect(found(text, '2024-05-15')).toEqual(rows);
  });

  it.each(['政治清明', '吏治清明，百姓安居', '清明上河图真迹'])('%s is no date', (text) => {
    expect(found(text, '2024-05-15')).toEqual([]);
  });
  it('重阳宫 is no festival (the dynasty it was built in is a period: periods.test.ts)', () => {
    expect(found('重阳宫始建于金代', '2024-05-15')).toEqual([['金代', '1115-01-01', '1234-12-31', 'century', true]]);
  });
});

describe('a bare 后N个月 is the year\'s last months only where it opens a clause or answers 前N个月', () => {
  it.each<[string, Row[]]>([
    ['前三个月销量增长，后两个月将放缓', [['前三个月', '2024-01-01', '2024-03-31', 'month'], ['后两个月', '2024-11-01', '2024-12-31', 'month']]],
    ['后两个月订单回升', [['后两个月', '2024-11-01', '2024-12-31', 'month']]],
  ])('%s', (text, rows) => {
    expect(found(text, '2024-05-15')).toEqual(rows);
  });

  it.each(['项目投产后两个月即实现盈利', '门店开业后3个月内回本'])('%s: the months after something, no date', (text) => {
    expect(found(text, '2024-05-15')).toEqual([]);
  });
});

describe('a previous period that states its own figure after the period of its sentence', () => {
  it.each<[string, string, Region, Row[]]>([
    ['第三季GDP增幅為1.8%，上季為2.5%', '2024-11-20', 'HK', [
      ['第三季', '2024-07-01', '2024-09-30', 'quarter'], ['上季', '2024-04-01', '2024-06-30', 'quarter'],
    ]],
    ['10月CPI同比上涨2.1%，上月为1.8%', '2024-11-09', 'CN', [
      ['10月', '2024-10-01', '2024-10-31', 'month'], ['上月', '2024-09-01', '2024-09-30', 'month'],
    ]],
  ])('%s', (text, pub, region, rows) => {
    expect(found(text, pub, region)).toEqual(rows);
  });

  it('a previous month in a sentence of its own is the month before published', () => {
    expect(found('10月CPI同比上涨2.1%。上月出口为1.8万亿元', '2024-11-09')).toEqual([
      ['10月', '2024-10-01', '2024-10-31', 'month'], ['上月', '2024-10-01', '2024-10-31', 'month'],
    ]);
  });
});

describe('a bare 月底 and a range of weekdays', () => {
  it.each<[string, Row[]]>([
    ['整改须在月底前完成', [['月底', '2024-11-30', '2024-11-30', 'day']]],
    ['下周一至周三有雨', [['下周一至周三', '2024-11-25', '2024-11-27', 'day']]],
    ['周五到周日转晴', [['周五到周日', '2024-11-22', '2024-11-24', 'day']]],
    ['展览周六至周一开放', [['周六至周一', '2024-11-23', '2024-11-25', 'day']]],
  ])('%s', (text, rows) => {
    expect(found(text, '2024-11-20')).toEqual(rows);
  });

  it.each(['每月末结算一次', '3月底'])('%s is not the month published in', (text) => {
    expect(found(text, '2024-11-20').map((r) => r[1])).not.toContain('2024-11-30');
  });
});

describe('当年: the year of the date just mentioned', () => {
  it('takes the year of the date before it', () => {
    expect(found('2018年公司在港上市，当年营收增长两成', '2024-11-20')).toEqual([
      ['2018年', '2018-01-01', '2018-12-31', 'year'], ['当年', '2018-01-01', '2018-12-31', 'year'],
    ]);
  });

  it.each(['想当年他还是个孩子', '当年轻人遇到困难时', '当年度预算尚未公布', '他当年就来过这里'])('%s: no date', (text) => {
    expect(found(text, '2024-11-20')).toEqual([]);
  });
});

describe('words that look like dates and are not', () => {
  it.each([
    '营收创同期新高', '刷新同期最佳表现', '续创同期最低', // 同期 as every same period before: a record, no date
    '之后年年增加', // 后年 inside 之后年年
    '开放珠海居民一周一行', // 周一 inside 一周一行
  ])('%s', (text) => {
    expect(found(text, '2024-11-20')).toEqual([]);
  });

  it('同期 compared with is still a date', () => {
    expect(found('10月营收较去年同期增长5%', '2024-11-20').map((r) => r[0])).toEqual(['10月', '去年同期']);
  });
});

describe('a clock time on the hour written with 正 (Macao and Hong Kong notices)', () => {
  it.each<[string, Row[]]>([
    ['截止时间为十月三十日下午五时正', [['十月三十日下午五时正', '2024-10-30T17:00', '2024-10-30T17:00', 'hour']]],
    ['10月30日下午5时正值高峰', [['10月30日下午5时', '2024-10-30T17:00', '2024-10-30T17:00', 'hour']]],
  ])('%s', (text, rows) => {
    expect(found(text, '2024-09-26', 'MO')).toEqual(rows);
  });
});

describe('a period compared with is not what a later 同期 refers back to', () => {
  it('比去年 does not anchor the next 去年同期; 2019年的同期 is one span', () => {
    const text = '今年1至9月诊疗人次增长，前三季度和2019年的同期相比增长12.4%，床位使用率比去年提高7.6个百分点，与去年同期相比增长6%';
    expect(found(text, '2023-11-02').map((r) => r.slice(0, 3))).toEqual([
      ['今年1至9月', '2023-01-01', '2023-09-30'],
      ['前三季度', '2023-01-01', '2023-09-30'],
      ['2019年的同期', '2019-01-01', '2019-09-30'],
      ['去年', '2022-01-01', '2022-12-31'],
      ['去年同期', '2022-01-01', '2022-09-30'],
    ]);
  });

  it('由下星期一起 is a start, not a period compared with: 同日 is that day', () => {
    expect(found('由下星期一起新增3条巴士线。同日5条路线改道', '2025-12-16').map((r) => r.slice(0, 2))).toEqual([
      ['下星期一', '2025-12-22'], ['同日', '2025-12-22'],
    ]);
  });
});

describe('同一季度 is the same quarter, not the first', () => {
  it('leaves 一季度 of 同一季度 alone', () => {
    expect(found('与去年同一季度相比增长，第一季度亦增长', '2025-08-14').map((r) => r[0])).toEqual(['去年', '第一季度']);
  });
});

describe("past year and quarters as reports write them", () => {
  it('过去的一年 in a report of the first months is last year; later in the year no date', () => {
    expect(found('过去的一年，全区经济增长5%', '2025-01-14')).toEqual([['过去的一年', '2024-01-01', '2024-12-31', 'year']]);
    expect(found('过去的一年，全区经济增长5%', '2025-06-14')).toEqual([]);
  });
  it('a two-digit year with 年 before Q1-Q4', () => {
    expect(found('25 年Q3营收增长，2024年Q1', '2025-11-05')).toEqual([
      ['25 年Q3', '2025-07-01', '2025-09-30', 'quarter'], ['2024年Q1', '2024-01-01', '2024-03-31', 'quarter'],
    ]);
  });
});
