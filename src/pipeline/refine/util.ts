/** Helpers shared by the refine components. */
import type { Doc, NormMention } from '../doc.js';
import { isNameType } from '../entity-types.js';

export const isName = (m: NormMention) => isNameType(m.type);

/** Replace `doc.mentions`, sorted by start. */
export function setMentions(doc: Doc, mentions: NormMention[]): void {
  doc.mentions = mentions.sort((a, b) => a.start - b.start);
}

/** Which mention holds each character of `doc.norm.text` (undefined: none): a mention by position in constant time. */
export function mentionOwners(doc: Doc): (NormMention | undefined)[] {
  const owner: (NormMention | undefined)[] = new Array(doc.norm.text.length);
  for (const m of doc.mentions) for (let k = m.start; k < m.end; k++) owner[k] = m;
  return owner;
}

/** Whether position `p` falls inside a token jieba could not read (`x`: `港铁重`), where a name may end though no token boundary is there. */
export const inUnknownRun = (doc: Doc, p: number) => doc.tokenCovering(p - 1, p)?.pos === 'x';

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Tag [start, end) as one mention of `type`, replacing the mentions wholly
 * inside it; refused (false) when a mention crosses either edge, or when
 * `mayReplace` refuses one of those inside.
 */
export function claim(
  doc: Doc,
  start: number,
  end: number,
  type: NormMention['type'],
  source: string,
  mayReplace: (m: NormMention) => boolean = isName,
): boolean {
  const inside: NormMention[] = [];
  for (const m of doc.mentions) {
    if (!overlaps(m, { start, end })) continue;
    if (m.start < start || m.end > end || !mayReplace(m)) return false;
    inside.push(m);
  }
  if (inside.length === 1 && inside[0].start === start && inside[0].end === end) {
    inside[0].type = type;
    return true;
  }
  const score = Math.max(0.8, ...inside.map((m) => m.score));
  setMentions(doc, [...doc.mentions.filter((m) => !inside.includes(m)), { start, end, type, score, source }]);
  return true;
}
