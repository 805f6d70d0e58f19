/**
 * Final choice among overlapping mentions: nothing may overlap a garbled run;
 * among overlapping candidates the longer wins, then the higher score. Names
 * and amounts never nest inside each other in the output. Linear in the text
 * length (an occupancy map), so pathological inputs stay cheap.
 */
import type { Doc, NormMention, Span } from '../doc.js';

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

export function resolveOverlaps(doc: Doc): void {
  const trimmed = doc.mentions.map((m) => trimSpace(doc.norm.text, m)).filter((m): m is NormMention => m !== null);
  doc.mentions = selectNonOverlapping(trimmed, doc.norm.text.length, doc.garbled);
}
