/**
 * Removal of pinyin annotations injected after Chinese characters by some
 * scraped pages: `經(jīng)濟(jì)` → `經濟`. Only parenthesised content made
 * entirely of pinyin syllables (with a tone mark, or one of a few toneless
 * particles) right after a Han character is removed; `(湖南)`, `(CEO)`,
 * `(2023)`, `(a)` stay.
 */
import type { Edit } from '../mapped-text.js';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const VOWEL = `aeiouüv${TONED}`;
/** One syllable: optional initial, vowel cluster, optional nasal/er coda. */
const SYLLABLE = `(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcswy])?[${VOWEL}]{1,4}(?:ng|n|r)?`;
/** `(...)` or `（...）` holding pinyin syllables, optionally space- or apostrophe-separated. */
const ANNOTATION = new RegExp(
  `(?<=\\p{Script=Han})[(（]((?:${SYLLABLE})(?:[ '’]?${SYLLABLE}){0,5})[)）]`,
  'gu',
);
/** Toneless (neutral tone) syllables accepted on their own. */
const NEUTRAL = new Set(['de', 'le', 'me', 'men', 'ma', 'ne', 'ba', 'zi', 'zhe', 'la', 'ya']);
const TONED_RE = new RegExp(`[${TONED}]`, 'u');

/** True when `inner` (the text between the brackets) reads as a pinyin annotation. */
export function isPinyinAnnotation(inner: string): boolean {
  return TONED_RE.test(inner) || NEUTRAL.has(inner);
}

const ANNOTATION_AT = new RegExp(`[(（]((?:${SYLLABLE})(?:[ '’]?${SYLLABLE}){0,5})[)）]`, 'uy');

/** Length of the pinyin annotation standing at `pos` of `text` (0 when there is none). */
export function annotationLengthAt(text: string, pos: number): number {
  ANNOTATION_AT.lastIndex = pos;
  const m = ANNOTATION_AT.exec(text);
  return m && isPinyinAnnotation(m[1]) ? m[0].length : 0;
}

/** Edits deleting every injected pinyin annotation (brackets included). */
export function pinyinEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(ANNOTATION)) {
    if (!isPinyinAnnotation(m[1])) continue;
    // brackets must match in kind only loosely; both ASCII and full-width occur
    edits.push({ start: m.index!, end: m.index! + m[0].length, text: '' });
  }
  return edits;
}
