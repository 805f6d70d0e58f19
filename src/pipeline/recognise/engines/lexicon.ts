/** The `lexicon` engine: jieba POS tags, the GB/T 2260 gazetteer and name patterns. */
import type { Doc, NormMention, Sentence } from '../../doc.js';
import type { NameEngine } from './name-engine.js';
import { recogniseLexicon } from '../lexicon/index.js';

/**
 * Lexicon mentions inside the given sentences. The lexicon runs once over the
 * whole normalised text (so a name found in one sentence is recognised again
 * in the others), and only mentions inside the requested sentences are kept.
 */
export function lexiconMentions(doc: Doc, sentences: readonly Sentence[]): NormMention[] {
  if (!sentences.length) return [];
  const inside = new Uint8Array(doc.norm.text.length + 1);
  for (const s of sentences) inside.fill(1, s.start, s.end);
  const out: NormMention[] = [];
  for (const m of recogniseLexicon(doc.norm.text, doc.tokens)) {
    if (inside.subarray(m.start, m.end).every(Boolean)) {
      out.push({ start: m.start, end: m.end, type: m.type, score: m.score, source: 'lexicon' });
    }
  }
  return out;
}

export const lexiconEngine: NameEngine = {
  name: 'lexicon',
  model: 'lexicon-1 (jieba POS + GB/T 2260 gazetteer + name patterns)',
  async recognise(doc, sentences) {
    return lexiconMentions(doc, sentences);
  },
};
