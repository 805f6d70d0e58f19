/**
 * Date forms added for Taiwan, Hong Kong and reporting text: 民国 dates with month and day, fiscal and
 * reporting years, `○` as zero, listed days, anaphoric days (`当天`, `次日`), pairs of years (`今明两年`),
 * `数日前`, `年中`, and more festival names. Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import { findDates, lastYearWritten, scheduleYear } from '../../../src/pipeline/recognise/dates/index.js';
import type { Region } from '../../../src/pipeline/recognise/amounts/index.js';
import { dateRows, type DateRow as Row } from '../../helpers/values.js';

const PUB = '2024-05-15'; // a Wednesday
const found = (text: string, region: Region = 'CN', published: string | null = PUB): Row[] => dateRows(text, published, region);

describe('民国 (Taiwan) dates', () => {
  it.each<[string, Region, Row[]]>([
    ['行政院113年3月5日通过预算', 'TW', [['113年3月5日', '2024-03-05', '2024-03-05', 'day']]],
    ['新制115年1月起实施', 'TW', [['115年1月', '2026-01-01', '2026-01-31', 'month']]],
    ['中华民国113年5月20日就职', 'CN', [['民国113年5月20日', '2024-05-20', '2024-05-20', 'day']]],
    ['民国38年迁台', 'CN', [['民国38年', '1949-01-01', '1949-12-31', 'year']]],
    ['113年度预算', 'TW', [['113年度', '2024-01-01', '2024-12-31', 'year']]],
    ['113年3月下旬', 'TW', [['113年3月下旬', '2024-03-21', '2024-03-31', 'day', true]]],
  ])('%s (%s)', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });

  it('reads a bare three-digit year as 民国 only in Taiwan text', () => {
    expect(found('113年3月5日', 'CN').map((r) => r[0])).toEqual(['3月5日']);
  });
});

describe('fiscal and reporting years', () => {
  it.each<[string, Row]>([
    ['2024财年营收增长', ['2024财年', '2024-01-01', '2024-12-31', 'year']],
    ['2023财政年度', ['2023财政年度', '2023-01-01', '2023-12-31', 'year']],
    ['公司2023年度报告', ['2023年度', '2023-01-01', '2023-12-31', 'year']],
    ['FY2024收入', ['FY2024', '2024-01-01', '2024-12-31', 'year']],
    ['FY24收入', ['FY24', '2024-01-01', '2024-12-31', 'year']],
  ])('%s', (text, row) => {
    expect(found(text)).toEqual([row]);
  });
});

describe('written zero ○', () => {
  it('二○二四年十月一日 is one day', () => {
    expect(found('二○二四年十月一日')).toEqual([['二○二四年十月一日', '2024-10-01', '2024-10-01', 'day']]);
  });
});

describe('listed days take the month of the date before them', () => {
  it.each<[string, Row[]]>([
    ['会议于3月5日、6日举行', [['3月5日', '2024-03-05', '2024-03-05', 'day'], ['6日', '2024-03-06', '2024-03-06', 'day']]],
    ['2月3日和8日', [['2月3日', '2024-02-03', '2024-02-03', 'day'], ['8日', '2024-02-08', '2024-02-08', 'day']]],
  ])('%s', (text, rows) => {
    expect(found(text)).toEqual(rows);
  });

  it('a later day after other words in the paragraph takes the month too (tenth session: no dev article went the other way)', () => {
    expect(found('3月5日开幕,会期到8日')).toContainEqual(['8日', '2024-03-08', '2024-03-08', 'day']);
  });
});

describe('anaphoric days', () => {
  it('当晚 and 次日 follow the last day mentioned', () => {
    expect(found('他5月3日抵达,当晚出席宴会,次日离开。')).toEqual([
      ['5月3日', '2024-05-03', '2024-05-03', 'day'],
      ['当晚', '2024-05-03', '2024-05-03', 'day'],
      ['次日', '2024-05-04', '2024-05-04', 'day'],
    ]);
  });
  it('a bare 同日 is the last day named, past a year between; 去年同日 stays an anaphora of the period', () => {
    expect(found('5月3日晚间,甲公司发布预告,预计2023年出货增长。同日,乙公司发布公告。')).toEqual([
      ['5月3日', '2024-05-03', '2024-05-03', 'day'],
      ['2023年', '2023-01-01', '2023-12-31', 'year'],
      ['同日', '2024-05-03', '2024-05-03', 'day'],
    ]);
    expect(found('同日,乙公司发布公告。')).toEqual([['同日', '2024-05-15', '2024-05-15', 'day']]);
    expect(found('5月3日入境3万人次,较去年同日增加。').map((r) => r.slice(0, 3))).toEqual([
      ['5月3日', '2024-05-03', '2024-05-03'],
      ['去年同日', '2023-05-03', '2023-05-03'],
    ]);
  });
  it('a part of a month more than half a year ahead is last year’s (12月末 in January); 比上月末 is the end of the month before it', () => {
    expect(found('12月末,M2余额266万亿元,增速比上月末低0.6个百分点,比上年同期高2.8个百分点。', 'CN', '2023-01-10')).toEqual([
      ['12月末', '2022-12-31', '2022-12-31', 'day'],
      ['上月末', '2022-11-30', '2022-11-30', 'day'],
      ['上年同期', '2021-12-31', '2021-12-31', 'day'],
    ]);
  });
  it('a bare 全年 after a relative year earlier in its sentence is that year’s; a year compared with does not count', () => {
    const rows = found('2023年则为6900元。对于今年的预测数字,全年旅客4600万人次。营收较去年同期增长,全年目标不变。去年首季9700元,全年8000元。', 'CN', '2024-03-18');
    // (the second 全年 follows a year compared with: it keeps the year written before, 2023)
    expect(rows.filter((r) => r[0] === '全年').map((r) => r[1])).toEqual(['2024-01-01', '2023-01-01', '2023-01-01']);
  });
  it('a time zone after a date-time stays outside it, as the set writes it (10:30 2025-12-09 HKT)', () => {
    expect(found('更新时间 10:30 2025-12-09 HKT 内容', 'HK')).toEqual([['10:30 2025-12-09', '2025-12-09T10:30', '2025-12-09T10:30', 'minute']]);
  });
  it('a day in brackets after a weekday is of the published week, whatever month the paragraph named before', () => {
    expect(found('上周五(10日)宣布从11月1日起加征关税。不过在周一(13日)开市前夕', 'HK', '2025-10-13').map((r) => r.slice(0, 2))).toEqual([
      ['上周五(10日)', '2025-10-10'], ['11月1日', '2025-11-01'], ['周一(13日)', '2025-10-13'],
    ]);
    // (such a day still lends its month to a later bare day)
    expect(found('上周五(3月28日)起开放,30日截止', 'CN', '2025-04-01').map((r) => r.slice(0, 2))).toEqual([['上周五(3月28日)', '2025-03-28'], ['30日', '2025-03-30']]);
  });
  it('全月 after a month is one mention; a bare 全月 is the month just named, else published’s', () => {
    expect(found('4月全月录191宗,上月全月录12宗。')).toEqual([
      ['4月全月', '2024-04-01', '2024-04-30', 'month'],
      ['上月全月', '2024-04-01', '2024-04-30', 'month'],
    ]);
    expect(found('3月5日开盘,全月录12宗。本周末未录成交,全月累录18宗。全月份')).toEqual([
      ['3月5日', '2024-03-05', '2024-03-05', 'day'],
      ['全月', '2024-03-01', '2024-03-31', 'month'],
      ['本周末', '2024-05-18', '2024-05-19', 'day'],
      ['全月', '2024-05-01', '2024-05-31', 'month'],
    ]);
  });
  it("Hong Kong's 今午 and 昨午 are days; after 今午 a clock time of 1 to 7 is p.m.", () => {
    expect(found('警方昨午拘捕一名男子,今午3时再开会', 'HK')).toEqual([
      ['昨午', '2024-05-14', '2024-05-14', 'day'],
      ['今午3时', '2024-05-15T15:00', '2024-05-15T15:00', 'hour'],
    ]);
    expect(found('迄今午无人受伤', 'HK')).toEqual([]);
  });
  it('当天 without a day before it is the published day; 前一天 the day before', () => {
    expect(found('他当天表示,前一天已有预告。')).toEqual([
      ['当天', '2024-05-15', '2024-05-15', 'day'],
      ['前一天', '2024-05-14', '2024-05-14', 'day'],
    ]);
  });
  it('a day just after a date only repeats it; after a festival it is part of the festival’s mention (元宵节当晚, as the set tags it)', () => {
    expect(found('5月20日当晚举行灯会').map((r) => r[0])).toEqual(['5月20日']);
    expect(found('元宵节当晚举行灯会').map((r) => r[0])).toEqual(['元宵节当晚']);
  });
  it('is not a duration or a generic day', () => {
    expect(found('提前一天准备,按申报日当天税率,每当天黑')).toEqual([]);
  });
  it('keeps a time of day after it', () => {
    expect(found('6月1日开幕,当天下午3点闭幕')).toContainEqual(['当天下午3点', '2024-06-01T15:00', '2024-06-01T15:00', 'hour']);
  });
});

describe('pairs, a few days, mid-year', () => {
  it.each<[string, Row]>([
    ['今明两年的目标', ['今明两年', '2024-01-01', '2025-12-31', 'year']],
    ['明后两天有雨', ['明后两天', '2024-05-16', '2024-05-17', 'day']],
    ['数日前发生', ['数日前', '2024-05-06', '2024-05-13', 'day', true]],
    ['几天后公布', ['几天后', '2024-05-17', '2024-05-24', 'day', true]],
    ['预计今年年中完工', ['今年年中', '2024-06-01', '2024-07-31', 'month', true]],
  ])('%s', (text, row) => {
    expect(found(text)).toEqual([row]);
  });
});

describe('more festival names', () => {
  it.each<[string, Region, Row]>([
    ['农历新年期间', 'CN', ['农历新年期间', '2024-02-10', '2024-02-17', 'day']],
    ['大年三十晚上', 'CN', ['大年三十', '2024-02-09', '2024-02-09', 'day']],
    ['双十节', 'CN', ['双十节', '2024-10-10', '2024-10-10', 'day']],
    ['国庆连假', 'TW', ['国庆连假', '2024-10-10', '2024-10-10', 'day', true]], // 连假 as 假期: Taiwan's National Day holiday
  ])('%s (%s)', (text, region, row) => {
    expect(found(text, region)).toEqual([row]);
  });
  it('近年三十多 is not a festival', () => {
    expect(found('近年三十多家企业').map((r) => r[0])).not.toContain('年三十');
  });
});

describe('the day a dateline names', () => {
  it('is where relative dates count from when it is within a week before published', async () => {
    const { reportingDay } = await import('../../../src/pipeline/recognise/dates/index.js');
    expect(reportingDay('湖南日报2月18日讯(记者 王明)今天,项目集中开工。', '2024-02-19')).toBe('2024-02-18');
    expect(reportingDay('新华社北京12月30日电', '2025-01-02')).toBe('2024-12-30');
    expect(reportingDay('本报讯 今天,项目开工。', '2024-02-19')).toBe('2024-02-19');
    expect(reportingDay('新华社北京3月1日电', '2024-05-19')).toBe('2024-05-19'); // too far: published wins
    expect(reportingDay('新华社北京3月1日电', null)).toBeNull();
  });
});

describe('weekdays, listed years, quarters without a year, 同日', () => {
  const P = '2026-01-16';
  it.each<[string, Row[]]>([
    ['10月1日周三首日', [['10月1日周三', '2025-10-01', '2025-10-01', 'day']]],
    ['2026年3月19日 星期四', [['2026年3月19日 星期四', '2026-03-19', '2026-03-19', 'day']]],
    ['预计2027及2030年落成', [['2027', '2027-01-01', '2027-12-31', 'year'], ['2030年', '2030-01-01', '2030-12-31', 'year']]],
    ['Q4营收创新高', [['Q4', '2025-10-01', '2025-12-31', 'quarter']]],
    ['2025年财政年度预算', [['2025年财政年度', '2025-01-01', '2025-12-31', 'year']]],
    ['第四季度营收', [['第四季度', '2025-10-01', '2025-12-31', 'quarter']]],
    ['第一季度营收', [['第一季度', '2026-01-01', '2026-03-31', 'quarter']]],
    ['今季完成', [['今季', '2026-01-01', '2026-03-31', 'quarter']]],
    ['“十四五”时期', [['“十四五”时期', '2021-01-01', '2025-12-31', 'year']]],
    ['10月1日开幕,2019年同日', [['10月1日', '2025-10-01', '2025-10-01', 'day'], ['2019年同日', '2019-10-01', '2019-10-01', 'day']]],
  ])('%s', (text, rows) => {
    expect(found(text, 'CN', P)).toEqual(rows);
  });
  it('不可同日而语 is no date', () => {
    expect(found('两者不可同日而语', 'CN', P)).toEqual([]);
  });
});

describe('holiday periods written 档期 (Hong Kong and Macao)', () => {
  it.each<[string, Row]>([
    ['农历新年档期', ['农历新年档期', '2025-01-28', '2025-02-04', 'day']],
    ['十一黄金周档期', ['十一黄金周档期', '2025-10-01', '2025-10-08', 'day']],
  ])('%s', (text, row) => {
    expect(found(text, 'HK', '2025-10-03')).toEqual([row]);
  });
});

describe('spaced years, a bare 全年, 春运, bare 黄金周, 十一国庆, the first N months before an amount', () => {
  it.each<[string, Region, string, Row[]]>([
    ['審訊押後至 2025 年 11 月 3 日，原定 2021 年 9 月', 'HK', '2025-10-24', [['2025 年 11 月 3 日', '2025-11-03', '2025-11-03', 'day'], ['2021 年 9 月', '2021-09-01', '2021-09-30', 'month']]],
    // a bare 全年: in January and February a clause reporting what was done is about the year just ended
    ['全年新增外资项目358个', 'CN', '2022-02-15', [['全年', '2021-01-01', '2021-12-31', 'year']]],
    ['全年将推动226个重点项目', 'CN', '2023-02-02', [['全年', '2023-01-01', '2023-12-31', 'year']]],
    ['新地派发末期息3.7元,全年派息4.95元', 'HK', '2023-09-07', []],
    // 春运: 40 days from 15 days before 春节
    ['2025年春运,全社会跨区域人员流动量', 'CN', '2025-02-14', [['2025年春运', '2025-01-14', '2025-02-22', 'day']]],
    ['昨日是春运第31天', 'CN', '2025-02-14', [['昨日', '2025-02-13', '2025-02-13', 'day'], ['春运第31天', '2025-02-13', '2025-02-13', 'day']]],
    ['1月14日(春运首日)—2月12日(春运第30天)', 'CN', '2025-02-14', [['1月14日(春运首日)—2月12日(春运第30天)', '2025-01-14', '2025-02-12', 'day']]],
    ['为期40天的春运今天启动', 'CN', '2022-01-17', [['今天', '2022-01-17', '2022-01-17', 'day']]],
    ['澳门黄金周暂录28万入境', 'MO', '2025-10-03', [['黄金周', '2025-10-01', '2025-10-08', 'day']]],
    ['十一国庆假期', 'CN', '2024-09-20', [['十一国庆假期', '2024-10-01', '2024-10-07', 'day']]],
    ['单月729.2亿美元、前11月6666.5亿美元', 'TW', '2025-12-24', [['前11月', '2025-01-01', '2025-11-30', 'month']]],
    ['失守5日均线', 'TW', '2026-01-21', []],
    // hours of a day: the whole day, a range of hours, the day's end
    ['2月19日0—24时新增病例', 'CN', '2022-02-20', [['2月19日0—24时', '2022-02-19', '2022-02-19', 'day']]],
    ['5月6日9—17时开放', 'CN', '2024-05-01', [['5月6日9—17时', '2024-05-06T09:00', '2024-05-06T17:00', 'hour']]],
    ['截至2月19日24时', 'CN', '2022-02-20', [['2月19日24时', '2022-02-19T24:00', '2022-02-19T24:00', 'hour']]],
  ])('%s', (text, region, published, rows) => {
    expect(found(text, region, published)).toEqual(rows);
  });
});

describe('quoted festivals, holiday first days, notes in brackets, Taiwan forms, slashed day ranges, lunar new year days', () => {
  it.each<[string, Region, string, Row[]]>([
    ['今年“五一”假期客流增长，“五一”首日，“五一”消费季', 'CN', '2025-05-03', [
      ['今年“五一”假期', '2025-05-01', '2025-05-05', 'day'], ['“五一”首日', '2025-05-01', '2025-05-01', 'day'], ['五一', '2025-05-01', '2025-05-01', 'day'],
    ]],
    // Taiwan's own Lunar New Year holiday
    ['今年春节连假交通疏导', 'TW', '2026-01-02', [['今年春节连假', '2026-02-14', '2026-02-22', 'day']]],
    ['和平纪念日连假，2025年和平纪念日连假', 'TW', '2026-01-02', [['和平纪念日连假', '2026-02-27', '2026-03-01', 'day'], ['2025年和平纪念日连假', '2025-02-28', '2025-03-02', 'day']]],
    ['2月17日(初一)至2月19日(初三)，2月14日(小年夜前一日)开始', 'TW', '2026-01-02', [
      ['2月17日(初一)至2月19日(初三)', '2026-02-17', '2026-02-19', 'day'], ['2月14日(小年夜前一日)', '2026-02-14', '2026-02-14', 'day'],
    ]],
    ['一一五年度总预算，延会至五月卅一日', 'TW', '2025-11-14', [['一一五年度', '2026-01-01', '2026-12-31', 'year'], ['五月卅一日', '2025-05-31', '2025-05-31', 'day']]],
    ['来年的开支，未来年均增长', 'CN', '2026-03-07', [['来年', '2027-01-01', '2027-12-31', 'year']]],
    ['2026/27年的预算', 'HK', '2026-03-07', [['2026/27年', '2026-04-01', '2027-03-31', 'year']]],
    ['2/14－2/19实施，比分2/3', 'TW', '2026-01-02', [['2/14－2/19', '2026-02-14', '2026-02-19', 'day']]],
    ['1月15日通报，第二天(1月16日)又有新情况', 'CN', '2020-02-18', [['1月15日', '2020-01-15', '2020-01-15', 'day'], ['第二天(1月16日)', '2020-01-16', '2020-01-16', 'day']]],
    // the year to date, and the first quarters as Taiwan and Hong Kong write them
    ['台股年初至今累计上涨，今年年初开盘迄今', 'TW', '2025-10-15', [['年初至今', '2025-01-01', '2025-10-15', 'day'], ['今年年初开盘迄今', '2025-01-01', '2025-10-15', 'day']]],
    ['前三季营收与今年首两季', 'TW', '2025-10-15', [['前三季', '2025-01-01', '2025-09-30', 'quarter'], ['今年首两季', '2025-01-01', '2025-06-30', 'quarter']]],
  ])('%s', (text, region, published, rows) => {
    expect(found(text, region, published)).toEqual(rows);
  });
  it('a bare lunar day (初二, 初一至初六) is a date only in an article about the new year', () => {
    const text = '初一至初六实施，初二回娘家，初一学生放假';
    const rows = (lunarNewYear: boolean) => findDates(text, '2026-01-02', 'TW', { lunarNewYear }).map((m) => [text.slice(m.start, m.end), m.value.start, m.value.end]);
    expect(rows(true)).toEqual([['初一至初六', '2026-02-17', '2026-02-22'], ['初二', '2026-02-18', '2026-02-18']]);
    expect(rows(false)).toEqual([]);
  });
});

describe('同期 at the start of a paragraph', () => {
  it('refers to the last date of the paragraphs before it, passed as context', () => {
    const text = '出口货值较去年同期上升12%';
    const previous = { start: '2025-07-01', end: '2025-07-31', grain: 'month' as const };
    const rows = (ctx: { previous?: typeof previous }) => findDates(text, '2025-08-26', 'HK', ctx).map((m) => [text.slice(m.start, m.end), m.value.start, m.value.end]);
    expect(rows({ previous })).toEqual([['去年同期', '2024-07-01', '2024-07-31']]);
    expect(rows({})).toEqual([['去年同期', null, null]]);
  });
});

describe('periods compared with: the one before the period just mentioned', () => {
  const P = '2026-02-04';
  it.each<[string, Row[]]>([
    ['11月份，工业增加值增长8.0%，比上月加快0.1个百分点', [['11月份', '2025-11-01', '2025-11-30', 'month'], ['上月', '2025-10-01', '2025-10-31', 'month']]],
    ['1月营收较上个月减少', [['1月', '2026-01-01', '2026-01-31', 'month'], ['上个月', '2025-12-01', '2025-12-31', 'month']]],
    ['第四季毛利率较前一季下滑、较去年同期减少', [['第四季', '2025-10-01', '2025-12-31', 'quarter'], ['前一季', '2025-07-01', '2025-09-30', 'quarter'], ['去年同期', '2024-10-01', '2024-12-31', 'quarter']]],
    ['2025年第一季度营收环比上季度增长', [['2025年第一季度', '2025-01-01', '2025-03-31', 'quarter'], ['上季度', '2024-10-01', '2024-12-31', 'quarter']]],
    // the period the text is about, not a festival's day or another period compared with
    ['2月营收较1月下滑，主要受农历春节假期影响，各类产品均较上月减少', [['2月', '2026-02-01', '2026-02-28', 'month'], ['1月', '2026-01-01', '2026-01-31', 'month'], ['农历春节假期', '2026-02-15', '2026-02-23', 'day'], ['上月', '2026-01-01', '2026-01-31', 'month']]],
    // without a compared period, counted from published
    ['上月出口增长', [['上月', '2026-01-01', '2026-01-31', 'month']]],
    ['营收较前一季成长', [['前一季', '2025-10-01', '2025-12-31', 'quarter']]],
    // a range is not one period: published's month before
    ['1至11月利润比上月回落', [['1至11月', '2025-01-01', '2025-11-30', 'month'], ['上月', '2026-01-01', '2026-01-31', 'month']]],
  ])('%s', (text, rows) => {
    expect(found(text, 'CN', P)).toEqual(rows);
  });
  it('前三季 is still the first three quarters', () => {
    expect(found('前三季营收', 'TW', '2025-11-10')).toEqual([['前三季', '2025-01-01', '2025-09-30', 'quarter']]);
  });
});

describe('a bare 全年 in a story about last year', () => {
  it('takes the year written in the paragraphs before, in the spring, unless it plans', () => {
    const at = (text: string, year?: number) => findDates(text, '2026-02-04', 'TW', { year }).map((m) => [text.slice(m.start, m.end), m.value.start]);
    expect(at('全年营收换算美元约191亿美元，年增15.6%', 2025)).toEqual([['全年', '2025-01-01']]);
    expect(at('全年营收换算美元约191亿美元，年增15.6%')).toEqual([['全年', '2026-01-01']]);
    expect(at('全年营收预计成长两成', 2025)).toEqual([['全年', '2026-01-01']]);
    expect(findDates('全年营收年增15.6%', '2026-06-04', 'TW', { year: 2025 }).map((m) => m.value.start)).toEqual(['2026-01-01']);
  });
});

describe('the lunar new year as Hong Kong writes it, and years of the zodiac', () => {
  const P = '2026-02-13';
  const ny = (text: string) => findDates(text, P, 'HK', { lunarNewYear: true }).map((m) => [text.slice(m.start, m.end), m.value.start, m.value.end, m.value.grain]);
  it.each<[string, (string | null)[][]]>([
    ['年初一起一连三日', [['年初一', '2026-02-17', '2026-02-17', 'day']]],
    ['年廿九晚上', [['年廿九', '2026-02-16', '2026-02-16', 'day']]],
    ['大除夕下午3时起', [['大除夕下午3时', '2026-02-16T15:00', '2026-02-16T15:00', 'hour']]],
    ['农历新年除夕港铁通宵行驶', [['农历新年除夕', '2026-02-16', '2026-02-16', 'day']]],
    ['今年年初一直下跌', [['今年年初', '2026-01-01', '2026-01-31', 'month']]],
  ])('%s', (text, rows) => expect(ny(text)).toEqual(rows));
  it('年初一 needs an article about the new year', () => {
    expect(findDates('年初一起', P, 'HK').map((m) => m.value.grain)).not.toContain('day');
  });
  it.each<[string, (string | null)[][]]>([
    ['马年将至', [['马年', '2026-02-17', '2027-02-05', 'year']]],
    ['癸卯兔年', [['癸卯兔年', '2023-01-22', '2024-02-09', 'year']]],
    ['蛇年最后一周', [['蛇年', '2025-01-29', '2026-02-16', 'year']]],
  ])('%s', (text, rows) => expect(ny(text)).toEqual(rows));
  it.each(['猴年马月才能建成', '恐龙年代', '甲子马年'])('%s is no zodiac year', (text) => {
    expect(findDates(text, P, 'HK').filter((m) => m.value.grain === 'year')).toEqual([]);
  });
});

describe('当季 in a report: the quarter just mentioned; 单季 (a single quarter as a measure) is no date', () => {
  it.each<[string, string[][]]>([
    ['第四季营收1501亿元，单季营收创新高', [['第四季', '2025-10-01']]],
    ['營收創單季新高', []],
    ['2025年第三季度，当季净利增长', [['2025年第三季度', '2025-07-01'], ['当季', '2025-07-01']]],
    ['当季水果上市', []],
    ['11月，当季营收', [['11月', '2025-11-01']]],
  ])('%s', (text, rows) => {
    expect(findDates(text, '2026-02-04', 'TW').map((m) => [text.slice(m.start, m.end), m.value.start])).toEqual(rows);
  });
});

describe('an anaphoric day at the start of a paragraph', () => {
  it('当晚 is the day the paragraphs before ended on', () => {
    const previous = { start: '2026-02-16T15:00', end: '2026-02-16T15:00', grain: 'hour' as const };
    expect(findDates('当晚港铁通宵行驶', '2026-02-13', 'HK', { previous }).map((m) => m.value.start)).toEqual(['2026-02-16']);
    expect(findDates('当晚港铁通宵行驶', '2026-02-13', 'HK').map((m) => m.value.start)).toEqual(['2026-02-13']);
  });
});

describe('parts of months and quarters, and dates up to now', () => {
  it.each<[string, (string | boolean | null)[][]]>([
    ['9月中下旬将迎来降雨', [['9月中下旬', '2025-09-11', '2025-09-30', 'day', true]]],
    ['5月上中旬', [['5月上中旬', '2025-05-01', '2025-05-20', 'day', true]]],
    ['2025年第三季度末余额', [['2025年第三季度末', '2025-09-30', '2025-09-30', 'day']]],
    ['一季度末存款', [['一季度末', '2025-03-31', '2025-03-31', 'day']]],
    ['去年底至今上涨三成', [['去年底至今', '2024-12-01', '2025-11-29', 'day']]],
    ['6月迄今', [['6月迄今', '2025-06-01', '2025-11-29', 'day']]],
  ])('%s', (text, rows) => {
    expect(found(text, 'CN', '2025-11-29')).toEqual(rows);
  });
});

describe('Taiwan writes the 民国 year inside 今年 and 去年', () => {
  it.each<[string, (string | boolean | null)[][]]>([
    ['去(114)年12月出口创新高', [['去(114)年12月', '2025-12-01', '2025-12-31', 'month']]],
    ['今(115)年第一季', [['今(115)年第一季', '2026-01-01', '2026-03-31', 'quarter']]],
    ['去(114)年全年', [['去(114)年全年', '2025-01-01', '2025-12-31', 'year']]],
  ])('%s', (text, rows) => {
    expect(found(text, 'TW', '2026-01-09')).toEqual(rows);
  });
});

describe('a count of days after a verb is no date', () => {
  it.each(['恒指连升3日', '股价连跌5日', '停牌3日'])('%s', (text) => {
    expect(findDates(text, '2025-10-04', 'HK')).toEqual([]);
  });
  it('a day after a noun or a preposition still is', () => {
    expect(found('公司3日公布，于5日举行', 'HK', '2025-10-04').map((r) => r[1])).toEqual(['2025-10-03', '2025-10-05']);
  });
});

describe('a zodiac year before a lunar festival, the year to date, the other day', () => {
  it.each<[string, (string | boolean | null)[][]]>([
    ['蛇年春节期间', [['蛇年春节期间', '2025-01-28', '2025-02-04', 'day']]],
    ['马年元宵', [['马年元宵', '2026-03-03', '2026-03-03', 'day']]],
    ['今年初至今累计', [['今年初至今', '2025-01-01', '2025-02-07', 'day']]],
    ['前几天公布', [['前几天', '2025-01-29', '2025-02-05', 'day', true]]],
    ['前两天', [['前两天', '2025-01-29', '2025-02-05', 'day', true]]],
  ])('%s', (text, rows) => expect(found(text, 'CN', '2025-02-07')).toEqual(rows));
  it('提前几天 is no date', () => expect(found('提前几天出发', 'CN', '2025-02-07')).toEqual([]));
});

describe("Hong Kong's 来年 in an article about its budget", () => {
  it('is the coming financial year; elsewhere the next calendar year', () => {
    const at = (published: string, fiscalYear: boolean, region: Region = 'HK') =>
      findDates('来年六大工程开支226亿', published, region, { fiscalYear }).map((m) => [m.value.start, m.value.end]);
    expect(at('2026-03-07', true)).toEqual([['2026-04-01', '2027-03-31']]);
    expect(at('2026-05-07', true)).toEqual([['2027-04-01', '2028-03-31']]);
    expect(at('2026-03-07', false)).toEqual([['2027-01-01', '2027-12-31']]);
    expect(at('2026-03-07', true, 'CN')).toEqual([['2027-01-01', '2027-12-31']]);
  });
});

describe('a year compared with does not anchor what follows', () => {
  it('首季 after 与2023年同期比较 is published year’s', () => {
    expect(found('与2023年同期比较则下跌24.3%。首季留宿旅客增加', 'MO', '2024-05-21').map((r) => [r[0], r[1]])).toEqual([
      ['2023年同期', null], ['首季', '2024-01-01'],
    ]);
  });
});

describe('date-time ranges and 上年 in a spring story about last year', () => {
  it('two date-times joined by 至 are one range', () => {
    expect(found('由12月24日下午2时至12月25日上午5时封闭', 'HK', '2025-12-22')).toEqual([
      ['12月24日下午2时至12月25日上午5时', '2025-12-24T14:00', '2025-12-25T05:00', 'hour'],
    ]);
  });
  it('上年 is the year before the story’s year, in the spring after it', () => {
    const at = (year?: number) => findDates('较上年增加，上年底负债', '2026-01-30', 'TW', { year }).map((m) => m.value.start);
    expect(at(2025)).toEqual(['2024-01-01', '2024-12-01']);
    expect(at()).toEqual(['2025-01-01', '2025-12-01']);
  });
});

describe('同年: the year of the date just mentioned', () => {
  it.each<[string, (string | boolean | null)[][]]>([
    ['2018年第一季起，同年9月恢复，同年9月3日开通', [['2018年第一季', '2018-01-01', '2018-03-31', 'quarter'], ['同年9月', '2018-09-01', '2018-09-30', 'month'], ['同年9月3日', '2018-09-03', '2018-09-03', 'day']]],
    ['2020年签约，同年投产', [['2020年', '2020-01-01', '2020-12-31', 'year'], ['同年', '2020-01-01', '2020-12-31', 'year']]],
  ])('%s', (text, rows) => expect(found(text, 'CN', '2026-02-12')).toEqual(rows));
  it.each(['同年龄的孩子', '同年级学生', '一同年会'])('%s is no date', (text) => expect(found(text, 'CN', '2026-02-12')).toEqual([]));
});

describe('sixth-session forms: years closing a name, today is no antecedent, a year carried along a sentence, 季内', () => {
  it.each<[string, Row[]]>([
    ['「居屋2024」明年推售', [['2024', '2024-01-01', '2024-12-31', 'year'], ['明年', '2025-01-01', '2025-12-31', 'year']]],
    ['財政預算案2024︱寬減差餉', [['2024', '2024-01-01', '2024-12-31', 'year']]],
    ['编号第2024，第2024号', []],
    ['两个周休（3月21、22、28及29日）车流量增加', [['3月21、22、28及29日', '2024-03-21', '2024-03-29', 'day']]],
    ['今上半年经济成长，今3月出口增加', [['今上半年', '2024-01-01', '2024-06-30', 'halfyear'], ['今3月', '2024-03-01', '2024-03-31', 'month']]],
    ['4月营收写下历年同期次高，较去年同期增加', [['4月', '2024-04-01', '2024-04-30', 'month'], ['去年同期', '2023-04-01', '2023-04-30', 'month']]],
    // 当日 refers back to the event's day, not to today
    ['马拉松将于5月19日举行，大会今日举行记者会讲解当日封路安排', [
      ['5月19日', '2024-05-19', '2024-05-19', 'day'], ['今日', '2024-05-15', '2024-05-15', 'day'], ['当日', '2024-05-19', '2024-05-19', 'day'],
    ]],
    ['今日发生事故，当日下午送院', [['今日', '2024-05-15', '2024-05-15', 'day'], ['当日', '2024-05-15', '2024-05-15', 'day']]],
    // a later month of the same sentence keeps the year written before it; an earlier month does not
    ['于2023年4月开行首列班列，5月推出公共班列', [['2023年4月', '2023-04-01', '2023-04-30', 'month'], ['5月', '2023-05-01', '2023-05-31', 'month']]],
    ['2023年11月开工。3月完工', [['2023年11月', '2023-11-01', '2023-11-30', 'month'], ['3月', '2024-03-01', '2024-03-31', 'month']]],
    // after a year written alone, any month of the sentence is of that year; not after a year compared with
    ['2023年银行业获利在8月创高，9月回落', [['2023年', '2023-01-01', '2023-12-31', 'year'], ['8月', '2023-08-01', '2023-08-31', 'month'], ['9月', '2023-09-01', '2023-09-30', 'month']]],
    ['2023年的展期横跨一月和二月', [['2023年', '2023-01-01', '2023-12-31', 'year'], ['一月', '2023-01-01', '2023-01-31', 'month'], ['二月', '2023-02-01', '2023-02-28', 'month']]],
    ['2025年经济将增长2.4%，较1月预测值下调', [['2025年', '2025-01-01', '2025-12-31', 'year'], ['1月', '2024-01-01', '2024-01-31', 'month']]],
    ['比2023年增长，3月回升', [['2023年', '2023-01-01', '2023-12-31', 'year'], ['3月', '2024-03-01', '2024-03-31', 'month']]],
    ['2022年底签约，今年元旦成立，7月投产', [['2022年底', '2022-12-01', '2022-12-31', 'month'], ['今年元旦', '2024-01-01', '2024-01-01', 'day'], ['7月', '2024-07-01', '2024-07-31', 'month']]],
    // `截至…止六个月` is the period a later `去年同期` moves back a year
    ['截至2024年6月30日止六个月，盈利较去年同期减少', [['2024年6月30日', '2024-06-30', '2024-06-30', 'day'], ['去年同期', '2023-01-01', '2023-06-30', 'halfyear']]],
    ['截至2023年12月31日止年度，收入较去年同期上升', [['2023年12月31日', '2023-12-31', '2023-12-31', 'day'], ['去年同期', '2022-01-01', '2022-12-31', 'year']]],
    ['截至2024年3月31日止三个月，营收较去年同期增长', [['2024年3月31日', '2024-03-31', '2024-03-31', 'day'], ['去年同期', '2023-01-01', '2023-03-31', 'quarter']]],
    ['公布第1季业绩，当季博彩收入上升，季内净收益增加', [
      ['第1季', '2024-01-01', '2024-03-31', 'quarter'], ['当季', '2024-01-01', '2024-03-31', 'quarter'], ['季内', '2024-01-01', '2024-03-31', 'quarter'],
    ]],
  ])('%s', (text, rows) => {
    expect(found(text)).toEqual(rows);
  });
});

describe('a spring story about last year', () => {
  it('a half without a year is the year the story is about, unless planned', () => {
    const rows = (text: string) => findDates(text, '2026-01-07', 'TW', { year: 2025 }).map((m) => [text.slice(m.start, m.end), m.value.start, m.value.end]);
    expect(rows('原本上半年价格下跌的鸡蛋')).toEqual([['上半年', '2025-01-01', '2025-06-30']]);
    expect(rows('上半年将推出新品')).toEqual([['上半年', '2026-01-01', '2026-06-30']]);
    expect(rows('蔬菜因上年受天候影响')).toEqual([['上年', '2024-01-01', '2024-12-31']]);
  });
  it('a 民国 year counts as a year written in Taiwan text', () => {
    expect(lastYearWritten('主计总处公布114年12月CPI', null, true)).toBe(2025);
    expect(lastYearWritten('主计总处公布114年12月CPI', null)).toBe(null);
    expect(lastYearWritten('已有110年历史', null, true)).toBe(null);
  });
});

describe('public holidays of 清明, 端午 and 中秋 as the notices of their year set them', () => {
  it.each<[string, string, Region, Row[]]>([
    ['清明连假交通疏运', '2026-03-06', 'TW', [['清明连假', '2026-04-03', '2026-04-06', 'day']]],
    ['端午假期期间，全国铁路发送旅客', '2025-05-20', 'CN', [['端午假期期间', '2025-05-31', '2025-06-02', 'day']]],
    ['清明假期出游人数', '2024-04-08', 'CN', [['清明假期', '2024-04-04', '2024-04-06', 'day']]],
    ['中秋节假期', '2024-09-10', 'CN', [['中秋节假期', '2024-09-15', '2024-09-17', 'day']]],
  ])('%s (%s, %s)', (text, pub, region, rows) => {
    expect(found(text, region, pub)).toEqual(rows);
  });
});

describe('an anaphoric day at the start of a paragraph', () => {
  it('refers to the last single day the paragraphs before named, not to a year or to today', () => {
    const rows = findDates('比赛当日温度介乎17至22度', '2024-05-15', 'HK', { previous: { start: '2024-01-01', end: '2024-12-31', grain: 'year' }, previousDay: { start: '2024-05-19', end: '2024-05-19', grain: 'day' } })
      .map((m) => [m.value.start, m.value.end]);
    expect(rows).toEqual([['2024-05-19', '2024-05-19']]);
  });
});

describe('seventh-session forms: same-day time ranges, Taiwan stamps, English dates, 隔晚, 农历年', () => {
  it.each<[string, Region, Row[]]>([
    ['今晨零时至清晨6时封闭', 'HK', [['今晨零时至清晨6时', '2024-05-15T00:00', '2024-05-15T06:00', 'hour']]],
    ['今天上午9时30分至11时开放', 'CN', [['今天上午9时30分至11时', '2024-05-15T09:30', '2024-05-15T11:00', 'minute']]],
    ['预计今日傍晚5时30分至6时30分停驶', 'TW', [['今日傍晚5时30分至6时30分', '2024-05-15T17:30', '2024-05-15T18:30', 'minute']]],
    ['将由当天晚上约7时30分起封路', 'HK', [['当天晚上约7时30分', '2024-05-15T19:30', '2024-05-15T19:30', 'minute']]],
    ['出口创新高。（编辑：杨凯翔）1130515', 'TW', [['1130515', '2024-05-15', '2024-05-15', 'day']]],
    ['【113/5/14】一、网路报名', 'TW', [['113/5/14', '2024-05-14', '2024-05-14', 'day']]],
    ['老虎资讯综合\n14 May 2024\n正文', 'CN', [['14 May 2024', '2024-05-14', '2024-05-14', 'day']]],
    ['On November 18, 2023 it said. May I help', 'CN', [['November 18, 2023', '2023-11-18', '2023-11-18', 'day']]],
    ['美股隔晚偏软', 'HK', [['隔晚', '2024-05-14', '2024-05-14', 'day']]],
    ['邝某于十三日凌晨被捕，十四日再犯，历时十三日', 'MO', [['十三日', '2024-05-13', '2024-05-13', 'day'], ['十四日', '2024-05-14', '2024-05-14', 'day']]],
  ])('%s (%s)', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });
  it('农历年 and 过年 before 前/后 are the lunar new year', () => {
    expect(found('今年农历年落在2月', 'TW', '2026-01-07')[0]).toEqual(['今年农历年', '2026-02-17', '2026-02-17', 'day']);
    expect(found('最快将于农历年前发放，过年前收到红包。回家过年', 'TW', '2026-01-07').map((r) => r[0])).toEqual(['农历年前', '过年前']);
  });
});

describe("a results story's 本季度 and the first months of a year", () => {
  it('本季度 is the quarter reported when that quarter ended shortly before published, not in a forecast', () => {
    const rows = (text: string, pub: string) => findDates(text, pub, 'CN').map((m) => [text.slice(m.start, m.end), m.value.start, m.value.end]);
    expect(rows('网易发布2023年第二季度财报。本季度，净收入较上一季度增长，较去年同期增长。本季度将推出新游戏', '2023-08-24')).toEqual([
      ['2023年第二季度', '2023-04-01', '2023-06-30'], ['本季度', '2023-04-01', '2023-06-30'], ['上一季度', '2023-01-01', '2023-03-31'],
      ['去年同期', '2022-04-01', '2022-06-30'], ['本季度', '2023-07-01', '2023-09-30'],
    ]);
    expect(rows('去年第四季获利创新高。台积电预估本季营收仍受惠AI', '2026-01-16')[1]).toEqual(['本季', '2026-01-01', '2026-03-31']);
  });
  it('the first N months not yet over at published are last year\'s (前11月 in January)', () => {
    expect(found('金管会公布前11月银行获利', 'TW', '2026-01-05')).toEqual([['前11月', '2025-01-01', '2025-11-30', 'month']]);
    expect(found('前2月营收增长', 'TW', '2025-03-12')).toEqual([['前2月', '2025-01-01', '2025-02-28', 'month']]);
  });
});

describe("next year's holiday timetable, published in the autumn", () => {
  const notice = [
    '经国务院批准，现将2025年元旦、春节等节假日放假调休日期的具体安排通知如下。',
    '一、元旦：1月1日放假，共1天。',
    '二、春节：1月28日至2月4日放假调休，共8天。1月26日(周日)、2月8日(周六)上班。',
    '三、清明节：4月4日至6日放假，与周末连休。',
  ].join('\n');
  const rows = (text: string, published: string) =>
    findDates(text, published, 'CN', { scheduleYear: scheduleYear(text, published), lunarNewYear: true }).map((m) => [text.slice(m.start, m.end), m.value.start]);

  it("reads the timetable's bare dates and holidays as that year's", () => {
    expect(scheduleYear(notice, '2024-11-12')).toBe(2025);
    expect(rows(notice, '2024-11-12')).toEqual([
      ['2025年元旦', '2025-01-01'], ['春节', '2025-01-29'], ['元旦', '2025-01-01'], ['1月1日', '2025-01-01'], ['春节', '2025-01-29'],
      ['1月28日至2月4日', '2025-01-28'], ['1月26日(周日)', '2025-01-26'], ['2月8日(周六)', '2025-02-08'], ['清明节', '2025-04-04'], ['4月4日至6日', '2025-04-04'],
    ]);
  });

  it('keeps the day the notice was published and dates with a year of their own', () => {
    const text = '11月12日，国务院办公厅发布关于2025年部分节假日安排的通知。今年国庆假期出游人数创新高。元旦：1月1日放假。';
    expect(rows(text, '2024-11-12')).toEqual([
      ['11月12日', '2024-11-12'], ['2025年', '2025-01-01'], ['今年国庆假期', '2024-10-01'], ['元旦', '2025-01-01'], ['1月1日', '2025-01-01'],
    ]);
  });

  it('is not a timetable of this year or of a year long past', () => {
    expect(scheduleYear(notice, '2025-01-05')).toBeUndefined();
    expect(scheduleYear('关于2024年部分节假日安排的通知', '2024-11-12')).toBeUndefined();
    expect(scheduleYear(notice, null)).toBeUndefined();
  });
});
