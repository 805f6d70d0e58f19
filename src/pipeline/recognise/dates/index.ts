/**
 * DATE mentions in normalised (simplified, half-width) text, resolved to ISO ranges.
 *
 * Every pattern family below proposes candidates; overlapping candidates are resolved
 * longest-first; then adjacent explicit dates joined by 至/到/-/~ are merged into one range
 * mention (`2月27日至3月8日`), the second end inheriting missing year/month from the first.
 *
 * Decisions (all windows inclusive; `vague: true` marks a conventional window):
 * - Relative forms need `published`; without it they are returned with start/end null.
 *   Dates without a year (`3月17日`) take the published year; day-only `17日` (Arabic
 *   digits + 日 only) takes the published month.
 * - Impossible dates (`2月30日`, `13月`) produce no mention (and block shorter readings
 *   such as `2月` inside `2月30日`).
 * - 年初 = Jan–Feb, 年底/年末 = Nov–Dec (grain month, vague);
 *   月初/上旬 = days 1–10, 中旬 = 11–20, 月底/月末/下旬 = 21–end (grain day, vague). Bare 月中/年中
 *   are not recognised (`3月中国…`, `今年中国…`).
 * - 上半年 / 下半年 / 前三季度 have grain quarter (they are unions of quarters).
 * - 近日 / 日前 = the 7 days up to and including published (grain day, vague).
 * - N年前 = year (published − N), vague; N个月前 = that month, vague; N天前 = that day.
 * - Weeks have no grain: 本周/上周/下周 are Monday–Sunday with grain day; 周三 alone is the
 *   Wednesday of the published week.
 * - Festivals resolve in the published year: Gregorian year for 元旦/五一/清明/国庆 (元旦 in a
 *   December article is the coming one), lunar year of the published date for lunar dates and
 *   lunar festivals (so 除夕 in a March 2023 article is 2023-01-21). X前 / X后 = the 14 days
 *   before / after, X前后 = ±7 days, X前夕 = the 3 days before (all vague); 春节期间/假期 = 除夕…初六,
 *   国庆/十一期间 = 10-01…10-07, 五一期间 = 05-01…05-05.
 */
import type { DateGrain, DateValue } from '../../doc.js';
import type { Region } from '../amounts/region.js';
import {
  addDays, dayValue, iso, isValid, lunarToSolar, lunarYearOf, monthValue, monthsValue, parseIso, qingming,
  quarterValue, span, unresolved, weekday, yearValue, type Ymd,
} from './calendar.js';

export interface DateMention {
  start: number;
  end: number;
  type: 'DATE';
  value: DateValue;
  score: number;
}

/** Explicit y/m/d fields of a candidate, kept so ranges can inherit missing ones. */
interface Parts {
  /** undefined: not stated (take from context); null: stated relatively but unresolvable */
  y?: number | null;
  m?: number;
  d?: number;
}

interface Cand {
  start: number;
  end: number;
  /** null: a recognised but impossible date, which blocks shorter readings and is dropped */
  value: DateValue | null;
  score: number;
  parts?: Parts;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `17`, `十七`, `二十三`, `三十一`, `廿三`, `初九` → number. */
function num(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  s = s.replace(/^初/, '').replace(/^廿/, '二十');
  if (s === '十') return 10;
  const t = s.indexOf('十');
  if (t < 0) return CN_DIGIT[s] ?? NaN;
  const tens = t === 0 ? 1 : CN_DIGIT[s[0]];
  const ones = t === s.length - 1 ? 0 : CN_DIGIT[s[t + 1]];
  return tens * 10 + ones;
}

/** `2023`, `二〇二三` → 2023. */
function yearNum(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : Number([...s].map((c) => CN_DIGIT[c]).join(''));
}

const YEAR = String.raw`\d{4}|[〇零一二三四五六七八九]{4}`;
const REL_YEAR: Record<string, number> = { 今年: 0, 本年: 0, 去年: -1, 上年: -1, 明年: 1, 前年: -2, 后年: 2 };
const REL_YEAR_RE = Object.keys(REL_YEAR).join('|');
const MON = String.raw`\d{1,2}|十[一二]?|[一二三四五六七八九]`;
const DAY = String.raw`\d{1,2}|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]`;
const Q = String.raw`[一二三四1-4]`;
/** Year part: `上半年`, `年底`, `一季度`, `前三季度` (after a year or on its own). */
const YPART = String.raw`上半年|下半年|年初|年底|年末|前[一二三1-3]季度|第?${Q}季度`;
const MPART = String.raw`上旬|中旬|下旬|初(?!步)|底|末`;
const NOT_AFTER_NUM = String.raw`(?<![\d〇零一二两三四五六七八九十.])`;
/** A 4-digit number + 年 that is a duration, not a year: `5000年历史`, `2000年来`. */
const NOT_DURATION = String.raw`(?!来|之久|多年|历史)`;
const JOIN = /^(?:起?至|到|-|—|–|~|－)$/;

const RE_YMD = new RegExp(
  `${NOT_AFTER_NUM}(?:(${YEAR})年${NOT_DURATION}|(${REL_YEAR_RE}))` +
    `(?:(${MON})月份?(?:(${DAY})[日号]|(${MPART}))?|(初(?!步)|底|末|${YPART}))?`,
  'g',
);
const RE_MD = new RegExp(`${NOT_AFTER_NUM}(${MON})月份?(?:(${DAY})[日号]|(${MPART}))?`, 'g');
const RE_YPART = new RegExp(`(?<![年半\\d〇零一二两三四五六七八九十几多])(${YPART})`, 'g');
const RE_DAY_ONLY = /(?<![\d.月年近数多每个第余前后])(\d{1,2})日(?!内|游|以内|之内|左右|元|圆|本)/g;
const RE_ISO = /(?<![\d.\-/])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/g;
const RE_MONTH_RANGE = new RegExp(
  `${NOT_AFTER_NUM}(?:(${YEAR})年|(${REL_YEAR_RE}))?(${MON})(?:至|到|-|~|—)(${MON})月份?`,
  'g',
);
const RE_DAY_RANGE = new RegExp(
  `${NOT_AFTER_NUM}(?:(${YEAR})年|(${REL_YEAR_RE}))?(${MON})月(${DAY})(?:至|到|-|~|—)(${DAY})[日号]`,
  'g',
);
const RE_YEAR_RANGE = /(?<![\d.])(\d{4})(?:至|到|-|~|—)(\d{4})年(?!来|之久|多年|历史)/g;
const RE_RELATIVE =
  /(今天|今日(?!头条)|昨天|昨日|前天|明天|明日|后天|近日|日前)|(本月|这个月|上个?月|下个?月)(初|底|末|上旬|中旬|下旬)?|(本周|这周|上周|下周|本星期|上星期|下星期)(?![一二三四五六日天末])|(?<!每)(上|下|本|这)?(?:周|星期|礼拜)([一二三四五六日天])|(?<![\d〇零一二两三四五六七八九十])(\d{1,2}|[一二两三四五六七八九十]{1,3})(年|个月|天)(前|后)/g;
const LUNAR_MONTH = String.raw`正|腊|冬|十[一二]?|[一二三四五六七八九]`;
const LUNAR_DAY = String.raw`初[一二三四五六七八九十]|廿[一二三四五六七八九]|二十[一二三四五六七八九]?|三十|十[一二三四五六七八九]?`;
const RE_LUNAR = new RegExp(`(农历)?(?:(${LUNAR_MONTH})月(${LUNAR_DAY})|大年(初[一二三四五六七八九十]))(?![日号])`, 'g');
const FESTIVALS =
  '除夕|春节|元宵节|端午节|端午|中秋节|中秋|国庆节|国庆(?![\\d〇零一二三四五六七八九十]|周年)|元旦|清明节|清明(?=假期|期间|小长假|前后|当天)|(?<!双)十一(?=黄金周|长假|小长假|假期|期间)|双十一|双11|劳动节|五一(?=假期|期间|小长假|黄金周|劳动节|前后|当天|[前后,，。、])|七夕节?|重阳节|腊八节?';
const RE_FESTIVAL = new RegExp(
  `(?:(${YEAR})年|(${REL_YEAR_RE}))?(${FESTIVALS})(前后|前夕|前|后|期间|假期|长假|小长假|黄金周)?`,
  'g',
);

/** Find date mentions; relative ones are resolved against `published` ('YYYY-MM-DD'). */
export function findDates(text: string, published: string | null, region: Region = 'CN'): DateMention[] {
  const pub = parseIso(published);
  const cands: Cand[] = [];
  const add = (start: number, end: number, value: DateValue | null, score: number, parts?: Parts) =>
    cands.push({ start, end, value, score, parts });

  for (const m of text.matchAll(RE_ISO)) {
    const [y, mo, d] = [+m[1], +m[3], +m[4]];
    add(m.index, m.index + m[0].length, dayValue(y, mo, d), 0.95, { y, m: mo, d });
  }
  for (const m of text.matchAll(RE_YMD)) {
    const y = m[1] ? yearNum(m[1]) : relYear(pub, REL_YEAR[m[2]]);
    if (m[1] && !isValid(y!, 1, 1)) continue; // not a year (e.g. 5000年)
    const mo = m[3] ? num(m[3]) : undefined;
    const d = m[4] ? num(m[4]) : undefined;
    const score = m[1] ? 0.95 : 0.85;
    const s = m.index;
    const e = s + m[0].length;
    if (m[6]) add(s, e, yearPart(y, m[6]), score);
    else if (m[5]) add(s, e, monthPart(y, mo!, m[5]), score);
    else add(s, e, fromParts({ y, m: mo, d }, pub), score, { y, m: mo, d });
  }
  for (const m of text.matchAll(RE_MD)) {
    const mo = num(m[1]);
    const d = m[2] ? num(m[2]) : undefined;
    const y = pub?.y ?? null;
    const s = m.index;
    const e = s + m[0].length;
    const score = d ? 0.9 : 0.8;
    if (m[3]) add(s, e, mo >= 1 && mo <= 12 ? monthPart(y, mo, m[3]) : null, score);
    else add(s, e, fromParts({ m: mo, d }, pub), score, { m: mo, d });
  }
  for (const m of text.matchAll(RE_YPART)) {
    add(m.index, m.index + m[0].length, yearPart(pub?.y ?? null, m[1]), 0.8);
  }
  for (const m of text.matchAll(RE_DAY_ONLY)) {
    const d = num(m[1]);
    if (d < 1 || d > 31) continue;
    add(m.index, m.index + m[0].length, fromParts({ d }, pub), 0.7, { d });
  }
  for (const m of text.matchAll(RE_MONTH_RANGE)) {
    const y = m[1] ? yearNum(m[1]) : m[2] ? relYear(pub, REL_YEAR[m[2]]) : pub?.y ?? null;
    const [m1, m2] = [num(m[3]), num(m[4])];
    const ok = m1 >= 1 && m2 <= 12 && m1 < m2;
    add(m.index, m.index + m[0].length, !ok ? null : y === null ? unresolved('month') : monthsValue(y, m1, m2), 0.9);
  }
  for (const m of text.matchAll(RE_DAY_RANGE)) {
    const y = m[1] ? yearNum(m[1]) : m[2] ? relYear(pub, REL_YEAR[m[2]]) : pub?.y ?? null;
    const [mo, d1, d2] = [num(m[3]), num(m[4]), num(m[5])];
    let v: DateValue | null = null;
    if (d1 < d2 && isValid(2000, mo, d2)) {
      v = y === null ? unresolved('day') : isValid(y, mo, d2) ? span(iso(y, mo, d1), iso(y, mo, d2), 'day') : null;
    }
    add(m.index, m.index + m[0].length, v, 0.9);
  }
  for (const m of text.matchAll(RE_YEAR_RANGE)) {
    const [y1, y2] = [+m[1], +m[2]];
    const ok = y1 < y2 && isValid(y1, 1, 1) && isValid(y2, 1, 1);
    add(m.index, m.index + m[0].length, ok ? span(iso(y1, 1, 1), iso(y2, 12, 31), 'year') : null, 0.9);
  }
  for (const m of text.matchAll(RE_RELATIVE)) {
    const v = relative(m, pub);
    if (v) add(m.index, m.index + m[0].length, v, 0.8);
  }
  for (const m of text.matchAll(RE_LUNAR)) {
    const isLunar = m[1] || m[4] || /[正腊冬]/.test(m[2] ?? '') || /^[初廿]/.test(m[3] ?? '');
    if (!isLunar) continue; // 三月十五 without 农历/初/廿 is ambiguous: leave it to RE_MD
    const lm = m[4] ? 1 : ({ 正: 1, 冬: 11, 腊: 12 } as Record<string, number>)[m[2]] ?? num(m[2]);
    const ld = num(m[4] ?? m[3]);
    let v: DateValue | null;
    if (!pub) v = lm >= 1 && lm <= 12 && ld >= 1 && ld <= 30 ? unresolved('day') : null;
    else {
      const s = lunarToSolar(lunarYearOf(pub), lm, ld);
      v = s ? span(s, s, 'day') : null;
    }
    add(m.index, m.index + m[0].length, v, 0.85);
  }
  for (const m of text.matchAll(RE_FESTIVAL)) {
    const v = festival(m[3], m[4], m[1] ? yearNum(m[1]) : undefined, m[2] ? REL_YEAR[m[2]] : undefined, pub);
    add(m.index, m.index + m[0].length, v, m[3] === '五一' || m[3] === '国庆' ? 0.75 : 0.85);
  }

  return mergeRanges(text, selectLongest(cands), pub)
    .filter((c): c is Cand & { value: DateValue } => c.value !== null)
    .map((c) => ({ start: c.start, end: c.end, type: 'DATE' as const, value: c.value, score: c.score }));
}

function relYear(pub: Ymd | null, offset: number): number | null {
  return pub ? pub.y + offset : null;
}

/** Value of explicit/inherited y-m-d fields: the finest field stated sets the grain. */
function fromParts(p: Parts, pub: Ymd | null): DateValue | null {
  const grain: DateGrain = p.d !== undefined ? 'day' : p.m !== undefined ? 'month' : 'year';
  // Validate what is stated even when it cannot be resolved (2月30日 is never a date).
  if (p.m !== undefined && (p.m < 1 || p.m > 12)) return null;
  if (p.d !== undefined && (p.d < 1 || p.d > (p.m !== undefined ? maxDay(p.m) : 31))) return null;
  const y = p.y === undefined ? pub?.y ?? null : p.y;
  const m = p.m ?? (p.d !== undefined ? pub?.m : undefined);
  if (y === null || (p.d !== undefined && m === undefined)) return unresolved(grain);
  if (grain === 'day') return dayValue(y, m!, p.d!);
  if (grain === 'month') return monthValue(y, m!);
  return yearValue(y);
}

/** Longest day a month can have in any year (so 2月29日 without a year is allowed). */
function maxDay(m: number): number {
  return m === 2 ? 29 : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** `上半年`, `年底`, `一季度`, `初` (after a year) … of year `y`. */
function yearPart(y: number | null, part: string): DateValue | null {
  const q = /^(前)?第?([一二三四1-4])季度$/.exec(part);
  const grain: DateGrain = q || part.includes('半年') ? 'quarter' : 'month';
  if (y === null) return unresolved(grain, /[初中底末]/.test(part));
  if (q) {
    const n = num(q[2]);
    return q[1] ? quarterValue(y, 1, n) : quarterValue(y, n);
  }
  switch (part) {
    case '上半年': return quarterValue(y, 1, 2);
    case '下半年': return quarterValue(y, 3, 4);
    case '初': case '年初': return monthsValue(y, 1, 2, 'month', true);
    default: return monthsValue(y, 11, 12, 'month', true); // 底, 末, 年底, 年末
  }
}

/** `3月上旬`, `3月底` … : a vague window of days in month `m`. */
function monthPart(y: number | null, m: number, part: string): DateValue | null {
  if (m < 1 || m > 12) return null;
  if (y === null) return unresolved('day', true);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const [a, b] = /初|上旬/.test(part) ? [1, 10] : /中/.test(part) ? [11, 20] : [21, last];
  return span(iso(y, m, a), iso(y, m, b), 'day', true);
}

/** Dates relative to the publication date (RE_RELATIVE groups). */
function relative(m: RegExpMatchArray, pub: Ymd | null): DateValue | null {
  const today = pub ? iso(pub.y, pub.m, pub.d) : null;
  if (m[1]) {
    const vague = m[1] === '近日' || m[1] === '日前';
    if (!today) return unresolved('day', vague);
    if (vague) return span(addDays(today, -6), today, 'day', true);
    const off: Record<string, number> = { 今天: 0, 今日: 0, 昨天: -1, 昨日: -1, 前天: -2, 明天: 1, 明日: 1, 后天: 2 };
    const d = addDays(today, off[m[1]]);
    return span(d, d, 'day');
  }
  if (m[2]) {
    const off = m[2].startsWith('上') ? -1 : m[2].startsWith('下') ? 1 : 0;
    if (!pub) return unresolved(m[3] ? 'day' : 'month', !!m[3]);
    const t = new Date(Date.UTC(pub.y, pub.m - 1 + off, 1));
    const [y, mo] = [t.getUTCFullYear(), t.getUTCMonth() + 1];
    return m[3] ? monthPart(y, mo, m[3]) : monthValue(y, mo);
  }
  if (m[4] || m[6]) {
    const word = m[4] ?? m[5] ?? '';
    const off = word.startsWith('上') ? -7 : word.startsWith('下') ? 7 : 0;
    if (!today) return unresolved('day');
    const monday = addDays(today, 1 - weekday(today) + off);
    if (m[4]) return span(monday, addDays(monday, 6), 'day');
    const wd = '一二三四五六'.indexOf(m[6]) + 1 || 7;
    const d = addDays(monday, wd - 1);
    return span(d, d, 'day');
  }
  if (m[7]) {
    const n = num(m[7] === '两' ? '二' : m[7].replace(/^两/, '二'));
    if (!Number.isFinite(n) || n <= 0) return null;
    const sign = m[9] === '前' ? -1 : 1;
    const unit = m[8];
    const grain: DateGrain = unit === '年' ? 'year' : unit === '天' ? 'day' : 'month';
    if (!pub || !today) return unresolved(grain, grain !== 'day');
    if (unit === '年') return yearValue(pub.y + sign * n, true);
    if (unit === '天') {
      const d = addDays(today, sign * n);
      return span(d, d, 'day');
    }
    const t = new Date(Date.UTC(pub.y, pub.m - 1 + sign * n, 1));
    return monthValue(t.getUTCFullYear(), t.getUTCMonth() + 1, true);
  }
  return null;
}

const LUNAR_FESTIVAL: Record<string, [number, number]> = {
  春节: [1, 1], 元宵节: [1, 15], 端午节: [5, 5], 端午: [5, 5], 中秋节: [8, 15], 中秋: [8, 15],
  七夕: [7, 7], 七夕节: [7, 7], 重阳节: [9, 9], 腊八: [12, 8], 腊八节: [12, 8],
};
const SOLAR_FESTIVAL: Record<string, [number, number]> = {
  元旦: [1, 1], 国庆节: [10, 1], 国庆: [10, 1], 十一: [10, 1], 劳动节: [5, 1], 五一: [5, 1], 双十一: [11, 11], 双11: [11, 11],
};

/** A festival (optionally with a stated or relative year, and 前/后/期间). */
function festival(name: string, suffix: string | undefined, year: number | undefined, rel: number | undefined, pub: Ymd | null): DateValue | null {
  const vague = !!suffix;
  if (year === undefined && !pub) return unresolved('day', vague);
  let day: string | null;
  const solar = SOLAR_FESTIVAL[name];
  if (solar || name.startsWith('清明')) {
    let y = year ?? pub!.y + (rel ?? 0);
    if (year === undefined && rel === undefined && name === '元旦' && pub!.m === 12) y += 1; // the coming one
    day = solar ? iso(y, solar[0], solar[1]) : qingming(y);
  } else {
    const ly = year ?? lunarYearOf(pub!) + (rel ?? 0);
    day = name === '除夕' ? shift(lunarToSolar(ly, 1, 1), -1) : lunarToSolar(ly, ...LUNAR_FESTIVAL[name]);
  }
  if (!day) return null;
  if (!suffix) return span(day, day, 'day');
  if (suffix === '前' || suffix === '前夕') return span(addDays(day, suffix === '前' ? -14 : -3), addDays(day, -1), 'day', true);
  if (suffix === '后') return span(addDays(day, 1), addDays(day, 14), 'day', true);
  if (suffix === '前后') return span(addDays(day, -7), addDays(day, 7), 'day', true);
  // 期间 / 假期 / 长假 / 黄金周: the public holiday
  const [a, b] = name === '春节' ? [-1, 5] : name.startsWith('国庆') || name === '十一' ? [0, 6] : name === '五一' || name === '劳动节' ? [0, 4] : [0, 0];
  return span(addDays(day, a), addDays(day, b), 'day', true);
}

function shift(d: string | null, n: number): string | null {
  return d ? addDays(d, n) : null;
}

/** Keep the longest candidate among overlapping ones (earlier start breaks ties). */
function selectLongest(cands: Cand[]): Cand[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Cand[] = [];
  for (const c of sorted) {
    if (c.end > c.start && !kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Merge `A 至 B` into one range. When both are explicit y/m/d candidates B inherits A's
 * missing fields (`3月1日-5日`); otherwise any two dates merge from A's start to B's end
 * (`去年6月至今年底`).
 */
function mergeRanges(text: string, cands: Cand[], pub: Ymd | null): Cand[] {
  const out: Cand[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i];
    const b = cands[i + 1];
    if (b && a.value && b.value && JOIN.test(text.slice(a.end, b.start).trim())) {
      const merged = a.parts && b.parts ? mergeValue(a.parts, b.parts, pub) : mergeSpans(a.value, b.value);
      if (merged !== undefined) {
        out.push({ start: a.start, end: b.end, value: merged, score: Math.min(a.score, b.score) });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** The range from A to B; undefined when they do not form a range (B before A, or B coarser than A's context). */
function mergeValue(a: Parts, b: Parts, pub: Ymd | null): DateValue | null | undefined {
  const bStatesYear = b.y !== undefined;
  // A bare day (`至19日`) continues a date with a month, or another bare day (`17日至19日`).
  if (b.m === undefined && b.d !== undefined && a.m === undefined && (a.y !== undefined || a.d === undefined)) return undefined;
  const bp: Parts = {
    y: bStatesYear ? b.y : a.y,
    m: b.m ?? (b.d !== undefined ? a.m : undefined),
    d: b.d,
  };
  const av = fromParts(a, pub);
  let bv = fromParts(bp, pub);
  if (!av || !bv) return null;
  if (av.start === null || bv.start === null || av.end === null || bv.end === null) return unresolved(bv.grain);
  if (bv.end < av.start && !bStatesYear && bp.y !== null) {
    bv = fromParts({ ...bp, y: Number(bv.start.slice(0, 4)) + 1 }, pub); // 12月28日至1月3日
    if (!bv || bv.end === null) return null;
  }
  if (bv.end! < av.start) return undefined;
  return span(av.start, bv.end!, finer(av.grain, bv.grain));
}

/** A's start to B's end, for dates that are not both plain y/m/d. */
function mergeSpans(a: DateValue, b: DateValue): DateValue | undefined {
  const grain = finer(a.grain, b.grain);
  const vague = !!(a.vague || b.vague);
  if (a.start === null || b.end === null) return unresolved(grain, vague);
  return b.end < a.start ? undefined : span(a.start, b.end, grain, vague);
}

const GRAIN_ORDER: DateGrain[] = ['day', 'month', 'quarter', 'year'];
function finer(a: DateGrain, b: DateGrain): DateGrain {
  return GRAIN_ORDER.indexOf(a) <= GRAIN_ORDER.indexOf(b) ? a : b;
}

const DATELINE_RE = new RegExp(`(?<![\\d])(${YEAR})(?:年|[-/.])(\\d{1,2}|${MON})(?:月|[-/.])(\\d{1,2}|${DAY})日?(?![\\d])`, 'g');

/**
 * A publication dateline near the top of an article: the first full year-month-day date
 * (`2023-03-17 08:30`, `2023年03月17日 08:30 来源：`, `发布时间：2023-03-17`) in the first
 * 300 characters. Dates without a year (`新华社北京3月17日电`) do not count.
 */
export function findDateline(text: string): { date: string; start: number; end: number } | null {
  const head = text.slice(0, 300);
  for (const m of head.matchAll(DATELINE_RE)) {
    const [y, mo, d] = [yearNum(m[1]), num(m[2]), num(m[3])];
    if (isValid(y, mo, d)) return { date: iso(y, mo, d), start: m.index, end: m.index + m[0].length };
  }
  return null;
}
