/**
 * Forms of the twelfth session: a year without 年 before Taiwan's quarters (`2023首季`, `2023第一季`); a relative day
 * with its month/day in brackets (`今(4/27)`, `昨(12/31)` across the new year); `今年内` / `2025年内` and a bare `年内`
 * (the published year; not `三年内`, `近年内`, `今年内容`); `今年中` (June–July, vague) only where the year's middle is meant
 * (not `今年中国`, `今年中秋`); a page's time stamp with seconds (`2025-07-28 17:07:47`: one date-time); a bare first day before
 * a day range (`24至27日`); a schedule line `10/18(六) 17:05` (month/day with its weekday, and a time).
 * Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import { dateRows as found, type DateRow as Row } from '../../helpers/values.js';

describe('a year without 年 before a quarter (Taiwan)', () => {
  it.each<[string, Row[]]>([
    ['友达召开2023首季法说会', [['2023首季', '2023-01-01', '2023-03-31', 'quarter']]],
    ['举行2023第一季法人说明会，2024第3季展望', [['2023第一季', '2023-01-01', '2023-03-31', 'quarter'], ['2024第3季', '2024-07-01', '2024-09-30', 'quarter']]],
  ])('%s', (text, rows) => {
    expect(found(text, '2023-04-27')).toEqual(rows);
  });
  it('a count of seasons is no date (2023第一季度 still is)', () => {
    expect(found('2023第一季度营收', '2023-04-27')).toEqual([['2023第一季度', '2023-01-01', '2023-03-31', 'quarter']]);
  });
});

describe('a relative day with its month/day in brackets', () => {
  it.each<[string, string, Row[]]>([
    ['友达今(4/27)举办法说会', '2023-04-27', [['今(4/27)', '2023-04-27', '2023-04-27', 'day']]],
    ['台股昨(12/31)封关', '2024-01-01', [['昨(12/31)', '2023-12-31', '2023-12-31', 'day']]],
    ['明(4/28)起实施', '2023-04-27', [['明(4/28)', '2023-04-28', '2023-04-28', 'day']]],
  ])('%s (published %s)', (text, pub, rows) => {
    expect(found(text, pub)).toEqual(rows);
  });
  it('a bracketed day that is not that day is left alone', () => {
    expect(found('今(5/1)起实施', '2023-04-27')).toEqual([]);
  });
});

describe('年内 and 年中', () => {
  it.each<[string, Row[]]>([
    ['确定今年内动工', [['今年内', '2025-01-01', '2025-12-31', 'year']]],
    ['工程于2024年内完成', [['2024年内', '2024-01-01', '2024-12-31', 'year']]],
    ['预计年内投产运营', [['年内', '2025-01-01', '2025-12-31', 'year']]],
    ['台积电今年中以7100万美元购入设备', [['今年中', '2025-06-01', '2025-07-31', 'month', true]]],
    ['世界先进去年中宣布合资', [['去年中', '2024-06-01', '2024-07-31', 'month', true]]],
  ])('%s', (text, rows) => {
    expect(found(text, '2025-08-13')).toEqual(rows);
  });
  it.each(['三年内完成', '一年内还清', '年内容丰富'])('%s: no date', (text) => {
    expect(found(text, '2025-08-13')).toEqual([]);
  });
  it('今年中国 keeps 今年 alone; 今年中秋 is the festival', () => {
    expect(found('今年中国经济增长，今年中秋', '2025-08-13').map((r) => r[0])).toEqual(['今年', '今年中秋']);
  });
});

describe("a page's time stamp with seconds", () => {
  it('2025-07-28 17:07:47 twice is two date-times, not a time before the next date', () => {
    expect(found('2025-07-28 17:07:47 2025-07-28 17:07:47 来源', '2025-07-28')).toEqual([
      ['2025-07-28 17:07:47', '2025-07-28T17:07', '2025-07-28T17:07', 'minute'],
      ['2025-07-28 17:07:47', '2025-07-28T17:07', '2025-07-28T17:07', 'minute'],
    ]);
  });
});

describe('a bare first day before a day range, and a schedule line', () => {
  it.each<[string, Row[]]>([
    ['一连四日(24至27日)在启德举行', [['24至27日', '2025-04-24', '2025-04-27', 'day']]],
    ['26到28日开放', [['26到28日', '2025-04-26', '2025-04-28', 'day']]],
  ])('%s', (text, rows) => {
    expect(found(text, '2025-04-27')).toEqual(rows);
  });
  it('a score or a holiday day count before a day is left out (3-27日, 第1至3日)', () => {
    expect(found('比分3-27日，第1至3日', '2025-04-27').map((r) => r[0])).toEqual(['27日', '3日']);
  });
  it.each<[string, Row[]]>([
    ['G1 10/18(六) 17:05 中信兄弟 台北大巨蛋', [['10/18(六) 17:05', '2025-10-18T17:05', '2025-10-18T17:05', 'minute']]],
    ['10/19(日)开打', [['10/19(日)', '2025-10-19', '2025-10-19', 'day']]],
  ])('%s', (text, rows) => {
    expect(found(text, '2025-10-13', 'TW')).toEqual(rows);
  });
  it('a month/day whose weekday fits no year next to published is no date', () => {
    expect(found('10/18(一)开打', '2025-10-13', 'TW')).toEqual([]);
  });
});
