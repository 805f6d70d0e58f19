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
    ['本周初,港口拥堵', [['本周初', '2024-05-13', '2024-05-14', 'day', true]]],
    ['近年来,该市', [['近年来', '2019-01-01', '2024-05-15', 'year', true]]],
    ['连日来,各地', [['连日来', '2024-05-09', '2024-05-15', 'day', true]]],
    ['“五一”档票房', [['五一', '2024-05-01', '2024-05-01', 'day']]],
    ['第七个中国医师节到来', [['中国医师节', '2024-08-19', '2024-08-19', 'day']]],
  ])('%s', (text, rows) => {
    expect(found(text)).toEqual(rows);
  });
});
