// Feature extraction for the BiLSTM-CRF model. Must match training/common.py exactly:
// norm_char, encode (char ids, right-bigram ids), lex_features (16 bits: B/M/E/S x any/nr/ns/nt).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export const PAD = 0;
export const UNK = 1;
export const BOUNDARY = 2;
export const MAX_WORD = 8;
export const LEX_DIM = 16;

/** 1:1 (offset-preserving) normalisation: full-width ASCII -> half-width, U+3000 -> space, A-Z -> a-z. */
export function normChar(c: string): string {
  let o = c.charCodeAt(0);
  if (o >= 0xff01 && o <= 0xff5e) o -= 0xfee0;
  else if (o === 0x3000) o = 0x20;
  if (o >= 0x41 && o <= 0x5a) o += 0x20;
  return String.fromCharCode(o);
}

export function normText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += normChar(s[i]);
  return out;
}

export function readVocab(path: string): Map<string, number> {
  const items = readFileSync(path, 'utf8').split('\n');
  if (items.length && items[items.length - 1] === '') items.pop();
  const m = new Map<string, number>();
  items.forEach((w, i) => {
    if (!m.has(w)) m.set(w, i);
  });
  return m;
}

/**
 * A string → non-negative integer map held as a trie of UTF-16 code units in typed arrays: node ids in a
 * hash table keyed by (parent node, code unit), one value per node (−1: a path to longer keys, not a key).
 * The model lexicon (~495,000 words and prefixes) takes ~12 MB here instead of ~25 MB of heap as a `Map` of
 * strings in every extraction worker, and the scan walks it one character at a time without slicing.
 */
export class WordTrie {
  private parent: Int32Array;
  private code: Uint16Array;
  private child: Int32Array;
  private values: Int32Array;
  private nodes = 1; // node 0 is the root (the empty string)
  private used = 0;

  /** `capacity`: keys expected (the tables grow past it) */
  constructor(capacity = 1024) {
    let cap = 1024;
    while (cap < 2 * capacity) cap *= 2;
    this.parent = new Int32Array(cap).fill(-1);
    this.code = new Uint16Array(cap);
    this.child = new Int32Array(cap);
    this.values = new Int32Array(Math.max(16, capacity)).fill(-1);
  }

  static from(entries: Iterable<[string, number]>, size = 1024): WordTrie {
    const t = new WordTrie(size);
    for (const [w, v] of entries) t.set(w, v);
    return t;
  }

  /** entries (key, value) held */
  get size(): number {
    let n = 0;
    for (let i = 0; i < this.nodes; i++) if (this.values[i] >= 0) n++;
    return n;
  }

  /** The child of `node` by code unit `c`, or −1. */
  next(node: number, c: number): number {
    const mask = this.parent.length - 1;
    for (let h = slot(node, c) & mask; ; h = (h + 1) & mask) {
      const p = this.parent[h];
      if (p === -1) return -1;
      if (p === node && this.code[h] === c) return this.child[h];
    }
  }

  /** The value of `node`, or −1 when it is only a path to longer keys. */
  value(node: number): number {
    return this.values[node];
  }

  get(word: string): number | undefined {
    let node = 0;
    for (let i = 0; i < word.length && node >= 0; i++) node = this.next(node, word.charCodeAt(i));
    const v = node >= 0 ? this.values[node] : -1;
    return v >= 0 ? v : undefined;
  }

  has(word: string): boolean {
    return this.get(word) !== undefined;
  }

  set(word: string, value: number): this {
    if (!(value >= 0 && value <= 0x7fffffff && Number.isInteger(value))) throw new Error(`WordTrie: value ${value} is not a non-negative 31-bit integer`);
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let n = this.next(node, c);
      if (n < 0) n = this.add(node, c);
      node = n;
    }
    this.values[node] = value;
    return this;
  }

  private add(node: number, c: number): number {
    if (2 * (this.used + 1) > this.parent.length) this.rehash(this.parent.length * 2);
    if (this.nodes === this.values.length) {
      const v = new Int32Array(this.values.length * 2).fill(-1);
      v.set(this.values);
      this.values = v;
    }
    const id = this.nodes++;
    const mask = this.parent.length - 1;
    let h = slot(node, c) & mask;
    while (this.parent[h] !== -1) h = (h + 1) & mask;
    this.parent[h] = node;
    this.code[h] = c;
    this.child[h] = id;
    this.used++;
    return id;
  }

  private rehash(cap: number) {
    const { parent, code, child } = this;
    this.parent = new Int32Array(cap).fill(-1);
    this.code = new Uint16Array(cap);
    this.child = new Int32Array(cap);
    const mask = cap - 1;
    for (let i = 0; i < parent.length; i++) {
      if (parent[i] === -1) continue;
      let h = slot(parent[i], code[i]) & mask;
      while (this.parent[h] !== -1) h = (h + 1) & mask;
      this.parent[h] = parent[i];
      this.code[h] = code[i];
      this.child[h] = child[i];
    }
  }
}

function slot(node: number, c: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(c + 1, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

/** word -> flags (1 any, 2 nr, 4 ns, 8 nt); file: gzip "word\tflags" lines. A word's prefixes are its path in
 * the trie, so the scan stops where no word continues (`Featurizer.lexFeatures`). */
export function readLexicon(path: string): WordTrie {
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  const lines = text.split('\n');
  const m = new WordTrie(lines.length);
  for (const line of lines) {
    if (!line) continue;
    const tab = line.lastIndexOf('\t');
    m.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return m;
}

/** Flag bits of a lexicon value (the bits above them hold a SoftLexicon row + 1, see `SoftLexicon.read`). */
const FLAGS = 15;

export class Featurizer {
  /** the lexicon (a `Map` given is copied into a `WordTrie`) */
  readonly lexicon: WordTrie;

  constructor(
    readonly chars: Map<string, number>,
    readonly bigrams: Map<string, number>,
    lexicon: Map<string, number> | WordTrie,
    /** SoftLexicon word vectors, when the model takes a `softlex` input (read into `lexicon`) */
    readonly softlex: SoftLexicon | null = null,
  ) {
    this.lexicon = lexicon instanceof WordTrie ? lexicon : WordTrie.from(lexicon, lexicon.size);
  }

  /** ids for a normalised text */
  encode(text: string): { chars: Int32Array; bigrams: Int32Array } {
    const n = text.length;
    const c = new Int32Array(n);
    const b = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      c[i] = this.chars.get(text[i]) ?? UNK;
      b[i] = i + 1 < n ? (this.bigrams.get(text.slice(i, i + 2)) ?? UNK) : BOUNDARY;
    }
    return { chars: c, bigrams: b };
  }

  /** 16-bit lexicon mask per char; bit = pos*4 + cat (pos B=0 M=1 E=2 S=3; cat any=0 nr=1 ns=2 nt=3). */
  lexBits(text: string): Uint16Array {
    return this.lexFeatures(text).bits;
  }

  /**
   * One scan of the dictionary words in a normalised text gives both lexicon inputs: the 16-bit masks and the
   * words that have a SoftLexicon vector, as (start, length, row) triples (`SoftLexicon.features/write`).
   */
  lexFeatures(text: string): { bits: Uint16Array; matches: number[] } {
    const n = text.length;
    const bits = new Uint16Array(n);
    const matches: number[] = []; // (start, length, softlex row) of each word with a vector
    const lex = this.lexicon;
    for (let s = 0; s < n; s++) {
      const maxL = Math.min(MAX_WORD, n - s);
      for (let L = 1, node = 0; L <= maxL; L++) {
        node = lex.next(node, text.charCodeAt(s + L - 1));
        if (node < 0) break;
        const v = lex.value(node);
        const fl = v & FLAGS;
        if (v < 0 || fl === 0) continue; // a prefix of longer words, not a word
        if (v > FLAGS) matches.push(s, L, (v >>> 4) - 1);
        for (let c = 0; c < 4; c++) {
          if (!(fl & (1 << c))) continue;
          if (L === 1) bits[s] |= 1 << (12 + c);
          else {
            bits[s] |= 1 << c;
            bits[s + L - 1] |= 1 << (8 + c);
            for (let k = s + 1; k < s + L - 1; k++) bits[k] |= 1 << (4 + c);
          }
        }
      }
    }
    return { bits, matches };
  }
}

/**
 * SoftLexicon features (training/softlex.py, which documents the files): for each char, the count-weighted mean
 * vector of the lexicon words in each of four sets, B (word starts here), M (inside), E (ends here) and
 * S (single-char word); zero for an empty set. Concatenated: 4 × dim floats per char, set order B, M, E, S.
 * Word vectors are int8 rows with one float scale each, dequantised on the fly. The word → row index lives
 * in the lexicon map's values (every SoftLexicon word is a lexicon word), so no second map is held.
 */
export class SoftLexicon {
  constructor(
    readonly counts: Float64Array,
    readonly q: Int8Array,
    readonly scale: Float32Array,
    readonly dim: number,
  ) {}

  /**
   * Reads the two files and writes each word's row (+1) into `lexicon`'s value above its flag bits (the
   * Featurizer's scan then finds it with the same lookup). Words that are not lexicon words could never be
   * matched by the scan and are left out (training does the same).
   */
  static read(wordsPath: string, vectorsPath: string, lexicon: Pick<WordTrie, 'get' | 'set'> | Map<string, number>): SoftLexicon {
    const lines = gunzipSync(readFileSync(wordsPath)).toString('utf8').split('\n');
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    const counts = new Float64Array(lines.length);
    const words = lines.map((line, i) => {
      const tab = line.lastIndexOf('\t');
      counts[i] = Number(line.slice(tab + 1));
      return line.slice(0, tab);
    });
    const raw = readFileSync(vectorsPath);
    const rows = raw.readUInt32LE(0);
    const dim = raw.readUInt32LE(4);
    if (rows !== lines.length) throw new Error(`softlex: ${rows} vectors for ${lines.length} words`);
    const buf = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength);
    const scale = new Float32Array(buf.slice(8, 8 + 4 * rows));
    const q = new Int8Array(buf.slice(8 + 4 * rows, 8 + 4 * rows + rows * dim));
    words.forEach((w, i) => {
      const v = lexicon.get(w);
      if (v !== undefined && (v & FLAGS) !== 0) lexicon.set(w, (v & FLAGS) | ((i + 1) << 4));
    });
    return new SoftLexicon(counts, q, scale, dim);
  }

  get width(): number {
    return 4 * this.dim;
  }

  /** Features of a text of n chars from its matches (start, length, row triples): Float32Array [n × 4·dim]. */
  features(n: number, matches: number[]): Float32Array {
    const out = new Float32Array(n * 4 * this.dim);
    this.write(matches, this.totals(n, matches), out, 0, 0, n);
    return out;
  }

  /** Summed counts of each (position, set) of a text of n chars: the denominators of the means. */
  totals(n: number, matches: number[]): Float64Array {
    const tot = new Float64Array(n * 4);
    this.each(matches, 0, n, (row, w) => (tot[row] += this.counts[w]));
    return tot;
  }

  /**
   * Adds the features of positions [from, to) into `out` (zeroed), row p − from at `out[base + (p − from)·4·dim]`:
   * a window's features go straight into the model's batch buffer, no per-sentence copy.
   */
  write(matches: number[], tot: Float64Array, out: Float32Array, base: number, from: number, to: number): void {
    const D = this.dim;
    const shift = base - from * 4 * D;
    this.each(matches, from, to, (row, w) => {
      const f = (this.counts[w] / tot[row]) * this.scale[w];
      const src = w * D;
      const o = shift + row * D;
      for (let k = 0; k < D; k++) out[o + k] += f * this.q[src + k];
    });
  }

  /** Calls fn(position·4 + set, word row) for every (position in [from, to), set) a matched word covers. */
  private each(matches: number[], from: number, to: number, fn: (row: number, w: number) => void): void {
    for (let m = 0; m < matches.length; m += 3) {
      const s = matches[m];
      const L = matches[m + 1];
      const w = matches[m + 2];
      if (s + L <= from || s >= to) continue;
      if (L === 1) fn(s * 4 + 3, w);
      else {
        if (s >= from) fn(s * 4, w);
        const e = s + L - 1;
        if (e < to) fn(e * 4 + 2, w);
        for (let k = Math.max(s + 1, from); k < Math.min(e, to); k++) fn(k * 4 + 1, w);
      }
    }
  }
}
