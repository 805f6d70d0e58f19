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

/**
 * Which script `text` is written in. Counts Han code points that change
 * under traditional→simplified (`trad`) and under simplified→traditional
 * (`simp`). With fewer than 3 such characters in all the text is called
 * simplified (nothing to tell); otherwise a share of at least 80% for one
 * side decides, and anything in between is `mixed`.
 */
export function detectScript(text: string): 'simplified' | 'traditional' | 'mixed' {
  const t2s = toSimplifiedConverter();
  const s2t = toTraditionalConverter();
  let trad = 0;
  let simp = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    for (const c of m[0]) {
      if (t2s(c) !== c) trad++;
      else if (s2t(c) !== c) simp++;
    }
  }
  const total = trad + simp;
  if (total < 3) return trad > simp ? 'traditional' : 'simplified';
  if (trad / total >= 0.8) return 'traditional';
  if (simp / total >= 0.8) return 'simplified';
  return 'mixed';
}
