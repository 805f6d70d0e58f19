/**
 * The normalisation pipeline step: repairs mojibake, strips injected pinyin,
 * folds full-width forms, deletes spaces between figures and Chinese
 * characters (`今年 1 至 8 月`) and converts to simplified script, keeping the map
 * from `doc.norm` back to `doc.text`.
 */
import type { Doc, Span } from '../doc.js';
import { MappedText, type Edit } from '../mapped-text.js';
import { repairMojibake } from './mojibake.js';
import { pinyinEdits } from './pinyin.js';
import { detectScript, toSimplifiedEdits } from './script.js';
import { spacingEdits } from './spacing.js';
import { widthEdits } from './width.js';

export { htmlToText } from './html.js';
export { repairMojibake } from './mojibake.js';
export { pinyinEdits } from './pinyin.js';
export { detectScript, toSimplifiedEdits } from './script.js';
export { spacingEdits } from './spacing.js';
export { widthEdits } from './width.js';

/**
 * Normalise `doc.norm` in place. Mojibake goes first (it works on the bytes
 * the page really had, so nothing may have changed the characters before),
 * then pinyin (needs the repaired characters before it), width folding, and
 * simplification last. Unrecoverable garbled runs become U+FFFD characters
 * (one per character) and are recorded in `doc.garbled` in norm coordinates.
 */
export function normalise(doc: Doc): void {
  doc.script = detectScript(doc.text);

  const moji = repairMojibake(doc.norm.text);
  // the repairs' garbled spans are in pre-repair coordinates: carry them along
  doc.garbled = [...doc.garbled, ...moji.garbled];
  apply(doc, moji.edits);
  apply(doc, pinyinEdits(doc.norm.text));
  apply(doc, widthEdits(doc.norm.text));
  apply(doc, spacingEdits(doc.norm.text));
  apply(doc, toSimplifiedEdits(doc.norm.text));

  doc.garbled = mergeSpans(doc.garbled.filter((g) => g.end > g.start));
  fillGarbled(doc);
}

/** Overwrite each garbled span with U+FFFD, one per character (code point). */
function fillGarbled(doc: Doc): void {
  const fill: Edit[] = [];
  for (const g of doc.garbled) {
    for (let i = g.start; i < g.end; ) {
      const len = doc.norm.text.codePointAt(i)! > 0xffff ? 2 : 1;
      if (doc.norm.text[i] !== '\uFFFD') fill.push({ start: i, end: i + len, text: '\uFFFD' });
      i += len;
    }
  }
  const local = MappedText.identity(doc.norm.text).edit(fill);
  doc.garbled = doc.garbled.map((g) => local.fromOriginal(g.start, g.end));
  doc.norm = doc.norm.edit(fill);
}

/**
 * Apply `edits` (over the current `doc.norm.text`) to `doc.norm`, dropping
 * any that would change a garbled span, and move `doc.garbled` into the new
 * coordinates.
 */
function apply(doc: Doc, edits: Edit[]): void {
  const kept = edits.filter((e) => !doc.garbled.some((g) => e.start < g.end && g.start < e.end));
  if (kept.length === 0) return;
  const local = MappedText.identity(doc.norm.text).edit(kept);
  doc.garbled = doc.garbled.map((g) => local.fromOriginal(g.start, g.end));
  doc.norm = doc.norm.edit(kept);
}

/** Sort and merge overlapping or touching spans. */
function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
