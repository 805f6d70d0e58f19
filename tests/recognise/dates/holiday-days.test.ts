/**
 * Forms of the seventh session: days of a holiday counted from its first (`假期第四天`, `五一前三天`), New Year's Eve at
 * the turn of the Gregorian year (Hong Kong's `除夕倒数`), `元旦日` with a clock time, `元月`, `岁末`, a zodiac year with
 * the element the press adds (`金蛇年`), a year opening an event's name before 台湾. Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import { dateRows as found, type DateRow as Row } from '../../helpers/values.js';
import type { Region } from '../../../src/pipeline/recognise/amounts/index.js';

describe('days of a holiday counted from its first', () => {
  it.each<[string, string, Row[]]>([
    // 2023's 五一 holiday ran 29 April – 3 May
    ['“五一”假期第四天，景区客流平稳', '2023-05-03', [['“五一”假期第四天', '2023-05-02', '2023-05-02', 'day']]],
    ['五一前三天全国出游人次大增', '2023-05-03', [['五一前三天', '2023-04-29', '2023-05-01', 'day']]],
    ['五一小长假前3天消费旺', '2023-05-03', [['五一小长假前3天', '2023-04-29', '2023-05-01', 'day']]],
    ['国庆假期最后一天迎来返程高峰', '2024-10-07', [['国庆假期最后一天', '2024-10-07', '2024-10-07', 'day']]],
    ['春节假期第二天', '2024-02-11', [['春节假期第二天', '2024-02-11', '2024-02-11', 'day']]],
  ])('%s', (text, pub, rows) => {
    expect(found(text, pub)).toEqual(rows);
  });

  it('reads 春节前三天 as the days before the festival, not the holiday’s first three', () => {
    expect(found('春节前三天返乡人流最多', '2024-01-20')).toEqual([['春节前', '2024-01-27', '2024-02-09', 'day', true]]);
  });
});

describe('New Year’s Eve at the turn of the Gregorian year', () => {
  it.each<[string, string, Row[]]>([
    ['启德主场馆将于除夕举行倒数音乐会', '2025-12-29', [['除夕', '2025-12-31', '2025-12-31', 'day']]],
    ['除夕下午6时30分至9时封路', '2025-12-30', [['除夕下午6时30分至9时', '2025-12-31T18:30', '2025-12-31T21:00', 'minute']]],
    ['恒指在除夕收市', '2025-12-31', [['除夕', '2025-12-31', '2025-12-31', 'day']]],
  ])('%s', (text, pub, rows) => {
    expect(found(text, pub, 'HK')).toEqual(rows);
  });

  it('keeps the lunar 除夕 where the paragraph speaks of the lunar new year, or far from 31 December', () => {
    expect(found('农历新年除夕全家团圆', '2025-12-29', 'HK')).toEqual([['农历新年除夕', '2026-02-16', '2026-02-16', 'day']]);
    expect(found('除夕夜全家团圆', '2026-01-20')).toEqual([['除夕', '2026-02-16', '2026-02-16', 'day']]);
    expect(found('今年除夕在2月', '2025-12-10')).toEqual([
      ['今年除夕', '2025-01-28', '2025-01-28', 'day'],
      ['2月', '2025-02-01', '2025-02-28', 'month'],
    ]);
  });
});

describe('more names of days, months and years', () => {
  it.each<[string, string, Row[]]>([
    ['元旦日凌晨零时30分散场', '2025-12-29', [['元旦日凌晨零时30分', '2026-01-01T00:30', '2026-01-01T00:30', 'minute']]],
    ['今年元月销量增长', '2026-02-11', [['今年元月', '2026-01-01', '2026-01-31', 'month']]],
    ['2026年元月1日起施行', '2025-12-01', [['2026年元月1日', '2026-01-01', '2026-01-01', 'day']]],
    ['岁末天寒，注意保暖', '2025-12-29', [['岁末', '2025-12-01', '2025-12-31', 'month']]],
    ['迎接金蛇年', '2025-01-20', [['金蛇年', '2025-01-29', '2026-02-16', 'year']]],
    ['2024台湾灯会在台南举行', '2023-03-30', [['2024', '2024-01-01', '2024-12-31', 'year']]],
  ])('%s', (text, pub, rows) => {
    expect(found(text, pub)).toEqual(rows);
  });

  it.each(['美元月均汇率走高', '每户100元月租', '木马年', '新增2024台设备'])('no date in %s', (text) => {
    expect(found(text, '2025-06-01')).toEqual([]);
  });
});

describe('a festival with its year as an event writes it, on its own day, and the same holiday of another year', () => {
  it.each<[string, string, string, Row[]]>([
    ['2025国庆焰火在南投施放', '2025-09-14', 'TW', [['2025国庆', '2025-10-10', '2025-10-10', 'day']]],
    ['114年国庆焰火', '2025-09-14', 'TW', [['114年国庆', '2025-10-10', '2025-10-10', 'day']]],
    ['国庆当晚施放焰火', '2025-09-14', 'TW', [['国庆当晚', '2025-10-10', '2025-10-10', 'day']]],
    ['端午节日期间，消费额较2022年节日同期增长10%，比2019年节日同期增长5%', '2023-06-25', 'CN', [
      ['端午节日期间', '2023-06-22', '2023-06-24', 'day'],
      // (a 同期 of another year after a festival's days is that year's festival: 2022's and 2019's 端午 holidays)
      ['2022年节日同期', '2022-06-03', '2022-06-05', 'day'],
      ['2019年节日同期', '2019-06-07', '2019-06-09', 'day'],
    ]],
  ])('%s', (text, pub, region, rows) => {
    expect(found(text, pub, region as Region)).toEqual(rows);
  });

  it('reads a 民国 year before a festival only in Taiwan text', () => {
    expect(found('114年国庆', '2025-09-14', 'CN')).toEqual([['国庆', '2025-10-01', '2025-10-01', 'day']]);
  });

  it('a period compared with is never what the next 同期 refers back to (上年同期 twice is still the year before)', () => {
    const text = '预计2024年1-6月净利润为负,与上年同期相比将亏损。二、上年同期经营业绩';
    expect(found(text, '2024-07-10').map((r) => r.slice(0, 3))).toEqual([
      ['2024年1-6月', '2024-01-01', '2024-06-30'],
      ['上年同期', '2023-01-01', '2023-06-30'],
      ['上年同期', '2023-01-01', '2023-06-30'],
    ]);
  });
});
