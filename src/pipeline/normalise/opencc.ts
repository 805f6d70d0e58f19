/**
 * The process's OpenCC converters, built once and shared: each converter holds
 * its own dictionary trie (the simplified → traditional one is ~40 MB of heap),
 * so every module that converts script takes them from here.
 */
import * as OpenCC from 'opencc-js';

type Convert = (s: string) => string;
let t2s: Convert | null = null;
let s2t: Convert | null = null;

/** Traditional (Hong Kong, Taiwan or OpenCC standard forms) → simplified (mainland). */
export function toSimplifiedConverter(): Convert {
  return (t2s ??= OpenCC.Converter({ from: 'hk', to: 'cn' }));
}

/** Simplified → traditional (Taiwan forms). */
export function toTraditionalConverter(): Convert {
  return (s2t ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
}
