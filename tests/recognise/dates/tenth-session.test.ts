/**
 * Forms of the tenth session: a bare `月末` / `月底` after a month's end stated earlier in its paragraph (that
 * month's end, the date a balance is struck on), and a bare `全年` right after `完成` in a report of the year's
 * first months (`较好完成全年目标任务`: the year just ended; `确保完成全年目标` plans the new one).
 * Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import { dateRows as found, type DateRow as Row } from '../../helpers/values.js';

describe('a bare 月末 after a stated month end in its paragraph', () => {
  it.each<[string, Row[]]>([
    ['6月末，广义货币余额305万亿元。月末人民币存款余额295万亿元', [
      ['6月末', '2024-06-30', '2024-06-30', 'day'], ['月末', '2024-06-30', '2024-06-30', 'day'],
    ]],
    ['2023年9月底库存为120万吨，月底前已补足', [
      ['2023年9月底', '2023-09-30', '2023-09-30', 'day'], ['月底', '2023-09-30', '2023-09-30', 'day'],
    ]],
  ])('%s', (text, rows) => {
    expect(found(text, '2024-07-12')).toEqual(rows);
  });

  it('a month end stated in another paragraph does not carry over', () => {
    expect(found('6月末，贷款余额250万亿元。\n整改须在月底前完成', '2024-07-12')).toEqual([
      ['6月末', '2024-06-30', '2024-06-30', 'day'], ['月底', '2024-07-31', '2024-07-31', 'day'],
    ]);
  });
});

describe('a bare 全年 after 完成 in a report of the first months', () => {
  it.each<[string, string, Row[]]>([
    ['全区上下较好完成全年目标任务', '2025-01-14', [['全年', '2024-01-01', '2024-12-31', 'year']]],
    ['全区上下要确保完成全年目标任务', '2025-01-14', [['全年', '2025-01-01', '2025-12-31', 'year']]],
    ['较好完成全年目标任务', '2025-06-14', [['全年', '2025-01-01', '2025-12-31', 'year']]],
  ])('%s (published %s)', (text, pub, rows) => {
    expect(found(text, pub)).toEqual(rows);
  });
});
