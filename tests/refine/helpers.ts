import { Doc, type NormMention, type EntityType } from '../../src/pipeline/doc.js';
import { segment } from '../../src/pipeline/segment/jieba.js';

/** A Doc over `text` (identity norm) with name mentions at the first occurrence of each `[surface, type]`. */
export function docWith(text: string, spans: [string, EntityType, number?][]): Doc {
  const d = new Doc(text);
  d.paragraphs = [{ index: 0, start: 0, end: text.length, boilerplate: false }];
  d.mentions = spans.map(([s, type, from]) => {
    const start = text.indexOf(s, from ?? 0);
    if (start < 0) throw new Error(`${s} not in text`);
    return { start, end: start + s.length, type, score: 0.9, source: 'model' } as NormMention;
  });
  return d;
}

export const shown = (d: Doc) => d.mentions.map((m) => `${d.norm.text.slice(m.start, m.end)}/${m.type}`);

/** A test's `run`: the mentions after `step` over `text` with the given mentions, segmented as the pipeline segments it. */
export const runSegmented =
  (step: (d: Doc) => void) =>
  (text: string, spans: Parameters<typeof docWith>[1] = []): string[] => {
    const d = docWith(text, spans);
    d.tokens = segment(text);
    step(d);
    return shown(d);
  };
