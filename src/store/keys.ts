/** Keys, ids, hashes, cursors and name normalisation shared by both stores. */
import { createHash, randomBytes } from 'node:crypto';
import { toSimplifiedConverter } from '../pipeline/normalise/opencc.js';
import { StoreError } from './repository.js';
import { REPLACEMENT_CHARACTER } from '../contract/text.js';
import { repairMojibake } from '../pipeline/normalise/mojibake.js';

/** Simplified form of a name (traditional → simplified, NFKC, trimmed). */
export function simplify(s: string): string {
  return toSimplifiedConverter()(s.normalize('NFKC').trim());
}

export function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** The identity of an entity across articles: the place code, else type + simplified canonical name. */
export function entityKey(type: string, nameSimplified: string, placeCode?: string | null): string {
  return placeCode ? `${type}|code:${placeCode}` : `${type}|${nameSimplified}`;
}

export function entityId(key: string): string {
  return 'e_' + sha256(key).slice(0, 20);
}

let lastMs = 0;
let seqInMs = 0;

/** Time-ordered article ids (lexicographic order = creation order within a process; ms + sequence + random). */
export function newArticleId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    seqInMs = 0;
  } else seqInMs++;
  return 'a_' + lastMs.toString(36).padStart(9, '0') + seqInMs.toString(36).padStart(4, '0') + randomBytes(5).toString('hex');
}

export function contentHash(text: string): string {
  return sha256(text.normalize('NFC'));
}

/** Opaque cursor: base64url of the sort key and the id. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
  } catch {
    /* fall through */
  }
  throw new StoreError('bad_cursor', 'the cursor is not valid for this query');
}

/** Escape LIKE wildcards; use with `ESCAPE '\'`. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** The largest code point: `x >= p AND x < p + MAX_CHAR` is a prefix range under code-point (binary) collation. */
export const MAX_CHAR = '\u{10FFFF}';

/** A mention value as the contract has it (money, percent, quantity, date). */
export interface ValueLike {
  amount?: number;
  amount_max?: number;
  currency?: string;
  value?: number;
  value_max?: number;
  unit?: string;
  approx?: boolean;
  start?: string | null;
  end?: string | null;
  grain?: string;
  vague?: boolean;
}

const range = (lo: number, hi?: number) => (hi !== undefined && hi !== lo ? `${lo}–${hi}` : String(lo));

/** The ISO label of a resolved date range: `2023-03-17`, `2023-W11`, `2023-06`, `2023-Q2`, `2023-H1`, `2023`, else `start/end`. */
export function dateLabel(start: string, end: string, grain: string): string {
  const y = start.slice(0, 4);
  const whole = (s: string, e: string) => start === s && end === e;
  if (start === end) return start;
  if (grain === 'month' && /^\d{4}-\d{2}-01$/.test(start)) {
    const last = new Date(Date.UTC(Number(y), Number(start.slice(5, 7)), 0)).toISOString().slice(0, 10);
    if (end === last) return start.slice(0, 7);
  }
  if (grain === 'week' && /^\d{4}-\d{2}-\d{2}$/.test(start)) {
    const d = new Date(start + 'T00:00:00Z');
    const sunday = new Date(d.getTime() + 6 * 86_400_000).toISOString().slice(0, 10);
    if (d.getUTCDay() === 1 && end === sunday) {
      // ISO week: the week of its Thursday
      const thu = new Date(d.getTime() + 3 * 86_400_000);
      const jan1 = Date.UTC(thu.getUTCFullYear(), 0, 1);
      const week = Math.floor((thu.getTime() - jan1) / (7 * 86_400_000)) + 1;
      return `${thu.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
    }
  }
  if (grain === 'year' && whole(`${y}-01-01`, `${y}-12-31`)) return y;
  if (grain === 'quarter') {
    const q = [['01-01', '03-31'], ['04-01', '06-30'], ['07-01', '09-30'], ['10-01', '12-31']].findIndex(([s, e]) => whole(`${y}-${s}`, `${y}-${e}`));
    if (q >= 0) return `${y}-Q${q + 1}`;
  }
  if (grain === 'halfyear') {
    if (whole(`${y}-01-01`, `${y}-06-30`)) return `${y}-H1`;
    if (whole(`${y}-07-01`, `${y}-12-31`)) return `${y}-H2`;
  }
  return `${start}/${end}`;
}

/**
 * The identity of an amount or a date across articles: its resolved value
 * (`MONEY|=CNY|500000000||~`, `DATE|=year|2023-01-01|2023-12-31`) and a
 * label to show as its name (`≈500000000 CNY`, `2023`); null when the value
 * is missing or does not say one thing (a vague date, an unknown year).
 */
export function valueIdentity(type: string, v: ValueLike | null | undefined): { key: string; name: string } | null {
  if (!v || typeof v !== 'object') return null;
  const approx = v.approx ? '~' : '';
  const about = v.approx ? '≈' : '';
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  switch (type) {
    case 'DATE': {
      const { start, end, grain } = v;
      if (!start || !end || !grain || v.vague || /X/i.test(start + end)) return null;
      return { key: `DATE|=${grain}|${start}|${end}`, name: dateLabel(start, end, grain) };
    }
    case 'MONEY':
      if (!finite(v.amount) || !v.currency) return null;
      return { key: `MONEY|=${v.currency}|${v.amount}|${v.amount_max ?? ''}|${approx}`, name: `${about}${range(v.amount, v.amount_max)} ${v.currency}` };
    case 'PERCENT': {
      if (!finite(v.value)) return null;
      const pp = v.unit === 'percentage_point';
      return { key: `PERCENT|=${pp ? 'pp' : '%'}|${v.value}|${v.value_max ?? ''}|${approx}`, name: `${about}${range(v.value, v.value_max)}${pp ? ' pp' : '%'}` };
    }
    case 'QUANTITY':
      if (!finite(v.value) || !v.unit) return null;
      return { key: `QUANTITY|=${v.unit}|${v.value}|${v.value_max ?? ''}|${approx}`, name: `${about}${range(v.value, v.value_max)} ${v.unit}` };
    default:
      return null;
  }
}

/** The types whose entities are values (amounts, dates), keyed by value rather than by name. */
export const VALUE_TYPES = ['MONEY', 'PERCENT', 'QUANTITY', 'DATE'] as const;
const VALUE_SET = new Set<string>(VALUE_TYPES);
export const isValueType = (t: string) => VALUE_SET.has(t);

/** An unresolved amount or date: one entity per article and surface form (never merged across articles). */
export function articleScopedKey(type: string, articleId: string, nameSimplified: string): string {
  return `${type}|@${articleId}|${nameSimplified}`;
}

/**
 * A surface form that must not become an alias: it holds U+FFFD (the service
 * marks unrecoverable garbled runs and unstorable characters with it) or
 * reads as GBK/UTF-8 mojibake that the repair would change.
 */
export function isGarbled(s: string): boolean {
  if (s.includes(REPLACEMENT_CHARACTER)) return true;
  const r = repairMojibake(s);
  return r.edits.length > 0 || r.garbled.length > 0;
}
