/**
 * Final choice among overlapping mentions: nothing may overlap a garbled run;
 * among overlapping candidates the longer wins, then the higher score. Names
 * and amounts never nest inside each other in the output. Linear in the text
 * length (an occupancy map), so pathological inputs stay cheap.
 */
import type { Doc, NormMention, Span } from '../doc.js';
import { isNameType } from '../entity-types.js';

/** Marks positions of a text as taken; `tryTake` claims a span only if all of it is free. */
export class Occupancy {
  private readonly taken: Uint8Array;
  constructor(length: number, blocked: readonly Span[] = []) {
    this.taken = new Uint8Array(length + 1);
    for (const b of blocked) this.taken.fill(1, b.start, b.end);
  }
  isFree(s: Span): boolean {
    for (let i = s.start; i < s.end; i++) if (this.taken[i]) return false;
    return true;
  }
  tryTake(s: Span): boolean {
    if (!this.isFree(s)) return false;
    this.taken.fill(1, s.start, s.end);
    return true;
  }
  release(s: Span): void {
    this.taken.fill(0, s.start, s.end);
  }
}

export function selectNonOverlapping(mentions: readonly NormMention[], length: number, blocked: readonly Span[] = []): NormMention[] {
  const occupancy = new Occupancy(length, blocked);
  const candidates = mentions
    .filter((m) => m.end > m.start && m.start >= 0 && m.end <= length)
    .sort((a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score || a.start - b.start);
  return candidates.filter((m) => occupancy.tryTake(m)).sort((a, b) => a.start - b.start);
}

const EDGE_SPACE = /[\s\u3000\u00a0\ufeff\u200b]/;

/** A mention without the whitespace a recogniser may have taken at its edges (null when nothing is left). */
export function trimSpace(text: string, m: NormMention): NormMention | null {
  let { start, end } = m;
  while (start < end && EDGE_SPACE.test(text[start])) start++;
  while (end > start && EDGE_SPACE.test(text[end - 1])) end--;
  if (end <= start) return null;
  return start === m.start && end === m.end ? m : { ...m, start, end };
}

/**
 * A name that crosses the edge of an amount or a date (`年度中央政府` across `115年度`) took a piece of the value:
 * it gives that piece back and keeps what is left when two or more characters remain. A name that contains a
 * value whole (`2024长沙…` is two) or lies inside one is left to the longest-first choice.
 * One sweep over names and values sorted by start: a name only meets the values that cover its first character
 * and those that start inside it, so a text with tens of thousands of both stays linear.
 */
export function yieldToValues(mentions: readonly NormMention[]): NormMention[] {
  const values = mentions.filter((m) => !isNameType(m.type)).sort((a, b) => a.start - b.start);
  if (!values.length) return [...mentions];
  const names = mentions.filter((m) => isNameType(m.type)).sort((a, b) => a.start - b.start);
  const moved = new Map<NormMention, NormMention | null>();
  let active: NormMention[] = []; // values that start before the current name and may still reach into it
  let next = 0;
  for (const m of names) {
    while (next < values.length && values[next].start < m.start) active.push(values[next++]);
    active = active.filter((v) => v.end > m.start);
    let { start, end } = m;
    // the values that matter, by start: those covering the name's first character, then those starting inside it
    for (let k = 0, j = next; k < active.length || (j < values.length && values[j].start < m.end); ) {
      const v = k < active.length ? active[k++] : values[j++];
      if (v.start >= end) break;
      if (v.end <= start) continue;
      if (v.start < start && v.end < end) start = v.end; // the value runs into the name's head
      else if (v.start > start && v.end > end) end = v.start; // the name runs into the value's head
    }
    if (start !== m.start || end !== m.end) moved.set(m, end - start >= 2 ? { ...m, start, end } : null);
  }
  const out: NormMention[] = [];
  for (const m of mentions) {
    const n = moved.has(m) ? moved.get(m)! : m;
    if (n) out.push(n);
  }
  return out;
}

export function resolveOverlaps(doc: Doc): void {
  const trimmed = doc.mentions.map((m) => trimSpace(doc.norm.text, m)).filter((m): m is NormMention => m !== null);
  doc.mentions = selectNonOverlapping(yieldToValues(trimmed), doc.norm.text.length, doc.garbled);
}
