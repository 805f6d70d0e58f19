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
}

export function selectNonOverlapping(mentions: readonly NormMention[], length: number, blocked: readonly Span[] = []): NormMention[] {
  const occupancy = new Occupancy(length, blocked);
  const candidates = mentions
    .filter((m) => m.end > m.start && m.start >= 0 && m.end <= length)
    .sort((a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score || a.start - b.start);
  return candidates.filter((m) => occupancy.tryTake(m)).sort((a, b) => a.start - b.start);
}

export function resolveOverlaps(doc: Doc): void {
  doc.mentions = selectNonOverlapping(doc.mentions, doc.norm.text.length, doc.garbled);
}
