import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Featurizer, SoftLexicon } from '../../src/pipeline/recognise/model/features.js';

/** Writes the two SoftLexicon files (format of training/softlex.py) for the given words/counts/int8 rows. */
function writeSoftLexicon(words: Array<[string, number]>, rows: number[][], scales: number[], lexicon: Map<string, number>) {
  const dir = mkdtempSync(join(tmpdir(), 'softlex-'));
  writeFileSync(join(dir, 'softlex.tsv.gz'), gzipSync(words.map(([w, c]) => `${w}\t${c}\n`).join('')));
  const dim = rows[0].length;
  const buf = Buffer.alloc(8 + 4 * rows.length + rows.length * dim);
  buf.writeUInt32LE(rows.length, 0);
  buf.writeUInt32LE(dim, 4);
  scales.forEach((s, i) => buf.writeFloatLE(s, 8 + 4 * i));
  rows.flat().forEach((v, i) => buf.writeInt8(v, 8 + 4 * rows.length + i));
  writeFileSync(join(dir, 'softlex.bin'), buf);
  return SoftLexicon.read(join(dir, 'softlex.tsv.gz'), join(dir, 'softlex.bin'), lexicon);
}

/** readLexicon's shape: words with flags, their proper prefixes with 0 */
function lexiconOf(words: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, 1);
  for (const w of words) for (let k = 1; k < w.length; k++) if (!m.has(w.slice(0, k))) m.set(w.slice(0, k), 0);
  return m;
}

describe('SoftLexicon features', () => {
  // 北京 (count 3, vector [1, 0]), 北京市 (count 1, [0, 2]), 京 (count 5, [4, 4] with scale 0.5 -> [2, 2]),
  // 市 (count 2, [-1, 1]); 北 is in the lexicon but has no vector, so it adds nothing.
  // 上海 has a vector but is not a lexicon word: the scan can never reach it (as in training/softlex.py)
  const lex = lexiconOf(['北京', '北京市', '京', '市', '北']);
  const sl = writeSoftLexicon(
    [['北京', 3], ['北京市', 1], ['京', 5], ['市', 2], ['上海', 7]],
    [[1, 0], [0, 2], [4, 4], [-1, 1], [9, 9]],
    [1, 1, 0.5, 1, 1],
    lex,
  );
  const featurizer = new Featurizer(new Map(), new Map(), lex, sl);
  const soft = (text: string) => sl.features(text.length, featurizer.lexFeatures(text).matches);

  it('reads the word list and int8 rows with their scales and files each row under its lexicon word', () => {
    expect(sl.dim).toBe(2);
    expect(sl.width).toBe(8);
    expect(sl.counts.length).toBe(5); // every row is read, 上海's too
    expect(lex.get('北京市')! >>> 4).toBe(2); // row 1, stored + 1
    expect(lex.get('北京市')! & 15).toBe(1); // flags kept
    expect(lex.get('北')).toBe(1); // no vector
    expect(lex.has('上海')).toBe(false);
  });

  it('keeps the lexicon bits unchanged by the rows read into the lexicon', () => {
    const plain = new Featurizer(new Map(), new Map(), lexiconOf(['北京', '北京市', '京', '市', '北']));
    expect(Array.from(featurizer.lexBits('去北京市上海'))).toEqual(Array.from(plain.lexBits('去北京市上海')));
  });

  it('puts each covering word in its B/M/E/S set and takes count-weighted means per set', () => {
    const f = soft('去北京市');
    const at = (pos: number, set: number) => Array.from(f.subarray(pos * 8 + set * 2, pos * 8 + set * 2 + 2));
    // 去: no word at all
    expect(Array.from(f.subarray(0, 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    // 北: B = (3·[1,0] + 1·[0,2]) / 4
    expect(at(1, 0)).toEqual([0.75, 0.5]);
    expect(at(1, 1)).toEqual([0, 0]);
    expect(at(1, 3)).toEqual([0, 0]); // 北 has no vector
    // 京: M = 北京市, E = 北京, S = 京 (scale 0.5)
    expect(at(2, 1)).toEqual([0, 2]);
    expect(at(2, 2)).toEqual([1, 0]);
    expect(at(2, 3)).toEqual([2, 2]);
    // 市: E = 北京市, S = 市
    expect(at(3, 2)).toEqual([0, 2]);
    expect(at(3, 3)).toEqual([-1, 1]);
    expect(at(3, 0)).toEqual([0, 0]);
  });

  it('writes any window of a text exactly as the same rows of the whole text (property)', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'去北京市上海'), { maxLength: 30 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const text = chars.join('');
        const n = text.length;
        const from = n ? a % (n + 1) : 0;
        const to = from + (n - from ? b % (n - from + 1) : 0);
        const { matches } = featurizer.lexFeatures(text);
        const whole = sl.features(n, matches);
        const out = new Float32Array(3 * 8 + (to - from) * 8).fill(0);
        sl.write(matches, sl.totals(n, matches), out, 3 * 8, from, to);
        expect(Array.from(out.subarray(0, 24))).toEqual(new Array(24).fill(0));
        expect(Array.from(out.subarray(24))).toEqual(Array.from(whole.subarray(from * 8, to * 8)));
      }),
    );
  });

  it('gives an empty array for empty text and refuses a vector file that does not match the words', () => {
    expect(soft('').length).toBe(0);
    expect(Array.from(soft('上海'))).toEqual(new Array(16).fill(0));
    expect(() => writeSoftLexicon([['北京', 1]], [[1, 0], [0, 1]], [1, 1], lexiconOf(['北京']))).toThrow(/2 vectors for 1 words/);
  });
});
