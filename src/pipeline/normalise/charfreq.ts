/**
 * Character plausibility for Chinese text, used to tell mojibake from real
 * text. Character frequencies are summed over jieba's word dictionary
 * (loaded lazily, once); traditional characters are looked up through their
 * simplified form.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { toSimplifiedConverter } from './opencc.js';

let freq: Map<string, number> | null = null;

/** Path of jieba's dictionary inside the installed nodejieba package. */
function dictPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('nodejieba/package.json');
  return pkg.replace(/package\.json$/, 'submodules/cppjieba/dict/jieba.dict.utf8');
}

/** Summed word frequency of every character in jieba's dictionary. */
function table(): Map<string, number> {
  if (freq) return freq;
  const m = new Map<string, number>();
  for (const line of readFileSync(dictPath(), 'utf8').split('\n')) {
    const sp = line.indexOf(' ');
    if (sp <= 0) continue;
    const n = Number.parseInt(line.slice(sp + 1), 10) || 0;
    for (const c of line.slice(0, sp)) m.set(c, (m.get(c) ?? 0) + n);
  }
  freq = m;
  return m;
}

/** The commonest CJK punctuation: in news text more frequent than any character, even 的. */
const TOP_PUNCT = new Set([...'，。、“”']);
/** Other CJK punctuation that real text uses freely. */
const PUNCT = new Set([...'‘’：；！？（）《》〈〉【】—…·「」『』～']);
const HAN = /^[\p{Script=Han}]$/u;

/**
 * log10 of the character's frequency (0 for unknown Han characters), 6.2
 * for `，。、“”` (above 的), 5 for other CJK punctuation, 2 for ASCII letters, digits and spaces, and -3 for
 * anything else (Greek, kana, box drawing, private use, U+FFFD...).
 */
export function charScore(c: string): number {
  if (TOP_PUNCT.has(c)) return 6.2;
  if (PUNCT.has(c)) return 5;
  if (/^[A-Za-z0-9 ]$/.test(c)) return 2;
  if (!HAN.test(c)) return -3;
  const f = table();
  const t2s = toSimplifiedConverter();
  const n = Math.max(f.get(c) ?? 0, f.get(t2s(c)) ?? 0);
  return Math.log10(n + 1);
}

/** Mean character score of `s` (by code point). */
export function meanScore(s: string): number {
  const cs = [...s];
  return cs.length ? cs.reduce((a, c) => a + charScore(c), 0) / cs.length : 0;
}

/** Smallest character score in `s`. */
export function minScore(s: string): number {
  let m = Infinity;
  for (const c of s) m = Math.min(m, charScore(c));
  return m;
}
