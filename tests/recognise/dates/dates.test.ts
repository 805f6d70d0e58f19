import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDateline, findDates } from '../../../src/pipeline/recognise/dates/index.js';
import { NEWS_SAMPLE } from '../amounts/news-sample.js';

const PUB = '2023-03-17'; // a Friday; lunar year 2023 began on 2023-01-22

type Row = [string, string | null, string | null, string, boolean?];
/** [mention, start, end, grain, vague?] for every mention. */
function found(text: string, published: string | null = PUB): Row[] {
  return findDates(text, published).map((m) => {
    const row: Row = [text.slice(m.start, m.end), m.value.start, m.value.end, m.value.grain];
    if (m.value.vague) row.push(true);
    return row;
  });
}
function one(text: string, published: string | null = PUB): Row {
  const ms = found(text, published);
  expect(ms).toHaveLength(1);
  return ms[0];
}

describe('absolute dates', () => {
  it.each<[string, string, string, string]>([
    ['2023年3月17日', '2023-03-17', '2023-03-17', 'day'],
    ['2023年3月', '2023-03-01', '2023-03-31', 'month'],
    ['2023年', '2023-01-01', '2023-12-31', 'year'],
    ['2023-03-17', '2023-03-17', '2023-03-17', 'day'],
    ['2023/3/17', '2023-03-17', '2023-03-17', 'day'],
    ['2023.3.17', '2023-03-17', '2023-03-17', 'day'],
    ['二〇二三年三月十七日', '2023-03-17', '2023-03-17', 'day'],
    ['2024年2月29日', '2024-02-29', '2024-02-29', 'day'],
    ['2023年3月8号', '2023-03-08', '2023-03-08', 'day'],
    ['2023年3月份', '2023-03-01', '2023-03-31', 'month'],
  ])('%s', (text, start, end, grain) => {
    expect(one(text, null)).toEqual([text, start, end, grain]);
  });

  it('takes the year of month-day dates from published', () => {
    expect(one('3月17日')).toEqual(['3月17日', '2023-03-17', '2023-03-17', 'day']);
    expect(one('3月17日', null)).toEqual(['3月17日', 'XXXX-03-17', 'XXXX-03-17', 'day']);
    expect(one('三月十七日')).toEqual(['三月十七日', '2023-03-17', '2023-03-17', 'day']);
    expect(one('十二月')).toEqual(['十二月', '2022-12-01', '2022-12-31', 'month']); // > 6 months after published: the past one
    expect(one('九月')).toEqual(['九月', '2023-09-01', '2023-09-30', 'month']); // 6 months ahead: this year
    expect(one('11月', '2026-01-16')).toEqual(['11月', '2025-11-01', '2025-11-30', 'month']);
    expect(one('11月', '2025-12-24')).toEqual(['11月', '2025-11-01', '2025-11-30', 'month']);
    expect(one('1月', '2025-12-24')).toEqual(['1月', '2025-01-01', '2025-01-31', 'month']);
  });

  it('takes the month of a bare day from published (Arabic digits + 日 only)', () => {
    expect(found('新华社北京17日电')).toEqual([['17日', '2023-03-17', '2023-03-17', 'day']]);
    expect(found('新华社北京17日电', null)).toEqual([['17日', null, null, 'day']]);
    expect(found('5日内完成')).toEqual([]); // a duration
    expect(found('近3日')).toEqual([]);
    expect(found('5日元')).toEqual([]); // money
  });

  it('month parts are vague day windows', () => {
    expect(one('3月上旬')).toEqual(['3月上旬', '2023-03-01', '2023-03-10', 'day', true]);
    expect(one('3月下旬')).toEqual(['3月下旬', '2023-03-21', '2023-03-31', 'day', true]);
    // 月底 / 月末: the month's last day (a reporting date), as 年底 is the year's last month
    expect(one('2月底')).toEqual(['2月底', '2023-02-28', '2023-02-28', 'day']);
    expect(one('截至6月末', '2025-08-15')).toEqual(['6月末', '2025-06-30', '2025-06-30', 'day']);
  });

  it('reads 前N月 (Taiwan) as the first N months of the year, never 后N月', () => {
    expect(one('前11月出口', '2025-12-24')).toEqual(['前11月', '2025-01-01', '2025-11-30', 'month']);
    expect(one('今年前11月', '2025-12-24')).toEqual(['今年前11月', '2025-01-01', '2025-11-30', 'month']);
    expect(found('后3月', '2025-12-24')).toEqual([['3月', '2025-03-01', '2025-03-31', 'month']]);
    expect(found('日前11月的数据', '2025-12-24').map((r) => r[0])).toEqual(['日前', '11月']);
  });

  it('does not read durations or years of history as dates', () => {
    expect(found('5000年历史')).toEqual([]);
    expect(found('3个月')).toEqual([]);
    expect(found('2022年初步核算')).toEqual([['2022年', '2022-01-01', '2022-12-31', 'year']]);
    expect(found('3月中国经济')).toEqual([['3月', '2023-03-01', '2023-03-31', 'month']]);
  });
});

describe('ranges (one mention)', () => {
  it.each<Row>([
    ['2月27日至3月8日', '2023-02-27', '2023-03-08', 'day'],
    ['3月1日-5日', '2023-03-01', '2023-03-05', 'day'],
    ['3月1-5日', '2023-03-01', '2023-03-05', 'day'],
    ['2022年至2023年', '2022-01-01', '2023-12-31', 'year'],
    ['2022-2023年', '2022-01-01', '2023-12-31', 'year'],
    ['1至3月', '2023-01-01', '2023-03-31', 'month'],
    ['1-3月份', '2023-01-01', '2023-03-31', 'month'],
    ['2022年1至3月', '2022-01-01', '2022-03-31', 'month'],
    ['12月28日至1月3日', '2022-12-28', '2023-01-03', 'day'], // in a March article: the past holiday
    ['2023年3月1日至2023年4月30日', '2023-03-01', '2023-04-30', 'day'],
  ])('%s', (text, start, end, grain) => {
    expect(one(text)).toEqual([text, start, end, grain]);
  });

  it('merges mixed forms from the start of the first to the end of the second', () => {
    expect(one('去年6月至今年底')).toEqual(['去年6月至今年底', '2022-06-01', '2023-12-31', 'month']);
    expect(one('2022年至今年3月')).toEqual(['2022年至今年3月', '2022-01-01', '2023-03-31', 'month']);
  });

  it('merges two bare days, but not a year with a bare day', () => {
    expect(one('17日至19日')).toEqual(['17日至19日', '2023-03-17', '2023-03-19', 'day']);
    expect(found('2023年至19日').map((r) => r[0])).toEqual(['2023年', '19日']);
  });

  it('accepts 起至 as a joiner', () => {
    expect(one('本周三起至下周五')).toEqual(['本周三起至下周五', '2023-03-15', '2023-03-24', 'day']);
  });

  it('keeps a range as one mention without published', () => {
    expect(found('2月27日至3月8日', null)).toEqual([['2月27日至3月8日', 'XXXX-02-27', 'XXXX-03-08', 'day']]);
  });
});

describe('relative to published', () => {
  it.each<Row>([
    ['今年', '2023-01-01', '2023-12-31', 'year'],
    ['去年', '2022-01-01', '2022-12-31', 'year'],
    ['明年', '2024-01-01', '2024-12-31', 'year'],
    ['前年', '2021-01-01', '2021-12-31', 'year'],
    ['去年6月', '2022-06-01', '2022-06-30', 'month'],
    ['去年12月31日', '2022-12-31', '2022-12-31', 'day'],
    ['今年底', '2023-12-01', '2023-12-31', 'month'],
    ['年底', '2023-12-01', '2023-12-31', 'month'],
    ['去年年底', '2022-12-01', '2022-12-31', 'month'],
    ['年初', '2023-01-01', '2023-01-31', 'month'],
    ['今年初', '2023-01-01', '2023-01-31', 'month'],
    ['上半年', '2023-01-01', '2023-06-30', 'halfyear'],
    ['下半年', '2023-07-01', '2023-12-31', 'halfyear'],
    ['明年一季度', '2024-01-01', '2024-03-31', 'quarter'],
    ['第一季度', '2023-01-01', '2023-03-31', 'quarter'],
    ['2022年第四季度', '2022-10-01', '2022-12-31', 'quarter'],
    ['今年前三季度', '2023-01-01', '2023-09-30', 'quarter'],
    ['本月', '2023-03-01', '2023-03-31', 'month'],
    ['上月', '2023-02-01', '2023-02-28', 'month'],
    ['上个月', '2023-02-01', '2023-02-28', 'month'],
    ['下个月', '2023-04-01', '2023-04-30', 'month'],
    ['本月底', '2023-03-31', '2023-03-31', 'day'],
    ['上周三', '2023-03-08', '2023-03-08', 'day'],
    ['下周一', '2023-03-20', '2023-03-20', 'day'],
    ['周日', '2023-03-19', '2023-03-19', 'day'],
    ['本周', '2023-03-13', '2023-03-19', 'week'],
    ['上周', '2023-03-06', '2023-03-12', 'week'],
    ['今天', '2023-03-17', '2023-03-17', 'day'],
    ['昨天', '2023-03-16', '2023-03-16', 'day'],
    ['前天', '2023-03-15', '2023-03-15', 'day'],
    ['明天', '2023-03-18', '2023-03-18', 'day'],
    ['近日', '2023-03-11', '2023-03-17', 'day', true],
    ['日前', '2023-03-11', '2023-03-17', 'day', true],
    ['3年前', '2020-01-01', '2020-12-31', 'year', true],
    ['两个月前', '2023-01-01', '2023-01-31', 'month', true],
    ['3天前', '2023-03-14', '2023-03-14', 'day'],
  ])('%s', (...row) => {
    expect(one(row[0])).toEqual(row);
  });

  it('reads a bare 昨 before a verb as yesterday (newspaper style), not inside 昨天 or 昨晚', () => {
    expect(found('记者昨从市统计局获悉')[0]).toEqual(['昨', '2023-03-16', '2023-03-16', 'day']);
    expect(found('經濟部統計處昨公布外銷訂單')[0]).toEqual(['昨', '2023-03-16', '2023-03-16', 'day']);
    expect(found('昨(16)日公布')[0]).toEqual(['昨(16)日', '2023-03-16', '2023-03-16', 'day']);
    expect(found('昨晚')).toEqual([['昨晚', '2023-03-16', '2023-03-16', 'day']]);
    expect(found('昨夜星辰')).toEqual([]);
  });

  it('puts a lunar date in the lunar year nearest to published', () => {
    expect(one('大年初六', '2026-01-16')).toEqual(['大年初六', '2026-02-22', '2026-02-22', 'day']);
    expect(one('大年初六', '2013-02-08')).toEqual(['大年初六', '2013-02-15', '2013-02-15', 'day']);
    expect(one('正月十五', '2025-12-20')).toEqual(['正月十五', '2026-03-03', '2026-03-03', 'day']);
  });

  it('crosses year boundaries', () => {
    expect(one('上个月', '2023-01-10')).toEqual(['上个月', '2022-12-01', '2022-12-31', 'month']);
    expect(one('下周一', '2023-12-29')).toEqual(['下周一', '2024-01-01', '2024-01-01', 'day']);
  });

  it('returns relative mentions with null values but a grain when unpublished', () => {
    expect(found('今年上半年营收增长,去年6月以来,明年一季度,上周三,近日', null)).toEqual([
      ['今年上半年', null, null, 'halfyear'],
      ['去年6月以来', null, null, 'day', true],
      ['明年一季度', null, null, 'quarter'],
      ['上周三', null, null, 'day'],
      ['近日', null, null, 'day', true],
    ]);
  });

  it('treats an invalid published date as absent', () => {
    expect(one('今年', '2023-13-01')).toEqual(['今年', null, null, 'year']);
    expect(one('今年', 'yesterday')).toEqual(['今年', null, null, 'year']);
  });

  it('skips recurring weekdays', () => {
    expect(found('每周三开放')).toEqual([]);
  });
});

describe('lunar dates and festivals', () => {
  it.each<Row>([
    ['正月初九', '2023-01-30', '2023-01-30', 'day'],
    ['农历正月初九', '2023-01-30', '2023-01-30', 'day'],
    ['大年初一', '2023-01-22', '2023-01-22', 'day'],
    ['正月十五', '2023-02-05', '2023-02-05', 'day'],
    ['腊月二十三', '2023-01-14', '2023-01-14', 'day'], // the occurrence nearest to published (2024-02-02 is ten months ahead)
    ['农历三月初三', '2023-04-22', '2023-04-22', 'day'],
    ['除夕', '2023-01-21', '2023-01-21', 'day'],
    ['春节', '2023-01-22', '2023-01-22', 'day'],
    ['春节前', '2023-01-08', '2023-01-21', 'day', true],
    ['春节后', '2023-01-23', '2023-02-05', 'day', true],
    ['春节期间', '2023-01-21', '2023-01-27', 'day'], // the State Council's holiday for 2023
    ['春节前后', '2023-01-15', '2023-01-29', 'day', true],
    ['元宵节', '2023-02-05', '2023-02-05', 'day'],
    ['端午节', '2023-06-22', '2023-06-22', 'day'],
    ['中秋节', '2023-09-29', '2023-09-29', 'day'],
    ['国庆节', '2023-10-01', '2023-10-01', 'day'],
    ['国庆假期', '2023-09-29', '2023-10-06', 'day'], // 2023's notice: with 中秋, 29 September to 6 October
    ['元旦', '2023-01-01', '2023-01-01', 'day'],
    ['清明节', '2023-04-05', '2023-04-05', 'day'],
    ['五一假期', '2023-04-29', '2023-05-03', 'day'],
    ['劳动节', '2023-05-01', '2023-05-01', 'day'],
    ['去年春节', '2022-02-01', '2022-02-01', 'day'],
    ['2024年春节', '2024-02-10', '2024-02-10', 'day'],
    ['十一黄金周', '2023-09-29', '2023-10-06', 'day'],
    ['双十一', '2023-11-11', '2023-11-11', 'day'],
  ])('%s', (...row) => {
    expect(one(row[0])).toEqual(row);
  });

  it('元旦 in a December article is the coming one', () => {
    expect(one('元旦', '2023-12-20')).toEqual(['元旦', '2024-01-01', '2024-01-01', 'day']);
  });

  it('resolves what is absolute without published', () => {
    expect(one('2024年春节', null)).toEqual(['2024年春节', '2024-02-10', '2024-02-10', 'day']);
    expect(one('春节', null)).toEqual(['春节', null, null, 'day']);
    expect(one('正月初九', null)).toEqual(['正月初九', null, null, 'day']);
  });

  it('does not take words for festivals', () => {
    expect(found('吃元宵')).toEqual([]);
    expect(found('政治清明')).toEqual([]);
    expect(found('五一广场')).toEqual([]);
    expect(found('国庆70周年之际')).toEqual([]);
    expect(found('双十一期间').map((r) => r[0])).toEqual(['双十一期间']);
  });
});

describe('impossible dates', () => {
  it.each(['2月30日', '13月', '2023年2月29日', '2023年13月5日', '4月31日', '2023-02-30', '2023年0月'])('%s → no mention', (text) => {
    expect(() => findDates(text, PUB)).not.toThrow();
    expect(findDates(text, PUB)).toEqual([]);
    expect(findDates(text, null)).toEqual([]);
  });
  it('2月29日 without a year is possible; resolves to null in a non-leap published year', () => {
    expect(findDates('2月29日', PUB)).toEqual([]);
    expect(one('2月29日', '2024-03-01')).toEqual(['2月29日', '2024-02-29', '2024-02-29', 'day']);
  });
});

describe('mixed sentences', () => {
  it('finds every date in a news paragraph', () => {
    expect(found(NEWS_SAMPLE).map((r) => r.slice(0, 3))).toEqual([
      ['3月17日', '2023-03-17', '2023-03-17'],
      ['17日', '2023-03-17', '2023-03-17'],
      ['1至2月份', '2023-01-01', '2023-02-28'],
      ['去年12月份', '2022-12-01', '2022-12-31'],
      ['今年以来', '2023-01-01', '2023-03-17'],
      ['前两个月', '2023-01-01', '2023-02-28'],
      ['2月份', '2023-02-01', '2023-02-28'],
      ['上月', '2023-01-01', '2023-01-31'],
      ['一季度以来', '2023-01-01', '2023-03-17'],
      ['今年', '2023-01-01', '2023-12-31'],
      ['前两个月', '2023-01-01', '2023-02-28'],
      ['全年', '2023-01-01', '2023-12-31'], // 预计全年国内生产总值: the year of the report
    ]);
  });

  it('mixes absolute, relative, lunar and festival forms', () => {
    const text = '2023年3月17日,记者获悉,去年6月至今年底,春节前后,正月初九复工,上周三召开会议,2月27日至3月8日举办。';
    expect(found(text).map((r) => r[0])).toEqual([
      '2023年3月17日', '去年6月至今年底', '春节前后', '正月初九', '上周三', '2月27日至3月8日',
    ]);
  });
});

describe('findDateline', () => {
  it.each([
    ['2023-03-17 08:30 来源:新华网\n正文', '2023-03-17', '2023-03-17'],
    ['2023年03月17日 08:30 来源:人民网', '2023-03-17', '2023年03月17日'],
    ['首页 > 财经\n发布时间:2023-03-17\n正文', '2023-03-17', '2023-03-17'],
    ['2023/3/7 来源', '2023-03-07', '2023/3/7'],
  ])('%s', (text, date, span) => {
    const d = findDateline(text)!;
    expect(d.date).toBe(date);
    expect(text.slice(d.start, d.end)).toBe(span);
  });

  it('requires a full y-m-d', () => {
    expect(findDateline('新华社北京3月17日电 国家统计局……')).toBe(null);
    expect(findDateline('2023年3月,某公司……')).toBe(null);
  });

  it('skips invalid dates and looks only at the first 300 characters', () => {
    expect(findDateline('2023-02-30 来源')).toBe(null);
    expect(findDateline('正文'.repeat(200) + '2023-03-17')).toBe(null);
  });
});

describe('spans', () => {
  const pieces = [
    '2023年', '3月', '17日', '至', '-', '今年', '去年', '底', '初', '上半年', '一季度', '上周三', '正月初九', '春节', '前',
    '国庆', '2月30日', '13月', '十', '二', '〇', '年', '月', '日', '号', '近日', '3年前', '农历', '腊月', '期间', ',', '五一',
  ];
  it('are in bounds, non-empty, non-overlapping and ordered (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((a) => a.join('')), fc.string()),
        fc.constantFrom(PUB, null, '2024-02-29', '2023-12-31'),
        (text, pub) => {
          let last = 0;
          for (const m of findDates(text, pub)) {
            if (!(m.start >= last && m.start < m.end && m.end <= text.length)) return false;
            const v = m.value;
            if ((v.start === null) !== (v.end === null)) return false;
            if (v.start !== null && !(v.start <= v.end!)) return false;
            last = m.end;
          }
          return true;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('throughput on news text is far above 50,000 chars/s', () => {
    const big = NEWS_SAMPLE.repeat(100);
    const t = performance.now();
    findDates(big, PUB);
    const rate = big.length / ((performance.now() - t) / 1000);
    expect(rate).toBeGreaterThan(200_000);
  });
});
