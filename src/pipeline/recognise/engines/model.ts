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
 * Calls to `predict` made in the same turn of the event loop (several
 * articles in flight in one worker) run as one model call, so sentences are
 * batched across articles; each caller gets its own results back.
 */
export function batching(model: NerModel): NerModel {
  let calls: { sentences: string[]; resolve: (r: ModelSpan[][]) => void; reject: (e: unknown) => void }[] = [];
  const flush = async () => {
    const batch = calls;
    calls = [];
    try {
      const all = await model.predict(batch.flatMap((c) => c.sentences));
      let k = 0;
      for (const c of batch) {
        c.resolve(all.slice(k, k + c.sentences.length));
        k += c.sentences.length;
      }
    } catch (e) {
      for (const c of batch) c.reject(e);
    }
  };
  return {
    name: model.name,
    version: model.version,
    predict(sentences) {
      return new Promise((resolve, reject) => {
        if (calls.length === 0) setImmediate(flush);
        calls.push({ sentences, resolve, reject });
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
 * tokenizer.json, onnx/model_quantized.onnx) run by transformers.js.
 */
export async function createModelEngine(dir?: string, threads?: number): Promise<NameEngine> {
  const modelDir = dir ?? defaultModelDir();
  const model = batching(
    !existsSync(join(modelDir, 'meta.json')) && existsSync(join(modelDir, 'config.json'))
      ? windowed(await (await importHfRuntime()).loadHfTokenClassificationModel(modelDir), 400)
      : await loadNerModel(modelDir, { threads }),
  );
  return {
    name: 'model',
    model: `${model.name}@${model.version}`,
    async recognise(doc, sentences) {
      const texts = sentences.map((s) => doc.norm.text.slice(s.start, s.end));
      const predicted = await model.predict(texts);
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
    },
  };
}
