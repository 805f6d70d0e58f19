/**
 * A name recognised once is recognised everywhere in the article: every other
 * occurrence of a recognised name (two characters or more) that no mention
 * covers is tagged with its type (source `propagated`), in content
 * paragraphs only, never over a garbled span. Two-character names must stand
 * at segmenter token boundaries (`华为` not inside `中华为民`).
 */
import type { Doc, EntityType, NormMention } from '../doc.js';
import { component } from '../component.js';
import { Occupancy } from '../recognise/resolve.js';
import { isName, setMentions } from './util.js';

export function propagateNames(doc: Doc): void {
  const text = doc.norm.text;
  const names = new Map<string, { type: EntityType; score: number }>();
  for (const m of doc.mentions) {
    if (!isName(m) || m.end - m.start < 2) continue;
    const name = text.slice(m.start, m.end);
    if (!names.has(name)) names.set(name, { type: m.type, score: m.score });
  }
  const taken = new Occupancy(text.length, [...doc.mentions, ...doc.garbled]);
  const starts = new Set(doc.tokens.map((t) => t.start));
  const ends = new Set(doc.tokens.map((t) => t.end));
  const added: NormMention[] = [];
  for (const [name, { type, score }] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const span = { start: at, end: at + name.length };
      if (name.length === 2 && (!starts.has(at) || !ends.has(span.end))) continue;
      if (!doc.inContent(at) || !taken.tryTake(span)) continue;
      added.push({ ...span, type, score: score * 0.9, source: 'propagated' });
    }
  }
  if (added.length) setMentions(doc, [...doc.mentions, ...added]);
}

export const propagateComponent = component('refine-propagate', ['mentions', 'tokens'], ['mentions'], propagateNames);
