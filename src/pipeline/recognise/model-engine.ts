/**
 * The `model` engine: the trained NER model over every sentence (batched,
 * windowed by the model runtime, simplified text through the offset map),
 * combined with the lexicon's full legal company names (rules measured in
 * `combineModelAndLexicon`).
 */
import type { NormMention } from '../doc.js';
import type { NameEngine } from './engine.js';
import { loadNerModel } from './model/index.js';
import { combineModelAndLexicon, lexiconMentions } from './engines.js';

export async function createModelEngine(dir?: string, threads?: number): Promise<NameEngine> {
  const model = await loadNerModel(dir, { threads });
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
