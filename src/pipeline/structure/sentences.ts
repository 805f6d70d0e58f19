/**
 * Sentences inside each paragraph: split after 。！？!?；; and ellipses,
 * keeping closing quotes and brackets with the sentence they close.
 */
import type { Doc, Sentence, Span } from '../doc.js';

const END = new Set(['。', '！', '？', '!', '?', '；', ';', '…']);
const CLOSERS = new Set(['”', '’', '"', "'", '」', '』', '）', ')', '】', '》', '…']);

export function splitSentences(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let s = span.start;
  let i = span.start;
  while (i < span.end) {
    if (END.has(text[i])) {
      let e = i + 1;
      while (e < span.end && (END.has(text[e]) || CLOSERS.has(text[e]))) e++;
      out.push({ start: s, end: e });
      s = e;
      i = e;
    } else i++;
  }
  if (s < span.end) out.push({ start: s, end: span.end });
  // trim leading spaces
  return out
    .map((x) => {
      let a = x.start;
      while (a < x.end && /\s/.test(text[a])) a++;
      return { start: a, end: x.end };
    })
    .filter((x) => x.end > x.start);
}

export function sentences(doc: Doc): void {
  const out: Sentence[] = [];
  for (const p of doc.paragraphs) {
    for (const s of splitSentences(doc.norm.text, p)) out.push({ ...s, paragraph: p.index });
  }
  doc.sentences = out;
}
