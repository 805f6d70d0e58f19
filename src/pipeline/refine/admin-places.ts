/**
 * Administrative places by their full names: an exact occurrence of a
 * gazetteer division's full name with its level word (`相山区`, `株洲市`,
 * `湖南省`, `延边朝鲜族自治州`; three characters or more, so not `攸县`) that no
 * mention touches is tagged LOCATION. The model misses some of them (a
 * district it never saw); a full name with its level word is never an
 * ordinary word. It must be a segmenter token, or start and end at token
 * boundaries, in a content paragraph and off any garbled span. The short form of a county, district or city whose
 * full name the article gives (`长武县` … `长武`) is tagged at token starts too, where it is no ordinary word. A country's
 * name the model took for a person is the country (`瑙鲁总统`).
 */
import type { Doc, NormMention } from '../doc.js';
import { component } from '../component.js';
import { fullNameKind, isWorldPair, lookupPlace, nameLengthsFrom, placeForms, shortForms, startsWorldName } from '../lang/zh/gazetteer.js';
import { setMentions } from './util.js';
import { listedNamesAt } from './companies.js';
import { Occupancy } from '../recognise/resolve.js';

const LEVEL_END = /(?:省|市|县|区|州|旗|盟|自治州|自治县|特别行政区)$/;

/** The last characters of the level words (LEVEL_END). */
const LEVEL_LAST = new Set(['省', '市', '县', '区', '州', '旗', '盟']);

/** The short forms of a county's or a city's full name that name it alone (not `开发`, an ordinary word, nor another place), memoised. */
const shortsOf = new Map<string, string[]>();
function usableShortForms(name: string): string[] {
  let out = shortsOf.get(name);
  if (out === undefined) {
    out = [];
    const form = name ? placeForms(name).find((f) => f.full && (f.place.level === 'county' || f.place.level === 'city')) : undefined;
    if (form) {
      for (const short of shortForms(name, form.place.level)) {
        if (!placeForms(short).some((f) => f.commonWord || (f.full && f.place.code !== form.place.code))) out.push(short);
      }
    }
    if (shortsOf.size > 50_000) shortsOf.clear();
    shortsOf.set(name, out);
  }
  return out;
}

/**
 * Whether a listed company's or body's name (lang/zh/companies.ts) holds text[start, end) and more around it, ending
 * where a word ends (`视觉中国`; not `中国银行` of `中国/银行业`).
 */
function insideListedName(text: string, start: number, end: number, ends: ReadonlySet<number>): boolean {
  for (let s = Math.max(0, start - 6); s <= start; s++) {
    for (const name of listedNamesAt(text, s)) {
      const e = s + name.length;
      if (e >= end && (s < start || e > end) && ends.has(e)) return true;
    }
  }
  return false;
}

export function applyAdminPlaces(doc: Doc): void {
  const text = doc.norm.text;
  // a country's name the model took for a person is the country (`瑙鲁总统`: Nauru's president)
  for (const m of doc.mentions) {
    if (m.type !== 'PERSON' || m.end - m.start < 2) continue;
    const name = text.slice(m.start, m.end);
    if (fullNameKind(name) === 'world' && lookupPlace(name).some((p) => p.level === 'country')) m.type = 'LOCATION';
  }
  const taken = new Occupancy(text.length, [...doc.mentions, ...doc.garbled]);
  const ends = new Set(doc.tokens.map((t) => t.end));
  const added: NormMention[] = [];
  for (const t of doc.tokens) {
    if (!taken.isFree({ start: t.start, end: t.start + 1 })) continue;
    // the longest run of whole tokens from here that is a full name (only the lengths the gazetteer has for this character)
    for (const len of nameLengthsFrom(text[t.start])) {
      const end = t.start + len;
      if (len < 2 || end > text.length || !ends.has(end)) continue;
      // (two characters: only a country's or a world region's name — `美国`, `北美` — is worth a lookup)
      if (len === 2 && (t.end !== end || !isWorldPair(text.slice(t.start, end)))) continue;
      // (cheap before a lookup: a division's name ends in its level word, a country's starts as one of them does)
      if (len > 2 && !LEVEL_LAST.has(text[end - 1]) && !startsWorldName(text[t.start])) continue;
      const name = text.slice(t.start, end);
      // (a country by its name, two characters or more, as a whole token: `西班牙`, `英国` before `Q5D`)
      // (not a demonym, nor `中国特色`, `中国式` of a fixed political phrase)
      const kind = fullNameKind(name);
      if (!kind) continue;
      const country = kind === 'world' && !/^(?:[人籍]|特色|式)/.test(text.slice(end, end + 2));
      if (!country && (len < 3 || kind !== 'division' || !LEVEL_END.test(name))) continue;
      // (nor a country inside a listed name written around it, `视觉中国`: the name's, tagged or not)
      if (country && insideListedName(text, t.start, end, ends)) continue;
      if (!doc.inContent(t.start) || !taken.tryTake({ start: t.start, end })) break;
      added.push({ start: t.start, end, type: 'LOCATION', score: 0.8, source: 'admin-places' });
      break;
    }
  }
  // the short form of a county, district or city whose full name the article gives (`长武县` … `长武`, `开福区` … `开福`)
  const starts = new Set(doc.tokens.map((t) => t.start));
  const shorts = new Set<string>();
  for (const m of [...doc.mentions, ...added]) {
    if (m.type !== 'LOCATION' && m.type !== 'ORG') continue;
    // a place, or the place an organisation's name begins with (`长武县公安局`)
    let name = text.slice(m.start, m.end);
    if (m.type === 'ORG') name = /^.{2,6}?[市县区]/.exec(name)?.[0] ?? '';
    for (const short of usableShortForms(name)) shorts.add(short);
  }
  for (const short of shorts) {
    for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + 1)) {
      const end = at + short.length;
      if (!starts.has(at) || !doc.inContent(at) || LEVEL_END.test(text.slice(end, end + 1))) continue;
      if (!taken.tryTake({ start: at, end })) continue;
      added.push({ start: at, end, type: 'LOCATION', score: 0.8, source: 'admin-places' });
    }
  }
  if (added.length) setMentions(doc, [...doc.mentions, ...added]);
}

export const adminPlacesComponent = component('refine-admin-places', ['mentions', 'tokens'], ['mentions'], applyAdminPlaces);
