/**
 * Administrative places by their full names: an exact occurrence of a
 * gazetteer division's full name with its level word (`相山区`, `株洲市`,
 * `湖南省`, `延边朝鲜族自治州`; three characters or more, so not `攸县`) that no
 * mention touches is tagged LOCATION. The model misses some of them (a
 * district it never saw); a full name with its level word is never an
 * ordinary word. It must be a segmenter token, or start and end at token
 * boundaries, in a content paragraph and off any garbled span.
 */
import type { Doc, NormMention } from '../doc.js';
import { component } from '../component.js';
import { nameLengthsFrom, placeForms } from '../lang/zh/gazetteer.js';
import { setMentions } from './util.js';
import { Occupancy } from '../recognise/resolve.js';

const LEVEL_END = /(?:省|市|县|区|州|旗|盟|自治州|自治县|特别行政区)$/;

export function applyAdminPlaces(doc: Doc): void {
  const text = doc.norm.text;
  const taken = new Occupancy(text.length, [...doc.mentions, ...doc.garbled]);
  const ends = new Set(doc.tokens.map((t) => t.end));
  const added: NormMention[] = [];
  for (const t of doc.tokens) {
    if (!taken.isFree({ start: t.start, end: t.start + 1 })) continue;
    // the longest run of whole tokens from here that is a full name (only the lengths the gazetteer has for this character)
    for (const len of nameLengthsFrom(text[t.start])) {
      const end = t.start + len;
      if (len < 3 || end > text.length || !ends.has(end)) continue;
      const name = text.slice(t.start, end);
      if (!LEVEL_END.test(name) || !placeForms(name).some((f) => f.full && f.place.level !== 'country' && f.place.level !== 'region')) continue;
      if (!doc.inContent(t.start) || !taken.tryTake({ start: t.start, end })) break;
      added.push({ start: t.start, end, type: 'LOCATION', score: 0.8, source: 'admin-places' });
      break;
    }
  }
  if (added.length) setMentions(doc, [...doc.mentions, ...added]);
}

export const adminPlacesComponent = component('refine-admin-places', ['mentions', 'tokens'], ['mentions'], applyAdminPlaces);
