/**
 * Forms of the tenth session: a bare `月末` / `月底` after a month's end stated earlier in its paragraph (that
 * month's end, the date a balance is struck on), and a bare `全年` right after `完成` in a report of the year's
 * first months (`较好完成全年目标任务`: the year just ended; `确保完成全年目标` plans the new one), or before a total
 * (`全年合共提供14077伙`); a day with the festival on it (`2月24日元宵节`) and a month with `当月` (`8月当月`) as one
 * mention; `七下八上`; `前日(22日)`; bare `过年` before `快到`; a festival last year's period fell in (`去年同月适逢春节`);
 * `五月天` (the band) and `单季` are no dates; `昨(12月31日)`, `今年一一五年` (a relative year and its 民国 year), `今(2023)年首季`,
 * `今个周末`; Taiwan's `农历3月初2` (digits after 初), `国历4月12日`, and a day without its month after a day with one in its
 * paragraph (`4月17日…起驾，20日抵达`: April); trading days over weekdays; bare `中秋` only where the festival is meant; `即日至…`;
 * `2023年度农历春节`, `国庆日`, `中国航天日`.
 * Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import { dateRows as found, type DateRow as Row } from '../../helpers/values.js';

describe('a bare 月末 after a stated month end in its paragraph', () => {
  it.each<[string, Row[]]>([
    ['6月末，广义货币余额305万亿元。月末人民币存款余额295万亿元', [
      ['6月末', '2024-06-30', '2024-06-30', 'day'], ['月末', '2024-06-30', '2024-06-30', 'day'],
    ]],
    ['2023年9月底库存为120万吨，月底前已补足', [
      ['2023年9月底', '2023-09-30', '2023-09-30', 'day'], ['月底', '2023-09-30', '2023-09-30', 'day'],
    ]],
  ])('%s', (text, rows) => {
    expect(found(text, '2024-07-12')).toEqual(rows);
  });

  it('a month end stated in another paragraph does not carry over', () => {
    expect(found('6月末，贷款余额250万亿元。\n整改须在月底前完成', '2024-07-12')).toEqual([
      ['6月末', '2024-06-30', '2024-06-30', 'day'], ['月底', '2024-07-31', '2024-07-31', 'day'],
    ]);
  });
});

describe('a bare 全年 after 完成 in a report of the first months', () => {
  it.each<[string, string, Row[]]>([
    ['全区上下较好完成全年目标任务', '2025-01-14', [['全年', '2024-01-01', '2024-12-31', 'year']]],
    ['全区上下要确保完成全年目标任务', '2025-01-14', [['全年', '2025-01-01', '2025-12-31', 'year']]],
    ['较好完成全年目标任务', '2025-06-14', [['全年', '2025-01-01', '2025-12-31', 'year']]],
  ])('%s (published %s)', (text, pub, rows) => {
    expect(found(text, pub)).toEqual(rows);
  });
});

describe('a total reported in a report of the first months', () => {
  it('全年合共 in February is last year', () => {
    expect(found('全年合共提供14077伙', '2026-02-24', 'HK')).toEqual([['全年', '2025-01-01', '2025-12-31', 'year']]);
  });
});

describe('names joined to a date, and other forms', () => {
  it.each<[string, string, Row[]]>([
    ['灯会将于2月24日元宵节开幕', '2023-03-30', [['2月24日元宵节', '2024-02-24', '2024-02-24', 'day']]],
    ['明年3月3日元宵节登场', '2025-02-24', [['明年3月3日元宵节', '2026-03-03', '2026-03-03', 'day']]],
    ['8月当月，出口增长5%', '2024-09-19', [['8月当月', '2024-08-01', '2024-08-31', 'month']]],
    ['今年七下八上期间防汛', '2025-07-01', [['今年七下八上', '2025-07-21', '2025-08-10', 'day']]],
    ['前日(22日)一名老翁接到电话，后日(26日)提堂', '2025-12-24', [
      ['前日(22日)', '2025-12-22', '2025-12-22', 'day'], ['后日(26日)', '2025-12-26', '2025-12-26', 'day'],
    ]],
    ['过年快到了，鸡蛋需求增', '2026-01-26', [['过年', '2026-02-17', '2026-02-17', 'day']]],
    ['加上去年同月适逢春节，基数较低', '2026-03-04', [['去年同月', null, null, 'month', true], ['春节', '2025-01-29', '2025-01-29', 'day']]],
  ])('%s (published %s)', (text, pub, rows) => {
    expect(found(text, pub)).toEqual(rows);
  });

  it.each(['五月天演唱会门票售罄', '前日召开会议', '营收创单季新高'])('%s: no date', (text) => {
    expect(found(text, '2025-12-24')).toEqual([]);
  });
});

describe('relative days and years written with their numbers', () => {
  it.each<[string, string, Row[]]>([
    ['田北辰昨(12月31日)表示', '2026-01-01', [['昨(12月31日)', '2025-12-31', '2025-12-31', 'day']]],
    ['今年一一五年预算与去年一一四年度', '2026-01-01', [
      ['今年一一五年', '2026-01-01', '2026-12-31', 'year'], ['去年一一四年度', '2025-01-01', '2025-12-31', 'year'],
    ]],
    ['去年2025年全年', '2026-02-11', [['去年', '2025-01-01', '2025-12-31', 'year'], ['2025年全年', '2025-01-01', '2025-12-31', 'year']]],
    ['今(2023)年首季博彩税', '2023-05-05', [['今(2023)年首季', '2023-01-01', '2023-03-31', 'quarter']]],
    ['今(2025)年入境旅客', '2025-07-08', [['今(2025)年', '2025-01-01', '2025-12-31', 'year']]],
    ['今个周末睇楼', '2025-11-30', [['今个周末', '2025-11-29', '2025-11-30', 'day']]],
  ])('%s (published %s)', (text, pub, rows) => {
    expect(found(text, pub, 'TW')).toEqual(rows);
  });
});

describe('lunar days in digits, the Gregorian calendar named, and days that take the month before them', () => {
  it.each<[string, string, Row[]]>([
    ['订于4月17日深夜10点5分(农历3月初2)起驾，20日抵达新港，26日回銮', '2026-03-03', [
      ['4月17日深夜10点5分', '2026-04-17T22:05', '2026-04-17T22:05', 'minute'], ['农历3月初2', '2026-04-18', '2026-04-18', 'day'],
      ['20日', '2026-04-20', '2026-04-20', 'day'], ['26日', '2026-04-26', '2026-04-26', 'day'],
    ]],
    ['国历4月12日(周日)起驾', '2026-03-03', [['国历4月12日(周日)', '2026-04-12', '2026-04-12', 'day']]],
    ['6月18日开工，25日完工', '2024-11-14', [['6月18日', '2024-06-18', '2024-06-18', 'day'], ['25日', '2024-06-25', '2024-06-25', 'day']]],
    // (an earlier day of the month, or another paragraph: the month published in)
    ['6月18日开工，5日完工', '2024-11-14', [['6月18日', '2024-06-18', '2024-06-18', 'day'], ['5日', '2024-11-05', '2024-11-05', 'day']]],
    ['3月5日召开会议。\n25日发布', '2024-11-14', [['3月5日', '2024-03-05', '2024-03-05', 'day'], ['25日', '2024-11-25', '2024-11-25', 'day']]],
  ])('%s', (text, pub, rows) => {
    expect(found(text, pub, 'TW')).toEqual(rows);
  });

  it('3月初 without 农历 is the first days of March, not a lunar day', () => {
    expect(found('3月初2', '2026-03-03')).toEqual([['3月初', '2026-03-01', '2026-03-10', 'day', true]]);
  });
});

describe('trading days, counted over weekdays', () => {
  it.each<[string, string, Row[]]>([
    ['近3个交易日外资卖超', '2025-09-26', [['近3个交易日', '2025-09-24', '2025-09-26', 'day']]],
    ['较上一个交易日上涨', '2025-09-22', [['上一个交易日', '2025-09-19', '2025-09-19', 'day']]],
    ['前一个交易日', '2025-07-24', [['前一个交易日', '2025-07-23', '2025-07-23', 'day']]],
  ])('%s (published %s)', (text, pub, rows) => {
    expect(found(text, pub)).toEqual(rows);
  });
});

describe('bare 中秋 is the festival where the festival is meant, and 即日 opens a range', () => {
  it.each<[string, Row[]]>([
    ['同庆中秋 (09:16)', [['中秋', '2025-10-06', '2025-10-06', 'day']]],
    ['中秋将至，市民赏月', [['中秋', '2025-10-06', '2025-10-06', 'day']]],
    ['灯会即日至10月13日举行', [['即日至10月13日', '2025-10-03', '2025-10-13', 'day']]],
  ])('%s', (text, rows) => {
    expect(found(text, '2025-10-03', 'HK')).toEqual(rows);
  });

  it.each(['维园中秋彩灯会', '中秋灯饰亮灯', '中秋打卡热点'])('%s: 中秋 as a modifier is no date', (text) => {
    expect(found(text, '2025-10-03', 'HK')).toEqual([]);
  });
});

describe('festivals after a year with 年度, and days named for an occasion', () => {
  it.each<[string, string, Row[]]>([
    ['2023年度农历春节活动', '2023-01-20', [['2023年度农历春节', '2023-01-22', '2023-01-22', 'day']]],
    ['今天是国庆日', '2023-09-30', [['今天', '2023-09-30', '2023-09-30', 'day'], ['国庆日', '2023-10-01', '2023-10-01', 'day']]],
    ['中国航天日活动', '2025-04-23', [['中国航天日', '2025-04-24', '2025-04-24', 'day']]],
  ])('%s', (text, pub, rows) => {
    expect(found(text, pub, 'MO')).toEqual(rows);
  });
});
