/**
 * A name recognised once is recognised everywhere in the article: every other
 * occurrence of a recognised name (two characters or more) that no mention
 * covers is tagged with its type (source `propagated`), in content
 * paragraphs only, never over a garbled span. Two-character names must stand
 * at segmenter token boundaries (`华为` not inside `中华为民`), and no name ends inside a word
 * the segmenter knows (`民众党` of `民众/党团`). Where an
 * occurrence holds only shorter names wholly inside it (`海光` before `信息`
 * once the article has named `海光信息`; `长沙` in `长沙银行`), the longer name
 * replaces them: one name, one span, wherever it is written.
 */
import type { Doc, EntityType, NormMention } from '../doc.js';
import { component } from '../component.js';
import { Occupancy } from '../recognise/resolve.js';
import { inUnknownRun, isName, mentionOwners, setMentions } from './util.js';
import { ZONE_SUFFIXES } from '../lang/zh/words.js';
import { isFixedPhrase } from './generic.js';

const ADDED = Symbol('added');

export function propagateNames(doc: Doc): void {
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
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const span = { start: at, end: at + name.length };
      if (name.length === 2 && (!starts.has(at) || !ends.has(span.end))) continue;
      if (isFixedPhrase(text, { ...span, type } as NormMention)) continue; // `中国特色`
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
