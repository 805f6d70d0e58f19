import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Doc, type Token } from '../../src/pipeline/doc.js';

/** Sorted, disjoint tokens with gaps (as the segmenter leaves whitespace out). */
const tokenList = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 4 })), { maxLength: 30 }).map((steps) => {
  const out: Token[] = [];
  let pos = 0;
  for (const [gap, len] of steps) {
    out.push({ start: pos + gap, end: pos + gap + len, pos: 'n' });
    pos += gap + len;
  }
  return out;
});

describe('Doc token lookups', () => {
  it('tokensWithin and tokenCovering agree with a scan of every token (property)', () => {
    fc.assert(
      fc.property(tokenList, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 12 }), (tokens, start, len) => {
        const d = new Doc('x'.repeat(130));
        d.tokens = tokens;
        const end = start + len;
        expect(d.tokensWithin(start, end)).toEqual(tokens.filter((t) => t.start >= start && t.end <= end));
        expect(d.tokenCovering(start, end)).toEqual(tokens.find((t) => t.start <= start && t.end >= end));
      }),
    );
  });
});
