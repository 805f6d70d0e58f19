/**
 * Generic references and fused single-character abbreviations are dropped
 * (ANNOTATION.md): a name mention that is a bare generic word (`市委`, `公司`,
 * `集团`, `管委会`), and a one-character place or organisation (`华`, `湘`,
 * `中`/`美` in `中美贸易`) unless it stands alone between punctuation, as in
 * a list (`销往欧、美、日`: next to `、`).
 */
import type { Doc, NormMention } from '../doc.js';
import { component } from '../component.js';
import { GENERIC_REFERENCES } from '../lang/zh/words.js';
import { isName, setMentions } from './util.js';

const WORDLIKE = /[\p{L}\p{N}]/u;

export function standsAlone(text: string, m: NormMention): boolean {
  const before = m.start > 0 ? text[m.start - 1] : '';
  const after = m.end < text.length ? text[m.end] : '';
  // an item of a list (销往欧、美、日等地); after a `、` only where the word ends (not `、华为`)
  if (after === '、' || (before === '、' && (after === '等' || !WORDLIKE.test(after)))) return true;
  return !WORDLIKE.test(before) && !WORDLIKE.test(after);
}

export function isGeneric(text: string, m: NormMention): boolean {
  return isName(m) && m.type !== 'PERSON' && GENERIC_REFERENCES.has(text.slice(m.start, m.end));
}

export function isFusedAbbreviation(text: string, m: NormMention): boolean {
  return isName(m) && m.type !== 'PERSON' && [...text.slice(m.start, m.end)].length === 1 && !standsAlone(text, m);
}

export const genericComponent = component('refine-generic', ['mentions'], ['mentions'], (doc: Doc) => {
  const text = doc.norm.text;
  setMentions(doc, doc.mentions.filter((m) => !isGeneric(text, m)));
});

export const abbreviationComponent = component('refine-abbreviation', ['mentions'], ['mentions'], (doc: Doc) => {
  const text = doc.norm.text;
  setMentions(doc, doc.mentions.filter((m) => !isFusedAbbreviation(text, m)));
});
