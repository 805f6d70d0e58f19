/** Helpers shared by the refine components. */
import type { Doc, NormMention } from '../doc.js';
import { isNameType } from '../entity-types.js';

export const isName = (m: NormMention) => isNameType(m.type);

/** Replace `doc.mentions`, sorted by start. */
export function setMentions(doc: Doc, mentions: NormMention[]): void {
  doc.mentions = mentions.sort((a, b) => a.start - b.start);
}

/** Each mention replaced by what `replace` gives for it (null: kept as it is; [] : dropped); the mentions are set once, when one changed. */
export function replaceMentions(doc: Doc, replace: (m: NormMention) => NormMention[] | null): void {
  const replaced = new Map<NormMention, NormMention[]>();
  for (const m of doc.mentions) {
    const r = replace(m);
    if (r) replaced.set(m, r);
  }
  if (replaced.size) setMentions(doc, doc.mentions.flatMap((m) => replaced.get(m) ?? [m]));
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
 * The rule of a claim on [start, end) over the mentions it touches (`inside`): refused (null) when one crosses either
 * edge or `mayReplace` refuses it; else the one mention exactly there is retyped, or a new mention replaces them all.
 */
function claimRule(inside: readonly NormMention[], start: number, end: number, type: NormMention['type'], source: string, mayReplace: (m: NormMention) => boolean): NormMention | 'retyped' | null {
  for (const m of inside) if (m.start < start || m.end > end || !mayReplace(m)) return null;
  if (inside.length === 1 && inside[0].start === start && inside[0].end === end) {
    inside[0].type = type;
    return 'retyped';
  }
  return { start, end, type, score: Math.max(0.8, ...inside.map((m) => m.score)), source };
}

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
  const inside = doc.mentions.filter((m) => overlaps(m, { start, end }));
  const made = claimRule(inside, start, end, type, source, mayReplace);
  if (made && made !== 'retyped') setMentions(doc, [...doc.mentions.filter((m) => !inside.includes(m)), made]);
  return made !== null;
}

/**
 * Many claims on one document for the price of one: `claim`'s rule, with the mentions a span touches found by
 * position instead of by a pass over every mention (a component that claims once per match stays linear on an
 * article of thousands of matches). `has` says whether a mention of the document is still there; `done` writes the
 * claims back.
 */
export class Claims {
  private readonly owner: (NormMention | undefined)[];
  private readonly removed = new Set<NormMention>();
  private readonly added: NormMention[] = [];

  constructor(private readonly doc: Doc) {
    this.owner = mentionOwners(doc);
  }

  has(m: NormMention): boolean {
    return !this.removed.has(m);
  }

  /** Whether a mention (one claimed here included) holds a character of [start, end). */
  touches(start: number, end: number): boolean {
    for (let k = start; k < end; k++) if (this.owner[k]) return true;
    return false;
  }

  claim(start: number, end: number, type: NormMention['type'], source: string, mayReplace: (m: NormMention) => boolean = isName): boolean {
    const inside = new Set<NormMention>();
    for (let k = start; k < end; k++) if (this.owner[k]) inside.add(this.owner[k]!);
    const made = claimRule([...inside], start, end, type, source, mayReplace);
    if (made && made !== 'retyped') {
      for (const o of inside) this.removed.add(o);
      this.added.push(made);
      this.owner.fill(made, start, end);
    }
    return made !== null;
  }

  done(): void {
    if (this.removed.size || this.added.length) setMentions(this.doc, [...this.doc.mentions, ...this.added].filter((m) => !this.removed.has(m)));
  }
}
