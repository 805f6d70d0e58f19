/** Helpers shared by the refine components. */
import type { Doc, NormMention } from '../doc.js';
import { NAME_TYPES } from '../entity-types.js';

const NAMES = new Set<string>(NAME_TYPES);
export const isName = (m: NormMention) => NAMES.has(m.type);

/** Replace `doc.mentions`, sorted by start. */
export function setMentions(doc: Doc, mentions: NormMention[]): void {
  doc.mentions = mentions.sort((a, b) => a.start - b.start);
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
