/** Paragraphs: one per non-blank line of the normalised text, trimmed of surrounding whitespace. */
import type { Doc, Paragraph } from '../doc.js';

const SPACE = /[\s\u3000\u00a0\ufeff]/;

export function findParagraphs(text: string): Omit<Paragraph, 'boilerplate'>[] {
  const out: Omit<Paragraph, 'boilerplate'>[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n' || text[i] === '\r') {
      let s = lineStart;
      let e = i;
      while (s < e && SPACE.test(text[s])) s++;
      while (e > s && SPACE.test(text[e - 1])) e--;
      if (e > s) out.push({ index: out.length, start: s, end: e });
      lineStart = i + 1;
    }
  }
  return out;
}

export function paragraphs(doc: Doc): void {
  doc.paragraphs = findParagraphs(doc.norm.text).map((p) => ({ ...p, boilerplate: false }));
}
