/**
 * The name engines the service can run, by id: `lexicon` (jieba POS tags,
 * gazetteer and name patterns) and `model` (the trained NER model, with the
 * lexicon adding what the model lacks). `defaultEngine` is the model when one
 * is installed, else the lexicon.
 */
import type { Doc, NormMention, Sentence } from '../doc.js';
import type { NameEngine } from './engine.js';
import { recogniseLexicon } from './lexicon/index.js';
import { logger } from '../../observability/logger.js';

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

/**
 * Model + lexicon: the model's mentions, with the lexicon adding what a
 * character model misses: full legal company names (with parentheses) that
 * contain a model span, and mentions where the model found nothing.
 * `addFromLexicon` lists the lexicon types allowed to fill gaps.
 */
export function combineModelAndLexicon(
  model: readonly NormMention[],
  lexicon: readonly NormMention[],
  addFromLexicon: ReadonlySet<string> = new Set(['COMPANY']),
): NormMention[] {
  const overlaps = (a: NormMention, b: NormMention) => a.start < b.end && b.start < a.end;
  const out = [...model];
  for (const l of lexicon) {
    const hit = out.filter((m) => overlaps(m, l));
    if (hit.length === 0) {
      if (addFromLexicon.has(l.type)) out.push(l);
      continue;
    }
    // A lexicon company that strictly contains every overlapping model span replaces them.
    if (l.type === 'COMPANY' && hit.every((m) => m.start >= l.start && m.end <= l.end && (m.type === 'COMPANY' || m.type === 'ORG' || m.type === 'LOCATION'))) {
      for (const m of hit) out.splice(out.indexOf(m), 1);
      out.push({ ...l, score: Math.max(l.score, ...hit.map((m) => m.score)) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Which engines to serve and which is the default: the model when it loads, else the lexicon. */
export async function loadEngines(config: { ENGINE: string; MODEL_DIR?: string; USER_DICT?: string }) {
  const engines = new Map<string, NameEngine>([['lexicon', lexiconEngine]]);
  if (config.USER_DICT) {
    const { loadUserDictionary } = await import('../segment/jieba.js');
    loadUserDictionary(config.USER_DICT);
  }
  try {
    const { createModelEngine } = await import('./model-engine.js');
    engines.set('model', await createModelEngine(config.MODEL_DIR));
  } catch (e) {
    logger.warn({ err: String(e) }, 'NER model not loaded; serving the lexicon engine');
  }
  const defaultEngine = engines.has(config.ENGINE) ? config.ENGINE : 'lexicon';
  return { engines, defaultEngine };
}
