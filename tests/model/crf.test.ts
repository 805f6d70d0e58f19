import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ConstrainedCrf, bioSpans, repairBio } from '../../src/pipeline/recognise/model/crf.js';
import { windows } from '../../src/pipeline/recognise/model/index.js';

const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'];
const K = LABELS.length;
const zeros = () => Array.from({ length: K }, () => Array(K).fill(0));

function valid(path: Int32Array): boolean {
  for (let t = 0; t < path.length; t++) {
    const l = LABELS[path[t]];
    if (!l.startsWith('I-')) continue;
    const prev = t > 0 ? LABELS[path[t - 1]] : 'O';
    if (prev.slice(2) !== l.slice(2) || prev === 'O') return false;
  }
  return true;
}

describe('BIO-constrained Viterbi', () => {
  const crf = new ConstrainedCrf({ labels: LABELS, transitions: zeros(), start: Array(K).fill(0), end: Array(K).fill(0) });

  it('repairs emissions that prefer a broken sequence (orphan I-, type switch inside an entity)', () => {
    // argmax per position would be: I-PER I-PER O I-LOC I-ORG
    const want = [2, 2, 0, 4, 6];
    const em: number[] = [];
    for (const w of want) for (let j = 0; j < K; j++) em.push(j === w ? 5 : j === w - 1 ? 4 : 0);
    const path = crf.viterbi(em, want.length);
    expect(valid(path)).toBe(true);
    const labels = Array.from(path, (i) => LABELS[i]);
    expect(labels.slice(0, 2)).toEqual(['B-PER', 'I-PER']);
  });

  it('never outputs an invalid BIO sequence (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((T) =>
          fc.tuple(fc.constant(T), fc.array(fc.float({ min: -10, max: 10, noNaN: true }), { minLength: T * K, maxLength: T * K })),
        ),
        fc.array(fc.float({ min: -3, max: 3, noNaN: true }), { minLength: K * K, maxLength: K * K }),
        ([T, em], tr) => {
          const transitions = Array.from({ length: K }, (_, i) => tr.slice(i * K, i * K + K));
          const c = new ConstrainedCrf({ labels: LABELS, transitions, start: Array(K).fill(0), end: Array(K).fill(0) });
          const path = c.viterbi(em, T);
          expect(path.length).toBe(T);
          expect(valid(path)).toBe(true);
          const marg = c.marginals(em, T);
          for (let t = 0; t < T; t++) {
            let s = 0;
            for (let j = 0; j < K; j++) s += marg[t * K + j];
            expect(s).toBeCloseTo(1, 5);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('repairBio / bioSpans turn broken label sequences into well-formed spans', () => {
    expect(repairBio(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-ORG', 'I-LOC'])).toEqual(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-ORG', 'B-LOC']);
    expect(bioSpans(['O', 'I-PER', 'I-PER', 'B-LOC', 'I-LOC', 'I-ORG'])).toEqual([
      { start: 1, end: 3, type: 'PER' },
      { start: 3, end: 5, type: 'LOC' },
      { start: 5, end: 6, type: 'ORG' },
    ]);
  });
});

describe('windows', () => {
  it('cover every position, respect the max length and overlap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 8, max: 300 }), (n, maxLen) => {
        const overlap = Math.floor(maxLen / 5);
        const ws = windows(n, maxLen, overlap);
        expect(ws[0].start).toBe(0);
        expect(ws[ws.length - 1].end).toBe(n);
        for (const w of ws) expect(w.end - w.start).toBeLessThanOrEqual(maxLen);
        for (let i = 1; i < ws.length; i++) expect(ws[i].start).toBeLessThanOrEqual(ws[i - 1].end - overlap);
      }),
    );
  });
});
