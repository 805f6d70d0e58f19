/**
 * The `model` engine: the trained NER model over every sentence (batched,
 * windowed by the model runtime, simplified text through the offset map),
 * combined with the lexicon's full legal company names (rules measured in
 * `combineModelAndLexicon`).
 */
import type { NormMention } from '../../doc.js';
import type { NameEngine } from './name-engine.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModelDir, loadNerModel, type ModelSpan, type NerModel } from '../model/index.js';
import { combineModelAndLexicon } from './combine.js';
import { lexiconMentions } from './lexicon.js';
import { Budget, DeadlineExceeded, charged, currentBudget } from '../../budget.js';

/** Split sentences longer than `maxChars` into pieces for a model with a fixed input size, and join the spans back. */
export function windowed(model: NerModel, maxChars: number): NerModel {
  return {
    name: model.name,
    version: model.version,
    async predict(sentences) {
      const pieces: { sentence: number; offset: number; text: string }[] = [];
      sentences.forEach((s, i) => {
        let o = 0;
        do {
          let end = Math.min(s.length, o + maxChars);
          if (end < s.length && end - 1 > o && /[\ud800-\udbff]/.test(s[end - 1])) end--; // never split a surrogate pair
          pieces.push({ sentence: i, offset: o, text: s.slice(o, end) });
          o = end;
        } while (o < s.length);
      });
      const predicted = await model.predict(pieces.map((p) => p.text));
      const out: ModelSpan[][] = sentences.map(() => []);
      predicted.forEach((spans, k) => {
        for (const sp of spans) out[pieces[k].sentence].push({ ...sp, start: sp.start + pieces[k].offset, end: sp.end + pieces[k].offset });
      });
      return out;
    },
  };
}

/**
 * Characters per model call when one flush holds many sentences: between two
 * calls the articles past their deadline are dropped (cooperative deadline,
 * src/pipeline/budget.ts), so this bounds how far past its deadline a model
 * step can run (~0.1–0.2 s of model time at ~30,000 characters/s per core).
 */
export const MODEL_CHUNK_CHARS = 4096;

/**
 * Calls to `predict` made in the same turn of the event loop (several
 * articles in flight in one worker) are served by one loop; each caller gets
 * its own results back.
 *
 * The sentences go to the model in chunks of about `chunkChars` characters of
 * one caller (the caller with the fewest characters left first; a chunk never
 * mixes articles, so an article's answer does not depend on what else is in
 * flight: the int8 model quantises activations per call); each chunk's time is charged to the callers
 * by their share of its characters (an article's own processing time), and a
 * caller past its deadline is rejected (`DeadlineExceeded`) between chunks
 * while the others go on.
 */
export function batching(model: NerModel, chunkChars = MODEL_CHUNK_CHARS): NerModel {
  interface Call {
    sentences: string[];
    budget: Budget | undefined;
    out: ModelSpan[][];
    next: number;
    /** characters of the sentences not yet sent to the model */
    charsLeft: number;
    done: boolean;
    resolve: (r: ModelSpan[][]) => void;
    reject: (e: unknown) => void;
  }
  let calls: Call[] = [];
  const flush = async () => {
    const batch = calls;
    calls = [];
    try {
      for (;;) {
        const live = batch.filter((c) => !c.done);
        if (!live.length) break;
        // the next chunk, up to chunkChars of one caller's sentences in order: the caller with the least left goes
        // first (a short article is not kept waiting behind a long one). A chunk never mixes callers: the int8
        // model quantises its activations per call, so an article's answer must not depend on what else is in flight
        const taken: { call: Call; index: number }[] = [];
        let chars = 0;
        const c = live.reduce((a, b) => (b.charsLeft < a.charsLeft ? b : a));
        while (c.next < c.sentences.length && (chars < chunkChars || !taken.length)) {
          const index = c.next++;
          taken.push({ call: c, index });
          chars += c.sentences[index].length;
          c.charsLeft -= c.sentences[index].length;
        }
        const t0 = performance.now();
        const predicted = taken.length ? await model.predict(taken.map((t) => t.call.sentences[t.index])) : [];
        const ms = performance.now() - t0;
        const share = new Map<Call, number>();
        taken.forEach((t, k) => {
          t.call.out[t.index] = predicted[k];
          share.set(t.call, (share.get(t.call) ?? 0) + t.call.sentences[t.index].length);
        });
        for (const c of live) {
          c.budget?.charge(chars ? (ms * (share.get(c) ?? 0)) / chars : 0);
          if (c.budget?.exceeded) {
            c.done = true;
            c.reject(new DeadlineExceeded(c.budget.limitMs, Math.round(c.budget.usedMs)));
          } else if (c.next >= c.sentences.length) {
            c.done = true;
            c.resolve(c.out);
          }
        }
      }
    } catch (e) {
      for (const c of batch) if (!c.done) c.reject(e);
    }
  };
  return {
    name: model.name,
    version: model.version,
    predict(sentences) {
      return new Promise((resolve, reject) => {
        if (calls.length === 0) setImmediate(flush);
        calls.push({ sentences, budget: currentBudget(), out: sentences.map(() => []), next: 0, charsLeft: sentences.reduce((n, x) => n + x.length, 0), done: false, resolve, reject });
      });
    },
  };
}

/**
 * transformers.js, imported only for a Hugging Face model (loading it costs
 * ~150 MB of resident memory) and installed only as an optional dependency.
 */
async function importHfRuntime(): Promise<typeof import('../model/hf-token-classification.js')> {
  try {
    return await import('../model/hf-token-classification.js');
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(e).includes('@huggingface/transformers')) {
      throw new Error(
        'MODEL_DIR holds a Hugging Face model, which needs the optional package @huggingface/transformers: run `npm install @huggingface/transformers` (or point MODEL_DIR at a BiLSTM-CRF model folder with meta.json)',
      );
    }
    throw e;
  }
}

/**
 * The engine over the model in `dir` (default models/ner, or MODEL_DIR): this
 * project's BiLSTM-CRF (a folder with meta.json), or any Hugging Face
 * token-classification model in the standard ONNX layout (config.json,
 * tokenizer.json, onnx/model_quantized.onnx) run by transformers.js. `head`: one of the BiLSTM-CRF's extra
 * output heads (meta.json `heads`) instead of its news head.
 */
export async function createModelEngine(dir?: string, threads?: number, head?: string): Promise<NameEngine> {
  const modelDir = dir ?? defaultModelDir();
  const hf = !existsSync(join(modelDir, 'meta.json')) && existsSync(join(modelDir, 'config.json'));
  if (hf && head) throw new Error(`MODEL_HEAD=${head}: output heads belong to this project's BiLSTM-CRF models; ${modelDir} holds a Hugging Face model`);
  // A sentence longer than a model chunk (no real one is: an unpunctuated run of 1,000,000 characters) is cut
  // into chunk-sized pieces before batching, so the deadline is checked between its pieces too.
  const model = windowed(
    batching(
      hf
        ? windowed(await (await importHfRuntime()).loadHfTokenClassificationModel(modelDir), 400)
        : await loadNerModel(modelDir, { threads, head }),
    ),
    MODEL_CHUNK_CHARS,
  );
  return {
    name: 'model',
    model: `${model.name}@${model.version}`,
    async recognise(doc, sentences) {
      const texts = charged(() => sentences.map((s) => doc.norm.text.slice(s.start, s.end)));
      // the model's time is charged by `batching`; the rest here, as this article's own work
      const predicted = await model.predict(texts);
      return charged(() => {
        const fromModel: NormMention[] = predicted.flatMap((spans, i) =>
          spans.map((sp) => ({
            start: sp.start + sentences[i].start,
            end: sp.end + sentences[i].start,
            type: sp.type,
            score: sp.score,
            source: 'model',
          })),
        );
        return combineModelAndLexicon(fromModel, lexiconMentions(doc, sentences), doc.norm.text);
      });
    },
  };
}
