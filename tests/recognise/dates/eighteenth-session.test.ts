/**
 * Forms of the eighteenth session: clock times after a day (`今天下午3时许`, `起至`, midnight as `晚间12时`), `以来` after a
 * month without its year, financial years (`二〇二五年财政年度`, `下个财政年度`), Taiwan's month in brackets, `前后` / `左右`,
 * a `同期` of another year after a festival, Hong Kong's and Taiwan's new-year words, `月中`, and a weekday that a word of
 * the future introduces. Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import { dateRows as found, type DateRow as Row } from '../../helpers/values.js';
import type { Region } from '../../../src/pipeline/doc.js';

/** Each `[text, rows]`: the rows found in `text` of an article published on `pub` in `region`. */
const table = (pub: string, region: Region = 'CN', label = '%s') => (cases: [string, Row[]][]) =>
  it.each(cases)(label, (text, rows) => {
    expect(found(text, pub, region)).toEqual(rows);
  });

describe('clock times after a day', () => {
  table('2024-04-04')([
    ['今天下午3时许，一辆货车起火', [['今天下午3时许', '2024-04-04T15:00', '2024-04-04T15:00', 'hour']]],
    ['当晚9时许警方到场', [['当晚9时许', '2024-04-04T21:00', '2024-04-04T21:00', 'hour']]],
    ['今天晚上6时起至晚间12时停驶', [['今天晚上6时起至晚间12时', '2024-04-04T18:00', '2024-04-04T24:00', 'hour']]],
    ['明天午夜12时起封路', [['明天午夜12时', '2024-04-05T24:00', '2024-04-05T24:00', 'hour']]],
    ['明天中午12时开放', [['明天中午12时', '2024-04-05T12:00', '2024-04-05T12:00', 'hour']]],
  ]);

  it('does not take the 许 of 许多 (many)', () => {
    expect(found('今天下午3时许多市民到场', '2024-04-04').map((r) => r[0])).toEqual(['今天下午3时']);
  });
});

describe('以来 after a month without its year', () => {
  table('2023-05-10')([
    ['9月下旬以来，价格持续上涨', [['9月下旬以来', '2022-09-21', '2023-05-10', 'day']]],
    ['12月份以来，订单回升', [['12月份以来', '2022-12-01', '2023-05-10', 'day']]],
    ['3月以来，订单回升', [['3月以来', '2023-03-01', '2023-05-10', 'day']]],
  ]);

  it('keeps a year written with it (and leaves 今年9月以来 in May unresolved)', () => {
    expect(found('今年9月以来', '2023-05-10')).toEqual([['今年9月以来', null, null, 'day', true]]);
  });
});

describe('financial years', () => {
  it('takes 财政年度 or 度 after a year in Chinese numerals into the span', () => {
    expect(found('二〇二五年财政年度预算', '2025-03-01')).toEqual([['二〇二五年财政年度', '2025-01-01', '2025-12-31', 'year']]);
    expect(found('二〇二五年度报告', '2025-03-01')).toEqual([['二〇二五年度', '2025-01-01', '2025-12-31', 'year']]);
  });
  table('2025-03-01', 'HK', '%s (Hong Kong, in March: April to March)')([
    ['下个财政年度的开支', [['下个财政年度', '2025-04-01', '2026-03-31', 'year']]],
    ['新财政年度开始', [['新财政年度', '2025-04-01', '2026-03-31', 'year']]],
    ['本财政年度赤字', [['本财政年度', '2024-04-01', '2025-03-31', 'year']]],
    ['上一个财政年度', [['上一个财政年度', '2023-04-01', '2024-03-31', 'year']]],
  ]);
  it('is the calendar year elsewhere', () => {
    expect(found('下个财年', '2025-03-01')).toEqual([['下个财年', '2026-01-01', '2026-12-31', 'year']]);
  });
});

describe("Taiwan's month in brackets", () => {
  table('2025-11-05', 'TW')([
    ['本(11)月底前完成', [['本(11)月底', '2025-11-30', '2025-11-30', 'day']]],
    ['上(10)月出口增长', [['上(10)月', '2025-10-01', '2025-10-31', 'month']]],
  ]);
});

describe('前后 and 左右 after a date', () => {
  table('2025-01-10', 'CN', '%s: about then, one vague mention (as ANNOTATION.md writes 春节前后)')([
    ['2035年前后基本实现现代化', [['2035年前后', '2035-01-01', '2035-12-31', 'year', true]]],
    ['新机预计5月左右上市', [['5月左右', '2025-05-01', '2025-05-31', 'month', true]]],
  ]);
});

describe('同期 of another year after a festival', () => {
  it("is that year's festival days, not the same calendar days", () => {
    expect(found('清明假期，出游人次恢复至2019年同期的68.9%', '2022-04-06')).toEqual([
      ['清明假期', '2022-04-03', '2022-04-05', 'day'],
      ['2019年同期', '2019-04-05', '2019-04-07', 'day'],
    ]);
  });
  it('still moves an ordinary period by the calendar', () => {
    expect(found('一季度营收增长5%，高于2019年同期', '2023-04-20').map((r) => r[0])).toContain('2019年同期');
    expect(found('一季度营收增长5%，高于2019年同期', '2023-04-20').find((r) => r[0] === '2019年同期')).toEqual(['2019年同期', '2019-01-01', '2019-03-31', 'quarter']);
  });
});

describe('new-year words of Hong Kong and Taiwan, 今、明年, a holiday season\'s first day', () => {
  it.each<[string, string, Region, Row[]]>([
    ['且年节将至，需求量大增', '2026-01-26', 'TW', [['年节', '2026-02-17', '2026-02-17', 'day']]],
    ['营收受年节前拉货潮影响', '2026-01-26', 'TW', [['年节前', '2026-02-03', '2026-02-16', 'day', true]]],
    ['临近岁晚，市民外出应小心', '2025-12-19', 'HK', [['岁晚', '2026-02-03', '2026-02-16', 'day', true]]],
    ['与市民共迎新岁', '2026-02-14', 'HK', [['新岁', '2026-02-17', '2027-02-05', 'year']]],
    ['今、明年GDP均大幅上修', '2025-11-28', 'TW', [['今、明年', '2025-01-01', '2026-12-31', 'year']]],
    ['十一档期首日票房3.67亿', '2023-10-07', 'CN', [['十一档期首日', '2023-09-29', '2023-09-29', 'day']]],
  ])('%s', (text, pub, region, rows) => {
    expect(found(text, pub, region)).toEqual(rows);
  });
  it.each(['年节目单', '岁晚会'])('%s: no date', (text) => {
    expect(found(text, '2026-01-26', 'TW')).toEqual([]);
  });
});

describe('the middle of a month written 月中', () => {
  table('2025-11-28')([
    ['较8月中预测数大幅上修', [['8月中', '2025-08-11', '2025-08-20', 'day', true]]],
    ['上月中，公司宣布裁员', [['上月中', '2025-10-11', '2025-10-20', 'day', true]]],
    ['8月中国出口增长', [['8月', '2025-08-01', '2025-08-31', 'month']]],
  ]);
});

describe('a weekday that a word of the future introduces', () => {
  table('2021-04-01', 'HK', '%s (published on a Thursday)')([
    ['案件押后至周三再讯', [['周三', '2021-04-07', '2021-04-07', 'day']]],
    ['须在周三前交出所有旅游证件', [['周三', '2021-04-07', '2021-04-07', 'day']]],
    ['会议将于周一举行', [['周一', '2021-04-05', '2021-04-05', 'day']]],
    // (still this week's where it is yet to come, or where nothing looks ahead)
    ['定于周六开幕', [['周六', '2021-04-03', '2021-04-03', 'day']]],
    ['他周二表示', [['周二', '2021-03-30', '2021-03-30', 'day']]],
  ]);
});
