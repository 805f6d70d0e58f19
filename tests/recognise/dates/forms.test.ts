/**
 * Every date form of the contract (shared/ANNOTATION.md, eval/news/README.md), alone and
 * inside sentences, with its span and value. Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDates } from '../../../src/pipeline/recognise/dates/index.js';
import type { Region } from '../../../src/pipeline/recognise/amounts/index.js';

const PUB = '2024-05-15'; // a Wednesday
type Row = [string, string | null, string | null, string, boolean?];
function found(text: string, published: string | null = PUB, region: Region = 'CN'): Row[] {
  return findDates(text, published, region).map((m) => {
    const row: Row = [text.slice(m.start, m.end), m.value.start, m.value.end, m.value.grain];
    if (m.value.vague) row.push(true);
    return row;
  });
}

describe('decades and centuries', () => {
  it.each<[string, Row]>([
    ['八十年代', ['八十年代', '1980-01-01', '1989-12-31', 'decade']],
    ['上世纪80年代', ['上世纪80年代', '1980-01-01', '1989-12-31', 'decade']],
    ['上世纪80年代末,工厂倒闭', ['上世纪80年代末', '1987-01-01', '1989-12-31', 'year', true]],
    ['18世纪60年代,工业革命开始', ['18世纪60年代', '1760-01-01', '1769-12-31', 'decade']],
    ['1990年代', ['1990年代', '1990-01-01', '1999-12-31', 'decade']],
    ['本世纪', ['本世纪', '2001-01-01', '2100-12-31', 'century']],
    ['21世纪', ['21世纪', '2001-01-01', '2100-12-31', 'century']],
    ['20世纪,工业化加速', ['20世纪', '1901-01-01', '2000-12-31', 'century']],
  ])('%s', (text, row) => {
    expect(found(text)).toEqual([row]);
  });
});

describe('two-digit years', () => {
  it.each<[string, Row[]]>([
    ['九八年', [['九八年', '1998-01-01', '1998-12-31', 'year']]],
    ['98年的洪水', [['98年', '1998-01-01', '1998-12-31', 'year']]],
    ['08年8月', [['08年8月', '2008-08-01', '2008-08-31', 'month']]],
    ['97年香港回归', [['97年', '1997-01-01', '1997-12-31', 'year']]],
    ['成立70年来', [['70年来', '1954-01-01', '2024-05-15', 'year', true]]], // no two-digit year: the seventy years up to now
    ['近20年', []],
    ['五六年前', []],
    ['他在这里坚守15年', []],
    ['公司于15年上市', [['15年', '2015-01-01', '2015-12-31', 'year']]],
  ])('%s', (text, rows) => {
    expect(found(text)).toEqual(rows);
  });
});

describe('numeric dates and ranges', () => {
  it.each<[string, Row[], Region?]>([
    ['2024.3.15', [['2024.3.15', '2024-03-15', '2024-03-15', 'day']]],
    ['3/15/2024', [['3/15/2024', '2024-03-15', '2024-03-15', 'day']]],
    ['15/03/24', [['15/03/24', '2024-03-15', '2024-03-15', 'day']]],
    ['05/03/2024', [['05/03/2024', '2024-03-05', '2024-03-05', 'day']], 'HK'],
    ['05/03/2024', [['05/03/2024', '2024-05-03', '2024-05-03', 'day']], 'CN'],
    ['2024.3.15-2024.3.20', [['2024.3.15-2024.3.20', '2024-03-15', '2024-03-20', 'day']]],
    ['3/15/2024至3/20/2024', [['3/15/2024至3/20/2024', '2024-03-15', '2024-03-20', 'day']]],
    ['从2019-2021', [['2019-2021', '2019-01-01', '2021-12-31', 'year']]],
    ['2019年至2021年', [['2019年至2021年', '2019-01-01', '2021-12-31', 'year']]],
    ['上调2026至28年目标', [['2026至28年', '2026-01-01', '2028-12-31', 'year']]],
    ['从2019年到2021年', [['2019年到2021年', '2019-01-01', '2021-12-31', 'year']]],
    ['版本1.2.15发布', []],
  ])('%s', (text, rows, region) => {
    expect(found(text, PUB, region)).toEqual(rows);
  });
});

describe('festivals and memorial days', () => {
  it.each<[string, string, string?]>([
    ['五一', '2024-05-01'],
    ['国庆', '2024-10-01'],
    ['元宵节', '2024-02-24'],
    ['端午', '2024-06-10'],
    ['中秋', '2024-09-17'],
    ['重阳节', '2024-10-11'],
    ['除夕', '2024-02-09'],
    ['腊八节', '2024-01-18'],
    ['清明节', '2024-04-04'],
    ['教师节', '2024-09-10'],
    ['劳动节', '2024-05-01'],
    ['儿童节', '2024-06-01'],
    ['平安夜', '2024-12-24'],
    ['复活节', '2024-03-31'],
    ['万圣节', '2024-10-31'],
    ['感恩节', '2024-11-28'],
    ['冬至', '2024-12-21'],
    ['春节', '2025-01-29', '2024-12-20'],
    ['圣诞节', '2023-12-25', '2024-01-05'],
    ['耶诞节', '2023-12-25', '2023-12-09'],
    ['跨年', '2023-12-31', '2023-12-09'],
    ['2023年中秋节', '2023-09-29'],
    ['去年端午节', '2023-06-22'],
  ])('%s', (text, day, published = PUB) => {
    expect(found(text, published)).toEqual([[text, day, day, 'day']]);
  });

  it('finds them inside sentences, simplified words only where they are dates', () => {
    expect(found('五一假期,游客同比增长。').map((r) => r[0])).toEqual(['五一假期']);
    expect(found('元宵节当晚举行灯会,市民吃元宵。').map((r) => r[0])).toEqual(['元宵节当晚']);
    expect(found('重阳,老人登高。').map((r) => r[0])).toEqual(['重阳']);
    expect(found('跨年度预算和跨年经营不是日子,跨年晚会是。', '2023-12-09').map((r) => r[0])).toEqual(['跨年']);
  });
});

describe('relative offsets', () => {
  it.each<Row>([
    ['五日后', '2024-05-20', '2024-05-20', 'day'],
    ['三天前', '2024-05-12', '2024-05-12', 'day'],
    ['前三个月', '2024-01-01', '2024-03-31', 'month'],
    ['今年前三个月', '2024-01-01', '2024-03-31', 'month'],
    ['今年后两个月', '2024-11-01', '2024-12-31', 'month'],
    ['三年之前', '2021-01-01', '2021-12-31', 'year', true],
    ['上三周', '2024-04-22', '2024-05-12', 'week'],
    ['上上周', '2024-04-29', '2024-05-05', 'week'],
    ['下周', '2024-05-20', '2024-05-26', 'week'],
    ['两周后', '2024-05-27', '2024-06-02', 'week'],
    ['下半月', '2024-05-16', '2024-05-31', 'day'],
    ['本月下半月', '2024-05-16', '2024-05-31', 'day'],
    ['这个周末', '2024-05-18', '2024-05-19', 'day'],
    ['上周末', '2024-05-11', '2024-05-12', 'day'],
    ['这个月15号', '2024-05-15', '2024-05-15', 'day'],
    ['下个月5日', '2024-06-05', '2024-06-05', 'day'],
    ['今(12)日', '2024-05-12', '2024-05-12', 'day'],
    ['昨(十二)日', '2024-05-12', '2024-05-12', 'day'],
    ['今(12日)', '2024-05-12', '2024-05-12', 'day'],
    ['2024/25学年', '2024-09-01', '2025-08-31', 'year'],
    ['2025上半年', '2025-01-01', '2025-06-30', 'halfyear'],
    ['2024全年', '2024-01-01', '2024-12-31', 'year'],
    ['2025H1', '2025-01-01', '2025-06-30', 'halfyear'],
    ['H2 2024', '2024-07-01', '2024-12-31', 'halfyear'],
    ['1H25', '2025-01-01', '2025-06-30', 'halfyear'],
    ['2023至2024学年度', '2023-09-01', '2024-08-31', 'year'],
    ['今年以来', '2024-01-01', '2024-05-15', 'day'],
    ['去年以来', '2023-01-01', '2024-05-15', 'day'],
    ['今年前三季度', '2024-01-01', '2024-09-30', 'quarter'],
    ['今年底', '2024-12-01', '2024-12-31', 'month'],
  ])('%s', (...row) => {
    expect(found(row[0])).toEqual([row]);
  });

  it.each([
    ['项目投产后年产值达5亿元', '后年 inside 投产后年产值'],
    ['时隔5年后首次举办', 'a duration before 后'],
    ['未来五年内完成改造', 'a duration'],
    ['历时三天后完工', 'a duration'],
    ['此前三个月的数据', 'months before an event'],
  ])('%s: no date (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('fiscal years', () => {
  it.each<[string, Region, Row]>([
    ['2025/26年度', 'HK', ['2025/26年度', '2025-04-01', '2026-03-31', 'year']],
    ['2025至26年度财政预算', 'HK', ['2025至26年度', '2025-04-01', '2026-03-31', 'year']],
    ['2024-2025财年', 'HK', ['2024-2025财年', '2024-04-01', '2025-03-31', 'year']],
    ['2025/26年度', 'CN', ['2025/26年度', '2025-01-01', '2026-12-31', 'year']],
  ])('%s (%s)', (text, region, row) => {
    expect(found(text, PUB, region)).toEqual([row]);
  });
});

describe('date-times', () => {
  it.each<Row>([
    ['2024-05-06 09:30', '2024-05-06T09:30', '2024-05-06T09:30', 'minute'],
    ['2024年5月6日9时30分', '2024-05-06T09:30', '2024-05-06T09:30', 'minute'],
    ['5月6日下午3点', '2024-05-06T15:00', '2024-05-06T15:00', 'hour'],
    ['5月6日晚8点半', '2024-05-06T20:30', '2024-05-06T20:30', 'minute'],
    ['今天上午10时', '2024-05-15T10:00', '2024-05-15T10:00', 'hour'],
    // the evening is in the day word itself
    ['昨晚8点', '2024-05-14T20:00', '2024-05-14T20:00', 'hour'],
    ['今晚7时30分', '2024-05-15T19:30', '2024-05-15T19:30', 'minute'],
    ['昨夜11时', '2024-05-14T23:00', '2024-05-14T23:00', 'hour'],
    ['今晚12点', '2024-05-15T24:00', '2024-05-15T24:00', 'hour'],
    ['今晨6时', '2024-05-15T06:00', '2024-05-15T06:00', 'hour'],
  ])('%s', (...row) => {
    expect(found(row[0])).toEqual([row]);
  });

  it('leaves times of day alone', () => {
    expect(found('上午9时30分召开')).toEqual([]);
  });
});

describe('in sentences', () => {
  it('finds each form with its span in one paragraph', () => {
    const text = '上世纪80年代末,这家工厂在98年改制;2019年至2021年连续亏损,今年以来扭亏,预计今年底投产,2024-05-06 09:30开盘。';
    expect(found(text).map((r) => r[0])).toEqual([
      '上世纪80年代末', '98年', '2019年至2021年', '今年以来', '今年底', '2024-05-06 09:30',
    ]);
  });
});

describe('values (property)', () => {
  const pieces = [
    '2024', '年', '月', '日', '号', '3', '15', '12', '98', '九八', '八十', '年代', '世纪', '上', '下', '本', '周', '末', '前', '后',
    '个月', '天', '以来', '今年', '去年', '至', '-', '/', '.', ':', '30', '时', '分', '点', '半', '春节', '中秋', '复活节', '感恩节',
    '五一', '国庆', '年度', '今(12)日', '半月', '季度', '从', ' ', ',',
  ];
  it('every value has start ≤ end and a known grain', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((a) => a.join('')),
        fc.constantFrom<string | null>(PUB, '2023-12-31', '2024-01-01', null),
        fc.constantFrom<Region>('CN', 'HK', 'TW'),
        (text, published, region) => {
          let last = 0;
          for (const m of findDates(text, published, region)) {
            if (!(m.start >= last && m.start < m.end && m.end <= text.length)) return false;
            last = m.end;
            const { start, end, grain } = m.value;
            if ((start === null) !== (end === null)) return false;
            if (start !== null && !/^(?:\d{4}|XXXX)-\d{2}-\d{2}(?:T\d{2}:\d{2})?$/.test(start)) return false;
            if (start !== null && end !== null && !start.startsWith('XXXX') && start > end) return false;
            if (!['minute', 'hour', 'day', 'week', 'month', 'quarter', 'halfyear', 'year', 'decade', 'century'].includes(grain)) return false;
          }
          return true;
        },
      ),
      { numRuns: 3000 },
    );
  });
});
