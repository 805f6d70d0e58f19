/**
 * Evaluation on the modern-news set (eval/news, annotated by ../shared/ANNOTATION.md):
 * each article goes through the whole service (extractArticle, with its
 * published date and boilerplate excluded, as a caller would send it), and
 * every returned mention is compared with the gold ones at the caller's offsets.
 *
 * Per type: precision / recall / F1, strict (same span and type) and overlap
 * (same type, spans overlap; each gold and each predicted mention used once),
 * and value accuracy: among strict matches whose gold value is resolvable
 * (not null, not vague), the share whose value agrees (MONEY amount, currency
 * and range; PERCENT value, unit and range; QUANTITY value, unit and range;
 * DATE start and end).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pipeline } from '../src/pipeline/pipeline.js';
import { extractArticle } from '../src/service/extract.js';
import { NAME_TYPES } from '../src/pipeline/entity-types.js';
import { NEWS_DIR, TYPES, type NewsArticle, type NewsMention, type NewsSplit } from './news-set.js';
import { GENERIC_REFERENCES } from '../src/pipeline/lang/zh/words.js';
import { toSimplifiedConverter } from '../src/pipeline/normalise/opencc.js';

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
interface TypeRow {
  strict: Counts;
  overlap: Counts;
  values: { right: number; total: number };
}
export interface NewsResult {
  perType: Record<string, { strict: PRF; overlap: PRF; gold: number; valueAccuracy: number | null; valuesScored: number }>;
  names: { strict: PRF; overlap: PRF };
  values: { strict: PRF; overlap: PRF; valueAccuracy: number | null };
  articles: number;
  charsPerSec: number;
  /** issue 16's bar, counted: name mentions the gold does not have that are one character, or a bare generic reference (words.ts) */
  contract: { singleCharacter: string[]; generic: string[] };
}
interface PRF {
  p: number;
  r: number;
  f1: number;
}

const prf = (c: Counts): PRF => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
const add = (a: Counts, b: Counts) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const ZERO = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function readNewsSplit(split: NewsSplit): NewsArticle[] | null {
  const file = join(NEWS_DIR, `${split}.jsonl`);
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as NewsArticle);
}

const close = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) : a === b;

/** Whether a predicted value agrees with a resolvable gold value. */
export function valueAgrees(type: string, gold: Record<string, unknown>, predicted: Record<string, unknown> | undefined): boolean {
  if (!predicted) return false;
  const same = (k: string) => close(gold[k], predicted[k]);
  switch (type) {
    case 'MONEY':
      return same('amount') && same('currency') && same('amount_max');
    case 'PERCENT':
      return same('value') && same('value_max') && (gold.unit ?? null) === (predicted.unit ?? null);
    case 'QUANTITY':
      return same('value') && same('value_max') && same('unit');
    case 'DATE':
      return same('start') && same('end');
    default:
      return true;
  }
}

const resolvable = (m: NewsMention) => m.value !== undefined && m.value !== null && !(m.value as { vague?: boolean }).vague;

export async function evaluateNews(pipeline: Pipeline, engine: string, articles: NewsArticle[], errors?: string[]): Promise<NewsResult> {
  const rows = new Map<string, TypeRow>(TYPES.map((t) => [t, { strict: ZERO(), overlap: ZERO(), values: { right: 0, total: 0 } }]));
  let chars = 0;
  const contract: NewsResult['contract'] = { singleCharacter: [], generic: [] };
  const simplified = toSimplifiedConverter();
  const t0 = performance.now();
  for (const a of articles) {
    chars += a.text.length;
    const r = await extractArticle(pipeline, { text: a.text, published: a.published }, { engine });
    const pred = r.mentions.map((m) => ({ start: m.start, end: m.end, type: m.type, text: m.text, value: m.value as Record<string, unknown> | undefined }));
    const key = (m: { start: number; end: number; type: string }) => `${m.start}:${m.end}:${m.type}`;
    const predByKey = new Map(pred.map((m) => [key(m), m]));
    const goldKeys = new Set(a.mentions.map(key));
    const missed: string[] = [];
    const spurious: string[] = [];
    const wrongValue: string[] = [];
    for (const g of a.mentions) {
      const row = rows.get(g.type)!;
      const p = predByKey.get(key(g));
      if (p) {
        row.strict.tp++;
        if (resolvable(g)) {
          row.values.total++;
          if (valueAgrees(g.type, g.value as Record<string, unknown>, p.value)) row.values.right++;
          else wrongValue.push(`${g.text}/${g.type} gold ${JSON.stringify(g.value)} got ${JSON.stringify(p.value)}`);
        }
      } else {
        row.strict.fn++;
        missed.push(`${g.text}/${g.type}@${g.start}`);
      }
    }
    for (const p of pred) {
      if (goldKeys.has(key(p))) continue;
      const row = rows.get(p.type);
      if (!row) continue;
      row.strict.fp++;
      spurious.push(`${p.text}/${p.type}@${p.start}`);
      if (!(NAME_TYPES as readonly string[]).includes(p.type)) continue;
      if ([...p.text].length === 1) contract.singleCharacter.push(`${p.text}/${p.type}@${a.id}:${p.start}`);
      if (GENERIC_REFERENCES.has(simplified(p.text))) contract.generic.push(`${p.text}/${p.type}@${a.id}:${p.start}`);
    }
    // overlap: greedy one-to-one matching of same-type overlapping spans
    const used = new Set<number>();
    for (const g of a.mentions) {
      const row = rows.get(g.type)!;
      const j = pred.findIndex((p, i) => !used.has(i) && p.type === g.type && p.start < g.end && g.start < p.end);
      if (j >= 0) {
        used.add(j);
        row.overlap.tp++;
      } else row.overlap.fn++;
    }
    pred.forEach((p, i) => {
      if (!used.has(i)) rows.get(p.type) && rows.get(p.type)!.overlap.fp++;
    });
    if (errors && (missed.length || spurious.length || wrongValue.length)) {
      errors.push(JSON.stringify({ id: a.id, engine, missed, spurious, wrongValue }));
    }
  }
  const secs = (performance.now() - t0) / 1000;
  const out: NewsResult = {
    perType: {},
    names: { strict: prf(ZERO()), overlap: prf(ZERO()) },
    values: { strict: prf(ZERO()), overlap: prf(ZERO()), valueAccuracy: null },
    articles: articles.length,
    charsPerSec: chars / secs,
    contract,
  };
  let nameStrict = ZERO(),
    nameOverlap = ZERO(),
    valStrict = ZERO(),
    valOverlap = ZERO();
  let vRight = 0,
    vTotal = 0;
  for (const [t, row] of rows) {
    out.perType[t] = {
      strict: prf(row.strict),
      overlap: prf(row.overlap),
      gold: row.strict.tp + row.strict.fn,
      valueAccuracy: row.values.total ? row.values.right / row.values.total : null,
      valuesScored: row.values.total,
    };
    if ((NAME_TYPES as readonly string[]).includes(t)) {
      nameStrict = add(nameStrict, row.strict);
      nameOverlap = add(nameOverlap, row.overlap);
    } else {
      valStrict = add(valStrict, row.strict);
      valOverlap = add(valOverlap, row.overlap);
      vRight += row.values.right;
      vTotal += row.values.total;
    }
  }
  out.names = { strict: prf(nameStrict), overlap: prf(nameOverlap) };
  out.values = { strict: prf(valStrict), overlap: prf(valOverlap), valueAccuracy: vTotal ? vRight / vTotal : null };
  return out;
}

const pct = (x: number | null) => (x === null ? '     —' : (x * 100).toFixed(2).padStart(6));

export function printNews(name: string, engine: string, r: NewsResult): void {
  console.log(`\n${name} — engine ${engine} — ${r.articles} articles, ${Math.round(r.charsPerSec)} chars/s`);
  console.log('type        strict P   R      F1   | overlap P  R      F1   |  gold | value acc (n)');
  const line = (label: string, s: PRF, o: PRF, gold: string, v: string) =>
    console.log(`${label.padEnd(10)} ${pct(s.p)} ${pct(s.r)} ${pct(s.f1)} | ${pct(o.p)} ${pct(o.r)} ${pct(o.f1)} | ${gold.padStart(5)} | ${v}`);
  for (const t of TYPES) {
    const row = r.perType[t];
    line(t, row.strict, row.overlap, String(row.gold), row.valueAccuracy === null ? '—' : `${pct(row.valueAccuracy)} (${row.valuesScored})`);
  }
  line('names', r.names.strict, r.names.overlap, '', '');
  line('values', r.values.strict, r.values.overlap, '', `${pct(r.values.valueAccuracy)}`);
  const { singleCharacter, generic } = r.contract;
  const few = (xs: string[]) => (xs.length ? `: ${xs.slice(0, 6).join(', ')}${xs.length > 6 ? ', …' : ''}` : '');
  console.log(`contract   names the gold lacks that are one character ${singleCharacter.length}${few(singleCharacter)}; bare generic references ${generic.length}${few(generic)}`);
}
