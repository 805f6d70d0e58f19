/**
 * Recognition steps: names from the selected engine, amounts and dates from
 * the rules. Each works on the sentences / paragraphs that are not boilerplate
 * (unless asked) and appends mentions in norm coordinates to `doc.mentions`.
 */
import type { Doc, NormMention, Paragraph } from '../doc.js';
import type { NameEngine } from './engine.js';
import { documentRegion, findAmounts, type Region } from './amounts/index.js';
import { findDates } from './dates/index.js';

function contentParagraphs(doc: Doc, includeBoilerplate: boolean): Paragraph[] {
  return doc.paragraphs.filter((p) => includeBoilerplate || !p.boilerplate);
}

export async function recogniseNames(doc: Doc, engine: NameEngine, includeBoilerplate: boolean): Promise<void> {
  const keep = new Set(contentParagraphs(doc, includeBoilerplate).map((p) => p.index));
  const sentences = doc.sentences.filter((s) => keep.has(s.paragraph));
  doc.mentions.push(...(await engine.recognise(doc, sentences)));
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

/** `region`: stated by the caller; else inferred from the text (`documentRegion(doc)` says which and why). */
export function recogniseAmounts(doc: Doc, includeBoilerplate: boolean, region?: Region | null): void {
  const r = documentRegion(doc, region).region;
  perParagraph(doc, includeBoilerplate, (t) => findAmounts(t, r), 'amounts');
}

export function recogniseDates(doc: Doc, includeBoilerplate: boolean, region?: Region | null): void {
  const r = documentRegion(doc, region).region;
  perParagraph(doc, includeBoilerplate, (t) => findDates(t, doc.published, r), 'dates');
}
