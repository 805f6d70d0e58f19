// Default NER model: char BiLSTM-CRF (char + bigram embeddings + jieba-lexicon features) exported to ONNX,
// BIO-constrained Viterbi in TypeScript, then a COMPANY-vs-ORG second stage. See models/MODEL_CARD.md.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import type { NameType } from '../../entity-types.js';
import { CompanyStage, type CompanyStageSpec } from './company.js';
import { ConstrainedCrf, type CrfParams } from './crf.js';
import { nativeSectionAsync } from '../../budget.js';
import { Featurizer, LEX_DIM, SoftLexicon, normText, readLexicon, readVocab } from './features.js';

export type ModelEntityType = NameType;
export interface ModelSpan {
  start: number;
  end: number;
  type: ModelEntityType;
  score: number;
}
export interface NerModel {
  name: string;
  version: string;
  predict(sentences: string[]): Promise<ModelSpan[][]>;
}

export { CompanyStage, companyFeatures } from './company.js';
export { ConstrainedCrf, bioSpans, repairBio, bioConstraints } from './crf.js';
export { Featurizer, SoftLexicon, normChar, normText } from './features.js';

interface Meta {
  name: string;
  version: string;
  labels: string[];
  typeMap: Record<string, ModelEntityType>;
  maxLength: number;
  windowOverlap: number;
  batchSize: number;
  /** Most padded positions (windows × longest window) per ONNX call; default DEFAULT_BATCH_TOKENS. */
  batchTokens?: number;
  /**
   * One ONNX file, or several members of an ensemble over the same inputs: their emissions are averaged
   * and crf.json holds the members' averaged transitions, so Viterbi maximises the members' mean path score.
   */
  files: {
    model: string | string[];
    chars: string;
    bigrams: string;
    lexicon: string;
    crf: string;
    /** the COMPANY-vs-ORG second stage; absent for a tagger with COMPANY tags of its own (0.3.0 on) */
    company?: string;
    /** SoftLexicon word list and int8 vectors (training/softlex.py): the model then takes a `softlex` input */
    softlexWords?: string;
    softlexVectors?: string;
  };
  /**
   * Extra output heads over the same encoder, each trained for another corpus's conventions (training/add_head.py,
   * graft_head.py): a small graph of its own (`states` in, and `lengths` if it has a BiLSTM; `emissions` out) over
   * the main graph's `states` output, and its CRF in crf.json `heads`. The news head (`emissions`, crf.json's own
   * transitions) is the default; another is chosen with loadNerModel's `head` (MODEL_HEAD), to measure on that
   * corpus. A head's graph runs only when chosen.
   */
  heads?: Record<string, { file: string; conventions: string; corpus: string; typeMap?: Record<string, ModelEntityType> }>;
}

/** crf.json: the news head's CRF, and the extra heads' CRFs by head name (labels shared). */
type CrfFile = CrfParams & { heads?: Record<string, Omit<CrfParams, 'labels'>> };

/**
 * Padded positions per ONNX call when meta.json sets none. ONNX Runtime's LSTM workspace grows with B×T and its
 * arena keeps the peak: with the SoftLexicon model (416 inputs per step), 1,024 gave 584 MB resident for the
 * pipeline bench vs 591 MB at 2,048 (and 625 MB before the SoftLexicon features were written straight into
 * one reused batch buffer), at the same or better speed (`npm run bench:pipeline`, 2026-11-29).
 */
export const DEFAULT_BATCH_TOKENS = 1024;

const HERE = dirname(fileURLToPath(import.meta.url));

/** <repo>/models/ner, found by walking up from this file (works from src/ and dist/src/). */
export function defaultModelDir(): string {
  if (process.env.MODEL_DIR) return resolve(process.env.MODEL_DIR);
  let d = HERE;
  for (let i = 0; i < 8; i++) {
    const cand = join(d, 'models', 'ner', 'meta.json');
    try {
      readFileSync(cand);
      return join(d, 'models', 'ner');
    } catch {
      d = dirname(d);
    }
  }
  return resolve(HERE, '../../../../models/ner');
}

export interface Unit {
  sentence: number;
  offset: number; // window start in the sentence
  length: number;
}

/** Split a length-n sentence into windows of at most maxLen overlapping by `overlap` (never truncates). */
export function windows(n: number, maxLen: number, overlap: number): Array<{ start: number; end: number }> {
  if (n <= maxLen) return [{ start: 0, end: n }];
  const stride = Math.max(1, maxLen - overlap);
  const out: Array<{ start: number; end: number }> = [];
  for (let s = 0; ; s += stride) {
    const e = Math.min(n, s + maxLen);
    out.push({ start: s, end: e });
    if (e === n) break;
  }
  return out;
}

export class BiLstmCrfModel implements NerModel {
  readonly name: string;
  readonly version: string;
  constructor(
    readonly meta: Meta,
    readonly sessions: ort.InferenceSession[],
    readonly featurizer: Featurizer,
    readonly crf: ConstrainedCrf,
    readonly company: CompanyStage | null,
    /** an extra head (meta.json `heads`) read instead of the news head: its name and its graph over `states` */
    readonly head: { name: string; session: ort.InferenceSession; typeMap?: Record<string, ModelEntityType> } | null = null,
  ) {
    // responses name the model they came from: a head's answers are not the news head's
    this.name = head ? `${meta.name}/${head.name}` : meta.name;
    this.version = meta.version;
  }

  /** Raw emissions for each sentence (T*K, row-major), windows merged. */
  async emissions(texts: string[]): Promise<Float32Array[]> {
    const K = this.meta.labels.length;
    const { maxLength, windowOverlap } = this.meta;
    const units: Unit[] = [];
    texts.forEach((t, si) => {
      for (const w of windows(t.length, maxLength, windowOverlap)) units.push({ sentence: si, offset: w.start, length: w.end - w.start });
    });
    const out = texts.map((t) => new Float32Array(t.length * K));
    // which window owns each position: the one where it is furthest from a window edge (split overlaps at mid)
    const order = units.map((_, i) => i).sort((a, b) => units[a].length - units[b].length);
    const soft = this.featurizer.softlex;
    const SW = soft?.width ?? 0;
    const feats = texts.map((t) => {
      const { bits, matches } = this.featurizer.lexFeatures(t);
      return { ids: this.featurizer.encode(t), lex: bits, matches, tot: soft ? soft.totals(t.length, matches) : null };
    });
    // one SoftLexicon buffer for every batch of this call (batches run one after another)
    let softBuf: Float32Array | null = null;
    const bs = this.meta.batchSize;
    // a batch also stops at a padded-size budget: ONNX Runtime's LSTM workspace grows with B×T
    // (32 windows of 250 chars took ~125 MB more resident memory than 32 short sentences)
    const budget = this.meta.batchTokens ?? DEFAULT_BATCH_TOKENS;
    for (let k = 0, next = 0; k < order.length; k = next) {
      next = k + 1;
      while (next < order.length && next - k < bs && (next - k + 1) * units[order[next]].length <= budget) next++;
      const batch = order.slice(k, next).map((i) => units[i]);
      const B = batch.length;
      const T = Math.max(1, ...batch.map((u) => u.length));
      const chars = new Int32Array(B * T);
      const bigrams = new Int32Array(B * T);
      const lex = new Float32Array(B * T * LEX_DIM);
      const lengths = new Int32Array(B);
      let softlex: Float32Array | null = null;
      if (soft) {
        if (!softBuf || softBuf.length < B * T * SW) softBuf = new Float32Array(B * T * SW);
        softlex = softBuf.subarray(0, B * T * SW);
        softlex.fill(0);
      }
      batch.forEach((u, b) => {
        const f = feats[u.sentence];
        lengths[b] = u.length;
        for (let t = 0; t < u.length; t++) {
          const p = u.offset + t;
          chars[b * T + t] = f.ids.chars[p];
          // the last char of a window that is not the sentence end keeps its real right bigram
          bigrams[b * T + t] = f.ids.bigrams[p];
          const bits = f.lex[p];
          if (bits) for (let j = 0; j < LEX_DIM; j++) if (bits & (1 << j)) lex[(b * T + t) * LEX_DIM + j] = 1;
        }
        if (softlex && soft && f.tot) soft.write(f.matches, f.tot, softlex, b * T * SW, u.offset, u.offset + u.length);
      });
      const feeds: Record<string, ort.Tensor> = {
        chars: new ort.Tensor('int32', chars, [B, T]),
        bigrams: new ort.Tensor('int32', bigrams, [B, T]),
        lex: new ort.Tensor('float32', lex, [B, T, LEX_DIM]),
        lengths: new ort.Tensor('int32', lengths, [B]),
      };
      if (softlex) feeds.softlex = new ort.Tensor('float32', softlex, [B, T, SW]);
      const em = await this.run(this.sessions[0], feeds);
      if (this.sessions.length > 1) {
        for (const member of this.sessions.slice(1)) {
          const e2 = await this.run(member, feeds);
          for (let i = 0; i < em.length; i++) em[i] += e2[i];
        }
        const n = this.sessions.length;
        for (let i = 0; i < em.length; i++) em[i] /= n;
      }
      batch.forEach((u, b) => {
        const n = texts[u.sentence].length;
        const ws = windows(n, maxLength, windowOverlap);
        const wi = ws.findIndex((w) => w.start === u.offset);
        const prev = wi > 0 ? ws[wi - 1] : null;
        const next = wi + 1 < ws.length ? ws[wi + 1] : null;
        // own positions [lo, hi): split overlaps at their midpoint
        const lo = prev ? Math.floor((u.offset + prev.end) / 2) : 0;
        const hi = next ? Math.floor((next.start + u.offset + u.length) / 2) : n;
        for (let t = Math.max(0, lo - u.offset); t < Math.min(u.length, hi - u.offset); t++) {
          const src = (b * T + t) * K;
          out[u.sentence].set(em.subarray(src, src + K), (u.offset + t) * K);
        }
      });
    }
    return out;
  }

  /** One batch's emissions [B,T,K]: the news head's `emissions`, or the chosen head's graph over the `states` output. */
  private async run(session: ort.InferenceSession, feeds: Record<string, ort.Tensor>): Promise<Float32Array> {
    const head = this.head;
    if (!head) return (await nativeSectionAsync(() => session.run(feeds, ['emissions']))).emissions.data as Float32Array;
    const { states } = await nativeSectionAsync(() => session.run(feeds, ['states']));
    // a head with a BiLSTM of its own reads the rows' lengths too (its LSTM's sequence_lens), as the encoder does
    const headFeeds: Record<string, ort.Tensor> = head.session.inputNames.includes('lengths') ? { states, lengths: feeds.lengths } : { states };
    return (await nativeSectionAsync(() => head.session.run(headFeeds))).emissions.data as Float32Array;
  }

  async predict(sentences: string[]): Promise<ModelSpan[][]> {
    const texts = sentences.map(normText);
    const ems = await this.emissions(texts);
    const labels = this.meta.labels;
    const K = labels.length;
    return texts.map((text, si) => {
      const T = text.length;
      if (T === 0) return [];
      const em = ems[si];
      const path = this.crf.viterbi(em, T);
      const marg = this.crf.marginals(em, T);
      const spans: ModelSpan[] = [];
      let t = 0;
      while (t < T) {
        const l = labels[path[t]];
        if (!l.startsWith('B-')) {
          t++;
          continue;
        }
        const ty = l.slice(2);
        let e = t + 1;
        while (e < T && labels[path[e]] === `I-${ty}`) e++;
        let s = 0;
        for (let k = t; k < e; k++) s += marg[k * K + path[k]];
        let type = this.head?.typeMap?.[ty] ?? this.meta.typeMap[ty];
        if (type === 'ORG' && this.company?.isCompany(text, t, e)) type = 'COMPANY';
        spans.push({ start: t, end: e, type, score: s / (e - t) });
        t = e;
      }
      return spans;
    });
  }
}

/**
 * `threads`: ONNX Runtime intra-op threads (default: NER_THREADS from the environment, else 2). `head`: one of
 * meta.json's extra `heads` instead of the news head (an unknown name is an error that lists the model's heads).
 */
export async function loadNerModel(dir?: string, opts: { threads?: number; head?: string } = {}): Promise<NerModel> {
  const d = dir ?? defaultModelDir();
  const meta = JSON.parse(readFileSync(join(d, 'meta.json'), 'utf8')) as Meta;
  if (opts.head && !Object.hasOwn(meta.heads ?? {}, opts.head)) {
    const known = Object.keys(meta.heads ?? {});
    throw new Error(`model ${meta.name}@${meta.version} has no head "${opts.head}" (its extra heads: ${known.join(', ') || 'none'})`);
  }
  const head = opts.head ? meta.heads?.[opts.head] : undefined;
  const threads = opts.threads ?? (Number(process.env.NER_THREADS ?? process.env.MODEL_THREADS ?? 2) || 2);
  const files = Array.isArray(meta.files.model) ? meta.files.model : [meta.files.model];
  // (creating a session is native work on ONNX Runtime's threads: a native section, so a pool never terminates the worker inside it)
  const open = (file: string) =>
    nativeSectionAsync(() => ort.InferenceSession.create(join(d, file), { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' }));
  const sessions = await Promise.all(files.map((f) => open(f)));
  const lexicon = readLexicon(join(d, meta.files.lexicon));
  const featurizer = new Featurizer(
    readVocab(join(d, meta.files.chars)),
    readVocab(join(d, meta.files.bigrams)),
    lexicon,
    meta.files.softlexWords && meta.files.softlexVectors
      ? SoftLexicon.read(join(d, meta.files.softlexWords), join(d, meta.files.softlexVectors), lexicon)
      : null,
  );
  const crfFile = JSON.parse(readFileSync(join(d, meta.files.crf), 'utf8')) as CrfFile;
  const headCrf = opts.head ? crfFile.heads?.[opts.head] : undefined;
  if (opts.head && !headCrf) throw new Error(`model ${meta.name}@${meta.version}: crf.json has no CRF for head "${opts.head}"`);
  const crf = new ConstrainedCrf(headCrf ? { labels: crfFile.labels, ...headCrf } : crfFile);
  // a head reads the BiLSTM states: every member of the model must name them (graft_head.py), or the first batch would fail
  const stateless = head ? files.filter((_, i) => !sessions[i].outputNames.includes('states')) : [];
  if (stateless.length) throw new Error(`model ${meta.name}@${meta.version}: head "${opts.head}" needs a \`states\` output, which ${stateless.join(', ')} lacks (training/graft_head.py adds it)`);
  const chosen = head && opts.head ? { name: opts.head, session: await open(head.file), typeMap: head.typeMap } : null;
  const company = meta.files.company
    ? new CompanyStage(JSON.parse(readFileSync(join(d, meta.files.company), 'utf8')) as CompanyStageSpec)
    : null;
  return new BiLstmCrfModel(meta, sessions, featurizer, crf, company, chosen);
}
