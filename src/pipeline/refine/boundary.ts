/**
 * No verb at a name's edges (ANNOTATION.md: in `希望比亚迪加快…` the COMPANY is
 * `比亚迪`): where a name mention's first or last segmenter token is a verb
 * (v, vd, vn) of a list of verbs that introduce or follow a name and are never
 * part of one (`希望`, `派出`, `新设`, `承运`), that token is trimmed, when
 * what remains still starts and ends at token boundaries and has at least two
 * characters. PERSON mentions are left alone (tokens split given names).
 */
import type { Doc, NormMention, Token } from '../doc.js';
import { component } from '../component.js';
import { isName } from './util.js';

const VERB = new Set(['v', 'vd']);
/** words that head a phrase around a name, never inside one */
const GENERIC_EDGE = new Set(['希望', '派出', '新设', '承运', '表示', '指出', '认为', '宣布', '携手', '联合', '推动', '支持', '引进', '落户', '签约', '调研']);

/** any verb token at the edges was measured and rejected: `分行` and `主计` are verbs to jieba (news-dev names 76.65 → 75.52, MSRA dev 92.81 → 92.48) */
const isEdgeWord = (t: Token, s: string) => (VERB.has(t.pos) || t.pos === 'vn') && GENERIC_EDGE.has(s);

export function trimEdges(doc: Doc): void {
  if (!doc.tokens.length) return;
  const text = doc.norm.text;
  for (const m of doc.mentions) {
    if (!isName(m) || m.type === 'PERSON') continue;
    const toks = doc.tokens.filter((t) => t.start >= m.start && t.end <= m.end);
    if (toks.length < 2 || toks[0].start !== m.start || toks[toks.length - 1].end !== m.end) continue;
    let a = 0;
    let b = toks.length - 1;
    while (a < b && isEdgeWord(toks[a], text.slice(toks[a].start, toks[a].end))) a++;
    while (b > a && isEdgeWord(toks[b], text.slice(toks[b].start, toks[b].end))) b--;
    if (a === 0 && b === toks.length - 1) continue;
    const start = toks[a].start;
    const end = toks[b].end;
    if (end - start < 2) continue;
    (m as NormMention).start = start;
    m.end = end;
  }
}

export const boundaryComponent = component('refine-boundary', ['mentions', 'tokens'], ['mentions'], trimEdges);
