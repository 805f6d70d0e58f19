/**
 * Place mentions: gazetteer matches plus jieba `ns` tokens.
 *
 * Rules:
 * - a match must start at a token boundary (or right where the previous place
 *   match ended, so `美国纽约`, one jieba token, gives 美国 + 纽约);
 * - at each start the longest indexed name wins (full names beat short forms:
 *   `株洲市` over `株洲`);
 * - a short form must also end at a token boundary or where another place
 *   starts, and a short form that is a common word (白银, 大同, 和平) is only
 *   taken when jieba tags that very token `ns`;
 * - jieba `ns` tokens not in the gazetteer are kept with a low score if they
 *   have 3+ chars (清水塘) and are not in `PLACE_STOP`; 2-char ones are mostly
 *   noise (上台, 上市, 扎根).
 */
import { nameLengthsFrom, placeForms } from '../../lang/zh/gazetteer.js';
import type { Ctx, LexiconMention } from './context.js';
import { PLACE_STOP } from '../../lang/zh/lexicon-words.js';

export function findPlaces(ctx: Ctx): LexiconMention[] {
  const { text, tokens } = ctx;
  const out: LexiconMention[] = [];
  let chainEnd = -1;
  let next = 0; // don't start a match inside an accepted one

  for (let p = 0; p < text.length; p++) {
    if (p < next) continue;
    if (p !== chainEnd && ctx.startAt[p] < 0) continue;
    const hit = longestAt(ctx, p);
    if (!hit) continue;
    out.push(hit);
    chainEnd = hit.end;
    next = hit.end;
  }

  const covered = (s: number, e: number) => out.some((m) => m.start < e && s < m.end);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos !== 'ns' || t.end - t.start < 3) continue; // 2-char ns outside the gazetteer are mostly noise (上市, 山河)
    const w = ctx.word(i);
    if (PLACE_STOP.has(w) || w.includes('\uFFFD') || covered(t.start, t.end)) continue;
    out.push({ start: t.start, end: t.end, type: 'LOCATION', score: 0.5 });
  }
  return out;
}

function longestAt(ctx: Ctx, p: number): LexiconMention | null {
  const { text } = ctx;
  for (const len of nameLengthsFrom(text[p])) {
    if (len < 2 || p + len > text.length) continue;
    const name = text.slice(p, p + len);
    const forms = placeForms(name);
    if (!forms.length) continue;
    const end = p + len;
    if (forms.some((f) => f.full)) return { start: p, end, type: 'LOCATION', score: 0.9 };
    const endOk = ctx.boundary(end) || continuesWithPlace(ctx, end);
    if (!endOk) continue;
    if (forms.every((f) => f.commonWord)) {
      const i = ctx.startAt[p];
      if (i < 0 || ctx.tokens[i].end !== end || ctx.tokens[i].pos !== 'ns') continue;
      return { start: p, end, type: 'LOCATION', score: 0.7 };
    }
    return { start: p, end, type: 'LOCATION', score: 0.8 };
  }
  return null;
}

function continuesWithPlace(ctx: Ctx, p: number): boolean {
  for (const len of nameLengthsFrom(ctx.text[p] ?? '')) {
    if (len >= 2 && p + len <= ctx.text.length && placeForms(ctx.text.slice(p, p + len)).length) return true;
  }
  return false;
}
