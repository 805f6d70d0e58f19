import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MappedText, type Edit } from '../../src/pipeline/mapped-text.js';

/** Naïve reference: one record per derived character with its original range. */
interface Ref {
  ch: string;
  start: number;
  end: number;
}

/** Apply edits to the reference by plain array splicing, right to left. */
function refEdit(ref: Ref[], edits: Edit[], originalLength: number): Ref[] {
  const out = [...ref];
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    const old = out.slice(e.start, e.end);
    let repl: Ref[];
    if (e.text.length === old.length) repl = old.map((r, k) => ({ ...r, ch: e.text[k] }));
    else if (old.length) {
      const s = Math.min(...old.map((r) => r.start));
      const t = Math.max(...old.map((r) => r.end));
      repl = e.text.split('').map((c) => ({ ch: c, start: s, end: t }));
    } else {
      const next = out[e.start];
      const prev = out[e.start - 1];
      const s = next ? next.start : prev ? prev.end : originalLength;
      const t = next && prev ? Math.max(s, prev.end) : s;
      repl = e.text.split('').map((c) => ({ ch: c, start: s, end: t }));
    }
    out.splice(e.start, e.end - e.start, ...repl);
  }
  return out;
}

/** Random non-overlapping edits over a text of length n. */
const editsFor = (n: number) =>
  fc
    .array(fc.tuple(fc.nat(n), fc.nat(3), fc.string({ maxLength: 4 })), { maxLength: 5 })
    .map((raw) => {
      const sorted = raw.map(([s, len, text]) => ({ start: s, end: Math.min(n, s + len), text })).sort((a, b) => a.start - b.start);
      const out: Edit[] = [];
      let pos = 0;
      for (const e of sorted) {
        if (e.start < pos) continue;
        out.push(e);
        pos = Math.max(e.end, e.start + 1); // keep a gap so insertions never tie with replacements
      }
      return out;
    });

describe('MappedText.edit composition', () => {
  it('matches a naïve reference over random edit sequences', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.integer({ min: 1, max: 4 }),
        fc.gen(),
        (text, steps, gen) => {
          let m = MappedText.identity(text);
          let ref: Ref[] = text.split('').map((c, i) => ({ ch: c, start: i, end: i + 1 }));
          for (let step = 0; step < steps; step++) {
            const edits = gen(editsFor, m.text.length);
            m = m.edit(edits);
            ref = refEdit(ref, edits, text.length);
            expect(m.text).toBe(ref.map((r) => r.ch).join(''));
            for (let i = 0; i < ref.length; i++) expect(m.toOriginal(i, i + 1)).toEqual({ start: ref[i].start, end: ref[i].end });
          }
          // monotone, in range
          for (let i = 0; i + 1 < m.text.length; i++) {
            const a = m.toOriginal(i, i + 1);
            const b = m.toOriginal(i + 1, i + 2);
            expect(a.start).toBeLessThanOrEqual(b.start);
            expect(a.end).toBeLessThanOrEqual(b.end);
          }
          for (let i = 0; i <= m.text.length; i++) {
            for (let j = i; j <= m.text.length; j++) {
              const o = m.toOriginal(i, j);
              expect(0 <= o.start && o.start <= o.end && o.end <= text.length).toBe(true);
            }
          }
          // fromOriginal inverts toOriginal on whole characters
          for (let i = 0; i < m.text.length; i++) {
            const o = m.toOriginal(i, i + 1);
            if (o.end > o.start) {
              const back = m.fromOriginal(o.start, o.end);
              expect(back.start <= i && i < back.end).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('maps a pure insertion inside a grouped replacement to the group', () => {
    const m = MappedText.identity('abcdef').edit([{ start: 1, end: 4, text: 'XY' }]); // aXYef
    const n = m.edit([{ start: 2, end: 2, text: '+' }]); // aX+Yef
    expect(n.text).toBe('aX+Yef');
    expect(n.toOriginal(2, 3)).toEqual({ start: 1, end: 4 });
    expect(m.edit([{ start: 1, end: 1, text: '+' }]).toOriginal(1, 2)).toEqual({ start: 1, end: 1 });
  });
});
