/**
 * Traditional → simplified conversion with exact offsets, and script
 * detection. OpenCC phrase conversion is used per run of Han characters;
 * where it keeps the number of code points each changed code point becomes
 * its own edit, otherwise the run falls back to code-point-by-code-point
 * conversion. Surrogate pairs are never split.
 */
import { toSimplifiedConverter, toTraditionalConverter } from './opencc.js';
import type { Edit } from '../mapped-text.js';


const HAN_RUN = /[\p{Script=Han}\u3007]+/gu;

/** Edits turning traditional characters into simplified ones. */
export function toSimplifiedEdits(text: string): Edit[] {
  const t2s = toSimplifiedConverter();
  const edits: Edit[] = [];
  for (const m of text.matchAll(HAN_RUN)) {
    const src = [...m[0]];
    const out = [...t2s(m[0])];
    const perChar = out.length === src.length ? out : src.map((c) => t2s(c));
    let pos = m.index!;
    for (let k = 0; k < src.length; k++) {
      if (perChar[k] !== src[k]) edits.push({ start: pos, end: pos + src[k].length, text: perChar[k] });
      pos += src[k].length;
    }
  }
  return edits;
}

const NEITHER = 0;
const TRAD = 1;
const SIMP = 2;
/** Which side each Han character is on, once per character (a converter call per character is costly; Han has ~90,000 code points at most). */
const sides = new Map<string, number>();
function sideOf(c: string): number {
  let side = sides.get(c);
  if (side === undefined) {
    side = toSimplifiedConverter()(c) !== c ? TRAD : toTraditionalConverter()(c) !== c ? SIMP : NEITHER;
    sides.set(c, side);
  }
  return side;
}

/**
 * Which script `text` is written in. Counts Han code points that change
 * under traditional→simplified (`trad`) and under simplified→traditional
 * (`simp`). With fewer than 3 such characters in all the text is called
 * simplified (nothing to tell); otherwise a share of at least 80% for one
 * side decides, and anything in between is `mixed`.
 */
export function detectScript(text: string): 'simplified' | 'traditional' | 'mixed' {
  let trad = 0;
  let simp = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    for (const c of m[0]) {
      const side = sideOf(c);
      if (side === TRAD) trad++;
      else if (side === SIMP) simp++;
    }
  }
  const total = trad + simp;
  if (total < 3) return trad > simp ? 'traditional' : 'simplified';
  if (trad / total >= 0.8) return 'traditional';
  if (simp / total >= 0.8) return 'simplified';
  return 'mixed';
}
