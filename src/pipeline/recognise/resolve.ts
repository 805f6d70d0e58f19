/**
 * Final choice among overlapping mentions: nothing may overlap a garbled run;
 * among overlapping candidates the longer wins, then the higher score. Names
 * and amounts never nest inside each other in the output.
 */
import type { Doc, NormMention, Span } from '../doc.js';

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export function selectNonOverlapping(mentions: readonly NormMention[], blocked: readonly Span[] = []): NormMention[] {
  const candidates = mentions
    .filter((m) => m.end > m.start && !blocked.some((g) => overlaps(m, g)))
    .sort((a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score || a.start - b.start);
  const chosen: NormMention[] = [];
  for (const m of candidates) {
    if (!chosen.some((c) => overlaps(c, m))) chosen.push(m);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

export function resolveOverlaps(doc: Doc): void {
  doc.mentions = selectNonOverlapping(doc.mentions, doc.garbled);
}
