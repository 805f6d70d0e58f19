/**
 * The `lexicon` engine: rule and dictionary NER over jieba tokens.
 *
 * Candidates come from `places.ts` (gazetteer + jieba ns), `persons.ts`
 * (jieba nr + title contexts) and `orgs.ts` (suffix patterns + jieba nt).
 * Overlaps are resolved greedily: longest span first, then type priority
 * COMPANY > ORG > PERSON > LOCATION, then score. Nested mentions are dropped
 * (`株洲市发改委` keeps the ORG, not the LOCATION 株洲市). No mention may
 * contain U+FFFD.
 */
import type { Token } from '../../doc.js';
import { Ctx, type LexiconMention, type LexiconType } from './context.js';
import { warmGazetteer } from '../../lang/zh/gazetteer.js';
import { findOrgs } from './orgs.js';
import { commonNrWords, findPersons } from './persons.js';
import { findPlaces } from './places.js';

export type { LexiconMention, LexiconType };
export { lookupPlace, type Place, type PlaceLevel, type PlaceRef } from '../../lang/zh/gazetteer.js';

const PRIORITY: Record<LexiconType, number> = { COMPANY: 4, ORG: 3, PERSON: 2, LOCATION: 1 };

/** Pick non-overlapping mentions: longest, then type priority, then score. */
export function resolveOverlaps(cands: LexiconMention[]): LexiconMention[] {
  const sorted = [...cands].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[b.type] - PRIORITY[a.type] || b.score - a.score || a.start - b.start,
  );
  const kept: LexiconMention[] = [];
  for (const m of sorted) {
    if (kept.some((k) => k.start < m.end && m.start < k.end)) continue;
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Recognise PERSON, LOCATION, ORG and COMPANY mentions in `text` given its jieba tokens. */
export function recogniseLexicon(text: string, tokens: Token[]): LexiconMention[] {
  const ctx = new Ctx(text, tokens);
  const persons = findPersons(ctx);
  const blocked = new Uint8Array(text.length);
  for (const m of persons) if (m.score >= 0.85) blocked.fill(1, m.start, m.end);
  const cands = [...findPlaces(ctx), ...persons, ...findOrgs(ctx, blocked)].filter(
    (m) => m.end > m.start && !text.slice(m.start, m.end).includes('\uFFFD'),
  );
  return propagate(ctx, resolveOverlaps(cands));
}

/**
 * Document-level propagation: a person, organisation or company found with a
 * good score is also tagged where the same string recurs without the context
 * that found it (`谢曙信心满满` after `董事长谢曙`). Occurrences must start and
 * end on token boundaries and not overlap a kept mention; score − 0.1.
 */
function propagate(ctx: Ctx, kept: LexiconMention[]): LexiconMention[] {
  const { text } = ctx;
  const taken = new Uint8Array(text.length);
  for (const m of kept) taken.fill(1, m.start, m.end);
  const extra: LexiconMention[] = [];
  const seen = new Set<string>();
  for (const m of kept) {
    const name = text.slice(m.start, m.end);
    if (m.type === 'LOCATION' || m.score < 0.75 || name.length < 2 || seen.has(name)) continue;
    seen.add(name);
    for (let p = text.indexOf(name); p >= 0; p = text.indexOf(name, p + 1)) {
      const e = p + name.length;
      if (!ctx.boundary(p) || !ctx.boundary(e) || taken.subarray(p, e).some((x) => x === 1)) continue;
      taken.fill(1, p, e);
      extra.push({ start: p, end: e, type: m.type, score: Math.round((m.score - 0.1) * 100) / 100 });
    }
  }
  return extra.length ? [...kept, ...extra].sort((a, b) => a.start - b.start) : kept;
}

export const LexiconEngine = {
  name: 'lexicon' as const,
  /** Build the gazetteer and read jieba's dictionary now (~0.2–0.3 s) instead of on first use. */
  warm(): void {
    warmGazetteer();
    commonNrWords();
  },
  recognise: recogniseLexicon,
};
