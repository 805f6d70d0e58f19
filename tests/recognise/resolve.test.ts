import { describe, expect, it } from 'vitest';
import { selectNonOverlapping, trimSpace, yieldToValues } from '../../src/pipeline/recognise/resolve.js';
import type { NormMention } from '../../src/pipeline/doc.js';

const m = (start: number, end: number, score = 0.9, type: NormMention['type'] = 'ORG'): NormMention => ({ start, end, score, type, source: 't' });

describe('overlap resolution', () => {
  it('keeps the longer mention, then the higher score, and never overlaps', () => {
    const out = selectNonOverlapping([m(0, 3), m(2, 8), m(8, 10, 0.5), m(8, 10, 0.9, 'PERSON')], 20);
    expect(out.map((x) => [x.start, x.end, x.type])).toEqual([
      [2, 8, 'ORG'],
      [8, 10, 'PERSON'],
    ]);
  });
  it('drops mentions overlapping garbled runs and out-of-range spans', () => {
    expect(selectNonOverlapping([m(0, 3), m(4, 6), m(18, 25)], 20, [{ start: 2, end: 3 }])).toEqual([m(4, 6)]);
  });
  it('trims whitespace a recogniser took at the edges', () => {
    expect(trimSpace('丈 株洲', m(0, 2))).toMatchObject({ start: 0, end: 1 });
    expect(trimSpace('\u3000株洲 ', m(0, 4))).toMatchObject({ start: 1, end: 3 });
    expect(trimSpace('   ', m(0, 3))).toBeNull();
  });
  it('a name crossing the edge of a value gives the value back (`年度中央政府` across `115年度`)', () => {
    const text = '通过115年度中央政府总预算';
    const date = m(2, 7, 0.85, 'DATE');
    const org = m(5, 11, 0.9, 'ORG');
    const out = selectNonOverlapping(yieldToValues([date, org]), text.length);
    expect(out.map((x) => text.slice(x.start, x.end))).toEqual(['115年度', '中央政府']);
  });
  it('keeps a name that contains a value whole, and drops what is left under two characters', () => {
    expect(yieldToValues([m(0, 4, 0.9, 'DATE'), m(0, 8, 0.9, 'ORG')])).toEqual([m(0, 4, 0.9, 'DATE'), m(0, 8, 0.9, 'ORG')]);
    expect(yieldToValues([m(0, 4, 0.9, 'DATE'), m(3, 5, 0.9, 'LOCATION')])).toEqual([m(0, 4, 0.9, 'DATE')]);
  });
});
