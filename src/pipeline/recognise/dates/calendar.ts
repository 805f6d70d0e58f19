/** Small UTC calendar helpers on ISO `YYYY-MM-DD` strings, plus lunar conversions. */
import { Lunar, Solar } from 'lunar-javascript';
import type { DateGrain, DateValue } from '../../doc.js';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function iso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function parseIso(s: string | null | undefined): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s ?? '');
  if (!m) return null;
  const ymd = { y: +m[1], m: +m[2], d: +m[3] };
  return isValid(ymd.y, ymd.m, ymd.d) ? ymd : null;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValid(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** `iso` shifted by `n` days. */
export function addDays(s: string, n: number): string {
  const t = new Date(`${s}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function weekday(s: string): number {
  return new Date(`${s}T00:00:00Z`).getUTCDay() || 7;
}

/** The weekday `n` weekdays back from `day` (`inclusive`: `day` itself counts as the first when it is a weekday). */
export function weekdaysBack(day: string, n: number, inclusive: boolean): string {
  let d = day;
  let left = n;
  if (inclusive && weekday(d) <= 5) left--;
  while (left > 0) {
    d = addDays(d, -1);
    if (weekday(d) <= 5) left--;
  }
  return d;
}

export function span(start: string, end: string, grain: DateGrain, vague = false): DateValue {
  return vague ? { start, end, grain, vague: true } : { start, end, grain };
}

export function dayValue(y: number, m: number, d: number): DateValue | null {
  return isValid(y, m, d) ? span(iso(y, m, d), iso(y, m, d), 'day') : null;
}

export function monthValue(y: number, m: number, vague = false): DateValue | null {
  return isValid(y, m, 1) ? span(iso(y, m, 1), iso(y, m, daysInMonth(y, m)), 'month', vague) : null;
}

/** Months `m1`..`m2` of year `y`. */
export function monthsValue(y: number, m1: number, m2: number, grain: DateGrain = 'month', vague = false): DateValue | null {
  if (m1 > m2 || !isValid(y, m1, 1) || !isValid(y, m2, 1)) return null;
  return span(iso(y, m1, 1), iso(y, m2, daysInMonth(y, m2)), grain, vague);
}

export function yearValue(y: number, vague = false): DateValue | null {
  return isValid(y, 1, 1) ? span(iso(y, 1, 1), iso(y, 12, 31), 'year', vague) : null;
}

export function quarterValue(y: number, q1: number, q2 = q1): DateValue | null {
  return monthsValue(y, q1 * 3 - 2, q2 * 3, 'quarter');
}

/** An unresolvable mention (relative date without a publication date). */
export function unresolved(grain: DateGrain, vague = false): DateValue {
  return vague ? { start: null, end: null, grain, vague: true } : { start: null, end: null, grain };
}

/**
 * The calendar conversions below are pure and each costs lunar-javascript an astronomical computation (solar terms,
 * new moons); an article asks the same few again and again (every paragraph resolves against one publication date),
 * so their answers are kept. The keys are days and years: a few thousand entries at most.
 */
function memo<A extends unknown[], R>(f: (...a: A) => R): (...a: A) => R {
  const cache = new Map<string, R>();
  return (...a: A) => {
    const key = a.join(',');
    let r = cache.get(key);
    if (r === undefined && !cache.has(key)) {
      if (cache.size >= 20_000) cache.clear();
      r = f(...a);
      cache.set(key, r);
    }
    return r as R;
  };
}

const lunarYearOfDay = memo((y: number, m: number, d: number): number => Solar.fromYmd(y, m, d).getLunar().getYear());

/** Lunar year (the one starting at Spring Festival) that contains the solar date. */
export function lunarYearOf(p: Ymd): number {
  return lunarYearOfDay(p.y, p.m, p.d);
}

/** Solar ISO date of lunar y/m/d (non-leap month), or null when that lunar day does not exist. */
export const lunarToSolar = memo((y: number, m: number, d: number): string | null => {
  try {
    const solar = Lunar.fromYmd(y, m, d).getSolar();
    const back = solar.getLunar();
    if (back.getYear() !== y || back.getMonth() !== m || back.getDay() !== d) return null;
    return iso(solar.getYear(), solar.getMonth(), solar.getDay());
  } catch {
    return null;
  }
});

/** Solar date of the 清明 solar term in Gregorian year `y`. */
export const qingming = memo((y: number): string | null => {
  try {
    const s = Lunar.fromYmd(y, 1, 1).getJieQiTable()['清明'];
    return iso(s.getYear(), s.getMonth(), s.getDay());
  } catch {
    return null;
  }
});

/** A placeholder leap year for dates whose year is unknown; written back as `XXXX`. */
export const NO_YEAR = 2000;

/** `value` computed in NO_YEAR with its year written as `XXXX` (`6月9日` → `XXXX-06-09`). */
export function withoutYear(v: DateValue | null): DateValue | null {
  if (!v || v.start === null || v.end === null) return v;
  return { ...v, start: `XXXX${v.start.slice(4)}`, end: `XXXX${v.end.slice(4)}` };
}

/** The `n`th `weekday` (1 = Monday … 7 = Sunday) of month `m` of year `y`; n = -1 is the last. */
export function nthWeekday(y: number, m: number, wd: number, n: number): string {
  if (n < 0) {
    const last = iso(y, m, daysInMonth(y, m));
    return addDays(last, -((weekday(last) - wd + 7) % 7));
  }
  const first = iso(y, m, 1);
  return addDays(first, ((wd - weekday(first) + 7) % 7) + 7 * (n - 1));
}

/** Western Easter Sunday of year `y` (anonymous Gregorian computus). */
export function easter(y: number): string {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(y, month, day);
}

/** Solar date of solar term `name` (`清明`, `冬至` …) in Gregorian year `y`. */
export const solarTerm = memo((y: number, name: string): string | null => {
  const alias: Record<string, string> = { 冬至: 'DONG_ZHI', 小寒: 'XIAO_HAN', 大寒: 'DA_HAN', 立春: 'LI_CHUN' };
  try {
    const table = Lunar.fromYmd(y, 6, 1).getJieQiTable();
    for (const key of [name, alias[name]]) {
      const t = key ? table[key] : undefined;
      if (t && t.getYear() === y) return iso(t.getYear(), t.getMonth(), t.getDay());
    }
    return null;
  } catch {
    return null;
  }
});
