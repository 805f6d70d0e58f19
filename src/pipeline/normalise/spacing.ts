/**
 * Spaces between figures and Chinese text: some outlets (Taiwan's 鉅亨網,
 * typeset archives) write `今年 1 至 8 月`, `1 億 3428 萬元`, `今 (23) 日`,
 * `4 成`. Chinese has no spaces between words, the model and the segmenter
 * learned text without them, and the value recognisers read `今年1至8月` as
 * one date; so the space between a figure and a Chinese character is deleted
 * from the normalised text. The map back to the caller's text keeps it inside
 * any mention that spans it (`1 億 3428 萬元` is one MONEY, spaces included).
 *
 * Deleted: a run of at most two spaces (ASCII, no-break) between
 * - a digit, `%` or a `)` closing a figure (`(23)`) and a Chinese character, or
 * - a Chinese character and a digit or a `(` opening a figure.
 * Spaces next to Latin letters (`SK 海力士`, `GDP 增长`) and between two
 * figures (`2025-10-29 18:16`) stay.
 */
import type { Edit } from '../mapped-text.js';

const HAN = /\p{Script=Han}/u;
const SPACE = /[ \u00A0]/;
const ANY_SPACE = new RegExp(SPACE.source, 'g');

export function spacingEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  ANY_SPACE.lastIndex = 1;
  for (let hit = ANY_SPACE.exec(text); hit; hit = ANY_SPACE.exec(text)) {
    const i = hit.index;
    let j = i;
    while (j < text.length && SPACE.test(text[j])) j++;
    const left = text[i - 1];
    const right = text[j] ?? '';
    const figureLeft = /[0-9%]/.test(left) || (left === ')' && /[0-9]/.test(text[i - 2] ?? ''));
    const figureRight = /[0-9]/.test(right) || (right === '(' && /[0-9]/.test(text[j + 1] ?? ''));
    if (j - i <= 2 && ((figureLeft && HAN.test(right)) || (HAN.test(left) && figureRight))) {
      edits.push({ start: i, end: j, text: '' });
    }
    ANY_SPACE.lastIndex = j;
  }
  return edits;
}
