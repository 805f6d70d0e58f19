/**
 * Full-width → half-width folding. Every change replaces one UTF-16 unit by
 * one, so offsets stay exact.
 */
import type { Edit } from '../mapped-text.js';

/** Small form variants (U+FE50–U+FE6B) and the minus sign U+2212 that stand for ASCII: `4﹒6%`, `同比﹣15.5%`. */
const SMALL_FORMS: Record<string, string> = {
  '\ufe50': ',', '\ufe52': '.', '\ufe54': ';', '\ufe55': ':', '\ufe56': '?', '\ufe57': '!', '\ufe59': '(', '\ufe5a': ')',
  '\ufe5f': '#', '\ufe60': '&', '\ufe61': '*', '\ufe62': '+', '\ufe63': '-', '\ufe64': '<', '\ufe65': '>', '\ufe66': '=',
  '\ufe69': '$', '\ufe6a': '%', '\ufe6b': '@', '\u2212': '-',
};

/** Fold full-width ASCII forms (U+FF01–U+FF5E) and small form variants to ASCII, U+3000 to a space. */
export function widthEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) edits.push({ start: i, end: i + 1, text: String.fromCharCode(c - 0xfee0) });
    else if (c === 0x3000) edits.push({ start: i, end: i + 1, text: ' ' });
    else if ((c >= 0xfe50 && c <= 0xfe6b) || c === 0x2212) {
      const folded = SMALL_FORMS[text[i]];
      if (folded) edits.push({ start: i, end: i + 1, text: folded });
    }
  }
  return edits;
}
