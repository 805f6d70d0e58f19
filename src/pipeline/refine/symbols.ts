/**
 * Leading and trailing symbols and emoji do not hide a name (`★马化腾在深圳`,
 * `> 佛山`): a name mention loses the symbols at its edges, and one that is
 * nothing but symbols is dropped.
 */
import type { Doc, NormMention } from '../doc.js';
import { component } from '../component.js';
import { isName, setMentions } from './util.js';

/**
 * What a name may start or end with: letters, digits, Han, closing brackets/quotes (end only). Digits are decimal
 * digits or letter-like numerals (`Ⅱ`); other numbers are list markers and footnotes (`❶vivo`, `①`, `²`), not a name's.
 */
const WORD = /[\p{L}\p{Nd}\p{Nl}]/u;
const CLOSE = /[)）》」』”’]/u;
const OPEN = /[(（《「『“‘]/u;

export function trimSymbols(text: string, m: NormMention): NormMention | null {
  let { start, end } = m;
  while (start < end && !WORD.test(text[start]) && !OPEN.test(text[start])) start++;
  while (end > start && !WORD.test(text[end - 1]) && !CLOSE.test(text[end - 1])) end--;
  if (end <= start || !WORD.test(text.slice(start, end))) return null;
  return start === m.start && end === m.end ? m : { ...m, start, end };
}

export const symbolsComponent = component('refine-symbols', ['mentions'], ['mentions'], (doc: Doc) => {
  const text = doc.norm.text;
  setMentions(
    doc,
    doc.mentions.map((m) => (isName(m) ? trimSymbols(text, m) : m)).filter((m): m is NormMention => m !== null),
  );
});
