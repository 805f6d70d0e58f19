/**
 * Recognition steps: names from the selected engine, amounts and dates from
 * the rules. Each works on the sentences / paragraphs that are not boilerplate
 * (unless asked) and appends mentions in norm coordinates to `doc.mentions`.
 */
import type { Doc, NormMention, Paragraph } from '../doc.js';
import type { NameEngine } from './engine.js';
import { findAmounts } from './amounts/index.js';
import { findDates } from './dates/index.js';

function contentParagraphs(doc: Doc, includeBoilerplate: boolean): Paragraph[] {
  return doc.paragraphs.filter((p) => includeBoilerplate || !p.boilerplate);
}

export async function recogniseNames(doc: Doc, engine: NameEngine, includeBoilerplate: boolean): Promise<void> {
  const keep = new Set(contentParagraphs(doc, includeBoilerplate).map((p) => p.index));
  const sentences = doc.sentences.filter((s) => keep.has(s.paragraph));
  // one at a time: spreading hundreds of thousands of mentions into push() overflows the stack
  for (const m of await engine.recognise(doc, sentences)) doc.mentions.push(m);
}

/** Run a rule finder on each content paragraph and shift its offsets into the document. */
function perParagraph(
  doc: Doc,
  includeBoilerplate: boolean,
  find: (text: string) => Omit<NormMention, 'source'>[],
  source: string,
): void {
  for (const p of contentParagraphs(doc, includeBoilerplate)) {
    const text = doc.norm.text.slice(p.start, p.end);
    for (const m of find(text)) {
      doc.mentions.push({ ...m, start: m.start + p.start, end: m.end + p.start, source });
    }
  }
}

export function recogniseAmounts(doc: Doc, includeBoilerplate: boolean): void {
  perParagraph(doc, includeBoilerplate, findAmounts, 'amounts');
}

export function recogniseDates(doc: Doc, includeBoilerplate: boolean): void {
  perParagraph(doc, includeBoilerplate, (t) => findDates(t, doc.published), 'dates');
}
