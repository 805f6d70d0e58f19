/**
 * China's dynasties and historical periods as dates (ANNOTATION.md: periods like decades and centuries): a vague span of
 * grain century, unresolved when the period begins before the common era. Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import { dateRows as found, type DateRow as Row } from '../../helpers/values.js';

const table = (cases: [string, Row[]][]) =>
  it.each(cases)('%s', (text, rows) => {
    expect(found(text, '2024-05-01')).toEqual(rows);
  });

describe('dynasties and periods', () => {
  table([
    ['这座寺庙始建于明代，清代重修', [['明代', '1368-01-01', '1644-12-31', 'century', true], ['清代', '1644-01-01', '1912-12-31', 'century', true]]],
    ['唐朝诗人留下的石刻', [['唐朝', '0618-01-01', '0907-12-31', 'century', true]]],
    ['遗址年代为十六国时期', [['十六国时期', '0304-01-01', '0439-12-31', 'century', true]]],
    ['墓葬年代为北魏至西魏时期', [['北魏至西魏时期', '0386-01-01', '0557-12-31', 'century', true]]],
    ['明代嘉靖年间修建的戏楼', [['明代嘉靖年间', '1368-01-01', '1644-12-31', 'century', true]]],
    ['先农坛是明清朝代祭祀的坛庙', [['明清朝代', '1368-01-01', '1912-12-31', 'century', true]]],
  ]);
  it('a period that begins before the common era is a date without an ISO value', () => {
    expect(found('发现东周至隋唐时期的墓葬', '2024-05-01')).toEqual([['东周至隋唐时期', null, null, 'century', true]]);
    expect(found('出土的战国、先秦时期青铜器', '2024-05-01')).toEqual([
      ['战国', null, null, 'century', true],
      ['先秦时期', null, null, 'century', true],
    ]);
  });
  it('is no date inside other words', () => {
    for (const text of ['厂商代表出席发布会', '宋朝阳表示', '以美元代替', '资金代付', '1万元代金券', '华东周边城市', '隋唐洛阳城遗址', '陕西周至国家级自然保护区', '三国合作']) {
      expect(found(text, '2024-05-01')).toEqual([]);
    }
  });
});
