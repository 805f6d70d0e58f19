import { describe, expect, it } from 'vitest';
import { Doc } from '../../src/pipeline/doc.js';
import { normalise } from '../../src/pipeline/normalise/index.js';

function docOf(text: string): Doc {
  const d = new Doc(text);
  normalise(d);
  return d;
}
const span = (d: Doc, name: string, from = 0) => {
  const start = d.norm.text.indexOf(name, from);
  const o = d.toOriginal({ start, end: start + name.length });
  return d.text.slice(o.start, o.end);
};

describe('a span ends after the pinyin annotation of its last character', () => {
  it('covers the annotation of the last character', () => {
    const d = docOf('我们去株(zhū)洲(zhōu)参观');
    expect(d.norm.text).toBe('我们去株洲参观');
    expect(span(d, '株洲')).toBe('株(zhū)洲(zhōu)');
    expect(span(d, '株')).toBe('株(zhū)');
  });
  it('full-width brackets too, and nothing else is swallowed', () => {
    const d = docOf('岳（yuè）阳（yáng）(2024)年');
    expect(span(d, '岳阳')).toBe('岳（yuè）阳（yáng）');
    const plain = docOf('浏阳(湖南)市');
    expect(span(plain, '浏阳')).toBe('浏阳');
  });
  it('leaves text without annotations alone', () => {
    const d = docOf('比亚迪在深圳');
    expect(span(d, '深圳')).toBe('深圳');
  });
});
