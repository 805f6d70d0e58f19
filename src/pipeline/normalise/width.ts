/**
 * Full-width → half-width folding. Every change replaces one UTF-16 unit by
 * one, so offsets stay exact.
 */
import type { Edit } from '../mapped-text.js';

/** Fold full-width ASCII forms (U+FF01–U+FF5E) to ASCII and U+3000 to a space. */
export function widthEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) edits.push({ start: i, end: i + 1, text: String.fromCharCode(c - 0xfee0) });
    else if (c === 0x3000) edits.push({ start: i, end: i + 1, text: ' ' });
  }
  return edits;
}
