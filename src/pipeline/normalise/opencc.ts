/**
 * The process's OpenCC converters, built once and shared by every module that
 * converts script (each extraction worker builds its own).
 *
 * They convert exactly as opencc-js's `Converter({ from, to })` does — the same
 * dictionaries (opencc-js's presets), the same normalisation, segmentation and
 * conversion chain, the same longest match — but hold each dictionary in one
 * flat map of key prefixes instead of opencc-js's trie of a `Map` per
 * character: ~10 MB of heap for both instead of ~50 MB (tests/normalise/opencc.test.ts
 * compares the two on the corpora).
 */
import * as OpenCC from 'opencc-js';

type Convert = (s: string) => string;
type DictLike = string | readonly (readonly [string, string])[];
type DictGroup = readonly DictLike[];
interface Config {
  normalizationChain?: readonly DictGroup[];
  segmentation?: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

let t2s: Convert | null = null;
let s2t: Convert | null = null;

/** Traditional (Hong Kong, Taiwan or OpenCC standard forms) → simplified (mainland). */
export function toSimplifiedConverter(): Convert {
  return (t2s ??= compactConverter('hk2s'));
}

/** Simplified → traditional (Taiwan forms). */
export function toTraditionalConverter(): Convert {
  return (s2t ??= compactConverter('s2tw'));
}

/** opencc-js's own converter for the same conversion (to compare with). */
export function openccConverter(which: 'hk2s' | 's2tw'): Convert {
  return which === 'hk2s' ? OpenCC.Converter({ from: 'hk', to: 'cn' }) : OpenCC.Converter({ from: 'cn', to: 'tw' });
}

/** Dictionary words by every prefix (at code-point boundaries): the replacement for a word, null for a prefix only. */
class PrefixMap {
  /** prefixes of one code point, by code point (most lookups end there) */
  private readonly first = new Map<number, string | null>();
  /** longer prefixes */
  private readonly map = new Map<string, string | null>();

  addWord(word: string, value: string): void {
    if (!word) return;
    const cp = word.codePointAt(0)!;
    const rest = word.length > (cp > 0xffff ? 2 : 1);
    if (!rest) return void this.first.set(cp, value);
    if (!this.first.has(cp)) this.first.set(cp, null);
    let prefix = '';
    for (const ch of word) {
      prefix += ch;
      if (prefix.length > ch.length && !this.map.has(prefix)) this.map.set(prefix, null);
    }
    this.map.set(word, value);
  }

  loadDict(dict: DictLike): void {
    if (typeof dict === 'string') {
      for (const entry of dict.split('|')) {
        const [word, value] = entry.split(' ');
        if (typeof value !== 'string') throw new TypeError(`invalid OpenCC dictionary entry: ${JSON.stringify(entry)}`);
        this.addWord(word, value);
      }
    } else for (const [word, value] of dict) this.addWord(word, value);
  }

  /** the first dictionary of a group wins (opencc-js loads them last to first) */
  loadDictGroup(group: DictGroup): void {
    for (const dict of group.slice().reverse()) this.loadDict(dict);
  }

  /** The longest word at `start`, as opencc-js's trie finds it. */
  private matchPrefix(s: string, start: number): { end: number; value: string } | null {
    const cp = s.codePointAt(start)!;
    const head = this.first.get(cp);
    if (head === undefined) return null;
    let end = 0;
    let value = '';
    if (head !== null) {
      end = start + (cp > 0xffff ? 2 : 1);
      value = head;
    }
    for (let i = start + (cp > 0xffff ? 2 : 1); i < s.length; ) {
      i += s.codePointAt(i)! > 0xffff ? 2 : 1;
      const v = this.map.get(s.slice(start, i));
      if (v === undefined) break;
      if (v !== null) {
        end = i;
        value = v;
      }
    }
    return end > 0 ? { end, value } : null;
  }

  /** The text cut into dictionary matches and unmatched runs; `piece` gives what a match contributes. */
  private walk(s: string, piece: (start: number, end: number, value: string) => string): string[] {
    const out: string[] = [];
    let pending: number | null = null;
    for (let i = 0; i < s.length; ) {
      const m = this.matchPrefix(s, i);
      if (m) {
        if (pending !== null) out.push(s.slice(pending, i)), (pending = null);
        out.push(piece(i, m.end, m.value));
        i = m.end;
      } else {
        if (pending === null) pending = i;
        i += unmatchedStep(s, i);
      }
    }
    if (pending !== null) out.push(s.slice(pending));
    return out;
  }

  segment(s: string): string[] {
    return this.walk(s, (start, end) => s.slice(start, end));
  }

  convert(s: string): string {
    return this.walk(s, (_start, _end, value) => value).join('');
  }

}

const cpLength = (s: string, i: number) => (s.codePointAt(i)! > 0xffff ? 2 : 1);

/** End of the ideographic description sequence at `i` (U+2FF0–U+2FFF and its operands), or 0. */
function idsEnd(s: string, i: number): number {
  const c = s.codePointAt(i)!;
  const operands = c >= 0x2ff0 && c <= 0x2ff1 ? 2 : c >= 0x2ff2 && c <= 0x2ff3 ? 3 : c >= 0x2ff4 && c <= 0x2fff ? 2 : 0;
  if (operands === 0) return 0;
  let j = i + cpLength(s, i);
  for (let k = 0; k < operands; k++) {
    if (j >= s.length) return 0;
    j = idsEnd(s, j) || j + cpLength(s, j);
  }
  return j;
}

/** An unmatched character is skipped whole: one code point, or a whole ideographic description sequence. */
function unmatchedStep(s: string, i: number): number {
  const end = idsEnd(s, i);
  return end > i ? end - i : cpLength(s, i);
}

/** A chain of dictionary groups applied one after the other (opencc-js's ConverterFactory for plain groups). */
function chain(groups: readonly DictGroup[]): Convert {
  const maps = groups.map((g) => {
    const m = new PrefixMap();
    m.loadDictGroup(g);
    return m;
  });
  return (s) => maps.reduce((acc, m) => m.convert(acc), s);
}

function compactConverter(name: 'hk2s' | 's2tw'): Convert {
  const config = (OpenCC.Locale.configs as unknown as Record<string, Config>)[name];
  let segmenter: PrefixMap | null = null;
  if (config.segmentation) {
    segmenter = new PrefixMap();
    const seg = config.segmentation;
    if (Array.isArray(seg) && seg.every((d) => typeof d === 'string')) segmenter.loadDictGroup(seg as DictGroup);
    else segmenter.loadDict(seg as DictLike);
  }
  const maps = config.conversionChain.map((g) => {
    const m = new PrefixMap();
    m.loadDictGroup(g);
    return m;
  });
  const convert: Convert = (s) => {
    const parts = segmenter ? segmenter.segment(s) : [s];
    return maps.reduce((ps, m) => ps.map((p) => m.convert(p)), parts).join('');
  };
  if (!config.normalizationChain) return convert;
  const normalise = chain(config.normalizationChain);
  return (s) => convert(normalise(s));
}
