// Runs any Hugging Face token-classification ONNX model in the standard layout
//   <dir>/config.json (id2label), <dir>/tokenizer.json, <dir>/onnx/model_quantized.onnx
// through @huggingface/transformers (local files only) behind the NerModel interface.
import { basename, dirname, resolve } from 'node:path';
import { AutoModelForTokenClassification, AutoTokenizer, env } from '@huggingface/transformers';
import type { ModelEntityType, ModelSpan, NerModel } from './index.js';
import { nameTypeOfLabel } from '../../entity-types.js';
import { nativeSectionAsync } from '../../budget.js';

/** Map a label's entity part (PER, LOC, GPE, ORG, COMPANY, NAME, ...) to our types (the entity-type table); null = dropped. */
export function mapHfEntityType(raw: string): ModelEntityType | null {
  return nameTypeOfLabel(raw);
}

/** Split "B-PER" / "S_LOC" / "PER" into a BIOES prefix and an entity type. */
export function parseLabel(label: string): { prefix: 'B' | 'I' | 'E' | 'S' | 'O'; type: string } {
  if (label === 'O' || label === '') return { prefix: 'O', type: '' };
  const m = /^([BIESML])[-_](.+)$/.exec(label);
  if (!m) return { prefix: 'I', type: label };
  const p = m[1] === 'M' ? 'I' : m[1] === 'L' ? 'E' : (m[1] as 'B' | 'I' | 'E' | 'S');
  return { prefix: p, type: m[2] };
}

/**
 * Align tokenizer tokens back to character offsets of `text` (the tokenizer lower-cases and splits CJK chars,
 * WordPiece continuation pieces start with ##). Returns [start, end) per token, or null for special tokens.
 */
export function alignTokens(text: string, tokens: string[], special: Set<string>): Array<[number, number] | null> {
  const lower = text.toLowerCase();
  let cur = 0;
  return tokens.map((tok) => {
    if (special.has(tok) && tok !== '[UNK]') return null;
    while (cur < text.length && /\s/.test(text[cur])) cur++;
    if (cur >= text.length) return null;
    if (tok === '[UNK]' || special.has(tok)) {
      // unknown piece: consume one code point
      const cp = text.codePointAt(cur)!;
      const len = cp > 0xffff ? 2 : 1;
      const r: [number, number] = [cur, cur + len];
      cur += len;
      return r;
    }
    const piece = tok.startsWith('##') ? tok.slice(2) : tok;
    if (lower.startsWith(piece, cur)) {
      const r: [number, number] = [cur, cur + piece.length];
      cur += piece.length;
      return r;
    }
    // normalisation changed the text (accents, width...): search a little ahead, else consume one char
    const found = lower.indexOf(piece, cur);
    if (found >= 0 && found - cur <= 4) {
      const r: [number, number] = [found, found + piece.length];
      cur = found + piece.length;
      return r;
    }
    const r: [number, number] = [cur, cur + 1];
    cur += 1;
    return r;
  });
}

/** Decode per-token labels (BIO or BIOES) into spans over character offsets. */
export function decodeTokenLabels(
  labels: string[],
  offsets: Array<[number, number] | null>,
  scores: number[],
): ModelSpan[] {
  const spans: ModelSpan[] = [];
  let cur: { start: number; end: number; type: string; scores: number[] } | null = null;
  const flush = () => {
    if (cur) {
      const type = mapHfEntityType(cur.type);
      if (type) spans.push({ start: cur.start, end: cur.end, type, score: Math.min(...cur.scores) });
    }
    cur = null;
  };
  labels.forEach((label, i) => {
    const off = offsets[i];
    if (!off) return;
    const { prefix, type } = parseLabel(label);
    if (prefix === 'O') return flush();
    const continues = cur !== null && cur.type === type && (prefix === 'I' || prefix === 'E') && off[0] >= cur.end;
    if (continues && cur) {
      cur.end = off[1];
      cur.scores.push(scores[i]);
    } else {
      flush();
      cur = { start: off[0], end: off[1], type, scores: [scores[i]] };
    }
    if (prefix === 'E' || prefix === 'S') flush();
  });
  flush();
  return spans;
}

export interface HfModelOptions {
  /** quantised by default: onnx/model_quantized.onnx */
  dtype?: 'q8' | 'fp32' | 'int8' | 'uint8' | 'fp16';
  batchSize?: number;
}

export async function loadHfTokenClassificationModel(dir: string, opts: HfModelOptions = {}): Promise<NerModel> {
  const abs = resolve(dir);
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = dirname(abs) + '/';
  const id = basename(abs);
  const tokenizer = await AutoTokenizer.from_pretrained(id);
  const model = await AutoModelForTokenClassification.from_pretrained(id, {
    dtype: opts.dtype ?? 'q8',
    session_options: { intraOpNumThreads: Number(process.env.NER_THREADS ?? 2) || 2 },
  } as never);
  const cfg = (model as unknown as { config: { id2label: Record<string, string>; name_or_path?: string } }).config;
  const id2label = cfg.id2label;
  const specials = new Set<string>(
    ((tokenizer as unknown as { all_special_tokens?: string[] }).all_special_tokens ?? ['[CLS]', '[SEP]', '[PAD]', '[UNK]', '[MASK]', '<s>', '</s>', '<pad>', '<unk>']),
  );
  specials.add('[CLS]').add('[SEP]').add('[PAD]').add('[UNK]');
  const bs = opts.batchSize ?? 16;
  const id2tok: string[] = [];
  for (const [tok, i] of (tokenizer as unknown as { get_vocab(): Map<string, number> }).get_vocab()) id2tok[i] = tok;
  return {
    name: `hf:${id}`,
    version: '1',
    async predict(sentences: string[]): Promise<ModelSpan[][]> {
      const out: ModelSpan[][] = [];
      for (let k = 0; k < sentences.length; k += bs) {
        const batch = sentences.slice(k, k + bs);
        const enc = tokenizer(batch, { padding: true, truncation: true }) as unknown as Record<string, { dims: number[]; data: ArrayLike<bigint | number> }>;
        const { logits } = (await nativeSectionAsync(() => model(enc))) as unknown as { logits: { dims: number[]; data: Float32Array } };
        const [B, T, K] = logits.dims;
        const ids = enc.input_ids;
        for (let b = 0; b < B; b++) {
          const tokIds: number[] = [];
          for (let t = 0; t < T; t++) tokIds.push(Number(ids.data[b * T + t]));
          const tokens = tokIds.map((i) => id2tok[i] ?? '[UNK]');
          const pad = (tokenizer as unknown as { pad_token?: string }).pad_token ?? '[PAD]';
          const labels: string[] = [];
          const scores: number[] = [];
          for (let t = 0; t < T; t++) {
            let best = 0;
            let m = -Infinity;
            for (let j = 0; j < K; j++) {
              const v = logits.data[(b * T + t) * K + j];
              if (v > m) {
                m = v;
                best = j;
              }
            }
            let z = 0;
            for (let j = 0; j < K; j++) z += Math.exp(logits.data[(b * T + t) * K + j] - m);
            labels.push(tokens[t] === pad ? 'O' : (id2label[String(best)] ?? 'O'));
            scores.push(1 / z);
          }
          const offsets = alignTokens(batch[b], tokens.map((t) => (t === pad ? '[PAD]' : t)), specials);
          out.push(decodeTokenLabels(labels, offsets, scores));
        }
      }
      return out;
    },
  };
}
