/**
 * Date forms of broadcast transcripts, scraped pages and Hong Kong / Taiwan news: a relative
 * day with its date in brackets, spaces inside dates, date-times with seconds or 正午,
 * quarters (首季, 本季, 第四季), 全年, vague recent periods, festivals. Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/pipeline/recognise/dates/index.js';
import type { Region } from '../../../src/pipeline/recognise/amounts/index.js';

type Row = [string, string | null, string | null, string, boolean?];
function found(text: string, published: string | null = '2024-05-15', region: Region = 'CN'): Row[] {
  return findDates(text, published, region).map((m) => {
    const row: Row = [text.slice(m.start, m.end), m.value.start, m.value.end, m.value.grain];
    if (m.value.vague) row.push(true);
    return row;
  });
}

describe('forms', () => {
  it.each<[string, Row[]]>([
    ['统计局今天(5月15日)发布数据', [['今天(5月15日)', '2024-05-15', '2024-05-15', 'day']]],
    ['展会明天(5月16日)开幕', [['明天(5月16日)', '2024-05-16', '2024-05-16', 'day']]],
    ['局长周四(16日)表示', [['周四(16日)', '2024-05-16', '2024-05-16', 'day']]],
    ['截至今天(5月15日)20时,共有', [['今天(5月15日)20时', '2024-05-15T20:00', '2024-05-15T20:00', 'hour']]],
    ['今天正午 12:30 分', [['今天正午 12:30 分', '2024-05-15T12:30', '2024-05-15T12:30', 'minute']]],
    ['货轮于 5 月 3 日抵港', [['5 月 3 日', '2024-05-03', '2024-05-03', 'day']]],
    ['3 日凌晨零点零五分', [['3 日凌晨零点零五分', '2024-05-03T00:05', '2024-05-03T00:05', 'minute']]],
    ['发布时间:2024-05-14 08:15:42 来源', [['2024-05-14 08:15:42', '2024-05-14T08:15', '2024-05-14T08:15', 'minute']]],
    ['节目将于今晚播出', [['今晚', '2024-05-15', '2024-05-15', 'day']]],
    ['本季营收可望创新高', [['本季', '2024-04-01', '2024-06-30', 'quarter']]],
    ['去年第四季毛利率', [['去年第四季', '2023-10-01', '2023-12-31', 'quarter']]],
    ['2024年首季签约', [['2024年首季', '2024-01-01', '2024-03-31', 'quarter']]],
    ['去年全年出口增长', [['去年全年', '2023-01-01', '2023-12-31', 'year']]],
    ['2023年,全市经济平稳,全年新增企业3万家,比上年增加;年末常住人口', [
      ['2023年', '2023-01-01', '2023-12-31', 'year'],
      ['全年', '2023-01-01', '2023-12-31', 'year'],
      ['上年', '2022-01-01', '2022-12-31', 'year'],
      ['年末', '2023-12-01', '2023-12-31', 'month'],
    ]],
    ['预计全年营收增长', [['全年', '2024-01-01', '2024-12-31', 'year']]], // the year of the report
    ['全年派息4.95元', []], // a company's full-year dividend: its reporting year
    ['“十四五”期间,全省新建', [['“十四五”期间', '2021-01-01', '2025-12-31', 'year']]],
    ['到“十三五”末,累计', [['“十三五”末', '2020-12-01', '2020-12-31', 'month']]],
    ['实现“十二五”开门红', [['十二五', '2011-01-01', '2015-12-31', 'year']]],
    ['今年3月出口增长,较去年同期下降', [['今年3月', '2024-03-01', '2024-03-31', 'month'], ['去年同期', '2023-03-01', '2023-03-31', 'month']]],
    ['今年1至4月,比上年同期', [['今年1至4月', '2024-01-01', '2024-04-30', 'month'], ['上年同期', '2023-01-01', '2023-04-30', 'month']]],
    ['今年4月份与2023年同月比较', [['今年4月份', '2024-04-01', '2024-04-30', 'month'], ['2023年同月', '2023-04-01', '2023-04-30', 'month']]],
    ['今年首四个月', [['今年首四个月', '2024-01-01', '2024-04-30', 'month']]],
    ['公司Q1财报', [['Q1', '2024-01-01', '2024-03-31', 'quarter']]],
    ['《2024城市发展报告》发布', [['2024', '2024-01-01', '2024-12-31', 'year']]],
    ['共2024家企业', []],
    ['达产后年新增产值', []],
    ['本周初,港口拥堵', [['本周初', '2024-05-13', '2024-05-14', 'day', true]]],
    ['近年来,该市', [['近年来', '2019-01-01', '2024-05-15', 'year', true]]],
    ['连日来,各地', [['连日来', '2024-05-09', '2024-05-15', 'day', true]]],
    ['“五一”档票房', [['五一', '2024-05-01', '2024-05-01', 'day']]],
    ['第七个中国医师节到来', [['中国医师节', '2024-08-19', '2024-08-19', 'day']]],
  ])('%s', (text, rows) => {
    expect(found(text)).toEqual(rows);
  });
});

describe('regional forms', () => {
  it.each<[string, Region, Row[]]>([
    ['通过114年度总预算,预估115年底累计', 'TW', [
      ['114年度', '2025-01-01', '2025-12-31', 'year'],
      ['115年底', '2026-12-01', '2026-12-31', 'month'],
    ]],
    ['24/25年度录得盈余,2025/26则', 'HK', [
      ['24/25年度', '2024-04-01', '2025-03-31', 'year'],
      ['2025/26', '2025-04-01', '2026-03-31', 'year'],
    ]],
    ['本年度盈利', 'HK', [['本年度', '2024-04-01', '2025-03-31', 'year']]],
    ['114年度', 'CN', []],
  ])('%s (%s)', (text, region, rows) => {
    expect(found(text, '2024-05-15', region)).toEqual(rows);
  });
});

describe('months named together and quarters of a Hong Kong financial year', () => {
  it.each<[string, Region, Row[]]>([
    ['1、2月份全省工业增加值增长5%', 'CN', [['1、2月份', '2024-01-01', '2024-02-29', 'month']]],
    ['2023年11、12月出口连续下降', 'CN', [['2023年11、12月', '2023-11-01', '2023-12-31', 'month']]],
    ['美国今年5及6月进口减少', 'HK', [['今年5及6月', '2024-05-01', '2024-06-30', 'month']]],
    ['只要十一、十二月订单增加', 'TW', [['十一、十二月', '2023-11-01', '2023-12-31', 'month']]], // the latest November–December before May
    ['宽减2025/26年度首季差饷', 'HK', [['2025/26年度首季', '2025-04-01', '2025-06-30', 'quarter']]],
    ['宽减2024/25年度第四季差饷', 'HK', [['2024/25年度第四季', '2025-01-01', '2025-03-31', 'quarter']]],
    ['预计2025/26年度上半年录得赤字', 'HK', [['2025/26年度上半年', '2025-04-01', '2025-09-30', 'halfyear']]],
    ['政府宽减2024/25年度差饷，首季每户上限1000元，第二季亦然', 'HK', [
      ['2024/25年度', '2024-04-01', '2025-03-31', 'year'], ['首季', '2024-04-01', '2024-06-30', 'quarter'], ['第二季', '2024-07-01', '2024-09-30', 'quarter'],
    ]],
    // `今` alone before what was done today, in Taiwan and Hong Kong print
    ['台中市主计处今终在市政会议提出预算，市长说今只是通过暂定版', 'TW', [['今', '2024-05-15', '2024-05-15', 'day'], ['今', '2024-05-15', '2024-05-15', 'day']]],
    ['市府今表示，至今已有十人确诊，如今情况稳定，据今已有百年', 'TW', [['今', '2024-05-15', '2024-05-15', 'day']]],
    // (`今起实施`, from today on: a headline's 今起 is published, in every region — sixteenth-session.test.ts)
    ['主计总处今更新预测，今后将按季发布，今次会议，今起实施', 'TW', [['今', '2024-05-15', '2024-05-15', 'day'], ['今', '2024-05-15', '2024-05-15', 'day']]],
    // quarters named together or as a range, and the middle of a month
    ['第3、4季分别成长，2023年第1、2季则衰退', 'TW', [['第3、4季', '2024-07-01', '2024-12-31', 'quarter'], ['2023年第1、2季', '2023-01-01', '2023-06-30', 'quarter']]],
    ['二、三季度经济回升，第一至三季度累计增长', 'CN', [['二、三季度', '2024-04-01', '2024-09-30', 'quarter'], ['第一至三季度', '2024-01-01', '2024-09-30', 'quarter']]],
    ['8月中以后转弱，6月中，3月中美会谈', 'CN', [['8月中', '2024-08-11', '2024-08-20', 'day', true], ['6月中', '2024-06-11', '2024-06-20', 'day', true], ['3月', '2024-03-01', '2024-03-31', 'month']]],
  ])('%s', (text, region, rows) => {
    expect(found(text, '2024-05-15', region)).toEqual(rows);
  });
  it('`今` alone is no date in mainland text', () => {
    expect(found('市府今表示将加强管理', '2024-05-15', 'CN')).toEqual([]);
  });
  it('months that do not follow each other are two mentions, not a range', () => {
    expect(found('1、3月的数据').map((r) => r[0])).toEqual(['3月']);
  });
});


describe('years compared with in a report on last year', () => {
  it('比上年底 is the end of the year before the last date named', () => {
    expect(found('截至去年12月底的借款攀升到1兆元，比上年底增加1374亿元', '2026-01-30', 'TW')).toEqual([
      ['去年12月底', '2025-12-31', '2025-12-31', 'day'], ['上年底', '2024-12-01', '2024-12-31', 'month'],
    ]);
  });
});

describe('Hong Kong page stamps and financial halves', () => {
  it.each<[string, Region, Row[]]>([
    ['更新时间:16:33 2022-08-11', 'HK', [['16:33 2022-08-11', '2022-08-11T16:33', '2022-08-11T16:33', 'minute']]],
    ['票房今日(2/7)公布上半年度数字，2024年半年度业绩', 'HK', [
      ['今日(2/7)', '2024-07-02', '2024-07-02', 'day'], ['上半年度', '2024-01-01', '2024-06-30', 'halfyear'], ['2024年半年度', '2024-01-01', '2024-06-30', 'halfyear'],
    ]],
    // a month compared with after 由 (`由上月下降转为增长`) is the one before the month the text is about
    ['4月份CPI环比上涨0.1%，由上月下降转为增长', 'CN', [['4月份', '2024-04-01', '2024-04-30', 'month'], ['上月', '2024-03-01', '2024-03-31', 'month']]],
  ])('%s', (text, region, rows) => {
    expect(found(text, '2024-07-02', region)).toEqual(rows);
  });
  it('今早 is today, 10时半 half past ten', () => {
    expect(found('法官今早10时半判刑，今早开庭，明早出发', '2021-04-01', 'HK')).toEqual([
      ['今早10时半', '2021-04-01T10:30', '2021-04-01T10:30', 'minute'], ['今早', '2021-04-01', '2021-04-01', 'day'], ['明早', '2021-04-02', '2021-04-02', 'day'],
    ]);
  });
  it('the years or months up to now are vague periods (5年来, 近10年来, 三个月来), not 3月以来 or 2019年以来', () => {
    expect(found('5年来增长，近10年来首次，三个月来，3月以来，2019年以来', '2025-06-01')).toEqual([
      ['5年来', '2020-01-01', '2025-06-01', 'year', true], ['近10年来', '2015-01-01', '2025-06-01', 'year', true],
      ['三个月来', '2025-03-01', '2025-06-01', 'month', true], ['3月以来', '2025-03-01', '2025-06-01', 'day'],
      ['2019年以来', '2019-01-01', '2025-06-01', 'day'],
    ]);
  });
  it('中秋 and 国庆 named together are the holiday they share', () => {
    expect(found('今年中秋国庆假期，国庆中秋双节期间', '2023-10-08')).toEqual([
      ['今年中秋国庆假期', '2023-09-29', '2023-10-06', 'day'], ['国庆中秋双节期间', '2023-09-29', '2023-10-06', 'day'],
    ]);
  });
  it('聖誕日 is Christmas Day', () => {
    expect(found('圣诞日及翌日为公众假期', '2025-12-20', 'HK')).toEqual([['圣诞日', '2025-12-25', '2025-12-25', 'day'], ['翌日', '2025-12-26', '2025-12-26', 'day']]);
  });
  it('a bracketed day that is not the relative day stays out', () => {
    expect(found('今日(3/9)公布', '2024-07-02', 'HK').map((r) => r[0])).toEqual(['今日']);
  });
});

describe('holiday notices and service windows', () => {
  it('a weekday in brackets (normalised text: half-width) picks the year the day falls on it (a November notice of next year)', () => {
    expect(found('元旦：1月1日(周三)放假1天。春节：1月28日(农历除夕、周二)至2月4日(农历正月初七、周二)放假。1月26日(周日)上班', '2024-11-12').filter((r) => /日/.test(r[0]))).toEqual([
      ['1月1日(周三)', '2025-01-01', '2025-01-01', 'day'],
      ['1月28日(农历除夕、周二)至2月4日(农历正月初七、周二)', '2025-01-28', '2025-02-04', 'day'],
      ['1月26日(周日)', '2025-01-26', '2025-01-26', 'day'],
    ]);
    // the festival heading the line takes the year of the date after it
    expect(found('春节：1月28日(农历除夕、周二)至2月4日(农历正月初七、周二)放假', '2024-11-12')[0]).toEqual(['春节', '2025-01-29', '2025-01-29', 'day']);
    // a weekday that fits the year chosen keeps it
    expect(found('5月15日(周三)开幕', '2024-05-10')).toEqual([['5月15日(周三)', '2024-05-15', '2024-05-15', 'day']]);
  });
  it('a relative day with its weekday and its date in brackets is one mention (明天周四(8/14))', () => {
    expect(found('台风明天周四(8/14)登陆', '2025-08-13', 'TW')).toEqual([['明天周四(8/14)', '2025-08-14', '2025-08-14', 'day']]);
  });
  it('a bare day after a date-time range joiner is in the first date\'s month', () => {
    expect(found('7月29日21:00至30日06:15暂停服务', '2024-11-12')).toEqual([['7月29日21:00至30日06:15', '2024-07-29T21:00', '2024-07-30T06:15', 'minute']]);
  });
});

