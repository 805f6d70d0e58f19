/** Table rows for the value recognisers' tests: what a text yields, as [surface, …value] rows. */
import { findDates } from '../../src/pipeline/recognise/dates/index.js';
import { findAmounts, type AmountMention, type Region } from '../../src/pipeline/recognise/amounts/index.js';

/** [surface, start, end, grain] and `true` when vague. */
export type DateRow = [string, string | null, string | null, string, boolean?];
export function dateRows(text: string, published: string | null, region: Region = 'CN'): DateRow[] {
  return findDates(text, published, region).map((m) => {
    const row: DateRow = [text.slice(m.start, m.end), m.value.start, m.value.end, m.value.grain];
    if (m.value.vague) row.push(true);
    return row;
  });
}

export type AmountRow = [string, AmountMention['type'], AmountMention['value']];
export const amountRows = (text: string, region: Region = 'CN'): AmountRow[] =>
  findAmounts(text, region).map((m) => [text.slice(m.start, m.end), m.type, m.value]);
