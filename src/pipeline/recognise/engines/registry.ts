/**
 * The name engines the service can run, by id: `lexicon` (jieba POS tags,
 * gazetteer and name patterns) and `model` (the trained NER model — this
 * project's BiLSTM-CRF or a Hugging Face token-classification model — with
 * the lexicon adding what the model lacks). Each engine is built by its own
 * file; this registry loads them once.
 */
import type { NameEngine } from './name-engine.js';
import { lexiconEngine } from './lexicon.js';
import { loadUserDictionary } from '../../segment/jieba.js';
import { logger } from '../../../observability/logger.js';

/** Which engines to serve and which is the default: the model when it loads, else the lexicon. */
export async function loadEngines(config: { ENGINE: string; MODEL_DIR?: string; MODEL_HEAD?: string; USER_DICT?: string; ORT_THREADS?: number }) {
  const engines = new Map<string, NameEngine>([['lexicon', lexiconEngine]]);
  if (config.USER_DICT) loadUserDictionary(config.USER_DICT);
  try {
    const { createModelEngine } = await import('./model.js');
    engines.set('model', await createModelEngine(config.MODEL_DIR, config.ORT_THREADS, config.MODEL_HEAD));
  } catch (e) {
    // a head asked for by name is a deliberate choice: without it the service would answer in other conventions
    if (config.MODEL_HEAD) throw e;
    logger.warn({ err: String(e) }, 'NER model not loaded; serving the lexicon engine');
  }
  const defaultEngine = engines.has(config.ENGINE) ? config.ENGINE : 'lexicon';
  return { engines, defaultEngine };
}
