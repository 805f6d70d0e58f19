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

/** Lunar year (the one starting at Spring Festival) that contains the solar date. */
export function lunarYearOf(p: Ymd): number {
  return Solar.fromYmd(p.y, p.m, p.d).getLunar().getYear();
}

/** Solar ISO date of lunar y/m/d (non-leap month), or null when that lunar day does not exist. */
export function lunarToSolar(y: number, m: number, d: number): string | null {
  try {
    const solar = Lunar.fromYmd(y, m, d).getSolar();
    const back = solar.getLunar();
    if (back.getYear() !== y || back.getMonth() !== m || back.getDay() !== d) return null;
    return iso(solar.getYear(), solar.getMonth(), solar.getDay());
  } catch {
    return null;
  }
}

/** Solar date of the 清明 solar term in Gregorian year `y`. */
export function qingming(y: number): string | null {
  try {
    const s = Lunar.fromYmd(y, 1, 1).getJieQiTable()['清明'];
    return iso(s.getYear(), s.getMonth(), s.getDay());
  } catch {
    return null;
  }
}
