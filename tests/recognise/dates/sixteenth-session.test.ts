/**
 * Forms of the sixteenth session: Hong Kong and Taiwan's `早前` (some time before published: the month before, vague;
 * not `提早前往`), `前不久` / `不久前` likewise, a headline's `今起` (today), `N个多月前` (that month, vague),
 * `过去N年` / `过去N个月` (the whole years or months before published's), a year that closes a bracketed name (`「居屋2023」`, `【金像獎2024】`), `新的一年` / `新一年` (the year under way; the coming one late in the year; not `新一年级`), `新春` as
 * the Spring Festival where it is celebrated or welcomed (`共庆新春`, `喜迎新春`; not a company's `五洲新春`, not `新春祝愿`), and `清明` before `文化节`. Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import { dateRows as found, type DateRow as Row } from '../../helpers/values.js';

describe('早前', () => {
  it('is the 30 days before published, vague', () => {
    expect(found('警方早前接获报案', '2025-12-24')).toEqual([['早前', '2025-11-24', '2025-12-23', 'day', true]]);
  });
  it('keeps no year it cannot resolve', () => {
    expect(found('政府早前公布数字', null)).toEqual([['早前', null, null, 'day', true]]);
  });
  it('is not 提早 before 前往 or a comparison', () => {
    expect(found('市民可提早前往会场，较早前更方便', '2025-12-24').map((r) => r[0])).toEqual([]);
    expect(found('旅客宜早前往机场', '2025-12-24')).toEqual([]);
  });
});

describe('前不久, 今起, N个多月前', () => {
  it.each<[string, Row[]]>([
    ['前不久闭幕的广交会', [['前不久', '2023-05-03', '2023-06-01', 'day', true]]],
    ['这份报告不久前发布', [['不久前', '2023-05-03', '2023-06-01', 'day', true]]],
    ['全省考生今起赴考', [['今', '2023-06-02', '2023-06-02', 'day']]],
    ['新规今起实施', [['今', '2023-06-02', '2023-06-02', 'day']]],
    ['他四个多月前曾出席', [['四个多月前', '2023-02-01', '2023-02-28', 'month', true]]],
  ])('%s', (text, rows) => {
    expect(found(text, '2023-06-02')).toEqual(rows);
  });
  it('今 is no date in 如今, 至今 or before other words', () => {
    expect(found('如今起步更早，至今起伏不定，今后再议', '2023-06-02')).toEqual([]);
  });
});

describe('新的一年', () => {
  it.each<[string, string, Row[]]>([
    ['在新的一年干有方向', '2024-02-18', [['新的一年', '2024-01-01', '2024-12-31', 'year']]],
    ['为新一年积蓄动能', '2026-02-10', [['新一年', '2026-01-01', '2026-12-31', 'year']]],
    ['展望新的一年', '2025-12-20', [['新的一年', '2026-01-01', '2026-12-31', 'year']]],
  ])('%s (published %s)', (text, pub, rows) => {
    expect(found(text, pub)).toEqual(rows);
  });
  it('is not a school year or a count of years', () => {
    expect(found('新一年级学生入学', '2025-09-01')).toEqual([]);
    expect(found('新一年度预算', '2025-09-01').map((r) => r[0])).not.toContain('新一年');
  });
});

describe('新春 and 清明 before 文化节', () => {
  it('新春 is the Spring Festival of the published lunar year', () => {
    expect(found('与市民共庆新春。', '2026-02-14')).toEqual([['新春', '2026-02-17', '2026-02-17', 'day']]);
    expect(found('喜迎新春，欢度佳节', '2025-01-20').map((r) => r[0])).toEqual(['新春']);
  });
  it('is not the festival in a name or before what it qualifies', () => {
    expect(found('五洲新春上市时间为2016年', '2025-10-28').map((r) => r[0])).toEqual(['2016年']);
    expect(found('送上新春祝愿，写新春联', '2026-02-14')).toEqual([]);
  });
  it('清明 names the festival in 清明文化节, not in 政治清明', () => {
    expect(found('开封清明文化节开幕', '2024-04-07')).toEqual([['清明', '2024-04-04', '2024-04-04', 'day']]);
    expect(found('政治清明，文化繁荣', '2024-04-07')).toEqual([]);
  });
});

describe('a year closing a name in brackets', () => {
  it.each<[string, Row[]]>([
    ['销售时间较「居屋2023」快三成', [['2023', '2023-01-01', '2023-12-31', 'year']]],
    ['【金像奖2024】最佳电影', [['2024', '2024-01-01', '2024-12-31', 'year']]],
    ['《科技成果转化年度报告(高校篇)2023》显示', [['2023', '2023-01-01', '2023-12-31', 'year']]],
  ])('%s', (text, rows) => {
    expect(found(text, '2025-10-09')).toEqual(rows);
  });
  it('needs the bracket for a year far from published, and never a number mark or a model', () => {
    expect(found('居屋2023申请', '2025-10-09')).toEqual([]);
    expect(found('「编号第2023」', '2025-10-09')).toEqual([]);
    expect(found('「iPhone2023」', '2025-10-09')).toEqual([]);
    expect(found('「計劃2030」', '2025-10-09')).toEqual([]);
  });
});

describe('过去N年, 过去N个月', () => {
  it.each<[string, Row[]]>([
    ['过去十年的成绩', [['过去十年', '2016-01-01', '2025-12-31', 'year']]],
    ['过去一年，访港旅客增加', [['过去一年', '2025-01-01', '2025-12-31', 'year']]],
    ['过去三个月增长', [['过去三个月', '2025-11-01', '2026-01-31', 'month']]],
  ])('%s', (text, rows) => {
    expect(found(text, '2026-02-12')).toEqual(rows);
  });
  it('过去一年 after March is the twelve months up to published (vague)', () => {
    expect(found('过去一年，访港旅客增加', '2025-10-21')).toEqual([['过去一年', '2024-10-21', '2025-10-21', 'day', true]]);
  });
  it('is not a span that runs to published, a comparison window or a month', () => {
    expect(found('过去二十年来', '2026-02-12').map((r) => r[0])).toEqual(['过去二十年来']);
    expect(found('优于过去5年区间', '2026-02-12')).toEqual([]);
    expect(found('过去3月', '2026-02-12').map((r) => r[0])).toEqual(['3月']);
  });
});
