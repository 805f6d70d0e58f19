/**
 * A name recognised once is recognised everywhere in the article: every other
 * occurrence of a recognised name (two characters or more) that no mention
 * covers is tagged with its type (source `propagated`), in content
 * paragraphs only, never over a garbled span. Two-character names must stand
 * at segmenter token boundaries (`华为` not inside `中华为民`), and no name ends inside a word
 * the segmenter knows (`民众党` of `民众/党团`). Where an
 * occurrence holds only shorter names wholly inside it (`海光` before `信息`
 * once the article has named `海光信息`; `长沙` in `长沙银行`), the longer name
 * replaces them: one name, one span, wherever it is written. A company's or a body's Latin name in brackets right after
 * it (`恩智浦半导体（NXP）`) is a mention of the same type first. A "place" that is a common noun no gazetteer knows
 * (`龙眼`) is not spread.
 */
import type { Doc, EntityType, NormMention, Region } from '../doc.js';
import { component } from '../component.js';
import { Occupancy } from '../recognise/resolve.js';
import { inUnknownRun, isName, mentionOwners, setMentions } from './util.js';
import { sharesDistrictTitle, ZONE_SUFFIXES } from '../lang/zh/words.js';
import { isFixedPhrase } from './generic.js';
import { isLatinNonName } from './latin.js';
import { commonNouns } from '../lang/zh/jieba-dict.js';
import { placeForms } from '../lang/zh/gazetteer.js';
import { localPlaces } from '../lang/zh/places-local.js';

const ADDED = Symbol('added');

/** A Latin name in brackets right after a name (`恩智浦半导体（NXP）`, `阿提哈德航空(Etihad Airways)`, `美国在台协会(AIT)`). */
const LATIN_ALIAS = /^\s?[(（]\s?([A-Za-z][A-Za-z0-9&'\- ]{1,40}?)\s?[)）]/;

/** A company's or a body's Latin name in brackets after its Chinese name is a mention of the same type (then propagated). */
function tagLatinAliases(doc: Doc): void {
  const text = doc.norm.text;
  if (!/[(（]\s?[A-Za-z]/.test(text)) return;
  const taken = new Occupancy(text.length, [...doc.mentions, ...doc.garbled]);
  const added: NormMention[] = [];
  for (const m of doc.mentions) {
    if (m.type !== 'COMPANY' && m.type !== 'ORG') continue;
    const a = LATIN_ALIAS.exec(text.slice(m.end, m.end + 48));
    if (!a || LATIN_TERMS.test(a[1])) continue;
    const start = m.end + a[0].indexOf(a[1]);
    const span = { start, end: start + a[1].length };
    if (isLatinNonName(text, { ...m, ...span }) || !doc.inContent(start) || !taken.tryTake(span)) continue;
    added.push({ ...span, type: m.type, score: m.score * 0.9, source: 'propagated' });
  }
  if (added.length) setMentions(doc, [...doc.mentions, ...added]);
}
/** Brackets that hold a term, an exchange or a share class rather than a name (`(CEO)`, `(NASDAQ)`, `(H股)`). */
const LATIN_TERMS = /^(?:CEO|CFO|COO|CTO|IPO|ESG|AI|GDP|NASDAQ|NYSE|HKEX|SH|SZ|HK|TW|US|USD|RMB|HKD|ADR|ETF|REIT|[A-Z])$/;

/**
 * A "place" that is a common noun and no place the gazetteer or the region's local places know (`龙眼`, read as a place
 * once in `石硖龙眼主产区`): one reading is not spread over every mention of the fruit.
 */
function isCommonNounPlace(name: string, region: Region): boolean {
  return commonNouns().has(name) && !placeForms(name).length && !localPlaces(region).places.has(name);
}

export function propagateNames(doc: Doc): void {
  tagLatinAliases(doc);
  const text = doc.norm.text;
  const names = new Map<string, { type: EntityType; score: number }>();
  for (const m of doc.mentions) {
    if (!isName(m) || m.end - m.start < 2) continue;
    const name = text.slice(m.start, m.end);
    if (!names.has(name)) names.set(name, { type: m.type, score: m.score });
  }
  const taken = new Occupancy(text.length, [...doc.mentions, ...doc.garbled]);
  const garbled = new Occupancy(text.length, doc.garbled);
  const starts = new Set(doc.tokens.map((t) => t.start));
  const ends = new Set(doc.tokens.map((t) => t.end));
  const added: NormMention[] = [];
  const replaced = new Set<NormMention>();
  // which mention holds each character (ADDED: one this step added)
  const owner: (NormMention | typeof ADDED | undefined)[] = mentionOwners(doc);
  for (const [name, { type, score }] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    if (type === 'LOCATION' && isCommonNounPlace(name, doc.region.region)) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const span = { start: at, end: at + name.length };
      if (name.length === 2 && (!starts.has(at) || !ends.has(span.end))) continue;
      if (isFixedPhrase(text, { ...span, type } as NormMention)) continue; // `中国特色`
      if (type === 'LOCATION' && sharesDistrictTitle(text, span.end)) continue; // `深水埗` + `区议员`, not `深水埗区`
      // nor does a longer one end inside a word jieba knows (`民众党` of `民众/党团`); an unknown run may hold it (`港铁重/x`)
      if (doc.tokens.length && !ends.has(span.end) && !inUnknownRun(doc, span.end)) continue;
      if (!doc.inContent(at)) continue;
      if (taken.tryTake(span)) {
        added.push({ ...span, type, score: score * 0.9, source: 'propagated' });
        owner.fill(ADDED, span.start, span.end);
        continue;
      }
      // shorter names wholly inside this occurrence give way to it (looked up by character: no scan of every mention)
      if (!garbled.isFree(span)) continue;
      const inside = new Set<NormMention>();
      let blocked = false;
      for (let k = span.start; k < span.end && !blocked; k++) {
        const o = owner[k];
        if (o === ADDED) blocked = true;
        else if (o && !replaced.has(o)) inside.add(o);
      }
      if (blocked || !inside.size || ![...inside].every((m) => isName(m) && m.start >= span.start && m.end <= span.end && m.end - m.start < name.length)) continue;
      // a zone after a zone is a part of it (`湘江新区` + `新片区`), never the zone's own name
      if ([...inside].some((m) => ZONE_SUFFIXES.some((z) => text.startsWith(z, m.end - z.length)) && ZONE_SUFFIXES.some((z) => text.startsWith(z, m.end)))) continue;
      for (const m of inside) replaced.add(m);
      added.push({ ...span, type, score: Math.max(score * 0.9, ...[...inside].map((m) => m.score)), source: 'propagated' });
      owner.fill(ADDED, span.start, span.end);
    }
  }
  if (added.length) setMentions(doc, [...doc.mentions.filter((m) => !replaced.has(m)), ...added]);
}

export const propagateComponent = component('refine-propagate', ['mentions', 'tokens'], ['mentions'], propagateNames);
