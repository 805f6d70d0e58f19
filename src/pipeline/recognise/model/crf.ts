// BIO-constrained Viterbi, forward-backward marginals and tag-sequence repair (pure TypeScript).

export interface CrfParams {
  labels: string[]; // e.g. O B-PER I-PER B-LOC I-LOC B-ORG I-ORG
  transitions: number[][]; // [from][to]
  start: number[];
  end: number[];
}

const NEG = -1e9;

/** allowed[i][j]: label i -> label j valid under BIO; startOk[j]: label j may start a sequence. */
export function bioConstraints(labels: string[]): { allowed: boolean[][]; startOk: boolean[] } {
  const allowed = labels.map((from) =>
    labels.map((to) => {
      if (!to.startsWith('I-')) return true;
      const ty = to.slice(2);
      return from === `B-${ty}` || from === `I-${ty}`;
    }),
  );
  const startOk = labels.map((l) => !l.startsWith('I-'));
  return { allowed, startOk };
}

export class ConstrainedCrf {
  readonly K: number;
  readonly trans: Float64Array; // K*K, invalid = NEG
  readonly start: Float64Array;
  readonly end: Float64Array;

  constructor(readonly params: CrfParams) {
    const K = params.labels.length;
    this.K = K;
    const { allowed, startOk } = bioConstraints(params.labels);
    this.trans = new Float64Array(K * K);
    for (let i = 0; i < K; i++)
      for (let j = 0; j < K; j++) this.trans[i * K + j] = allowed[i][j] ? params.transitions[i][j] : NEG;
    this.start = Float64Array.from(params.start.map((v, j) => (startOk[j] ? v : NEG)));
    this.end = Float64Array.from(params.end);
    // exp-space copies (shifted by the max for stability) for the scaled forward-backward
    const mt = Math.max(...this.trans);
    this.expTrans = this.trans.map((v) => Math.exp(v - mt));
    const ms = Math.max(...this.start);
    this.expStart = this.start.map((v) => Math.exp(v - ms));
    const me = Math.max(...this.end);
    this.expEnd = this.end.map((v) => Math.exp(v - me));
  }
  private readonly expTrans: Float64Array;
  private readonly expStart: Float64Array;
  private readonly expEnd: Float64Array;

  /** emissions: T*K row-major (offset into a larger buffer allowed). Returns label ids. */
  viterbi(em: ArrayLike<number>, T: number, offset = 0): Int32Array {
    const K = this.K;
    const out = new Int32Array(T);
    if (T === 0) return out;
    let score = new Float64Array(K);
    let next = new Float64Array(K);
    const bp = new Int32Array(T * K);
    for (let j = 0; j < K; j++) score[j] = this.start[j] + em[offset + j];
    for (let t = 1; t < T; t++) {
      for (let j = 0; j < K; j++) {
        let best = -Infinity;
        let arg = 0;
        for (let i = 0; i < K; i++) {
          const s = score[i] + this.trans[i * K + j];
          if (s > best) {
            best = s;
            arg = i;
          }
        }
        next[j] = best + em[offset + t * K + j];
        bp[t * K + j] = arg;
      }
      [score, next] = [next, score];
    }
    let best = -Infinity;
    let arg = 0;
    for (let j = 0; j < K; j++) {
      const s = score[j] + this.end[j];
      if (s > best) {
        best = s;
        arg = j;
      }
    }
    out[T - 1] = arg;
    for (let t = T - 1; t > 0; t--) out[t - 1] = bp[t * K + out[t]];
    return out;
  }

  /** per-position label marginals P(y_t = j | x) under the constrained CRF: T*K (scaled forward-backward). */
  marginals(em: ArrayLike<number>, T: number, offset = 0): Float64Array {
    const K = this.K;
    const alpha = new Float64Array(T * K);
    const beta = new Float64Array(T * K);
    const E = new Float64Array(T * K);
    const et = this.expTrans;
    for (let t = 0; t < T; t++) {
      let m = -Infinity;
      for (let j = 0; j < K; j++) if (em[offset + t * K + j] > m) m = em[offset + t * K + j];
      for (let j = 0; j < K; j++) E[t * K + j] = Math.exp(em[offset + t * K + j] - m);
    }
    let z = 0;
    for (let j = 0; j < K; j++) z += alpha[j] = this.expStart[j] * E[j];
    for (let j = 0; j < K; j++) alpha[j] /= z;
    for (let t = 1; t < T; t++) {
      z = 0;
      for (let j = 0; j < K; j++) {
        let s = 0;
        for (let i = 0; i < K; i++) s += alpha[(t - 1) * K + i] * et[i * K + j];
        z += alpha[t * K + j] = s * E[t * K + j];
      }
      for (let j = 0; j < K; j++) alpha[t * K + j] /= z;
    }
    z = 0;
    for (let j = 0; j < K; j++) z += beta[(T - 1) * K + j] = this.expEnd[j];
    for (let j = 0; j < K; j++) beta[(T - 1) * K + j] /= z;
    for (let t = T - 2; t >= 0; t--) {
      z = 0;
      for (let i = 0; i < K; i++) {
        let s = 0;
        for (let j = 0; j < K; j++) s += et[i * K + j] * E[(t + 1) * K + j] * beta[(t + 1) * K + j];
        z += beta[t * K + i] = s;
      }
      for (let i = 0; i < K; i++) beta[t * K + i] /= z;
    }
    const p = new Float64Array(T * K);
    for (let t = 0; t < T; t++) {
      let s = 0;
      for (let j = 0; j < K; j++) s += p[t * K + j] = alpha[t * K + j] * beta[t * K + j];
      for (let j = 0; j < K; j++) p[t * K + j] = s > 0 ? p[t * K + j] / s : 0;
    }
    return p;
  }
}

/** Repair a possibly broken BIO sequence: an I-X not preceded by B-X/I-X becomes B-X. */
export function repairBio(labels: string[]): string[] {
  const out = labels.slice();
  for (let t = 0; t < out.length; t++) {
    const l = out[t];
    if (!l.startsWith('I-')) continue;
    const ty = l.slice(2);
    const prev = t > 0 ? out[t - 1] : 'O';
    if (prev !== `B-${ty}` && prev !== `I-${ty}`) out[t] = `B-${ty}`;
  }
  return out;
}

export interface TagSpan {
  start: number;
  end: number;
  type: string;
}

/** Spans of a (repaired) BIO label sequence. */
export function bioSpans(labels: string[]): TagSpan[] {
  const fixed = repairBio(labels);
  const spans: TagSpan[] = [];
  let cur: TagSpan | null = null;
  for (let t = 0; t <= fixed.length; t++) {
    const l = t < fixed.length ? fixed[t] : 'O';
    if (l.startsWith('I-') && cur && cur.type === l.slice(2)) continue;
    if (cur) {
      cur.end = t;
      spans.push(cur);
      cur = null;
    }
    if (l.startsWith('B-')) cur = { start: t, end: t + 1, type: l.slice(2) };
  }
  return spans;
}
