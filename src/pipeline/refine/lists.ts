/**
 * Companies listed together: in an enumeration of three items or more separated by `、`
 * (`三花智控(1183%)、振德医疗(849%)、中欣氟材(753%)`) where at least two items are already COMPANY
 * mentions, an item inside the list that no mention touches is a company too, when it is a plain name:
 * two to six Chinese characters standing alone between the separators (a bracket after it allowed), at
 * segmenter token boundaries, and neither a generic word nor a place.
 */
import type { Doc, NormMention } from '../doc.js';
import { component } from '../component.js';
import { isGenericName } from './generic.js';
import { mentionOwners, setMentions } from './util.js';
import { placeForms } from '../lang/zh/gazetteer.js';

/** one list: three items or more separated by 、, each maybe followed by a bracket (one way to split it: linear) */
const LIST = /(?:[\p{Script=Han}A-Za-z0-9·]{2,12}(?:[(（][^()（）\n、]{0,20}[)）])?、){2,}[\p{Script=Han}A-Za-z0-9·]{2,12}(?:[(（][^()（）\n、]{0,20}[)）])?/gu;
const ITEM = /([\p{Script=Han}A-Za-z0-9·]{2,12})((?:[(（][^()（）\n、]{0,20}[)）])?)(?:、|$)/gu;

export function tagListedCompanies(doc: Doc): void {
  const text = doc.norm.text;
  if (!text.includes('、')) return;
  const starts = new Set(doc.tokens.map((t) => t.start));
  const ends = new Set(doc.tokens.map((t) => t.end));
  // which mention holds each character (no scan of every mention per item)
  const owner = mentionOwners(doc);
  const added: NormMention[] = [];
  for (const list of text.matchAll(LIST)) {
    if (!doc.inContent(list.index!)) continue;
    const items: { start: number; end: number }[] = [];
    for (const it of list[0].matchAll(ITEM)) {
      const start = list.index! + it.index!;
      items.push({ start, end: start + it[1].length });
    }
    // the first item may have run on from the words before the list, the last into the words after it:
    // a company mention ending the first item or starting the last one counts, and only middle items are tagged
    const isCompany = (it: { start: number; end: number }, i: number) => {
      const m = owner[i === 0 ? it.end - 1 : it.start];
      if (!m || m.type !== 'COMPANY') return false;
      return i === 0 ? m.end === it.end : i === items.length - 1 ? m.start === it.start : m.start === it.start && m.end === it.end;
    };
    if (items.filter(isCompany).length < 2) continue;
    for (let i = 1; i < items.length - 1; i++) {
      const it = items[i];
      const name = text.slice(it.start, it.end);
      let touched = false;
      for (let k = it.start; k < it.end && !touched; k++) touched = owner[k] !== undefined;
      if (touched || !/^\p{Script=Han}{2,6}$/u.test(name)) continue;
      if (!starts.has(it.start) || !ends.has(it.end) || isGenericName(name, 'COMPANY') || placeForms(name).length) continue;
      added.push({ ...it, type: 'COMPANY', score: 0.7, source: 'refine-lists' });
    }
  }
  if (added.length) setMentions(doc, [...doc.mentions, ...added]);
}

export const listsComponent = component('refine-lists', ['mentions', 'tokens'], ['mentions'], tagListedCompanies);
