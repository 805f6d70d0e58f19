/**
 * Name engines (people, places, organisations, companies) sit behind one
 * interface so the trained model and the lexicon baseline are interchangeable.
 */
import type { Doc, NormMention, Sentence } from '../../doc.js';

export interface NameEngine {
  /** engine id used in `?engine=` and `meta.engine` */
  readonly name: string;
  /** model name and version, or the lexicon's description */
  readonly model: string;
  /** Mentions in norm coordinates for the given sentences of `doc`. */
  recognise(doc: Doc, sentences: readonly Sentence[]): Promise<NormMention[]>;
}
