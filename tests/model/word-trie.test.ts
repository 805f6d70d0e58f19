import { describe, expect, it } from 'vitest';
import { Featurizer, WordTrie } from '../../src/pipeline/recognise/model/features.js';

describe('WordTrie (the model lexicon in typed arrays)', () => {
  it('gets and sets like a Map of strings, and a path to longer keys is not a key', () => {
    const t = new WordTrie(4);
    t.set('北京市', 5).set('北京', 1).set('😀', 2);
    expect(t.get('北京市')).toBe(5);
    expect(t.get('北京')).toBe(1);
    expect(t.get('北')).toBeUndefined(); // only a path to 北京
    expect(t.has('北京市政府')).toBe(false);
    expect(t.get('😀')).toBe(2);
    expect(t.get('')).toBeUndefined();
    t.set('北京', 7);
    expect(t.get('北京')).toBe(7);
    expect(t.size).toBe(3);
  });

  it('grows past its capacity and keeps every key', () => {
    const t = new WordTrie(2);
    const words = Array.from({ length: 5000 }, (_, i) => `词${String.fromCharCode(0x4e00 + (i % 500))}${i}`);
    words.forEach((w, i) => t.set(w, i));
    words.forEach((w, i) => expect(t.get(w)).toBe(i));
    expect(t.size).toBe(5000);
  });

  it('gives a Featurizer the same lexicon features from a Map or from the WordTrie built from it', () => {
    const map = new Map([['北京', 1 | 4], ['北', 1], ['京', 1], ['北京市', 5], ['市长', 2], ['市', 0]]);
    const a = new Featurizer(new Map(), new Map(), map);
    const b = new Featurizer(new Map(), new Map(), WordTrie.from(map));
    for (const s of ['北京市长', '去北京', '市', '', '北京市北京']) expect(Array.from(a.lexBits(s))).toEqual(Array.from(b.lexBits(s)));
  });
});
