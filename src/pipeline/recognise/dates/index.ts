/**
 * DATE mentions in normalised (simplified, half-width) text, resolved to ISO ranges.
 *
 * Every pattern family below proposes candidates; overlapping candidates are resolved
 * longest-first; then adjacent explicit dates joined by 至/到/-/~ are merged into one range
 * mention (`2月27日至3月8日`), the second end inheriting missing year/month from the first.
 *
 * Decisions (all windows inclusive; `vague: true` marks a conventional window):
 * - Relative forms need `published`; without it they are returned with start/end null.
 *   Dates without a year (`3月17日`) take the published year (the year before when the month is more than six
 *   months after published: `11月` in a January article), or are written with year
 *   `XXXX` without one (`XXXX-03-17`); day-only `17日` (Arabic digits + 日 only) takes the
 *   published month.
 * - Impossible dates (`2月30日`, `13月`) produce no mention (and block shorter readings
 *   such as `2月` inside `2月30日`).
 * - 年初 = January, 年底/年末 = December (grain month);
 *   月初/上旬 = days 1–10, 中旬 = 11–20, 下旬 = 21–end (grain day, vague); 月底/月末 = the month's last day
 *   (grain day: `6月底` is mostly a reporting date, 30 June), as 年底 is the year's last month. Bare 月中/年中
 *   are not recognised (`3月中国…`, `今年中国…`); `今年中` / `去年中` before what marks the year's middle (`今年中动工`,
 *   `去年中宣布`) are June–July (vague). `今年内`, `2025年内` and a bare `年内` are the year.
 * - 上半年 / 下半年 have grain halfyear; 前三季度 grain quarter (a union of quarters).
 * - `X以来` (今年以来, 去年以来, 3月以来) runs from the start of X to published (grain day).
 * - 近日 / 日前 = the 7 days up to and including published (grain day, vague); 早前, 前不久, 不久前 = the 30 days
 *   before published (vague); a headline's 今起 (`今起实施`) is published; 新的一年 / 新一年 = the published year (the next one in a November or December article).
 * - 过去N年 = the N whole years before published's (过去一年 after March: the 365 days up to published, vague),
 *   过去N个月 the N whole months before its month.
 * - N年前 = year (published − N), vague; N个月前 (N个多月前) = that month, vague; N天前 = that day.
 * - 本周/上周/下周/上上周 are Monday–Sunday with grain week; 周三 alone is the Wednesday of
 *   the published week; 周末 is Saturday–Sunday (grain day).
 * - Decades and centuries: 八十年代 / 上世纪80年代 = 1980–1989 (grain decade), 21世纪 =
 *   2001–2100 (grain century; its parts keep the hundreds: 20世纪后半叶 = 1950–1999); 初/中/末 of a decade are vague three-year windows.
 * - Dynasties and historical periods (`唐朝`, `十六国时期`, `东周至隋唐时期`): vague spans of grain century
 *   (唐朝 = 618–907), unresolved where the period begins before the common era (PERIODS).
 * - Date-times keep their time (`2024-05-06 09:30`, `5月6日9时30分`): start = end =
 *   `YYYY-MM-DDTHH:MM`, grain minute (hour when only the hour is given).
 * - Fiscal years `2025/26年度`, `2025至26年度`: April–March in Hong Kong, else the two
 *   calendar years.
 * - Festivals resolve in the published year: Gregorian year for 元旦/五一/清明/国庆 (元旦 in a
 *   December article is the coming one), lunar year of the published date for lunar festivals (so
 *   除夕 in a March 2023 article is 2023-01-21); a lunar date (`大年初六`, `正月十五`) is the occurrence nearest
 *   to the published date (`大年初六` in a mid-January article is the coming one). X前 / X后 = the 14 days
 *   before / after, X前后 = ±7 days, X前夕 = the 3 days before (all vague); 春节期间/假期 = 除夕…初六,
 *   国庆/十一期间 = 10-01…10-07, 五一期间 = 05-01…05-05.
 */
import type { DateGrain, DateValue } from '../../doc.js';
import type { Region } from '../../doc.js';
import {
  addDays, dayValue, daysInMonth, easter, iso, isValid, lunarToSolar, lunarYearOf, monthValue, monthsValue, NO_YEAR,
  nthWeekday, parseIso, qingming, quarterValue, solarTerm, span, unresolved, weekday, weekdaysBack, withoutYear, yearValue, type Ymd,
} from './calendar.js';

export interface DateMention {
  start: number;
  end: number;
  type: 'DATE';
  value: DateValue;
  score: number;
  /** a period compared with (`较上月`): resolved from the period just mentioned, and never itself what `同期` refers to */
  base?: boolean;
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
  /** see DateMention.base */
  base?: boolean;
  /** a festival heading a notice's line (`春节：…`): its value in a given year */
  heading?: (year: number) => DateValue | null;
  /** a festival's days in another year, for a `同期` of that year after it (`清明假期…2019年同期`: 2019's holiday) */
  inYear?: (year: number) => DateValue | null;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `一` … `六` → 1 … 6, `日`/`天` → 7 (ISO weekday, as calendar.ts's `weekday`). */
const weekdayNumber = (c: string) => '一二三四五六'.indexOf(c) + 1 || 7;

/** `17`, `十七`, `二十三`, `三十一`, `廿三`, `初九` → number. */
function num(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '元') return 1; // 元月
  if (s.length > 1) s = s.replace(/^[零〇○]/, ''); // 零一分
  s = s.replace(/^初/, '').replace(/^廿/, '二十').replace(/^卅/, '三十');
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

const YEAR = String.raw`\d{4}|[〇○零一二三四五六七八九]{4}`;
const REL_YEAR: Record<string, number> = { 今年: 0, 本年: 0, 去年: -1, 上年: -1, 明年: 1, 来年: 1, 前年: -2, 后年: 2 };
/** (`来年` never inside `未来年均`; Taiwan writes the 民国 year inside: `今（115）年`, `去(114)年`) */
const REL_YEAR_RE = Object.keys(REL_YEAR).map((k) => (k === '来年' ? '(?<!未)来年' : /^[今去明]/.test(k) ? `${k[0]}(?:\\(\\d{2,3}\\))?年` : k)).join('|');
/** The year offset of a relative year word (`去(114)年`: −1). */
const relYearOffset = (w: string): number => (w === '今' ? 0 : REL_YEAR[w.replace(/\(\d+\)/, '')]);
/** A month's number; `元月` is January (never the 元 of an amount: `美元月均`, `100元月租`). */
const MON = String.raw`\d{1,2}|十[一二]?|[一二三四五六七八九]|(?<![\d美欧日港台韩币万亿千百十元角分])元(?=月)`;
const DAY = String.raw`\d{1,2}|三十一?|卅一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]`;
const Q = String.raw`[一二三四1-4]`;
/** Year part: `上半年`, `年底`, `一季度`, `前三季度` (after a year or on its own). */
const YPART = String.raw`上半年度?|下半年度?|(?<=年)半年度|年初|年底|年末|(?<!年)岁末|全年|前[二三两2-3]季度?|首[二三两]季度?|第?${Q}季度(?:末|底)?|首季度?|第${Q}季(?!度)(?:末|底)?`;
const MPART = String.raw`上中旬|中下旬|上旬|中旬|下旬|上半月|下半月|中(?=[^\u4e00-\u9fff\dA-Za-z]|$|以[后後前]|之[前后後]|[前后後起]|开始|左右)|初(?!步)|底|末`;
const NOT_AFTER_NUM = String.raw`(?<![\d〇○零一二两三四五六七八九十.])`;
/** A 4-digit number + 年 that is a duration, not a year: `5000年历史`, `2000年来`. */
const NOT_DURATION = String.raw`(?!来|之久|多年|历史)`;
const JOIN = /^(?:起?至|到|-|—|–|~|－)$/;

const RE_YMD = new RegExp(
  // a space may stand between a four-digit year and 年 (`2025 年 11 月 3 日`, Hong Kong pages)
  // (Taiwan and Hong Kong print write this year's parts and months with 今 alone: `今上半年`, `今3月`)
  `${NOT_AFTER_NUM}(?:(${YEAR}|'?\\d{2}|[〇○零一二三四五六七八九]{2})(?:(?<=\\d{4}) )?年${NOT_DURATION}|(${REL_YEAR_RE}|(?<![至迄如当现古而从自于於到直及即距据])今(?=(?:${YPART})|\\d{1,2}月)))` +
    `(?: ?(${MON}) ?月份?(?: ?(${DAY}) ?[日号]|(${MPART}))?|(初(?!步)|底|末|年中|${YPART}))?`,
  'g',
);
const RE_MD = new RegExp(`${NOT_AFTER_NUM}(${MON}) ?月份?(?: ?(${DAY}) ?[日号]|(${MPART}))?`, 'g');
const RE_YPART = new RegExp(`(?<![年半\\d〇○零一二两三四五六七八九十几多同])(${YPART})`, 'g');
const RE_DAY_ONLY = /(\d{1,2}|(?<![一二三四五六七八九十廿卅零〇○])(?:二?十[一二三四五六七八九]|三十一?|廿[一二三四五六七八九]|卅一?)) ?日(?!内|游|以内|之内|左右|元|圆|本|均|间|后|前|来)/g; // 5日均线: a moving average; `十三日` in Macao and Taiwan print
/** What may not stand before a day-only date (`近5日`, `第3日`, `12.5日`; a count of days after a verb: `连升3日`, `停牌3日`), a space apart or not (checked in code: faster than a lookbehind). */
const DAY_ONLY_BLOCK = /[\d.月年近数多每个第余前后升跌涨连续共历满停休隔达牌时]/;
const RE_ISO = /(?<![\d./])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/g;
/** A time of day right before an ISO date (`16:33 2022-08-11`). */
const TIME_BEFORE = /(?<!\d)(?<!\d:)(\d{1,2}):([0-5]\d) ?$/;
const RE_MONTH_RANGE = new RegExp(
  `${NOT_AFTER_NUM}(?:(${YEAR})年|(${REL_YEAR_RE}))?(${MON})(?:至|到|-|~|—|([、及和与]))(${MON})月份?`,
  'g',
);
/** Quarters named together or as a range: `二、三季度`, `第3、4季`, `2025年第1、2季`, `第一至三季度`. */
const RE_QUARTER_PAIR = new RegExp(
  `${NOT_AFTER_NUM}(?:(${YEAR})年|(${REL_YEAR_RE}))?第?([一二三四1-4])(?:([、及和与])|至|到|-|—)第?([一二三四1-4])季度?`,
  'g',
);
/** Days listed under one month, the last with 日 (`3月21、22、28及29日`): one mention from the first to the last. */
const RE_DAY_LIST = new RegExp(
  `${NOT_AFTER_NUM}(?:(${YEAR})年|(${REL_YEAR_RE}))?(${MON})月(\\d{1,2}(?:[、,，]\\d{1,2})*[、及和与]\\d{1,2})[日号]`,
  'g',
);
const RE_DAY_RANGE = new RegExp(
  `${NOT_AFTER_NUM}(?:(${YEAR})年|(${REL_YEAR_RE}))?(${MON})月(${DAY})(?:至|到|-|~|—)(${DAY})[日号]`,
  'g',
);
const RE_YEAR_RANGE = /(?<![\d.])(\d{4})(?:至|到|-|~|—)(\d{4}|\d{2})年(?!来|之久|多年|历史|度)/g;
const CN_NUM = '[一二两三四五六七八九十]{1,3}';
const RE_RELATIVE = new RegExp(
  [
    String.raw`(?<day>今天|今日(?!头条)|昨天|昨日|前天|明天|明日|后天|前日(?=\()|后日(?=\()|即日(?=起|至|到)|昨(?=\(\d{1,2}月)|近日|日前|(?<![如至迄])今(?=起[\u4e00-\u9fff])|今晚|今夜(?![星月])|今晨|今早|(?<![迄至])今午|昨午|明午|昨晚|隔晚|昨夜(?![星辰风月])|昨早|昨晨|明晚|明早|昨(?=[\u4e00-\u9fff])(?![天日晚夜晨儿年]))`,
    // (Taiwan's print writes the month in brackets: `本(11)月底`, `上(10)月`)
    String.raw`(?<month>本月|这个月|上个?月|下个?月|[本上下]\(\d{1,2}\)月)(?<mpart>初|底|末|上旬|中旬|下旬|上半月|下半月|(?<mday>${DAY})[日号])?`,
    String.raw`(?<week>上上|下下|本|这|上|下|今(?=个))个?(?:周|星期|礼拜)(?<weekend>末|初)?(?![一二三四五六日天])`,
    String.raw`(?<![每一])(?<wdWeek>上|下|本|这)?(?:周|星期|礼拜)(?<wd>[一二三四五六日天])(?:(?:至|到|—|–|-|~)(?:周|星期|礼拜)(?<wd2>[一二三四五六日天]))?`,
    // a bare `月底` / `月末`: the end of the month published in (not `3月底`, `本月底`, `每月末`, `年月末`)
    String.raw`(?<monthEnd>月[底末])(?<![\d〇○零一二两三四五六七八九十个年本上下这每该当同次前岁]月[底末])`,
    String.raw`(?<![\d〇○零一二两三四五六七八九十个])(?<n>\d{1,3}|${CN_NUM})(?<unit>年|个多?月|天|日|周|个星期|个礼拜)(?<dir>之前|之后|以前|以后|前|后)`,
    String.raw`(?<nWeekDir>上|下)(?<nWeeks>\d|${CN_NUM})个?(?:周|星期)`,
    String.raw`(?<parenWord>今|昨|明)\((?<parenDay>\d{1,2}|[一二三四五六七八九十廿卅]{1,3})(?:\)日|日\))`, // `今（12）日`, Hong Kong's `今(25日)`
    String.raw`(?<![月])(?<halfMonth>上半月|下半月)`,
  ].join('|'),
  'g',
);
/** Vague recent periods and relative quarters (relative() reads them by group name too). */
const RE_RELATIVE2 = /(?<vague>近年来|近年|近几年|近些年|近期|连日来|这两天|这几天|往年|(?<![提趁尽儘及较較比更最稍])早前(?![往来來去行进進])|前不久|不久前)|(?<quarter>本季度?|今季度?|上一?季度?|前一季度?|下一?季度?)(?![节])/g;
/** `过去的一年`, `刚刚过去的一年`: the year before, in a report of the year's first months. */
const RE_PAST_YEAR = /过去的(?:一|这一)年(?![来多半度级])/g;
/** `过去三年`, `过去12个月`: the whole years (months) before published's (`过去的一年`: RE_PAST_YEAR). */
const RE_PAST_N = /过去(\d{1,2}|[一二两三四五六七八九十]{1,3})(个)?(年|月)(?![来多半度级代底初末份中内間间区])/g;
/** `新的一年`, `新一年` (not `新一年级`): the year under way, or the coming one in a November or December article. */
const RE_NEW_YEAR = /新的一年|新一年(?![级級度])/g;
/** A duration before `N年后` (`时隔5年后首次`): not a date. */
const DURATION_BEFORE = /(?:时隔|相隔|间隔|历时|历经|经过|隔了|长达|持续|用了|花了|需要|仅用)$/;
/** What ends right before a phrase that opens a clause: nothing, punctuation, or a joining word. */
const CLAUSE_OPENING = /(?:^|[，。；：、,;:！!？?\s（(“"]|[而和与及但])$/;
/** `今年前三个月`, `前两个月`, `后两个月`, Taiwan's `前11月`: the first / last N months of a year. */
const RE_YEAR_MONTHS = new RegExp(
  `(?:(${YEAR})年|(${REL_YEAR_RE}))?(?<![\\d个此之提日目])(前|后|首)(\\d{1,2}|${CN_NUM})(个月|月(?![日号份底末初中上下旬]|\\d{1,2}[日号]))(?![前后内以之])`,
  'g',
);
/** Decades and centuries: `八十年代`, `上世纪80年代末`, `18世纪60年代`, `1990年代`, `21世纪`. */
const RE_DECADE = new RegExp(
  String.raw`(?:(?<rel>上|本|下)个?世纪|(?<c>\d{1,2}|${CN_NUM})世纪)?(?:(?<d2>[1-9]0|00)|(?<dcn>[一二三四五六七八九]十|[〇○零一二三四五六七八九]〇)|(?<d4>1\d{2}0|20\d0))年代(?<dpart>初期|初|中期|中叶|中|末期|末|后期|前期)?` +
    String.raw`|(?<crel>上|本|下)个?世纪(?<cpart>初|末|中叶|上半叶|下半叶)?|(?<cn>\d{1,2}|${CN_NUM})世纪(?<cnpart>初|末|中叶|上半叶|下半叶)?`,
  'g',
);
/** Slashed numeric dates with the year last: `3/15/2024`, `15/03/24`, `15.3.2024`. */
const RE_DMY = /(?<![\d.\-/:])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d.\-/:])/g;
/** Fiscal years: `2025/26年度`, `2025至26年度`, `2025-2026财年`. */
const RE_FISCAL = /(?<![\d.\/])(\d{4}|\d{2})(?:\/|至|到|-|－|~)(\d{2}|\d{4})(?:财政年度|年度|财年)|(?<![\d.\/])(20\d{2})\/(\d{2})(?:年(?![度\d])|(?![\d\/.%年]))/g;
/** The two years of a pair written `2025/26`, `25/26` or `2024至2025` (the second's century from the first). */
function yearPair(a: string, b: string): [number, number] {
  const y1 = a.length === 2 ? 2000 + +a : +a;
  return [y1, b.length === 2 ? Math.floor(y1 / 100) * 100 + +b : +b];
}

/** Quarter `k` (or, with `months` 6, the half starting there) of Hong Kong's financial year `y1`/`y1+1` (April–March). */
function fiscalPart(y1: number, k: number, months: 3 | 6): DateValue {
  const first = 4 + (k - 1) * 3;
  const [ys, ms] = first > 12 ? [y1 + 1, first - 12] : [y1, first];
  const last = ms + months - 1;
  const [ye, me] = last > 12 ? [ys + 1, last - 12] : [ys, last];
  return span(iso(ys, ms, 1), iso(ye, me, daysInMonth(ye, me)), months === 6 ? 'halfyear' : 'quarter');
}

/** A financial year (`2024/25年度`) or a calendar year (`2024年`, not `2024年度`) written in a text, where it ends. */
interface YearMark {
  end: number;
  /** the financial year's first year; null for a calendar year */
  fiscal: number | null;
  /** a calendar year right before 度 (`2024年度`): one only where the text is cut right after it */
  beforeDu: boolean;
}

/** The year marks of `text`, in order (one scan; `fiscalYearBefore` looks them up). */
function yearMarks(text: string): YearMark[] {
  const out: YearMark[] = [];
  for (const m of text.matchAll(/(?<![\d.\/])(20\d{2}|\d{2})\/(\d{2})(?:财政)?年度|(?<![\d.])(?:19|20)\d{2}年/g)) {
    const end = m.index + m[0].length;
    out.push({ end, fiscal: m[1] ? (m[1].length === 2 ? 2000 + +m[1] : +m[1]) : null, beforeDu: !m[1] && text[end] === '度' });
  }
  return out;
}

/**
 * The Hong Kong financial year (`2024/25年度`) a text is about at `pos`: the last one written before it, with no
 * calendar year after that (`marks`: yearMarks of the text).
 */
function fiscalYearBefore(marks: readonly YearMark[], pos: number): number | null {
  // the last mark that ends by pos (binary search: this runs for every quarter of a Hong Kong text)
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const k = marks[i];
    if (k.beforeDu && k.end !== pos) continue; // `2024年度` is a calendar year only where the text stops at 年
    return k.fiscal;
  }
  return null;
}

/** After a financial year: its first quarter (`首季`), a numbered quarter, or a half (`上半年`). */
const FISCAL_PART = /^(?:(首季)|第([一二三四1-4])季度?|([上下])半年(?!度))/;
/** A school year, September to August: `2024/25学年`, `2024至2025学年度`. */
const RE_SCHOOL_YEAR = /(?<![\d.\/])(\d{4}|\d{2})(?:\/|至|到|-|－|~)(\d{2}|\d{4})学年度?/g;
/** A single fiscal or reporting year: `2024财年`, `2024财政年度`, `2024年财政年度`, `2024年度`, `FY2024`, `FY24`. */
const RE_FISCAL_YEAR = /(?<![\d.\/])((?:19|20)\d{2})(?:年?(?:财政年度|财年)|年度)|(?<![A-Za-z])FY ?(20\d{2}|\d{2})(?![\d])/g;
/** `从2019-2021` (no 年): the 从 marks the numbers as years; it stays outside the span. */
const RE_FROM_YEARS = /(?<=从)(\d{4})(?:至|到|-|~|—)(\d{4})(?![\d年])/g;
/** A clock time right after a date: `9:30`, `9时30分`, `10时半`, `上午9点`, `下午3点半`, Macao's `下午五时正`. */
const TIME_RE = new RegExp(
  String.raw`^\s?(上午|下午|晚上|晚间|凌晨|清晨|早上|早晨|中午|正午|傍晚|夜间|深夜|午夜|晚)?\s?约?(\d{1,2}|[零一二两三四五六七八九十]{1,3})` +
    String.raw`(?:[:：](\d{2})(?![\d])(?:[:：]\d{2}(?![\d]))?(?:\s?分(?![钟之]))?|时(?:(\d{1,2}|[零一二三四五六七八九十]{1,3})分|(半)|正(?!值|在|式|常|好|是))?|点(?:(\d{1,2}|[零一二三四五六七八九十]{1,3})分|(半)|钟|正(?!值|在|式|常|好|是))?)`,
);
/** Hours of a day written as a range after it: `0—24时`, `9-17时`. */
const HOUR_RANGE = /^\s?(\d{1,2})(?:—|–|-|－|至|到)(\d{1,2})时/;
const LUNAR_MONTH = String.raw`正|腊|冬|十[一二]?|[一二三四五六七八九]|1[0-2]|[1-9]`;
/** (Taiwan's papers write the day's number in digits after 初: `农历3月初2`) */
const LUNAR_DAY = String.raw`初[一二三四五六七八九十]|初(?:10|[1-9])(?!\d)|廿[一二三四五六七八九]|二十[一二三四五六七八九]?|三十|十[一二三四五六七八九]?`;
const RE_LUNAR = new RegExp(`(农历)?(?:(${LUNAR_MONTH})月(${LUNAR_DAY})|大年(初[一二三四五六七八九十]))(?![日号])`, 'g');
const FESTIVALS =
  '中秋国庆|国庆中秋|农历新年除夕|农历除夕|大除夕|除夕|农历新年|农历春节|农历年(?![份龄代度末底初间])|过年(?=前|后|期间|前夕|假期|连假|快到|将至|临近|到来|来临|聚餐|团圆饭|年货)|大年三十|大年夜|(?<![\\d一二三四五六七八九十今去明近上])年三十(?![多余个万亿年])|双十节|春节|(?<=[庆迎贺度过])新春(?![联茶])|(?<=[庆迎贺度过])新岁|年节(?=[前后将到期假连，,。]|$)|(?<=[临接逼届近])岁晚|元宵节|(?<![吃煮包买卖做碗汤])元宵(?![节粉])|端午节|端午|中秋节|国庆日|(?:中国)?航天日|中秋(?=[前后,，。、；;！!？?都时至”"\\s)(]|$|期间|假期|佳节|当天|当日|当晚|之夜|夜|晚|小长假|长假|连假|黄金周|档期|前夕|来临|将至|临近|正日)|中秋(?<=(?:庆|贺|迎|过|度|逢)中秋)|国庆节|国庆(?![\\d〇○零一二三四五六七八九十]|周年)|元旦日?|清明节|清明(?<![政吏治风]清明)(?=假期|期间|小长假|连假|长假|前后|当天|当日|时节|祭扫|扫墓|祭祖|踏青|出游|上坟|将至|临近|到来|来临|假日|节气|那天|这天|文化节|[前后,，。、；;！!？?都时至”"]|$)|清明(?<=(?:今年|正值|时值|适逢|每逢|逢|过|每年|到了)清明)|' +
  '十一国庆节?|(?<!双)十一(?=黄金周|长假|小长假|假期|期间|档期)|双十一|双11|劳动节|五一(?=[”"]|(?:假期|期间|小长假|黄金周|劳动节|档|前后|当天|[前后,，。、]|$))|' +
  '七夕节?|重阳节|重阳(?=[前后,，。、；;！!？?都时至”"]|当天|当日|期间|登高|赏菊|敬老|佳节|那天|这天|$)|重阳(?<=(?:今年|正值|时值|适逢|每逢|逢|过|每年|到了|九九)重阳)|腊八节?|(?:中国)?医师节|记者节|教师节|儿童节|妇女节|青年节|植树节|建党节|建军节|护士节|' +
  '平安夜|圣诞节|圣诞日|圣诞(?=[前后,，。、]|当天|期间|假期|节|跨年)|耶诞节|耶诞(?=[前后,，。、]|当天|期间|假期|节|跨年|晚会|活动|市集|灯)|(?<![\u4e00-\u9fff]跨)跨年(?![度\d〇○零一二三四五六七八九十两]|经营|发展|合作|项目|工程)|复活节|万圣节|感恩节|情人节|母亲节|父亲节|和平纪念日|冬至|夏至|立春|立秋';
/** A day or days of a holiday counted from its start (`假期第四天`, `前三天`, `最后一天`). */
const HOLIDAY_DAY = String.raw`第(?:\d{1,2}|[一二三四五六七八九十]{1,2})[天日]|前(?:\d|[两二三四五六七])[天日]|最后一[天日]|首日`;
/** A festival, in quotes or not (`“五一”假期`: the quotes belong to the span with what follows them), and what follows it. */
const RE_FESTIVAL = new RegExp(
  `([“"])?(${FESTIVALS})([”"])?(?:(假期|长假|小长假|连假|黄金周|档期)?(${HOLIDAY_DAY})|(假期期间|双节期间|双节假期|双节|连假|前后|前夕|前|后|期间|(?<=节)日期间|假期|长假|小长假|黄金周档期|黄金周|档期|首日|当天|当日|当晚))?`,
  'g',
);
/** The year before a festival (`2024年春节`, `明年春节`, `2025国庆` as an event's name writes it, Taiwan's `114年国庆`), looked for behind a
 * match: a leading optional group would be tried at every position. */
const FESTIVAL_YEAR = new RegExp(`(?:(?<![\\d〇○零一二三四五六七八九])(${YEAR})年度?|(${REL_YEAR_RE})|(?<![\\d.])((?:19|20)\\d{2})|(?<![\\d.])(1[01]\\d)年)$`);

/** A bare `年内` (the published year), not after a number, a year word or 近/每 (`三年内`, `今年内`, `近年内`). */
const RE_BARE_WITHIN_YEAR = /(?<![\d〇零一二两三四五六七八九十百千几数多半近每今去明前后本该同全当上下往历逐隔来次翌周整个])年内(?![容地外部])/g;
/** `10/18(六) 17:05`, `10/19(日)`: month/day and its weekday in brackets (a schedule's line), with a clock time after it. */
const RE_SLASH_DAY_WEEKDAY = /(?<![\d/.])(1[0-2]|0?[1-9])\/(3[01]|[12]\d|0?[1-9])\((?:周|星期)?([一二三四五六日天])\)(?:\s?(\d{1,2}):([0-5]\d)(?![\d:]))?/g;
/** `今(4/27)`: a relative day with its month and day in brackets (not `今(8)日`, which RE_YMD reads). */
const RE_PAREN_MONTH_DAY = /([今昨明])\((\d{1,2})\/(\d{1,2})\)(?![日号])/g;
/** `今(2023)年`, `去(2024)年首季`: a relative year with its number in brackets. */
const RE_PAREN_YEAR = /([今去明])\(((?:19|20)\d{2})\)年(上半年|下半年|首季|第[一二三四1-4]季度?|[一二三四]季度|全年)?/g;

/** The trading day before published (`上一个交易日`, `前一个交易日`) and the last N trading days (`近3个交易日`). */
const RE_TRADING_DAYS = /(?<![之以])(上一个|前一个|上一|前一)交易日|近(\d{1,2}|[一二两三四五六七八九十]{1,2})个交易日/g;

/** Last year's period that a festival fell in (`去年同月适逢春节`): the festival of last year. */
const LAST_YEAR_FELL = /去年(?:同期|同月|同季|同一时期|同时期)?(?:适逢|正值|恰逢|遇上|碰上|逢)$/;

/** After a bare 全年: a company's full-year results or dividend (its reporting year), or a slogan (`全年红`). */
const FULL_YEAR_RESULTS = /^(?:的)?(?:派息|派发|股息|业绩|每股|盈利|纯益|溢利|少赚|多赚|亏损|蚀|红|股东)/;
/** A clause that reports what happened (`全年新增`, `全年仍实现了`), read back from 全年 to its clause's end. */
const DONE_CLAUSE = /了|实现|完成|新增|新注册|累计|共计|合共|共有|录得|达到|同比|比上年/;

/**
 * The year of a bare 全年: published's, but in January and February a clause that reports what was done
 * (`全年新增外资项目358个`) is about the year just ended; one that plans (`全年将推动`) about the new one.
 */
/** From `pos` to the end of its clause (at most 40 characters). */
function clauseFrom(text: string, pos: number): string {
  let e = pos;
  while (e < text.length && e - pos < 40 && !/[。；;！!？?\n]/.test(text[e])) e++;
  return text.slice(pos, e);
}
/** Words of a plan, not a report. */
const PLAN = /将|预计|计划|力争|目标|预期|预估|展望/;

function reportYear(text: string, pos: number, pub: Ymd, articleYear?: number): number {
  const clause = clauseFrom(text, pos);
  const plan = PLAN.test(clause);
  // an article about last year (`公布2025年第四季与全年财报`, published in the spring) reports its 全年
  if (aboutLastYear(pub, articleYear) && !plan) return pub.y - 1;
  if (pub.m > 2) return pub.y;
  // `较好完成全年目标任务` reports the year just ended; `确保完成全年目标` plans the new one
  const lead = text.slice(Math.max(0, pos - 12), pos).split(/[，。；;,！!？?\n]/).pop()!;
  if (/完成$/.test(lead)) return PLAN.test(lead) || /确保|要|努力|奋力|冲刺/.test(lead) ? pub.y : pub.y - 1;
  return DONE_CLAUSE.test(clause) && !plan ? pub.y - 1 : pub.y;
}

/** Month/day ranges written with slashes (`2/14－2/19`): a range makes them dates, where one `2/14` alone is not. */
const RE_SLASH_MD_RANGE = /(?<![\d/.])(\d{1,2})\/(\d{1,2}) ?(?:－|-|—|–|~|～|至|到) ?(\d{1,2})\/(\d{1,2})(?![\d/.%])/g;
/** Days of the lunar new year on their own (`初二`, `初一至初六`), in an article about the new year only. */
const RE_NEW_YEAR_DAYS = /(?<![农历月正腊大年])初([一二三四五六七八九十])(?:(?:至|到|-|—)初([一二三四五六七八九十]))?(?![中级年学生期步次稿心衷秋夏冬春])/g;

/** Hong Kong's `年初一`…`年初十` and `年廿一`…`年廿九`, in an article about the new year (`年初一直` is no day). */
const RE_HK_NEW_YEAR_DAYS = /(?<![\d〇○零一二三四五六七八九十今去明前后上下本同底])年(?:初([一二三四五六七八九十])|(廿[一二三四五六七八九]))(?![直度些批次个季月期号半])/g;
/** A year of the zodiac (`马年`, `癸卯兔年`, `金蛇年` with the element the press adds): the lunar year of that animal nearest
 * published; never the idiom `猴年马月`. */
const RE_ZODIAC_YEAR = /(?<![恐海河斑铁飞])([甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]|[金水火土](?=[鼠牛虎兔龙蛇马羊猴鸡狗猪]年))?(?<!木)([鼠牛虎兔龙蛇马羊猴鸡狗猪])年(?![马代龄级均度内华])/g;
/** A year of the zodiac right before a festival (`蛇年春节`). */
const ZODIAC_BEFORE = /([甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥])?([鼠牛虎兔龙蛇马羊猴鸡狗猪])年$/;
/** Festivals of the lunar calendar, whose year a zodiac year names. */
const LUNAR_FESTIVALS = new Set(['春节', '除夕', '元宵节', '元宵', '端午节', '端午', '中秋节', '中秋', '七夕', '七夕节', '重阳节', '重阳', '腊八', '腊八节']);
const ANIMALS = '鼠牛虎兔龙蛇马羊猴鸡狗猪';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

function zodiacYear(stemBranch: string | undefined, animal: string, pub: Ymd): DateValue | null {
  const ly = lunarYearOf(pub);
  const want = ANIMALS.indexOf(animal);
  if (stemBranch && BRANCHES.indexOf(stemBranch[1]) !== want) return null; // 癸卯 is a rabbit's year, not a horse's
  let best: number | null = null;
  for (let y = ly - 65; y <= ly + 65; y++) {
    if ((((y - 4) % 12) + 12) % 12 !== want) continue;
    if (stemBranch && (((y - 4) % 10) + 10) % 10 !== STEMS.indexOf(stemBranch[0])) continue;
    if (best === null || Math.abs(y - ly) < Math.abs(best - ly)) best = y;
  }
  if (best === null) return null;
  const a = lunarToSolar(best, 1, 1);
  const next = lunarToSolar(best + 1, 1, 1);
  return a && next ? span(a, addDays(next, -1), 'year') : null;
}

/** An article about the lunar new year (for DateContext.lunarNewYear). */
export const NEW_YEAR_CONTEXT = /春节|农历新年|过年|除夕|大年|新春/;

/** What the rest of the article tells the dates of one paragraph. */
export interface DateContext {
  /** the article is about the lunar new year (`春节`, `过年`): a bare `初二` is a day of it */
  lunarNewYear?: boolean;
  /** the last date resolved in the paragraphs before: what `同期` at the start of this one refers to */
  previous?: DateValue;
  /** the last single day named in the paragraphs before (not today by its name): what `当日` refers back to */
  previousDay?: DateValue;
  /** the last single quarter named in the paragraphs before: what a results story's `本季度` means */
  previousQuarter?: DateValue;
  /** the last year written out (`2025年`) in the paragraphs before, if not after published's: the year a results story is about */
  year?: number;
  /** the article is about a government's financial years (`2026/27年度`, `财政预算案`): Hong Kong's `来年` is the next one */
  fiscalYear?: boolean;
  /** the article is next year's holiday timetable (`2024年部分节假日安排`, scheduleYear): its bare dates are of that year */
  scheduleYear?: number;
}

/** A timetable of a year's public holidays (`关于2024年部分节假日安排的通知`, `2024年元旦、春节…放假调休日期的具体安排`). */
const HOLIDAY_NOTICE = /((?:19|20)\d{2})年(?:部分)?(?:法定)?节假日(?:放假)?安排|((?:19|20)\d{2})年(?:元旦|春节)[\u4e00-\u9fff、，,]{0,30}?放假(?:调休)?(?:日期)?(?:的)?(?:具体)?安排/;

/**
 * The year of the holiday timetable an article publishes or reports, when it is the year after published's
 * (such notices come out in the autumn): `1月1日` and `春节` in it are next year's.
 */
export function scheduleYear(text: string, published: string | null): number | undefined {
  const m = published ? HOLIDAY_NOTICE.exec(text) : null;
  if (!m) return undefined;
  const y = Number(m[1] ?? m[2]);
  return y === Number(published!.slice(0, 4)) + 1 ? y : undefined;
}

/** A date written with a year of its own or relative to today (`2024年`, `今年`, `明天`, `次日`, `同期`). */
const OWN_YEAR = /\d{4}|(?<!清)明|[今去昨前后本上下同当次翌隔]/;
/** A sentence that reports the notice itself (`10月25日，国务院办公厅发布通知`): its dates are published's year. */
const REPORTING = /发布|印发|公布|宣布|发出|获悉|记者/;

/** An article about a government's financial years (for DateContext.fiscalYear). */
export const FISCAL_YEAR_CONTEXT = /财政年度|财政预算案|预算案|\d{4}\/\d{2}年度|\d{4}至\d{2}年度/;

/** The year to date: `年初至今`, `今年年初迄今`, `今年初至今`, `今年迄今` (published's year from 1 January to published). */
/** `5年来`, `近10年来`, `这一年来`, `二十个月以来`, `20多年来` (not `2019年以来`, a year written out: its own form). */
const RE_PAST_SPAN = /(?<![\d年月日第])(近|过去)?(\d{1,2}|[一二三四五六七八九十两]{1,3})(多|余)?(个)?(年|月)(?:以)?来/g;
const RE_YEAR_TO_DATE = /(?:今年)?(?:年初|年初开盘)(?:至今|迄今)|今年初(?:至今|迄今)|今年迄今/g;

/** Find date mentions; relative ones are resolved against `published` ('YYYY-MM-DD'). */
export function findDates(text: string, published: string | null, region: Region = 'CN', context: DateContext = {}): DateMention[] {
  const pub = parseIso(published);
  const cands: Cand[] = [];
  const add = (start: number, end: number, value: DateValue | null, score: number, parts?: Parts) =>
    cands.push({ start, end, value, score, parts });

  for (const m of text.matchAll(RE_ISO)) {
    const [y, mo, d] = [+m[1], +m[3], +m[4]];
    // a page's time stamp written time first (`16:33 2022-08-11`, Hong Kong sites): one date-time
    // (two characters more than the time itself, so that the lookbehinds see the seconds of a time before: `17:07:47 2025-07-28`)
    const t = TIME_BEFORE.exec(text.slice(Math.max(0, m.index - 9), m.index));
    if (t && +t[1] <= 23 && isValid(y, mo, d)) {
      const at = `${iso(y, mo, d)}T${t[1].padStart(2, '0')}:${t[2]}`;
      add(m.index - t[0].length, m.index + m[0].length, span(at, at, 'minute'), 0.95);
      continue;
    }
    add(m.index, m.index + m[0].length, dayValue(y, mo, d), 0.95, { y, m: mo, d });
  }
  for (const m of text.matchAll(RE_YMD)) {
    const s = m.index;
    const e = s + m[0].length;
    const short = m[1] !== undefined && m[1].replace("'", '').length === 2;
    if (short && !twoDigitYearOk(text, s, e, m[1], m[3] !== undefined)) continue;
    // 投产后年产值: 后年 inside a word, not the year after next.
    if (m[2] === '后年' && !m[3] && !m[6] && (/^(?:产|均|营|收|销|度|利|增|新|的产)/.test(text.slice(e, e + 2)) || /[产成建营运达投完之以然随此最落]$/.test(text.slice(0, s)))) continue;
    // 上年 is the year before the one the paragraph is about (`2021年…比上年增长`), 去年 the one before published.
    const y = m[1] ? (short ? twoDigitYear(yearNum(m[1].replace("'", '')), pub) : yearNum(m[1])) : m[2] === '上年' ? (anchorYear(text, s, pub, context.year) ?? NaN) - 1 : relYear(pub, relYearOffset(m[2]));
    if (Number.isNaN(y)) continue;
    if (m[1] && !isValid(y!, 1, 1)) continue; // not a year (e.g. 5000年)
    const mo = m[3] ? num(m[3]) : undefined;
    const d = m[4] ? num(m[4]) : undefined;
    const score = m[1] && !short ? 0.95 : 0.85;
    // Hong Kong's budget year: in an article about it, `来年` is the coming financial year (April to March)
    if (m[2] === '来年' && !m[3] && !m[6] && region === 'HK' && context.fiscalYear && pub) {
      const fy = pub.m >= 4 ? pub.y + 1 : pub.y;
      add(s, e, span(iso(fy, 4, 1), iso(fy + 1, 3, 31), 'year'), score);
    } else if (m[6]) add(s, e, yearPart(y, m[6]), score);
    else if (m[5]) add(s, e, monthPart(y, mo!, m[5]), score);
    else add(s, e, fromParts({ y, m: mo, d }, pub), score, { y, m: mo, d });
  }
  for (const m of text.matchAll(RE_MD)) {
    if (text.startsWith('五月天', m.index) && text[m.index + 3] !== '气' && m[0] === '五月') continue; // the band
    const mo = num(m[1]);
    const d = m[2] ? num(m[2]) : undefined;
    const s = m.index;
    const e = s + m[0].length;
    const score = d ? 0.9 : 0.8;
    // (a part of a month more than half a year ahead is last year's, as a bare month is: `12月末` in January)
    if (m[3]) add(s, e, mo >= 1 && mo <= 12 ? monthPart(pub ? yearOfMonth(mo, pub) : null, mo, m[3]) : null, score);
    else add(s, e, fromParts({ m: mo, d }, pub), score, { m: mo, d });
  }
  let marks: YearMark[] | undefined;
  for (const m of text.matchAll(RE_YPART)) {
    // A bare 全年 refers back to a year the text states (`2021年,…全年`); without one it is the year of the
    // report, except a company's full-year results and dividend (`全年派息`, `全年业绩`: its reporting year).
    if (m[1] === '全年' && FULL_YEAR_RESULTS.test(text.slice(m.index + 2, m.index + 6))) continue;
    const bareYear = m[1] === '全年' && !/(?<![\d.])(?:19|20)\d{2}年/.test(text.slice(0, m.index));
    if (bareYear && !pub) continue;
    // (a half or a quarter without a year in a spring story about last year is last year's, unless planned: `上半年价格下跌`)
    const stated = (m[1] === '全年' ? relativeYearBefore(text, m.index, pub) : null) ?? (bareYear ? reportYear(text, m.index, pub!, context.year) : anchorYear(text, m.index, null)) ??
      (pub && !m[1].includes('季') && aboutLastYear(pub, context.year) && !PLAN.test(clauseFrom(text, m.index)) ? context.year! : null);
    const q = /^第?([一二三四1-4])季度?$/.exec(m[1]);
    // a quarter in a Hong Kong text about a financial year is of that year (`2024/25年度……首季`: April–June 2024)
    const fy = region === 'HK' && (q || m[1] === '首季') ? fiscalYearBefore((marks ??= yearMarks(text)), m.index) : null;
    if (fy !== null) {
      add(m.index, m.index + m[0].length, fiscalPart(fy, q ? num(q[1]) : 1, 3), 0.8);
      continue;
    }
    // a quarter with no year in the text that would start more than half a year after published is last year's
    const y = stated ?? (pub && q ? quarterYear(num(q[1]), pub) : pub?.y ?? null);
    add(m.index, m.index + m[0].length, yearPart(y, m[1]), 0.8);
  }
  for (const m of text.includes('日') ? text.matchAll(RE_DAY_ONLY) : []) {
    const i = m.index;
    const prev = text[i - 1] === ' ' ? text[i - 2] : text[i - 1];
    if (prev !== undefined && DAY_ONLY_BLOCK.test(prev)) continue;
    const d = num(m[1]);
    if (d < 1 || d > 31) continue;
    add(m.index, m.index + m[0].length, fromParts({ d }, pub), 0.7, { d });
  }
  // Cheap guards: the range regexes start with optional year groups, tried at every position.
  for (const m of /[至到\-~—、及和与][\d一二三四五六七八九十]{1,2}月/.test(text) ? text.matchAll(RE_MONTH_RANGE) : []) {
    const [m1, m2] = [num(m[3]), num(m[5])];
    // two months named together (`1、2月份`, `5及6月`) are one period when they follow each other
    if (m[4] && m2 !== m1 + 1) continue;
    // without a year, the months are the latest ones news can mean (`1至11月` in a February report is last year's)
    const y = m[1] ? yearNum(m[1]) : m[2] ? relYear(pub, relYearOffset(m[2])) : pub ? yearOfMonth(m2 <= 12 ? m2 : 12, pub) : null;
    const ok = m1 >= 1 && m2 <= 12 && m1 < m2;
    const v = !ok ? null : y !== null ? monthsValue(y, m1, m2) : m[2] ? unresolved('month') : withoutYear(monthsValue(NO_YEAR, m1, m2));
    add(m.index, m.index + m[0].length, v, 0.9);
  }
  for (const m of /[、及和与至到\-—]第?[一二三四1-4]季/.test(text) ? text.matchAll(RE_QUARTER_PAIR) : []) {
    const [q1, q2] = [num(m[3]), num(m[5])];
    if (q2 <= q1 || (m[4] && q2 !== q1 + 1)) continue;
    // without a year: the last one the text wrote, else the latest such quarters news can mean
    const y = m[1] ? yearNum(m[1]) : m[2] ? relYear(pub, relYearOffset(m[2])) : lastYearWritten(text.slice(0, m.index), pub?.y ?? null) ?? (pub ? quarterYear(q2, pub) : null);
    add(m.index, m.index + m[0].length, y === null ? unresolved('quarter') : quarterValue(y, q1, q2), 0.9);
  }
  for (const m of /[至到\-~—][\d一二三四五六七八九十]{1,3}[日号]/.test(text) ? text.matchAll(RE_DAY_RANGE) : []) {
    const y = m[1] ? yearNum(m[1]) : m[2] ? relYear(pub, relYearOffset(m[2])) : pub?.y ?? null;
    const [mo, d1, d2] = [num(m[3]), num(m[4]), num(m[5])];
    let v: DateValue | null = null;
    if (d1 < d2 && isValid(2000, mo, d2)) {
      v = y === null
        ? m[2] ? unresolved('day') : span(`XXXX-${iso(NO_YEAR, mo, d1).slice(5)}`, `XXXX-${iso(NO_YEAR, mo, d2).slice(5)}`, 'day')
        : isValid(y, mo, d2) ? span(iso(y, mo, d1), iso(y, mo, d2), 'day') : null;
    }
    add(m.index, m.index + m[0].length, v, 0.9);
  }
  for (const m of /\d[、及和与]\d{1,2}[日号]/.test(text) ? text.matchAll(RE_DAY_LIST) : []) {
    const mo = num(m[3]);
    const ds = m[4].split(/[、,，及和与]/).map(Number);
    if (!ds.every((d, i) => i === 0 || d > ds[i - 1]) || !isValid(2000, mo, ds[ds.length - 1])) continue;
    const y = m[1] ? yearNum(m[1]) : m[2] ? relYear(pub, relYearOffset(m[2])) : pub ? yearOfMonth(mo, pub) : null;
    const [d1, d2] = [ds[0], ds[ds.length - 1]];
    const v = y === null ? (m[2] ? unresolved('day') : withoutYear(span(iso(NO_YEAR, mo, d1), iso(NO_YEAR, mo, d2), 'day'))) : isValid(y, mo, d2) ? span(iso(y, mo, d1), iso(y, mo, d2), 'day') : null;
    add(m.index, m.index + m[0].length, v, 0.9);
  }
  for (const m of text.matchAll(RE_YEAR_RANGE)) {
    const [y1, y2] = yearPair(m[1], m[2]); // `2026至28年`: the second's century from the first
    const ok = y1 < y2 && isValid(y1, 1, 1) && isValid(y2, 1, 1);
    add(m.index, m.index + m[0].length, ok ? span(iso(y1, 1, 1), iso(y2, 12, 31), 'year') : null, 0.9);
  }
  for (const m of text.matchAll(RE_RELATIVE)) {
    if (m.groups!.n && (DURATION_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index)) || (m.groups!.unit === '日' && /\d/.test(m.groups!.n)))) continue;
    const v = m.groups!.monthEnd ? monthEndAfter(text, m.index, pub) ?? relative(m, pub) : relative(m, pub);
    if (v) add(m.index, m.index + m[0].length, v, 0.8);
  }
  // `过去的一年` in a report of the first months (a government's work report, a year-end review): last year
  for (const m of pub && pub.m <= 3 && text.includes('过去的') ? text.matchAll(RE_PAST_YEAR) : []) add(m.index, m.index + m[0].length, yearValue(pub!.y - 1), 0.8);
  for (const m of text.includes('一年') ? text.matchAll(RE_NEW_YEAR) : []) {
    add(m.index, m.index + m[0].length, pub ? yearValue(pub.m >= 11 ? pub.y + 1 : pub.y) : unresolved('year'), 0.8);
  }
  for (const m of text.includes('过去') ? text.matchAll(RE_PAST_N) : []) {
    const n = num(m[1].replace(/两/g, '二'));
    if (!(n >= 1 && n <= 100) || (m[3] === '月' && (!m[2] || n > 24))) continue; // `过去3月`: not this form
    if (!pub) {
      add(m.index, m.index + m[0].length, unresolved(m[3] === '年' ? 'year' : 'month'), 0.75);
      continue;
    }
    const first = new Date(Date.UTC(pub.y, pub.m - 1 - n, 1));
    const today = iso(pub.y, pub.m, pub.d);
    // `过去一年` after the first quarter is the twelve months up to published rather than last year (vague)
    const v = m[3] === '年' && n === 1 && pub.m > 3
      ? span(addDays(today, -365), today, 'day', true)
      : m[3] === '年'
      ? span(iso(pub.y - n, 1, 1), iso(pub.y - 1, 12, 31), 'year')
      : span(iso(first.getUTCFullYear(), first.getUTCMonth() + 1, 1), addDays(iso(pub.y, pub.m, 1), -1), 'month');
    add(m.index, m.index + m[0].length, v, 0.75);
  }
  for (const m of text.matchAll(RE_RELATIVE2)) {
    const v = relative(m, pub);
    if (v) add(m.index, m.index + m[0].length, v, 0.8);
  }
  for (const m of /[前后首].{1,3}月/.test(text) ? text.matchAll(RE_YEAR_MONTHS) : []) {
    const stated = m[1] !== undefined || m[2] !== undefined;
    const n = num(m[4].replace(/两/g, '二'));
    // without a year, the first N months not yet over at published are last year's (`前11月` in a January report)
    const y = m[1] ? yearNum(m[1]) : m[2] ? relYear(pub, relYearOffset(m[2])) : pub ? (m[3] !== '后' && n >= pub.m ? pub.y - 1 : pub.y) : null;
    if (!(n >= 1 && n <= 11)) continue;
    // bare 后两个月 is the months after something (`投产后两个月`) unless it opens a clause, or answers a 前N个月 before
    // it in the sentence (`前三个月增长，后两个月放缓`): then the year's last months
    if (!stated && m[3] === '后' && !(CLAUSE_OPENING.test(text.slice(Math.max(0, m.index - 2), m.index)) || /前(?:\d{1,2}|[一二两三四五六七八九十]{1,2})个?月/.test(text.slice(Math.max(0, m.index - 40), m.index)))) continue;
    if (m[5] === '月' && m[3] === '后') continue; // `后3月`: not a written form of the last months
    const v = y === null ? unresolved('month') : m[3] !== '后' ? monthsValue(y, 1, n) : monthsValue(y, 13 - n, 12);
    add(m.index, m.index + m[0].length, v, 0.8);
  }
  for (const m of /年代|世纪/.test(text) ? text.matchAll(RE_DECADE) : []) {
    const v = decade(m.groups!, pub);
    if (v) add(m.index, m.index + m[0].length, v, 0.85);
  }
  for (const m of /\d[/.]\d{1,2}[/.]\d/.test(text) ? text.matchAll(RE_DMY) : []) {
    const [a, b] = [+m[1], +m[3]];
    let y = +m[4];
    if (m[4].length === 2) {
      if (m[2] === '.') continue; // 1.2.15: a version or section number
      y += y <= ((pub?.y ?? 2030) % 100) + 1 ? 2000 : 1900;
    }
    // Month first (3/15/2024) unless the first cannot be a month or the region writes day first.
    const dayFirst = a > 12 || (b <= 12 && (region === 'HK' || region === 'MO'));
    const [mo, d] = dayFirst ? [b, a] : [a, b];
    add(m.index, m.index + m[0].length, dayValue(y, mo, d), 0.85, { y, m: mo, d });
  }
  for (const m of /年度|财年|20\d\d\/\d/.test(text) ? text.matchAll(RE_FISCAL) : []) {
    const [y1, y2] = yearPair(m[1] ?? m[3], m[2] ?? m[4]);
    if (y2 !== y1 + 1 || !isValid(y1, 1, 1)) continue;
    const v = region === 'HK' ? span(iso(y1, 4, 1), iso(y2, 3, 31), 'year') : span(iso(y1, 1, 1), iso(y2, 12, 31), 'year');
    // a quarter or half of a Hong Kong financial year (`2025/26年度首季`: April–June 2025)
    const part = region === 'HK' && m[1] ? FISCAL_PART.exec(text.slice(m.index + m[0].length)) : null;
    if (part) {
      const k = part[1] ? 1 : part[2] ? num(part[2]) : part[3] === '上' ? 1 : 3;
      add(m.index, m.index + m[0].length + part[0].length, fiscalPart(y1, k, part[3] ? 6 : 3), 0.9);
      continue;
    }
    add(m.index, m.index + m[0].length, v, 0.9);
  }
  for (const m of text.includes('学年') ? text.matchAll(RE_SCHOOL_YEAR) : []) {
    const [y1, y2] = yearPair(m[1], m[2]);
    if (y2 === y1 + 1 && isValid(y1, 1, 1)) add(m.index, m.index + m[0].length, span(iso(y1, 9, 1), iso(y2, 8, 31), 'year'), 0.9);
  }
  for (const m of /年度|财年|FY/.test(text) ? text.matchAll(RE_FISCAL_YEAR) : []) {
    const y = m[1] ? +m[1] : m[2].length === 2 ? 2000 + +m[2] : +m[2];
    if (isValid(y, 1, 1)) add(m.index, m.index + m[0].length, yearValue(y), 0.9);
  }
  for (const m of text.includes('从') ? text.matchAll(RE_FROM_YEARS) : []) {
    const [y1, y2] = [+m[1], +m[2]];
    if (y1 < y2 && isValid(y1, 1, 1) && isValid(y2, 1, 1)) add(m.index, m.index + m[0].length, span(iso(y1, 1, 1), iso(y2, 12, 31), 'year'), 0.85);
  }
  for (const m of text.matchAll(RE_LUNAR)) {
    const isLunar = m[1] || m[4] || /[正腊冬]/.test(m[2] ?? '') || /^[初廿]/.test(m[3] ?? '');
    if (!isLunar) continue; // 三月十五 without 农历/初/廿 is ambiguous: leave it to RE_MD
    const lm = m[4] ? 1 : ({ 正: 1, 冬: 11, 腊: 12 } as Record<string, number>)[m[2]] ?? num(m[2]);
    const ld = num((m[4] ?? m[3]).replace(/^初(?=\d)/, ''));
    if (/\d/.test(m[2] ?? '') && !m[1]) continue; // `3月初`: a Gregorian month's first days, unless 农历 says lunar
    let v: DateValue | null;
    if (!pub) v = lm >= 1 && lm <= 12 && ld >= 1 && ld <= 30 ? unresolved('day') : null;
    else {
      const s = nearestLunar(pub, lm, ld);
      v = s ? span(s, s, 'day') : null;
    }
    add(m.index, m.index + m[0].length, v, 0.85);
  }
  for (const m of text.matchAll(RE_FESTIVAL)) {
    const [open, fest, close, holidayWord, holidayDay] = [m[1], m[2], m[3], m[4], m[5]];
    // `五一前三天` is the holiday's first three days, `春节前三天` the three days before it: without 假期 or the like,
    // only the holidays counted by their days (五一, 国庆) read as the first ones
    const counted = !!holidayDay && (!!holidayWord || !holidayDay.startsWith('前') || /^(?:五一|国庆|十一|劳动节)/.test(fest));
    const suffix = counted ? '假期' : holidayDay ? '前' : m[6] === '日期间' ? '期间' : m[6]; // (`端午节日期间`: 节日 + 期间)
    // (not counted: the span ends at 前, the count after it left out)
    const end = m.index + m[0].length - (holidayDay && !counted ? holidayDay.length - 1 : 0);
    // quotes are part of the span only around a name with a suffix after them (`“五一”假期`), else the name alone
    const quoted = !!open && !!close && !!suffix;
    const from = m.index + (open && !quoted ? 1 : 0);
    const to = quoted || !close ? end : m.index + (open ? 1 : 0) + fest.length;
    let y = FESTIVAL_YEAR.exec(text.slice(Math.max(0, from - 7), from));
    if (y?.[4] && region !== 'TW') y = null; // a 民国 year only in Taiwan text
    // a year of the zodiac before a lunar festival (`蛇年春节`) is that lunar year
    const z = !y && pub && LUNAR_FESTIVALS.has(FESTIVAL_ALIAS[fest] ?? fest) ? ZODIAC_BEFORE.exec(text.slice(Math.max(0, from - 5), from)) : null;
    const zYear = z ? zodiacYear(z[1], z[2], pub!) : null;
    const start = from - (y ? y[0].length : zYear ? z![0].length : 0);
    // one name per festival (`农历新年` is 春节); Taiwan's 国庆 is 10 October (双十节)
    const name = region === 'TW' && fest.startsWith('国庆') ? '双十节' : FESTIVAL_ALIAS[fest] ?? fest;
    const year = y?.[1] ? yearNum(y[1]) : y?.[3] ? +y[3] : y?.[4] ? +y[4] + 1911 : zYear ? Number(zYear.start!.slice(0, 4)) : undefined;
    // the two festivals named together (`中秋国庆假期`, `国庆中秋双节`) are the holiday they share
    const both = fest === '中秋国庆' || fest === '国庆中秋' || !!suffix?.startsWith('双节');
    // (`国庆当晚`, `元宵节当天`: the festival's own day)
    // (`岁晚`, Hong Kong's year's end: the days before the lunar new year)
    const what = fest === '岁晚' && !suffix ? '前' : both ? '假期' : suffix?.startsWith('当') ? undefined : quoted || !close ? suffix : undefined;
    const holiday = name === '除夕' && year === undefined && !y?.[2] && gregorianEve(text, pub)
      ? aroundFestival(name, iso(pub!.m === 1 ? pub!.y - 1 : pub!.y, 12, 31), what, region)
      : festival(name, what, year, y?.[2] ? relYearOffset(y[2]) : year === undefined && LAST_YEAR_FELL.test(text.slice(Math.max(0, from - 10), from)) ? -1 : undefined, pub, region);
    let v = counted && holiday && what === '假期' ? holidayDays(holiday, holidayDay) : holiday;
    // `共迎新岁`: the lunar year that begins, from its new year's day to the eve of the next
    if (fest === '新岁' && v?.start && !v.start.startsWith('XXXX')) {
      const next = festivalDay('春节', Number(v.start.slice(0, 4)) + 1);
      if (next) v = span(v.start, addDays(next, -1), 'year');
    }
    add(start, to, v, fest === '五一' || fest === '国庆' ? 0.75 : 0.85);
    // a heading of a holiday notice (`春节：1月28日…`) takes its year from the date it introduces
    const inYear = (yr: number) => festival(name, what, yr, undefined, pub, region);
    cands[cands.length - 1].inYear = inYear;
    if (year === undefined && !y?.[2] && /^[:：]/.test(text.slice(to, to + 1))) cands[cands.length - 1].heading = inYear;
  }

  // the years or months up to now (`5年来`, `近10年来`, `二十个月以来`): vague, from that many years or months back
  for (const m of /[年月](?:以)?来/.test(text) ? text.matchAll(RE_PAST_SPAN) : []) {
    const n = /\d/.test(m[2]) ? Number(m[2]) : num(m[2].replace(/两/g, '二'));
    if (!(n >= 1 && n <= 100) || (m[5] === '月' && !m[4])) continue; // `9月以来` is since September: its own form
    let v: DateValue;
    if (!pub) v = unresolved(m[5] === '年' ? 'year' : 'month', true);
    else if (m[5] === '年') v = span(iso(pub.y - n, 1, 1), iso(pub.y, pub.m, pub.d), 'year', true);
    else {
      const back = pub.y * 12 + (pub.m - 1) - n;
      v = span(iso(Math.floor(back / 12), (back % 12) + 1, 1), iso(pub.y, pub.m, pub.d), 'month', true);
    }
    add(m.index, m.index + m[0].length, v, 0.7);
  }
  for (const m of /迄今|至今/.test(text) ? text.matchAll(RE_YEAR_TO_DATE) : []) {
    add(m.index, m.index + m[0].length, pub ? span(iso(pub.y, 1, 1), iso(pub.y, pub.m, pub.d), 'day') : unresolved('day', true), 0.85);
  }
  for (const m of text.includes('/') ? text.matchAll(RE_SLASH_MD_RANGE) : []) {
    const [m1, d1, m2, d2] = [+m[1], +m[2], +m[3], +m[4]];
    const y = pub?.y ?? NO_YEAR;
    if (!isValid(y, m1, d1) || !isValid(y, m2, d2) || m2 * 100 + d2 <= m1 * 100 + d1) continue;
    const v = span(iso(y, m1, d1), iso(y, m2, d2), 'day');
    add(m.index, m.index + m[0].length, pub ? v : withoutYear(v), 0.8);
  }
  if (context.lunarNewYear && pub && text.includes('初')) {
    for (const m of text.matchAll(RE_NEW_YEAR_DAYS)) {
      const a = nearestLunar(pub, 1, num(m[1]));
      const b = m[2] ? nearestLunar(pub, 1, num(m[2])) : a;
      if (a && b && a <= b) add(m.index, m.index + m[0].length, span(a, b, 'day'), 0.7);
    }
  }
  if (context.lunarNewYear && pub && text.includes('年')) {
    // Hong Kong's names of the days around the new year: `年初一` (正月初一), `年廿九` (腊月廿九)
    for (const m of text.matchAll(RE_HK_NEW_YEAR_DAYS)) {
      const s = m[1] ? nearestLunar(pub, 1, num(m[1])) : nearestLunar(pub, 12, num(m[2]));
      if (s) add(m.index, m.index + m[0].length, span(s, s, 'day'), 0.75);
    }
  }
  for (const m of text.includes('年') && pub ? text.matchAll(RE_ZODIAC_YEAR) : []) {
    const v = zodiacYear(m[1]?.length === 2 ? m[1] : undefined, m[2], pub!);
    if (v) add(m.index, m.index + m[0].length, v, 0.8);
  }

  const anaphora: Anaphora = new Map();
  addMore(text, pub, region, add, anaphora);

  if (context.scheduleYear && pub) return inSchedule(text, found(), findDates(text, `${context.scheduleYear}-06-30`, region, { ...context, scheduleYear: undefined }));
  return found();

  function found(): DateMention[] {
  const joined = mergeRanges(text, mergeDayAndName(text, mergeWeekday(text, mergeParenthesised(text, bracketNotes(text, selectLongest(cands))))), pub);
  const merged = bareDayRanges(text, festivalHeadings(text, inheritSentenceYear(text, inheritParagraphMonth(text, inheritListed(text, joined)), pub)));
  return mergeTimeRanges(text, extend(text, resolveAnaphora(text, comparisonBases(text, reportedQuarter(text, merged, pub, context.previousQuarter ?? null), context.previous ?? null), anaphora, pub, context.previous ?? null, context.previousDay ?? null), pub))
    .filter((c): c is Cand & { value: DateValue } => c.value !== null)
    .map((c) => ({ start: c.start, end: c.end, type: 'DATE' as const, value: c.value, score: c.score, ...(c.base ? { base: true } : {}) }));
  }
}

/**
 * In next year's holiday timetable, a date without a year of its own takes the timetable's year (`shifted`: the
 * same text read as if published in the middle of that year), except in a sentence that reports the notice itself.
 */
function inSchedule(text: string, own: DateMention[], shifted: DateMention[]): DateMention[] {
  const yearless = (m: DateMention) => !OWN_YEAR.test(text.slice(m.start, m.end)) && !REPORTING.test(sentenceAround(text, m.start));
  const out: DateMention[] = [];
  const used = new Set<DateMention>();
  for (const sm of shifted) {
    const mine = own.filter((m) => m.start < sm.end && sm.start < m.end);
    // (the shifted reading may join what the own one leaves apart: `除夕(2月9日)`, one day once both are next year's)
    if (!mine.length || !yearless(sm) || !mine.every(yearless) || mine.some((m) => m.start < sm.start || m.end > sm.end)) continue;
    out.push(sm);
    for (const m of mine) used.add(m);
  }
  return [...out, ...own.filter((m) => !used.has(m))].sort((x, y) => x.start - y.start);
}

/** The sentence around `pos` (between sentence marks or line breaks), at most 60 characters each way. */
function sentenceAround(text: string, pos: number): string {
  let a = pos;
  while (a > 0 && pos - a < 60 && !/[。；;！!？?\n]/.test(text[a - 1])) a--;
  return text.slice(a, pos) + clauseFrom(text, pos);
}

/** A resolved value that is one day (a day, or an hour or minute of it). */
export function isSingleDay(v: DateValue | null | undefined): v is DateValue & { start: string; end: string } {
  return !!v?.start && !!v.end && !v.vague && !v.start.startsWith('XXXX') && v.start.slice(0, 10) === v.end.slice(0, 10) && /day|hour|minute/.test(v.grain);
}

/** A resolved value that is one calendar quarter. */
export function isSingleQuarter(v: DateValue | null | undefined): v is DateValue & { start: string; end: string } {
  return v?.grain === 'quarter' && !!v.start && !!v.end && !v.vague && !v.start.startsWith('XXXX') && quarterOf(v.start) === quarterOf(v.end);
}

/**
 * `本季度` in a results story is the quarter it reports: the last single quarter named before it, where that quarter
 * ended in the three months before published (`第二季度…本季度毛利率` in August); a forecast (`预估本季营收`) and a
 * story without such a quarter mean the calendar quarter of published.
 */
function reportedQuarter(text: string, cands: Cand[], pub: Ymd | null, before: DateValue | null): Cand[] {
  if (!pub || !/本季/.test(text)) return cands;
  const today = iso(pub.y, pub.m, pub.d);
  const single = (v: DateValue | null) => (isSingleQuarter(v) ? v : null);
  let last = single(before);
  for (const c of cands) {
    const word = text.slice(c.start, c.end);
    if (/^本季度?$/.test(word) && last && last.end! < today && (Date.parse(today) - Date.parse(last.end!)) / 86_400_000 <= 92 && !PLAN.test(sentenceAround(text, c.start))) {
      c.value = span(last.start!, last.end!, 'quarter');
      continue;
    }
    if (!/^本季度?$/.test(word)) last = single(c.value) ?? last;
  }
  return cands;
}

/** A period compared with: `较上月`, `比上个月`, `较前一季`, `环比上季度`. */
const RE_BASE = /^(?:上个?月|上一个?月|上一?季度?|前一季度?)$/;
/** The end of the year before, compared with (`借款……比上年底增加`): the year before the last date mentioned. */
const RE_BASE_YEAR_END = /^上一?年[底末]$/;
/** The end of the month before, compared with (`余额……比上月末低`): the month before the last month's end mentioned. */
const RE_BASE_MONTH_END = /^上个?月[底末]$/;
const COMPARED = /(?:比|较|相比|相较于?|对比|与|和|由)$/;

/**
 * A period compared with is the one before the period just mentioned (`11月份…比上月加快` is October,
 * `第四季毛利率…较前一季下滑` the third quarter), whenever that period is one month or one quarter;
 * `before` is the last date of the paragraphs before.
 */
function comparisonBases(text: string, cands: Cand[], before: DateValue | null): Cand[] {
  // the last single month and the last single quarter mentioned (a festival's day between them does not count)
  const single = (v: DateValue | null, grain: 'month' | 'quarter'): DateValue | null =>
    grain === 'quarter' ? (isSingleQuarter(v) ? v : null)
      : v?.start && v.end && !v.vague && !v.start.startsWith('XXXX') && v.grain === 'month' && v.start.slice(0, 7) === v.end.slice(0, 7) ? v : null;
  const last: Record<'month' | 'quarter', DateValue | null> = { month: single(before, 'month'), quarter: single(before, 'quarter') };
  let lastAt = -1; // where the last single month or quarter of this text ends
  let lastMonthEnd: string | null = null; // the last month's end mentioned (`12月末`)
  let lastYear: number | null = before?.end && !before.vague && !before.start?.startsWith('XXXX') ? Number(before.end.slice(0, 4)) : null;
  for (const c of cands) {
    const word = text.slice(c.start, c.end);
    // `第三季增长1.8%，上季为2.5%`: a bare previous period that states its own figure after the period of the sentence
    const answered = RE_BASE.test(word) && lastAt >= 0 && !/[。！？!?\n]/.test(text.slice(lastAt, c.start)) &&
      /^(?:(?:则|則)?[为為]|(?:同期)?(?:则|則)[为為])/.test(text.slice(c.end, c.end + 3)) && /[，,；;]\s?$/.test(text.slice(c.start - 2, c.start));
    const compared = answered || COMPARED.test(text.slice(Math.max(0, c.start - 4), c.start));
    // `12月末余额……比上月末低`: the end of the month before the month-end just mentioned
    if (compared && RE_BASE_MONTH_END.test(word)) {
      c.base = true;
      if (lastMonthEnd) {
        const [y, m] = [Number(lastMonthEnd.slice(0, 4)), Number(lastMonthEnd.slice(5, 7))];
        const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
        c.value = dayValue(py, pm, daysInMonth(py, pm));
      }
      continue;
    }
    if (compared && RE_BASE_YEAR_END.test(word)) {
      c.base = true;
      if (lastYear !== null) c.value = monthValue(lastYear - 1, 12);
      continue;
    }
    if (compared && RE_BASE.test(word)) {
      c.base = true;
      const grain = word.includes('季') ? 'quarter' : 'month';
      const from = last[grain];
      if (from) {
        const [y, m] = [Number(from.start!.slice(0, 4)), Number(from.start!.slice(5, 7))];
        const back = grain === 'month' ? 1 : 3;
        const [py, pm] = m - back < 1 ? [y - 1, m - back + 12] : [y, m - back];
        c.value = grain === 'month' ? monthValue(py, pm) : quarterValue(py, Math.floor((pm - 1) / 3) + 1);
      }
      continue;
    }
    // a period compared with (`2月营收较1月下滑`, `比去年提升`) is not the period the text is about, nor what a later
    // `同期` refers back to
    if (compared) {
      // (`由下星期一起`: a start, not a period compared with)
      if (!/^(?:起|开始)/.test(text.slice(c.end, c.end + 2))) c.base = true;
      continue;
    }
    const v = c.value;
    if (v?.start && v.grain === 'day' && v.start === v.end && !v.vague && !v.start.startsWith('XXXX') && Number(v.start.slice(8, 10)) === daysInMonth(Number(v.start.slice(0, 4)), Number(v.start.slice(5, 7)))) lastMonthEnd = v.start;
    if (single(c.value, 'month') || single(c.value, 'quarter')) lastAt = c.end;
    last.month = single(c.value, 'month') ?? last.month;
    last.quarter = single(c.value, 'quarter') ?? last.quarter;
    if (c.value?.start && !c.value.vague && !c.value.start.startsWith('XXXX')) lastYear = Number(c.value.end!.slice(0, 4));
  }
  return cands;
}

const quarterOf = (d: string) => `${d.slice(0, 4)}Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3)}`;

/** Five-year plans: `十三五`, `“十四五”期间`, `“十三五”末` (the Nth plan starts in 2016 + 5(N − 13)). */
const RE_PLAN = /十([一二三四五六])五([”"])?(期间|时期|末|初)?/g;
/** Taiwan's 民国 years (+1911): `114年度`, `115年底`, `113年第一季`, `113年3月5日`, `民國38年`. */
const RE_ROC = new RegExp(
  `(?<![\\d.〇○零一二三四五六七八九十])(?:民[国國] ?(\\d{1,3})|(1[0-4]\\d|一[〇○零一二三四][〇○零一二三四五六七八九]))年(?!来|之久|多年|历史)` +
    `(?:(${MON})月份?(?:(${DAY})[日号]|(${MPART}))?|(度)?(底|末|初|上半年|下半年|全年|首季度?|第?${Q}季度?)?)`,
  'g',
);
/** A 民国 date stamp closing a line after a bracketed credit: `（编辑：杨凯翔）1141107`. */
const RE_ROC_STAMP = /[)）]\s?(1[01]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/gm;
/** A slashed 民国 date: `114/9/24`. */
const RE_ROC_SLASH = /(?<![\d/.])(1[01]\d)\/(1[0-2]|0?[1-9])\/(3[01]|[12]\d|0?[1-9])(?![\d/.])/g;
/** Dates in English on scraped pages: `18 Nov 2024`, `02 May`, `November 18, 2024`, `Nov. 18`. */
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EN_MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`;
const RE_EN_DATE = new RegExp(
  String.raw`(?<![A-Za-z\d])(\d{1,2}) ${EN_MONTH}(?: (\d{4}))?(?![A-Za-z\d])|(?<![A-Za-z\d])${EN_MONTH} (\d{1,2})(?:,? (\d{4}))?(?![A-Za-z\d])`,
  'g',
);
/** Half-years in Latin: `2025H1`, `2025 H2`, `H1 2025`, `1H25`. */
const RE_HN = /(?<![A-Za-z\d])(?:((?:19|20)\d{2}) ?H([12])|H([12]) ?((?:19|20)\d{2})|([12])H ?(\d{2}))(?![A-Za-z\d])/g;
/** A year written without 年 before a part of it: `2025上半年`, `2024全年`, `2025三季度末`, Taiwan's `2023首季`, `2023第一季`. */
const RE_YEAR_PART_BARE = /(?<![\d.])((?:19|20)\d{2})(上半年|下半年|全年|第?[一二三四]季度(?:末|底)?|前[二三]季度|首季度?|第[一二三四1-4]季(?![度\d]))/g;
/** Quarters written `Q4`, `2025Q4`, `2025年Q4`. */
const RE_QN = /(?<![A-Za-z\d])(?:(\d{4}) ?年? ?|(\d{2}) ?年 ?)?Q([1-4])(?![A-Za-z\d])/g;
/** `今` alone (Taiwan and Hong Kong print) after a name or a clause break, before what was done today (not a word of its own: `今年`, `今后`, `今昔`). */
const RE_TODAY_ALONE =
  /(?<=[\p{Script=Han}）)」”,，])(?<![至迄如当现古而从自于於到直及今即距据汔])今(?=\p{Script=Han})(?![年月日天晚早后朝次届期季周夜午生世人古昔春夏秋冬明来时刻番回度岁际夕儿者是非为个宵晨起])/gu;
/** 本年度, 上年度, 今年度, 下个财政年度, 新财年: a (fiscal) year relative to published. */
const RE_REL_FY = /(本|今|上|去|下|明)年度|(本|今|上|下|新)(?:个|一个?)?(?:财政年度|财年)/g;
/** A year before a name (`2024长沙国际工程机械展`, `2026斯诺克世锦赛`): only years near published. */
const RE_NAME_YEAR = /(?:19|20)\d\d(?=[\u4e00-\u9fff])(?![年月日号元万亿千百多余个件人名家项套辆只头次届期号楼层米吨]|台(?![湾北中南东]))/g; // `2024台设备` is a count, `2024台湾灯会` a year
/** A year after a name, closing it (`居屋2025`, `「香港街馬2025」`, `財政預算案2025︱`): only years near published — or any
 * year up to the next one where a closing bracket ends the name with it (`「居屋2023」`, `【金像獎2024】`, `《报告2023》`). */
const RE_YEAR_AFTER_NAME = /(?:19|20)\d\d(?=[」』”"）)\]】》\s,，。、;；:：︱|]|$)/gm;
/** Anaphora: `同期`, `去年同期`, `上年同期`, `2024年同月`: the period just mentioned, in that year (not `历年同期`, every year's). */
const RE_SAME = /(?<!不可|历年|往年|历史)同[期月日](?!而语|新高|新低|最|次高|次低|高位|低位|纪录)/g;
const RE_SAME_YEAR = new RegExp(`(?<![不共一想])[同当]年(?![龄级代纪度底末初轻青少华])(?:(${MON})月(?:(${DAY})[日号])?)?`, 'g');
/** A bare year listed before a year with 年 (`2027及2030年`, `2024、2025年`) is a year too. */
const RE_LISTED_YEAR = /(?<![\d.])((?:19|20)\d{2})(?=(?:、|及|和|与|或|、\s)(?:19|20)\d{2}年)/g;
/** A bare `全月` (not `11月全月`, one mention; not `全月份`). */
const RE_WHOLE_MONTH = /(?<![月\d])全月(?![份薪])/g;
/** Anaphoric days: `当天`, `当日`, `当晚` (the day just mentioned), `次日`, `翌日`, `隔天` (the day after it), `前一天`. */
const RE_THAT_DAY = /(?<![每适相日提])(当天|当日|当晚|当夜|次日|翌日|隔天|隔日|第二天|前一天|前一日)/g;
const THAT_DAY_SHIFT: Record<string, number> = { 次日: 1, 翌日: 1, 隔天: 1, 隔日: 1, 第二天: 1, 前一天: -1, 前一日: -1 };
/** Two years or days named together: `今明两年`, `明后两天`. */
const RE_PAIR = /(今明|明后)两(年|天|日)|(今)、?明(年)(?![度级])/g;
/** A few days before / after published: `数日前`, `几天后`. */
const RE_FEW_DAYS = /(?:数|几|多)(?:天|日)(之前|之后|以前|以后|前|后)|(?<![提之以])前(?:几|两|些)(?:天|日子)/g;
/** What stands before `同期`: a year, and the holiday it is about (`2022年节日同期`, `去年假期同期`). */
const SAME_PREFIX = /(?:(去年|上年|今年)|(?<![\d.])(\d{4})年)(?:节日|节假日|假期|春节|国庆)?的?$/;
/** 春运, the 40-day travel season from 15 days before 春节, with its year or as a day of it: `2025年春运`, `春运第31天`. */
const RE_CHUNYUN = new RegExp(`(?:(?<![\\d])(\\d{4}) ?年|(今年|去年|明年))?春运(首日|第(\\d{1,2}|${CN_NUM})天)?`, 'g');
/** A bare 黄金周 (`澳门黄金周暂录28万入境`): the holiday week of the season published is in. */
const RE_GOLDEN_WEEK = /(?<![庆一动])黄金周(档期)?/g;

type Add = (start: number, end: number, value: DateValue | null, score: number, parts?: Parts) => void;
/** Anaphoric candidates by start: the year shift (`去年同期`: −1) or the stated year (`2024年同月`). */
type Anaphora = Map<number, { shift: number; year?: number; days?: number; quarter?: boolean; wholeYear?: boolean; wholeMonth?: boolean; month?: number; day?: number }>;
/** `当季` before a figure of a report, `季内`: the quarter just mentioned (`单季`, a single quarter as a measure, is
 * no date: `创单季新高`). */
const RE_THAT_QUARTER = /(?<![每])当季(?=营收|营业|净利|净收益|收益|盈利|溢利|毛利|收入|业绩|获利|每股|出货|销售|销量|旅客|访客|入境|出口|进口|经济|亏损|合并|博彩|赌收|经调整|GDP|EPS|EBITDA)|(?<![一二三四1-4第每本上下首])季内(?=[\p{Script=Han}A-Za-z])/gu;

/**
 * China's dynasties and historical periods, first and last year (negative: BCE), as history and archaeology news
 * writes them (`汉代`, `唐朝`, `十六国时期`, `东周至隋唐时期`, `明代嘉靖年间`: a reign's years are read as its dynasty's): the periods before the common era and the dynasties
 * that span it have no ISO value (unresolved); the others are vague spans of grain century.
 */
const PERIODS: Record<string, [number, number]> = {
  夏: [-2070, -1600], 商: [-1600, -1046], 周: [-1046, -256], 西周: [-1046, -771], 东周: [-770, -256], 春秋: [-770, -476],
  战国: [-475, -221], 春秋战国: [-770, -221], 先秦: [-2070, -221], 秦: [-221, -207], 汉: [-202, 220], 西汉: [-202, 8], 东汉: [25, 220], 三国: [220, 280],
  魏晋: [220, 420], 晋: [266, 420], 西晋: [266, 316], 东晋: [317, 420], 十六国: [304, 439], 南北朝: [420, 589], 六朝: [222, 589],
  北魏: [386, 534], 东魏: [534, 550], 西魏: [535, 557], 北齐: [550, 577], 北周: [557, 581], 隋: [581, 618], 唐: [618, 907],
  五代: [907, 960], 五代十国: [907, 979], 宋: [960, 1279], 北宋: [960, 1127], 南宋: [1127, 1279], 辽: [916, 1125], 金: [1115, 1234],
  西夏: [1038, 1227], 元: [1271, 1368], 明: [1368, 1644], 清: [1644, 1912], 秦汉: [-221, 220], 汉唐: [-202, 907], 隋唐: [581, 907],
  唐宋: [618, 1279], 宋元: [960, 1368], 元明: [1271, 1644], 明清: [1368, 1912],
};
/** Names that are a period written alone (`战国`, `十六国`); the others only with 代/朝/时期… (`汉代`, `三国时期`: `三国` alone is three countries). */
const PERIOD_ALONE = new Set(['西周', '东周', '春秋战国', '战国', '先秦', '西汉', '东汉', '西晋', '东晋', '十六国', '南北朝', '北魏', '东魏', '西魏', '北齐', '北宋', '南宋', '五代十国', '秦汉', '隋唐', '明清']);
const PERIOD_NAME = Object.keys(PERIODS).sort((a, b) => b.length - a.length).join('|');
/** What a text holds if it names a period: a period word, or a name that may stand alone (a cheap test before RE_PERIOD). */
const PERIOD_CUE = new RegExp(`[代朝]|时期|年间|${[...PERIOD_ALONE].join('|')}`);
/** 代/朝 after one character's dynasty, not the first of a word (`商代表`, `宋朝阳`); 时期, 年间 and the like after any. */
const PERIOD_WORD = String.raw`(?:代(?![表理言码替价号销办购扣缴工谢际数付金收管持驾课])|朝代|朝(?![阳鲜向着野气夕圣拜廷代])|时期|年间|初年|末年|初期|中期|晚期|末期|早期)`;
const RE_PERIOD = new RegExp(
  String.raw`(?<a>${PERIOD_NAME})(?<aw>${PERIOD_WORD})?(?:(?:至|到|—|－|-)(?<b>${PERIOD_NAME})(?<bw>${PERIOD_WORD})?)?(?<tail>时期|年间)?(?<reign>(?<=[代朝])\p{Script=Han}{2}年间)?`,
  'gu',
);

/** One-character words after which a period may start though a Han character comes before it (`建于明代`, `在东汉`). */
const BEFORE_PERIOD = /[于在自从至到及与和是为的属即或]/;

/** A dynasty or a range of them: its vague span (unresolved before the common era), or null where it is not one. */
function periodValue(g: Record<string, string | undefined>, before: string, after: string): DateValue | null {
  const a = g.a!;
  const b = g.b;
  // a one-character dynasty, or a name written alone, opens no word (`资金代付`, `美元代替`, `陕西周至` holds no `西周`)
  const insideWord = /\p{Script=Han}/u.test(before) && !BEFORE_PERIOD.test(before);
  if (insideWord && (a.length === 1 || (!g.aw && !b && !g.tail))) return null;
  // (a name alone ends a word: `战国、`, `十六国的`, not `隋唐洛阳城`, `华东周边`)
  const alone = PERIOD_ALONE.has(b ?? a) && /^(?:[^\p{Script=Han}]|[的和与及至到]|$)/u.test(after);
  // (a range's first name needs its word unless it may stand alone: `东周至隋唐时期`, `汉代至六朝时期`)
  if (b ? !((g.aw || PERIOD_ALONE.has(a)) && (g.bw || g.tail || alone)) : !(g.aw || g.tail || alone)) return null;
  const [y1] = PERIODS[a];
  const [, y2] = PERIODS[b ?? a];
  if (y2 < y1) return null;
  return y1 < 1 ? unresolved('century', true) : span(iso(y1, 1, 1), iso(y2, 12, 31), 'century', true);
}

/** Five-year plans, 民国 years (Taiwan), `Q4`, `本年度`, years before names, and `同期` anaphora. */
function addMore(text: string, pub: Ymd | null, region: Region, add: Add, anaphora: Anaphora): void {
  for (const m of PERIOD_CUE.test(text) ? text.matchAll(RE_PERIOD) : []) {
    const v = periodValue(m.groups!, text[m.index - 1] ?? '', text.slice(m.index + m[0].length, m.index + m[0].length + 1));
    if (v) add(m.index, m.index + m[0].length, v, 0.75);
  }
  for (const m of text.includes('十') ? text.matchAll(RE_PLAN) : []) {
    const open = /[“"]/.test(text[m.index - 1] ?? '');
    if (open !== !!m[2]) continue; // unbalanced quotes
    const n = 10 + num(m[1]);
    const y1 = 2016 + 5 * (n - 13);
    let v: DateValue | null = span(iso(y1, 1, 1), iso(y1 + 4, 12, 31), 'year');
    if (m[3] === '末') v = monthValue(y1 + 4, 12);
    else if (m[3] === '初') v = monthsValue(y1, 1, 12, 'year', true);
    // Quotes belong to the span only with what follows them (`“十四五”期间`); alone the name is inside them.
    const [a, b] = m[3] ? [m.index - (open ? 1 : 0), m.index + m[0].length] : [m.index, m.index + m[0].length - (m[2] ? 1 : 0)];
    add(a, b, v, 0.85);
  }
  // Taiwan and Hong Kong print: `今` alone before what someone did today (`市府今表示`, `议会今先通过`) is today
  if (pub && region !== 'CN' && text.includes('今')) {
    for (const m of text.matchAll(RE_TODAY_ALONE)) add(m.index, m.index + 1, dayValue(pub.y, pub.m, pub.d), 0.7);
  }
  for (const m of region === 'TW' || /民[国國]/.test(text) ? text.matchAll(RE_ROC) : []) {
    if (m[2] && region !== 'TW') continue; // a bare 113年 is a 民国 year only in Taiwan
    const y = (m[1] ? +m[1] : yearNum(m[2])) + 1911; // `115年`, `一一五年`
    if (m[3]) {
      const mo = num(m[3]);
      const d = m[4] ? num(m[4]) : undefined;
      add(m.index, m.index + m[0].length, m[5] ? monthPart(y, mo, m[5]) : fromParts({ y, m: mo, d }, pub), 0.9, { y, m: mo, d });
      continue;
    }
    const part = m[7] === '底' || m[7] === '末' ? '年底' : m[7] === '初' ? '年初' : m[7];
    add(m.index, m.index + m[0].length, part ? yearPart(y, part) : yearValue(y), 0.85);
  }
  for (const m of /[A-Z][a-z]/.test(text) ? text.matchAll(RE_EN_DATE) : []) {
    const d = +(m[1] ?? m[5]);
    const mo = EN_MONTHS.indexOf((m[2] ?? m[4]).slice(0, 3)) + 1;
    const y = m[3] ?? m[6];
    if (!mo || !(d >= 1 && d <= 31)) continue;
    add(m.index, m.index + m[0].length, fromParts(y ? { y: +y, m: mo, d } : { m: mo, d }, pub), 0.8, y ? { y: +y, m: mo, d } : { m: mo, d });
  }
  // Taiwan's 民国 days written as numbers: the wire's stamp after an editor's credit (`（编辑：杨凯翔）1141107`) and
  // slashed dates (`114/9/24`)
  if (region === 'TW') {
    for (const m of text.matchAll(RE_ROC_STAMP)) {
      const [y, mo, d] = [+m[1] + 1911, +m[2], +m[3]];
      if (isValid(y, mo, d)) add(m.index + m[0].length - 7, m.index + m[0].length, dayValue(y, mo, d), 0.85, { y, m: mo, d });
    }
    for (const m of text.matchAll(RE_ROC_SLASH)) {
      const [y, mo, d] = [+m[1] + 1911, +m[2], +m[3]];
      if (isValid(y, mo, d)) add(m.index, m.index + m[0].length, dayValue(y, mo, d), 0.85, { y, m: mo, d });
    }
  }
  for (const m of text.includes('Q') ? text.matchAll(RE_QN) : []) {
    // (`25年Q3`: a two-digit year with 年)
    const y = m[1] ? +m[1] : m[2] ? 2000 + +m[2] : pub ? quarterYear(+m[3], pub) : null;
    add(m.index, m.index + m[0].length, y === null ? unresolved('quarter') : quarterValue(y, +m[3]), 0.8);
  }
  for (const m of /H/.test(text) ? text.matchAll(RE_HN) : []) {
    const y = m[1] ? +m[1] : m[4] ? +m[4] : 2000 + +m[6];
    const h = +(m[2] ?? m[3] ?? m[5]);
    add(m.index, m.index + m[0].length, monthsValue(y, h === 1 ? 1 : 7, h === 1 ? 6 : 12, 'halfyear'), 0.8);
  }
  for (const m of text.matchAll(RE_YEAR_PART_BARE)) add(m.index, m.index + m[0].length, yearPart(+m[1], m[2]), 0.9);
  for (const m of /年度|财年/.test(text) ? text.matchAll(RE_REL_FY) : []) {
    if (!pub) {
      add(m.index, m.index + m[0].length, unresolved('year'), 0.8);
      continue;
    }
    const word = m[1] ?? m[2];
    // (`新财政年度`: the one about to begin early in the year — April in Hong Kong — else the one under way)
    const upcoming = region === 'HK' ? pub.m < 4 : pub.m >= 11;
    const off = word === '新' ? (upcoming ? 1 : 0) : /[本今]/.test(word) ? 0 : /[上去]/.test(word) ? -1 : 1;
    // Hong Kong's fiscal year runs April–March.
    const y = (region === 'HK' && pub.m < 4 ? pub.y - 1 : pub.y) + off;
    add(m.index, m.index + m[0].length, region === 'HK' ? span(iso(y, 4, 1), iso(y + 1, 3, 31), 'year') : yearValue(y), 0.8);
  }
  if (pub) {
    for (const m of text.matchAll(RE_NAME_YEAR)) {
      if (/[\dA-Za-z.\-/:]/.test(text[m.index - 1] ?? '')) continue;
      const y = +m[0];
      if (Math.abs(y - pub.y) <= 1) add(m.index, m.index + 4, yearValue(y), 0.6);
    }
    for (const m of text.matchAll(RE_YEAR_AFTER_NAME)) {
      // (after a Chinese character of a name, not after a number's mark: `编号第2025`)
      const before = text[m.index - 1] ?? '';
      const closed = /[」』】》]/.test(text[m.index + 4] ?? '');
      // (or after a bracketed part of a title it closes: `《…报告(高校篇)2023》`)
      if (!(/[\u4e00-\u9fff]/.test(before) || (closed && /[)）]/.test(before))) || /[第号號码碼]/.test(before)) continue;
      const y = +m[0];
      if (Math.abs(y - pub.y) <= 1 || (closed && y <= pub.y + 1)) add(m.index, m.index + 4, yearValue(y), 0.6);
    }
  }
  for (const m of /当|次|翌|隔|前一|第二天/.test(text) ? text.matchAll(RE_THAT_DAY) : []) {
    anaphora.set(m.index, { shift: 0, days: THAT_DAY_SHIFT[m[1]] ?? 0 });
    add(m.index, m.index + m[0].length, unresolved('day'), 0.7);
  }
  for (const m of text.matchAll(RE_LISTED_YEAR)) add(m.index, m.index + 4, yearValue(+m[1]), 0.85);
  for (const m of /两[年天日]|今、?明年/.test(text) ? text.matchAll(RE_PAIR) : []) {
    // (`今、明年`, `今明年`: this year and the next, as `今明两年`)
    const first = m[1] === '今明' || m[3] ? 0 : 1;
    const unit = m[2] ?? m[4];
    if (!pub) add(m.index, m.index + m[0].length, unresolved(unit === '年' ? 'year' : 'day'), 0.8);
    else if (unit === '年') add(m.index, m.index + m[0].length, span(iso(pub.y + first, 1, 1), iso(pub.y + first + 1, 12, 31), 'year'), 0.8);
    else {
      const today = iso(pub.y, pub.m, pub.d);
      add(m.index, m.index + m[0].length, span(addDays(today, first), addDays(today, first + 1), 'day'), 0.8);
    }
  }
  for (const m of /[数几多两些][天日]/.test(text) ? text.matchAll(RE_FEW_DAYS) : []) {
    if (!pub) {
      add(m.index, m.index + m[0].length, unresolved('day', true), 0.75);
      continue;
    }
    const today = iso(pub.y, pub.m, pub.d);
    // `几天前` and `前几天` (the other day) look back; `几天后` forward
    const back = m[1] === undefined || m[1].includes('前');
    add(m.index, m.index + m[0].length, back ? span(addDays(today, -9), addDays(today, -2), 'day', true) : span(addDays(today, 2), addDays(today, 9), 'day', true), 0.75);
  }
  for (const m of text.includes('春运') ? text.matchAll(RE_CHUNYUN) : []) {
    const year = m[1] ? +m[1] : m[2] && pub ? relYear(pub, relYearOffset(m[2])) : null;
    if (year === null && !m[3]) continue; // a bare 春运 names the season, not a date
    const season = (y: number) => shift(festivalDay('春节', y), -15);
    let first = year !== null ? season(year) : null;
    if (year === null && pub) {
      // the season nearest published: this lunar year's, or next year's once this one is long over
      const today = iso(pub.y, pub.m, pub.d);
      first = [pub.y, pub.y + 1].map(season).find((d) => d !== null && (Date.parse(d) - Date.parse(today)) / 86_400_000 > -75) ?? null;
    }
    if (!first) {
      add(m.index, m.index + m[0].length, pub || year !== null ? null : unresolved('day'), 0.8);
      continue;
    }
    const day = m[3] ? addDays(first, m[4] ? num(m[4]) - 1 : 0) : null;
    add(m.index, m.index + m[0].length, day ? span(day, day, 'day') : span(first, addDays(first, 39), 'day'), 0.85);
  }
  for (const m of pub && text.includes('黄金周') ? text.matchAll(RE_GOLDEN_WEEK) : []) {
    const name = pub!.m >= 9 && pub!.m <= 11 ? '国庆' : pub!.m >= 4 && pub!.m <= 6 ? '五一' : null;
    if (name) add(m.index, m.index + m[0].length, festival(name, '黄金周', undefined, undefined, pub), 0.75);
  }
  // `今(2023)年`: this year with its number in brackets (Macao and Taiwan papers), with a part after it (`今(2023)年首季`)
  for (const m of text.includes(')年') ? text.matchAll(RE_PAREN_YEAR) : []) {
    const y = +m[2];
    const v = m[3] ? yearPart(y, m[3]) : yearValue(y);
    if (v) add(m.index, m.index + m[0].length, v, 0.85);
  }
  // a bare `年内` (`预计年内投产`, `在年内累计升幅`): the published year; not a count's (`三年内`, `近年内`)
  for (const m of pub && text.includes('年内') ? text.matchAll(RE_BARE_WITHIN_YEAR) : []) add(m.index, m.index + m[0].length, yearValue(pub!.y), 0.7);
  // a schedule's `10/18(六) 17:05`: month/day with its weekday in brackets (the weekday picks the year next to published)
  for (const m of pub && text.includes('/') ? text.matchAll(RE_SLASH_DAY_WEEKDAY) : []) {
    const [mo, d] = [+m[1], +m[2]];
    const y = [pub!.y, pub!.y + 1, pub!.y - 1].find((yy) => isValid(yy, mo, d) && weekday(iso(yy, mo, d)) === weekdayNumber(m[3]));
    if (y === undefined) continue;
    const day = iso(y, mo, d);
    const at = m[4] !== undefined && +m[4] <= 23 ? `${day}T${m[4].padStart(2, '0')}:${m[5]}` : null;
    add(m.index, m.index + (at ? m[0].length : m[0].indexOf(')') + 1), at ? span(at, at, 'minute') : span(day, day, 'day'), 0.85);
  }
  // `今(4/27)`: today, yesterday or tomorrow with its month/day in brackets (Taiwan papers), when they agree
  for (const m of pub && text.includes('/') ? text.matchAll(RE_PAREN_MONTH_DAY) : []) {
    const day = addDays(iso(pub!.y, pub!.m, pub!.d), m[1] === '昨' ? -1 : m[1] === '明' ? 1 : 0);
    if (Number(day.slice(5, 7)) !== +m[2] || Number(day.slice(8, 10)) !== +m[3]) continue;
    add(m.index, m.index + m[0].length, span(day, day, 'day'), 0.85);
  }
  // trading days (weekdays; a market's own holidays are not known here): `上一个交易日`, `近3个交易日`
  for (const m of pub && text.includes('交易日') ? text.matchAll(RE_TRADING_DAYS) : []) {
    const today = iso(pub!.y, pub!.m, pub!.d);
    if (m[1]) {
      const d = weekdaysBack(today, 1, false);
      add(m.index, m.index + m[0].length, span(d, d, 'day'), 0.8);
    } else {
      const n = /\d/.test(m[2]) ? Number(m[2]) : num(m[2].replace(/两/g, '二'));
      if (n >= 1 && n <= 30) add(m.index, m.index + m[0].length, span(weekdaysBack(today, n, true), today, 'day'), 0.8);
    }
  }
  // `七下八上`, the flood-control season's peak: the last third of July and the first of August
  for (const m of pub && text.includes('七下八上') ? text.matchAll(/(?:(今年|去年)|(?<![\d.])((?:19|20)\d{2})年)?七下八上/g) : []) {
    const y = m[2] ? +m[2] : pub!.y + (m[1] === '去年' ? -1 : 0);
    add(m.index, m.index + m[0].length, span(iso(y, 7, 21), iso(y, 8, 10), 'day'), 0.8);
  }
  for (const m of text.includes('同') ? text.matchAll(RE_SAME) : []) {
    const p = SAME_PREFIX.exec(text.slice(Math.max(0, m.index - 8), m.index));
    const start = m.index - (p ? p[0].length : 0);
    const shift = p?.[1] === '去年' || p?.[1] === '上年' ? -1 : 0;
    // a bare `同日` is the day just named, like `当日` (`同日，协鑫集成发布…`)
    if (!p && m[0] === '同日') {
      anaphora.set(start, { shift: 0, days: 0 });
      add(start, m.index + 2, unresolved('day'), 0.75);
      continue;
    }
    anaphora.set(start, { shift, year: p?.[2] ? +p[2] : undefined });
    add(start, m.index + 2, unresolved(m[0].endsWith('日') ? 'day' : 'month', true), 0.75);
  }
  // `同年`, `当年`: the year of the date just mentioned (not `同年龄`, `同年级`, `一同年…`, `想当年`, `当年轻人`)
  for (const m of /[同当]年/.test(text) ? text.matchAll(RE_SAME_YEAR) : []) {
    const mo = m[1] ? num(m[1]) : undefined;
    const d = m[2] ? num(m[2]) : undefined;
    if (mo !== undefined && (mo < 1 || mo > 12)) continue;
    anaphora.set(m.index, { shift: 0, wholeYear: true, month: mo, day: d });
    add(m.index, m.index + m[0].length, unresolved(d ? 'day' : mo ? 'month' : 'year', true), 0.75);
  }
  // a bare `全月` (`全月录12宗成交`): the whole month just mentioned, else published's (`11月全月` is one mention: see extend)
  for (const m of text.includes('全月') ? text.matchAll(RE_WHOLE_MONTH) : []) {
    anaphora.set(m.index, { shift: 0, wholeMonth: true });
    add(m.index, m.index + 2, unresolved('month', true), 0.75);
  }
  // `当季营收`: the quarter just mentioned (only a quarter; `当季水果` is in season)
  for (const m of /当季|季内/.test(text) ? text.matchAll(RE_THAT_QUARTER) : []) {
    anaphora.set(m.index, { shift: 0, quarter: true });
    add(m.index, m.index + 2, unresolved('quarter', true), 0.75);
  }
}

/**
 * `同期` takes the value of the date just before it (in this paragraph, else the last one of the paragraphs before),
 * `去年同期` the same a year earlier, `2024年同月` in 2024.
 */
/** Words for published's day, which an anaphoric day never refers back to. */
export const TODAY_WORD = /^今(?:天|日|\(\S{1,3}\)日)?$/;

function resolveAnaphora(text: string, cands: Cand[], anaphora: Anaphora, pub: Ymd | null, before: DateValue | null = null, beforeDay: DateValue | null = null): Cand[] {
  if (!anaphora.size) return cands;
  let prev: DateValue | null = before;
  // `当晚` at the start of a paragraph is the last day the paragraphs before named
  const day = beforeDay ?? before;
  let prevDay: string | null = isSingleDay(day) ? day.start.slice(0, 10) : null;
  let prevEnd = -1;
  let prevFestival: Cand['inYear'];
  for (const c of cands) {
    const a = anaphora.get(c.start);
    if (a && a.days !== undefined && c.value && c.value.start === null) {
      // 当天 / 次日: the day of the last single-day date before it, else published; right after a date
      // (`元宵节当晚`) it only repeats that date and is not a mention of its own.
      const base: string | null = prevDay ?? (pub ? iso(pub.y, pub.m, pub.d) : null);
      const day: string | null = base ? addDays(base, a.days) : null;
      c.value = c.start === prevEnd ? null : day ? span(day, day, 'day') : unresolved('day');
    } else if (a && c.value && c.value.vague && c.value.start === null) {
      const p: DateValue | null = prev;
      if (a.wholeMonth) {
        const m = p?.start && p.end && !p.vague && !p.start.startsWith('XXXX') && p.start.slice(0, 7) === p.end.slice(0, 7) ? p.start : null;
        c.value = m ? monthValue(Number(m.slice(0, 4)), Number(m.slice(5, 7))) : pub ? monthValue(pub.y, pub.m) : null;
      } else if (a.wholeYear) {
        // `同年` is the year of the date just mentioned, `同年9月` a month of it
        const y = p?.start && !p.vague && !p.start.startsWith('XXXX') ? Number(p.start.slice(0, 4)) : null;
        c.value = y === null ? null : a.month === undefined ? yearValue(y) : a.day === undefined ? monthValue(y, a.month) : isValid(y, a.month, a.day) ? dayValue(y, a.month, a.day) : null;
      }
      else if (a.quarter && p?.grain !== 'quarter') c.value = null;
      else if (p && p.start && p.end && !p.start.startsWith('XXXX') && !p.vague) {
        const move = (d: string) => sameDayIn(d, a.year ?? Number(d.slice(0, 4)) + a.shift);
        c.value = span(move(p.start), move(p.end), p.grain);
        // the same festival's days in that year, where the period was a festival's (`2019年同期` after `清明假期`)
        const festive = prevFestival?.(Number(move(p.start).slice(0, 4)));
        if (festive?.start && festive.end) c.value = festive;
        // `上年同期`, `2019年同期`: a period compared with, never itself what the next `同期` refers back to (a heading
        // `二、上年同期经营业绩` after `与上年同期相比` is still the year before the reported period, not two years)
        if (a.shift !== 0 || a.year !== undefined) c.base = true;
      } else if (!pub) c.value = unresolved('month', true);
    }
    if (c.value && c.value.start && !c.base) {
      prev = periodEnding(text, c.end, c.value) ?? c.value;
      prevFestival = c.inYear;
    }
    prevEnd = c.end;
    const v: DateValue | null = c.value;
    // (today itself is never what `当日` refers back to: `将于1月18日举行，今日举行记者会讲解当日安排`)
    if (isSingleDay(v) && !TODAY_WORD.test(text.slice(c.start, c.end))) prevDay = v.start.slice(0, 10);
  }
  return cands;
}

const PERIOD_ENDING = /^\s?(?:止|为止)(?:的)?(?:(六|6|三|3|九|9|十二|12)个月|(年度|财政年度|财年|全年))/;

/**
 * `截至2025年6月30日止六个月`: results for the period ending that day, which a later `去年同期` moves back a year
 * (the first half of 2024, not 30 June 2024).
 */
function periodEnding(text: string, end: number, v: DateValue): DateValue | null {
  // (a period ends on a month's last day)
  if (!isSingleDay(v) || v.start.length !== 10 || addDays(v.start, 1).slice(8) !== '01') return null;
  const m = PERIOD_ENDING.exec(text.slice(end, end + 8));
  if (!m) return null;
  const n = m[2] ? 12 : { 六: 6, 三: 3, 九: 9, 十二: 12 }[m[1]] ?? Number(m[1]);
  const [y, mo] = [Number(v.start.slice(0, 4)), Number(v.start.slice(5, 7))];
  const back = y * 12 + mo - n; // the month before the period's first
  const first = iso(Math.floor(back / 12), (back % 12) + 1, 1);
  return span(first, v.start, n === 3 ? 'quarter' : n === 6 ? 'halfyear' : n === 12 ? 'year' : 'month');
}

/**
 * The year a paragraph is about at `pos`: the last four-digit year written before it (not one long before the
 * article's year, a reference to the past); else, in a spring story
 * about last year (`articleYear`, written in the paragraphs before: Taipower's 2025 accounts in January), that
 * year; else published's.
 */
function anchorYear(text: string, pos: number, pub: Ymd | null, articleYear?: number): number | null {
  const written = lastYearWritten(text.slice(0, pos), pub?.y ?? null);
  // a year long before the one the article is about (`是2015年苏迪勒台风的3.5倍` in a report on 2025) is a reference
  if (written !== null && !(articleYear !== undefined && written < articleYear - 3)) return written;
  if (pub && aboutLastYear(pub, articleYear)) return articleYear!;
  return pub?.y ?? null;
}

/** A relative year earlier in the sentence, after any year written out there (`对于今年的预测数字,全年旅港人数`): its year. */
function relativeYearBefore(text: string, pos: number, pub: Ymd | null): number | null {
  if (!pub) return null;
  let a = pos;
  while (a > 0 && pos - a < 60 && !/[。！？!?\n；;]/.test(text[a - 1])) a--;
  const before = text.slice(a, pos);
  // (not a year compared with: `较去年同期`, `比去年`)
  const rel = [...before.matchAll(/(?<![比较与])(今|去|明)年(?![度底末初来同])/g)].pop();
  if (!rel) return null;
  if (/(?:19|20)\d{2} ?年/.test(before.slice(rel.index))) return null;
  return pub.y + (rel[1] === '去' ? -1 : rel[1] === '明' ? 1 : 0);
}

/** A story published in the spring about the year before (`公布2025年第四季与全年财报` in February 2026). */
function aboutLastYear(pub: Ymd, articleYear: number | undefined): boolean {
  return articleYear === pub.y - 1 && pub.m <= 4;
}

/** The last four-digit year written in `text` (`2025年`), if any; a target year after `notAfter` (`到2030年`) is not what a report is about. */
export function lastYearWritten(text: string, notAfter: number | null, roc = false): number | null {
  let y: number | null = null;
  // a year compared with (`与2023年同期比较`) is not the one the text is about; in Taiwan text a 民国 year (`114年`) counts
  const re = roc ? /(?<![\d.]|[比较与]|相比|相较)((?:19|20)\d{2}|1[01]\d) ?年(?!代|来|之久|多|以来|历史|前|后)/g : /(?<![\d.]|[比较与]|相比|相较)((?:19|20)\d{2}) ?年(?!代|来|之久|多|以来)/g;
  for (const m of text.matchAll(re)) {
    const year = m[1].length === 3 ? +m[1] + 1911 : +m[1];
    if (notAfter === null || year <= notAfter) y = year;
  }
  return y;
}

/**
 * The year of month `m` named without one: published's, or the year before when the month is more than six months
 * after published — news means the past (`11月` in a January report is last November; `6月` in January is this June).
 */
function yearOfMonth(m: number, pub: Ymd): number {
  return m > pub.m + 6 ? pub.y - 1 : pub.y;
}

/** The year of quarter `q` named without one: that of its first month (`Q4` in a January report is last year's). */
function quarterYear(q: number, pub: Ymd): number {
  return yearOfMonth((q - 1) * 3 + 1, pub);
}

/** `98年` → 1998, `08年` → 2008: the latest such year not after published + 1. */
function twoDigitYear(n: number, pub: Ymd | null): number {
  const now = pub?.y ?? 2030;
  const y = Math.floor(now / 100) * 100 + n;
  return y > now + 1 ? y - 100 : y;
}

/**
 * A two-digit year is a year when Chinese (`九八年`, not an approximate count like `五六年`),
 * followed by a month (`98年3月`), or an Arabic number that is not round and not after a
 * duration word (`97年香港回归`, but not `成立70年`, `近20年`).
 */
function twoDigitYearOk(text: string, s: number, e: number, y: string, withMonth: boolean): boolean {
  if (y.startsWith("'")) return true;
  if (/^\d/.test(y)) {
    if (withMonth) return true;
    if (+y % 10 === 0 && !y.startsWith('0')) return false;
    if (/(?:近|多|已|满|第|有|共|约|余|超|逾|数|这|那|过去|未来|成立|建成|历经|长达|了|每|前|后)$/.test(text.slice(Math.max(0, s - 2), s))) return false;
    // A recent year (`15年`) is more often a duration (`坚守15年`): only after a preposition or a boundary.
    if (+y < 50 && s > 0 && !/[在于从自到至是,，。;；、(（\s]/.test(text[s - 1])) return false;
    return !/^(?:前|后|内|间|里|中|代|度|级|届|龄|期|多|来|以来|之|半|左右|的时间|时间)/.test(text.slice(e, e + 3));
  }
  const [a, b] = [...y].map((c) => CN_DIGIT[c]);
  if (b === a + 1) return false; // 五六年, 七八年: "five or six years"
  return !/^(?:前|后|内|间|来|之久|多)/.test(text.slice(e, e + 2));
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
  const m = p.m ?? (p.d !== undefined ? pub?.m : undefined);
  // No year: the published one, or the year before for a month more than half a year ahead (yearOfMonth).
  const y = p.y === undefined ? (pub ? (m !== undefined ? yearOfMonth(m, pub) : pub.y) : null) : p.y;
  if (p.d !== undefined && m === undefined) return unresolved(grain);
  if (y === null) {
    // A year unknown from both the text and published: `XXXX-06-09` (relative years stay null).
    if (p.y === null || m === undefined) return unresolved(grain);
    return withoutYear(grain === 'day' ? dayValue(NO_YEAR, m, p.d!) : monthValue(NO_YEAR, m));
  }
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
  // a financial half-year (`上半年度`, `2024年半年度`: the interim period, the first half)
  if (part.endsWith('半年度')) part = part.startsWith('下') ? '下半年' : '上半年';
  if (part.startsWith('首季')) part = '一季度';
  else if (/^首[二三两]季/.test(part)) part = `前${part[1] === '两' ? '二' : part[1]}季度`; // 首三季: the first three quarters
  // the end of a quarter (`三季度末余额`) is its last day, the date a balance is struck on, as 月底 is the month's
  const qEnd = /^第?([一二三四1-4])季度?[末底]$/.exec(part);
  if (qEnd) {
    if (y === null) return unresolved('day');
    const m = num(qEnd[1]) * 3;
    return dayValue(y, m, daysInMonth(y, m));
  }
  const q = /^(前)?第?([一二三四1-4])季度?$/.exec(part);
  const grain: DateGrain = q ? 'quarter' : part.includes('半年') ? 'halfyear' : part === '全年' ? 'year' : 'month';
  if (y === null) return unresolved(grain);
  if (q) {
    const n = num(q[2]);
    return q[1] ? quarterValue(y, 1, n) : quarterValue(y, n);
  }
  switch (part) {
    case '上半年': return monthsValue(y, 1, 6, 'halfyear');
    case '下半年': return monthsValue(y, 7, 12, 'halfyear');
    case '全年': return yearValue(y);
    case '初': case '年初': return monthValue(y, 1);
    case '年中': return monthsValue(y, 6, 7, 'month', true);
    default: return monthValue(y, 12); // 底, 末, 年底, 年末
  }
}

/** The lunar date lm/ld in the lunar year (of the published one, the one before or after) nearest to `pub`. */
function nearestLunar(pub: Ymd, lm: number, ld: number): string | null {
  const at = Date.UTC(pub.y, pub.m - 1, pub.d);
  let best: string | null = null;
  let bestDist = Infinity;
  const year = lunarYearOf(pub);
  for (const dy of [-1, 0, 1]) {
    const s = lunarToSolar(year + dy, lm, ld);
    if (!s) continue;
    const p = parseIso(s)!;
    const dist = Math.abs(Date.UTC(p.y, p.m - 1, p.d) - at);
    if (dist < bestDist) [best, bestDist] = [s, dist];
  }
  return best;
}

/** `3月上旬`, `3月底` … : a window of days in month `m` (vague except 底/末, the last day). */
function monthPart(y: number | null, m: number, part: string): DateValue | null {
  if (m < 1 || m > 12) return null;
  if (y === null) return withoutYear(monthPart(NO_YEAR, m, part));
  const last = daysInMonth(y, m);
  if (part === '上半月') return span(iso(y, m, 1), iso(y, m, 15), 'day');
  if (part === '下半月') return span(iso(y, m, 16), iso(y, m, last), 'day');
  if (part === '底' || part === '末') return span(iso(y, m, last), iso(y, m, last), 'day');
  const [a, b] = part === '上中旬' ? [1, 20] : part === '中下旬' ? [11, last] : /初|上旬/.test(part) ? [1, 10] : /中/.test(part) ? [11, 20] : [21, last];
  return span(iso(y, m, a), iso(y, m, b), 'day', true);
}

/** A month's end stated earlier in the paragraph (`6月末`, `2024年6月底`): the last one before a position. */
const RE_STATED_MONTH_END = /(?:((?:19|20)\d{2})年)?(?<![\d.])(\d{1,2})月(?:份)?[末底]/g;
/** A bare `月末` after a stated month's end in its paragraph (`6月末,…。月末人民币贷款余额`) is that month's end. */
function monthEndAfter(text: string, pos: number, pub: Ymd | null): DateValue | null {
  const before = text.slice(text.lastIndexOf('\n', pos - 1) + 1, pos);
  let last: RegExpMatchArray | undefined;
  for (const m of before.matchAll(RE_STATED_MONTH_END)) last = m;
  if (!last) return null;
  const mo = +last[2];
  if (mo < 1 || mo > 12) return null;
  const y = last[1] ? +last[1] : pub ? yearOfMonth(mo, pub) : null;
  return monthPart(y, mo, '底');
}

/** Words before a weekday that put it ahead of published (`押后至`, `将于`, `定于`, `须在`). */
const AHEAD_BEFORE = /(?:押后至?|押后到|延至|延期至|改至|改于|将于|定于|订于|将在|[须需要]在|[须需]于|直至|预计)$/;

/** Dates relative to the publication date (RE_RELATIVE named groups). */
function relative(m: RegExpMatchArray, pub: Ymd | null): DateValue | null {
  const g = m.groups!;
  const today = pub ? iso(pub.y, pub.m, pub.d) : null;
  if (g.day) {
    const vague = g.day === '近日' || g.day === '日前';
    if (!today) return unresolved('day', vague);
    if (vague) return span(addDays(today, -6), today, 'day', true);
    const off: Record<string, number> = { 今: 0, 今天: 0, 今日: 0, 昨天: -1, 昨日: -1, 昨: -1, 前天: -2, 前日: -2, 后日: 2, 即日: 0, 明天: 1, 明日: 1, 后天: 2, 今晚: 0, 今夜: 0, 今晨: 0, 今早: 0, 今午: 0, 昨午: -1, 明午: 1, 昨晚: -1, 隔晚: -1, 昨夜: -1, 昨早: -1, 昨晨: -1, 明晚: 1, 明早: 1 };
    const d = addDays(today, off[g.day]);
    return span(d, d, 'day');
  }
  if (g.vague) {
    // Conventional windows: 近年(来) five years, 近期 a month, 连日来 a week, 这两天 two days; 往年 none.
    const w = g.vague;
    if (!pub || !today || w === '往年') return unresolved(w.startsWith('近') && w.includes('年') ? 'year' : 'day', true);
    if (w.includes('年')) return span(iso(pub.y - 5, 1, 1), today, 'year', true);
    // 早前 (Hong Kong and Taiwan usage: some time before), 前不久 / 不久前: the month before published, published excluded
    if (w === '早前' || w.includes('不久')) return span(addDays(today, -30), addDays(today, -1), 'day', true);
    const back = w === '近期' ? 30 : w === '连日来' ? 6 : w === '这两天' ? 1 : 2;
    return span(addDays(today, -back), today, 'day', true);
  }
  if (g.quarter) {
    if (!pub) return unresolved('quarter');
    const q = Math.floor((pub.m - 1) / 3) + 1 + (/^[上前]/.test(g.quarter) ? -1 : g.quarter.startsWith('下') ? 1 : 0);
    const y = pub.y + Math.floor((q - 1) / 4);
    return quarterValue(y, ((q - 1 + 4) % 4) + 1);
  }
  if (g.monthEnd) return pub ? monthPart(pub.y, pub.m, '底') : unresolved('day');
  if (g.month) {
    const off = g.month.startsWith('上') ? -1 : g.month.startsWith('下') ? 1 : 0;
    if (!pub) return unresolved(g.mpart ? 'day' : 'month', !!g.mpart && !g.mday && !g.mpart.includes('半月'));
    const t = new Date(Date.UTC(pub.y, pub.m - 1 + off, 1));
    const [y, mo] = [t.getUTCFullYear(), t.getUTCMonth() + 1];
    if (g.mday) return dayValue(y, mo, num(g.mday));
    return g.mpart ? monthPart(y, mo, g.mpart) : monthValue(y, mo);
  }
  if (g.week !== undefined || g.wd) {
    const word = g.week ?? g.wdWeek ?? '';
    const off = { 上上: -14, 下下: 14, 上: -7, 下: 7 }[word] ?? 0;
    if (!today) return unresolved(g.wd || g.weekend ? 'day' : 'week');
    const monday = addDays(today, 1 - weekday(today) + off);
    if (g.weekend === '末') return span(addDays(monday, 5), addDays(monday, 6), 'day');
    if (g.weekend === '初') return span(monday, addDays(monday, 1), 'day', true);
    if (!g.wd) return span(monday, addDays(monday, 6), 'week');
    const wd = weekdayNumber(g.wd);
    let d = addDays(monday, wd - 1);
    // a bare weekday that a word of the future introduces (`押后至周三`, `将于周一`, `须在周三前`) and that published's week has
    // already passed is next week's
    const before = (m.input ?? '').slice(Math.max(0, (m.index ?? 0) - 4), m.index ?? 0);
    if (!word && !g.wd2 && d < today && AHEAD_BEFORE.test(before)) d = addDays(d, 7);
    // `下周一至周三`: the days of that week from one to the other (a second day before the first is next week's)
    if (g.wd2) {
      const wd2 = weekdayNumber(g.wd2);
      return span(d, addDays(monday, wd2 - 1 + (wd2 < wd ? 7 : 0)), 'day');
    }
    return span(d, d, 'day');
  }
  if (g.n) {
    const n = num(g.n.replace(/两/g, '二'));
    if (!Number.isFinite(n) || n <= 0) return null;
    const sign = g.dir.includes('前') ? -1 : 1;
    const unit = g.unit;
    const grain: DateGrain = unit === '年' ? 'year' : unit === '天' || unit === '日' ? 'day' : /周|星期|礼拜/.test(unit) ? 'week' : 'month';
    if (!pub || !today) return unresolved(grain, grain === 'year' || grain === 'month');
    if (grain === 'year') return yearValue(pub.y + sign * n, true);
    if (grain === 'day') {
      const d = addDays(today, sign * n);
      return span(d, d, 'day');
    }
    if (grain === 'week') {
      const monday = addDays(today, 1 - weekday(today) + 7 * sign * n);
      return span(monday, addDays(monday, 6), 'week');
    }
    const t = new Date(Date.UTC(pub.y, pub.m - 1 + sign * n, 1));
    return monthValue(t.getUTCFullYear(), t.getUTCMonth() + 1, true);
  }
  if (g.nWeeks) {
    const n = num(g.nWeeks.replace(/两/g, '二'));
    if (!Number.isFinite(n) || n <= 0 || n > 52) return null;
    if (!today) return unresolved('week');
    const monday = addDays(today, 1 - weekday(today));
    // 上三周: the three weeks before this one; 下三周: the three after it.
    return g.nWeekDir === '上'
      ? span(addDays(monday, -7 * n), addDays(monday, -1), 'week')
      : span(addDays(monday, 7), addDays(monday, 7 * n + 6), 'week');
  }
  if (g.halfMonth) {
    if (!pub) return unresolved('day');
    return monthPart(pub.y, pub.m, g.halfMonth);
  }
  if (g.parenDay) {
    if (!pub) return unresolved('day');
    return dayValue(pub.y, pub.m, num(g.parenDay)); // `今（12）日`, `昨（二十）日`, `今(25日)`
  }
  return null;
}

/** A decade or century (RE_DECADE named groups). */
function decade(g: Record<string, string | undefined>, pub: Ymd | null): DateValue | null {
  const nowCentury = Math.floor((pub?.y ?? 2025) / 100) + 1;
  const relCentury = (w: string) => nowCentury + (w === '上' ? -1 : w === '下' ? 1 : 0);
  const cent = (c: string) => (/^\d+$/.test(c) ? +c : num(c));
  const part = (a: number, len: number, p: string | undefined, grain: DateGrain): DateValue | null => {
    if (!isValid(a, 1, 1) || !isValid(a + len - 1, 1, 1)) return null;
    if (!p) return span(iso(a, 1, 1), iso(a + len - 1, 12, 31), grain);
    const third = Math.round(len * 0.3);
    const [s, e] = /初|前期|上半叶/.test(p) ? [a, a + third - 1] : /末|后期|下半叶/.test(p) ? [a + len - third, a + len - 1] : [a + third, a + len - third - 1];
    const [s2, e2] = p === '上半叶' ? [a, a + len / 2 - 1] : p === '下半叶' ? [a + len / 2, a + len - 1] : [s, e];
    return span(iso(s2, 1, 1), iso(e2, 12, 31), 'year', true);
  };
  if (g.d2 || g.dcn || g.d4) {
    let start: number;
    if (g.d4) start = +g.d4;
    else {
      const tens = g.d2 ? +g.d2 : /〇$/.test(g.dcn!) ? (CN_DIGIT[g.dcn![0]] ?? 0) * 10 : num(g.dcn!);
      const century = g.rel ? relCentury(g.rel) : g.c ? cent(g.c) : tens === 0 ? 21 : 20;
      start = (century - 1) * 100 + tens;
    }
    return part(start, 10, g.dpart, 'decade');
  }
  const c = g.crel ? relCentury(g.crel) : g.cn ? cent(g.cn) : NaN;
  if (!(c >= 11 && c <= 30)) return null;
  const centuryPart = g.cpart ?? g.cnpart;
  // A whole century is counted as written: the 21st is 2001–2100; its parts (初, 上半叶 …)
  // keep the hundreds reading (20世纪后半叶 = 1950–1999).
  if (!centuryPart) return isValid(c * 100, 1, 1) ? span(iso((c - 1) * 100 + 1, 1, 1), iso(c * 100, 12, 31), 'century') : null;
  return part((c - 1) * 100, 100, centuryPart, 'century');
}

const LUNAR_FESTIVAL: Record<string, [number, number]> = {
  春节: [1, 1], 元宵节: [1, 15], 元宵: [1, 15], 端午节: [5, 5], 端午: [5, 5], 中秋节: [8, 15], 中秋: [8, 15],
  七夕: [7, 7], 七夕节: [7, 7], 重阳节: [9, 9], 重阳: [9, 9], 腊八: [12, 8], 腊八节: [12, 8],
};
const SOLAR_FESTIVAL: Record<string, [number, number]> = {
  元旦: [1, 1], 和平纪念日: [2, 28], 国庆节: [10, 1], 国庆: [10, 1], 十一: [10, 1], 劳动节: [5, 1], 五一: [5, 1], 双十一: [11, 11], 双11: [11, 11],
  医师节: [8, 19], 中国医师节: [8, 19], 记者节: [11, 8], 教师节: [9, 10], 儿童节: [6, 1], 妇女节: [3, 8], 青年节: [5, 4], 植树节: [3, 12], 建党节: [7, 1], 建军节: [8, 1], 护士节: [5, 12],
  国庆日: [10, 1], 中国航天日: [4, 24], 航天日: [4, 24],
  双十节: [10, 10], 平安夜: [12, 24], 圣诞节: [12, 25], 圣诞日: [12, 25], 圣诞: [12, 25], 耶诞节: [12, 25], 耶诞: [12, 25], 跨年: [12, 31], 万圣节: [10, 31], 情人节: [2, 14],
};
/**
 * The mainland's public holidays as the State Council's yearly notices (国务院办公厅关于…部分节假日安排的通知) set
 * them, [first day, last day]: what `春节假期`, `国庆黄金周`, `五一长假`, Macao's `十一档期` mean in those years.
 * Other years fall back to the usual length around the festival (vague).
 */
const HOLIDAY_PERIODS: Record<string, Record<number, [string, string]>> = {
  春节: {
    2018: ['02-15', '02-21'], 2019: ['02-04', '02-10'], 2020: ['01-24', '01-30'], 2021: ['02-11', '02-17'], 2022: ['01-31', '02-06'],
    2023: ['01-21', '01-27'], 2024: ['02-10', '02-17'], 2025: ['01-28', '02-04'], 2026: ['02-15', '02-23'],
  },
  国庆: {
    2018: ['10-01', '10-07'], 2019: ['10-01', '10-07'], 2020: ['10-01', '10-08'], 2021: ['10-01', '10-07'], 2022: ['10-01', '10-07'],
    2023: ['09-29', '10-06'], 2024: ['10-01', '10-07'], 2025: ['10-01', '10-08'], 2026: ['10-01', '10-07'],
  },
  五一: {
    2018: ['04-29', '05-01'], 2019: ['05-01', '05-04'], 2020: ['05-01', '05-05'], 2021: ['05-01', '05-05'], 2022: ['04-30', '05-04'],
    2023: ['04-29', '05-03'], 2024: ['05-01', '05-05'], 2025: ['05-01', '05-05'], 2026: ['05-01', '05-05'],
  },
  清明: {
    2018: ['04-05', '04-07'], 2019: ['04-05', '04-07'], 2020: ['04-04', '04-06'], 2021: ['04-03', '04-05'], 2022: ['04-03', '04-05'],
    2023: ['04-05', '04-05'], 2024: ['04-04', '04-06'], 2025: ['04-04', '04-06'], 2026: ['04-04', '04-06'],
  },
  端午: {
    2018: ['06-16', '06-18'], 2019: ['06-07', '06-09'], 2020: ['06-25', '06-27'], 2021: ['06-12', '06-14'], 2022: ['06-03', '06-05'],
    2023: ['06-22', '06-24'], 2024: ['06-08', '06-10'], 2025: ['05-31', '06-02'], 2026: ['06-19', '06-21'],
  },
  // (in 2020, 2023 and 2025 中秋 was joined to 国庆: see 中秋国庆)
  中秋: { 2018: ['09-22', '09-24'], 2019: ['09-13', '09-15'], 2021: ['09-19', '09-21'], 2022: ['09-10', '09-12'], 2024: ['09-15', '09-17'], 2026: ['09-25', '09-27'] },
};
/** Taiwan's long holidays as the government's office calendars (政府行政机关办公日历表) set them. */
const HOLIDAY_PERIODS_TW: Record<string, Record<number, [string, string]>> = {
  春节: { 2023: ['01-20', '01-29'], 2024: ['02-08', '02-14'], 2025: ['01-25', '02-02'], 2026: ['02-14', '02-22'] },
  和平纪念日: { 2023: ['02-25', '02-28'], 2024: ['02-28', '02-28'], 2025: ['02-28', '03-02'], 2026: ['02-27', '03-01'] },
  // 兒童節及民族掃墓節
  清明: { 2023: ['04-01', '04-05'], 2024: ['04-04', '04-07'], 2025: ['04-03', '04-06'], 2026: ['04-03', '04-06'] },
  端午: { 2023: ['06-22', '06-25'], 2024: ['06-08', '06-10'], 2025: ['05-30', '06-01'] },
  中秋: { 2023: ['09-29', '10-01'], 2024: ['09-17', '09-17'], 2025: ['10-04', '10-06'] },
};
const HOLIDAY_NAME: Record<string, string> = {
  春节: '春节', 国庆: '国庆', 国庆节: '国庆', 十一: '国庆', 五一: '五一', 劳动节: '五一', 和平纪念日: '和平纪念日',
  清明: '清明', 清明节: '清明', 端午: '端午', 端午节: '端午', 中秋: '中秋', 中秋节: '中秋',
};

/** Other names of a festival, resolved where a festival is found. */
const FESTIVAL_ALIAS: Record<string, string> = { 新岁: '春节', 年节: '春节', 岁晚: '春节', 元旦日: '元旦', 中秋国庆: '国庆', 国庆中秋: '国庆', 农历新年除夕: '除夕', 农历除夕: '除夕', 大除夕: '除夕', 十一国庆: '国庆', 十一国庆节: '国庆', 农历新年: '春节', 农历春节: '春节', 新春: '春节', 农历年: '春节', 过年: '春节', 大年三十: '除夕', 年三十: '除夕', 大年夜: '除夕' };
const SOLAR_TERMS = new Set(['清明', '冬至', '夏至', '立春', '立秋']);

/** The day of festival `name` in Gregorian year `y` (lunar festivals: in lunar year `y`). */
function festivalDay(name: string, y: number): string | null {
  const solar = SOLAR_FESTIVAL[name];
  if (solar) return iso(y, solar[0], solar[1]);
  const term = name.replace(/节$/, '');
  if (SOLAR_TERMS.has(term)) return term === '清明' ? qingming(y) : solarTerm(y, term);
  switch (name) {
    case '复活节': return easter(y);
    case '感恩节': return nthWeekday(y, 11, 4, 4);
    case '母亲节': return nthWeekday(y, 5, 7, 2);
    case '父亲节': return nthWeekday(y, 6, 7, 3);
    case '除夕': return shift(lunarToSolar(y, 1, 1), -1);
  }
  const lunar = LUNAR_FESTIVAL[name];
  return lunar ? lunarToSolar(y, ...lunar) : null;
}

/** A festival (optionally with a stated or relative year, and 前/后/期间). */
function festival(name: string, suffix: string | undefined, year: number | undefined, rel: number | undefined, pub: Ymd | null, region: Region = 'CN'): DateValue | null {
  const vague = !!suffix;
  if (year === undefined && !pub) return unresolved('day', vague);
  let day: string | null;
  if (year !== undefined || rel !== undefined) {
    // A stated year is the Gregorian year, which for a lunar festival is its lunar year too.
    day = festivalDay(name, year ?? pub!.y + rel!);
  } else {
    // No year: the one in the published year; near the turn of the year the one close by
    // (元旦 or 春节 in a December article is the coming one, 圣诞节 in a January one the last).
    const today = iso(pub!.y, pub!.m, pub!.d);
    const days = (d: string) => (Date.parse(d) - Date.parse(today)) / 86_400_000;
    const all = [pub!.y - 1, pub!.y, pub!.y + 1].map((y) => festivalDay(name, y)).filter((d): d is string => d !== null);
    day = all.find((d) => d.startsWith(String(pub!.y))) ?? null;
    const next = all.find((d) => days(d) > 0 && days(d) <= 75);
    const prev = [...all].reverse().find((d) => days(d) < 0 && days(d) >= -45);
    if (day && days(day) < -75 && next && pub!.m >= 10) day = next;
    else if (day && days(day) > 75 && prev && pub!.m <= 2) day = prev;
  }
  return day ? aroundFestival(name, day, suffix, region) : null;
}

/** The days that `suffix` (`前`, `期间`, `首日` …) makes of a festival `name` falling on `day`. */
function aroundFestival(name: string, day: string, suffix: string | undefined, region: Region): DateValue {
  if (!suffix) return span(day, day, 'day');
  if (suffix === '前' || suffix === '前夕') return span(addDays(day, suffix === '前' ? -14 : -3), addDays(day, -1), 'day', true);
  if (suffix === '后') return span(addDays(day, 1), addDays(day, 14), 'day', true);
  if (suffix === '前后') return span(addDays(day, -7), addDays(day, 7), 'day', true);
  // 期间 / 假期 / 连假 / 长假 / 黄金周 / 档期 / 首日: the public holiday — as the mainland's notice (or Taiwan's, in
  // Taiwan) for the year set it where known; 首日 its first day
  const set = (region === 'TW' ? HOLIDAY_PERIODS_TW : HOLIDAY_PERIODS)[HOLIDAY_NAME[name]]?.[+day.slice(0, 4)];
  if (set) {
    const [a, b] = [`${day.slice(0, 4)}-${set[0]}`, `${day.slice(0, 4)}-${set[1]}`];
    return suffix === '首日' ? span(a, a, 'day') : span(a, b, 'day');
  }
  if (suffix === '首日') return span(day, day, 'day');
  const [a, b] = name === '春节' ? [-1, 5] : name.startsWith('国庆') || name === '十一' ? [0, 6] : name === '五一' || name === '劳动节' ? [0, 4] : [0, 0];
  return span(addDays(day, a), addDays(day, b), 'day', true);
}

/**
 * 除夕 at the turn of the Gregorian year is New Year's Eve, 31 December (Hong Kong's `除夕倒數`, `除夕及元旦`): in an
 * article of the last days of December or of 1 January whose paragraph says nothing of the lunar new year, and, before
 * 28 December, speaks of 元旦, 跨年 or a countdown.
 */
function gregorianEve(text: string, pub: Ymd | null): boolean {
  if (!pub || !((pub.m === 12 && pub.d >= 20) || (pub.m === 1 && pub.d === 1))) return false;
  if (/春节|农历|过年|大年|新春|年三十|腊月|年廿|[鼠牛虎兔龙蛇马羊猴鸡狗猪]年/.test(text)) return false;
  return (pub.m === 12 && pub.d >= 28) || pub.m === 1 || /元旦|跨年|倒数|新年/.test(text);
}

/** Days of a holiday counted from its first: `第四天`, `前三天`, `最后一天`. */
function holidayDays(holiday: DateValue, which: string): DateValue {
  if (!holiday.start || !holiday.end || holiday.start.startsWith('XXXX')) return holiday;
  const a = holiday.start.slice(0, 10);
  const b = holiday.end.slice(0, 10);
  if (which.startsWith('最后')) return span(b, b, 'day', holiday.vague);
  if (which === '首日') return span(a, a, 'day', holiday.vague);
  const n = /\d/.test(which) ? parseInt(which.slice(1), 10) : num(which.slice(1, -1).replace(/两/g, '二'));
  if (!(n >= 1 && n <= 15)) return holiday;
  if (which.startsWith('前')) return span(a, addDays(a, n - 1), 'day', holiday.vague);
  const d = addDays(a, n - 1);
  return span(d, d, 'day', holiday.vague);
}

function shift(d: string | null, n: number): string | null {
  return d ? addDays(d, n) : null;
}

/** What follows `今年中` when it is the middle of the year (not `今年中国`, `今年中秋`, `今年中标`). */
const MID_YEAR_AFTER = /^(?:[,，。；;、前后以将会可再才]|宣布|动工|开工|开始|推出|完成|落成|启用|上市|投产|开业|开幕|举行|发布|公布|推动|启动|预测|预估)/;

/**
 * Forms that continue a date: `以来` (from its start to published: `今年以来`) and a clock
 * time after a day (`2024-05-06 09:30`, `5月6日上午9时`).
 */
function extend(text: string, cands: Cand[], pub: Ymd | null): Cand[] {
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    const v = c.value;
    if (!v) continue;
    const limit = cands[i + 1]?.start ?? text.length;
    // `以来`, `至今`, `迄今`: from the date to published (`去年底至今`)
    if (/^(?:以来|至今|迄今)/.test(text.slice(c.end, c.end + 2)) && c.end + 2 <= limit) {
      c.end += 2;
      const today = pub ? iso(pub.y, pub.m, pub.d) : null;
      // a month written without its year and after published's day is last year's (`9月下旬以来` in May)
      const from = v.start && today && v.start > today && !/年/.test(text.slice(c.start, c.end)) ? sameDayIn(v.start, Number(v.start.slice(0, 4)) - 1) : v.start;
      c.value = today && from && !from.startsWith('XXXX') && from <= today ? span(from, today, 'day') : unresolved('day', true);
      continue;
    }
    // `2035年前后`, `5月左右`: about then, one mention (vague)
    if (/^(?:前后|左右)/.test(text.slice(c.end, c.end + 2)) && c.end + 2 <= limit && /^(?:year|month|day)$/.test(v.grain) && !v.vague && v.start && !v.start.startsWith('XXXX')) {
      c.end += 2;
      c.value = { ...v, vague: true };
      continue;
    }
    // `今年内`, `2025年内`: the year, one mention; `今年中`, `去年中宣布`: its middle (June–July, vague)
    if (v.grain === 'year' && !v.vague && v.start && !v.start.startsWith('XXXX') && text[c.end - 1] === '年' && c.end + 1 <= limit) {
      // `二〇二五年财政年度`, `二〇二五年度`: the year's financial year, one span (its value as `2025年度`'s)
      const fiscal = /^(?:财政年度|财年|度)/.exec(text.slice(c.end, c.end + 4));
      if (fiscal && c.end + fiscal[0].length <= limit) {
        c.end += fiscal[0].length;
        continue;
      }
      if (text[c.end] === '内' && !/^[容地外部]/.test(text.slice(c.end + 1, c.end + 2))) {
        c.end += 1;
        continue;
      }
      if (text[c.end] === '中' && MID_YEAR_AFTER.test(text.slice(c.end + 1, c.end + 3))) {
        c.value = yearPart(Number(v.start.slice(0, 4)), '年中');
        c.end += 1;
        continue;
      }
    }
    // `8月中`, `上月中`: the middle of the month (vague), where a clause or a verb follows (not `8月中国`, `8月中旬`)
    if (v.grain === 'month' && v.start && v.end && v.start.slice(0, 7) === v.end.slice(0, 7) && text[c.end - 1] === '月' && text[c.end] === '中' && c.end + 1 <= limit && MID_YEAR_AFTER.test(text.slice(c.end + 1, c.end + 3))) {
      const mid = v.start.startsWith('XXXX') ? null : monthPart(Number(v.start.slice(0, 4)), Number(v.start.slice(5, 7)), '中');
      if (mid) {
        c.value = mid;
        c.end += 1;
        continue;
      }
    }
    // `11月全月`, `上月全月`: the month, one mention
    if (v.grain === 'month' && v.start && v.end && v.start.slice(0, 7) === v.end.slice(0, 7) && text.startsWith('全月', c.end) && c.end + 2 <= limit) {
      c.end += 2;
      continue;
    }
    if (v.grain === 'day' && v.start && v.start === v.end) {
      // hours of the day: `2月19日0—24时` (the whole day), `9—17时`
      const hours = HOUR_RANGE.exec(text.slice(c.end, Math.min(limit, c.end + 12)));
      if (hours && +hours[1] < +hours[2] && +hours[2] <= 24) {
        c.end += hours[0].length;
        const hh = (h: string) => `${v.start}T${h.padStart(2, '0')}:00`;
        if (+hours[1] !== 0 || +hours[2] !== 24) c.value = span(hh(hours[1]), hh(hours[2]), 'hour');
        continue;
      }
      const t = TIME_RE.exec(text.slice(c.end, Math.min(limit, c.end + 16)));
      if (!t) continue;
      const dayWord = text.slice(c.start, c.end);
      // (after `今午`, Hong Kong's "this afternoon", 1 to 7 o'clock are p.m.)
      const clock = clockOf(t, /[晚夜]$/.test(dayWord) || (/午$/.test(dayWord) && !t[1] && num(t[2].replace(/两/g, '二')) <= 7));
      if (!clock) continue;
      const at = `${v.start}T${clock.hhmm}`;
      c.end += t[0].length;
      // `下午3时许`: about three, one span (not `许多`, many)
      if (text[c.end] === '许' && text[c.end + 1] !== '多' && c.end < limit) c.end += 1;
      c.value = span(at, at, clock.grain);
    }
  }
  return cands;
}

/** `day` (an ISO date, with its time or not) in year `y`: 29 February becomes the 28th where `y` has none. */
function sameDayIn(day: string, y: number): string {
  const rest = day.slice(4);
  return rest.startsWith('-02-29') && !isValid(y, 2, 29) ? `${y}-02-28${rest.slice(6)}` : `${y}${rest}`;
}

/**
 * The clock time of a TIME_RE match as `HH:MM` and its grain; the part of the day is in the time (`下午3点`) or in the
 * day word before it (`昨晚8点`, `当晚9时`: `evening`). Null when it is no time of day.
 */
function clockOf(t: RegExpExecArray, evening = false): { hhmm: string; grain: DateGrain } | null {
  let h = num(t[2].replace(/两/g, '二'));
  const minute = t[3] ?? t[4] ?? t[6];
  const half = t[5] ?? t[7];
  const mm = half ? 30 : minute !== undefined ? num(minute) : 0;
  const late = t[1] ? /下午|晚|傍晚|夜间|深夜/.test(t[1]) : evening;
  if (late && h < 12) h += 12;
  else if (h === 12 && (t[1] ? /晚|夜/.test(t[1]) : late)) h = 24; // `今晚12点`, `晚间12时`, `午夜12时`: midnight, the day's end
  if (!(h >= 0 && h <= 24 && mm >= 0 && mm < 60)) return null;
  if (h === 24 && mm !== 0) return null; // 24时 is the day's end (ISO 8601 24:00)
  return { hhmm: `${String(h).padStart(2, '0')}:${String(mm).padStart(2, '0')}`, grain: minute !== undefined || half ? 'minute' : 'hour' };
}

const WEEKDAY = /^(?:周|星期|礼拜)[一二三四五六日天]$/;

/** Candidates in order, each adjacent pair that `join` makes one replaced by what it returns. */
function mergeAdjacent(cands: Cand[], join: (a: Cand, b: Cand) => Cand | null): Cand[] {
  const out: Cand[] = [];
  for (let i = 0; i < cands.length; i++) {
    const joined = i + 1 < cands.length ? join(cands[i], cands[i + 1]) : null;
    if (joined) i++;
    out.push(joined ?? cands[i]);
  }
  return out;
}

/** A day followed by its weekday (`10月1日周三`, `2026年3月19日 星期四`, `明天周四(8/14)`) is one mention with the day's value. */
function mergeWeekday(text: string, cands: Cand[]): Cand[] {
  return mergeAdjacent(cands, (a, b) => {
    if (a.value?.grain !== 'day' || !/^ ?$/.test(text.slice(a.end, b.start))) return null;
    const w = text.slice(b.start, b.end);
    // `明天周四(8/14)`: a weekday with its own date in brackets, the same day
    return WEEKDAY.test(w) || (WEEKDAY_DATED.test(w) && b.value?.start === a.value.start) ? { ...a, end: b.end } : null;
  });
}
/** A 民国 year alone (`一一五年`, `114年度`). */
const ROC_YEAR_ONLY = /^(?:[一二三四五六七八九〇○零]{3}|1[01]\d)年度?$/;
/** A festival's name, as it may follow its day (`2月24日元宵节`, `1月1日元旦`). */
const FESTIVAL_NAME = /^(?:农历|農曆)?(?:[\u4e00-\u9fff]{1,4}[节節]|除夕|元旦|元宵|端午|中秋|国庆|國慶|小年夜?|年三十|大年夜|春节|春節|圣诞|聖誕|平安夜|冬至|夏至|七夕|腊八|清明|重阳|重陽)$/;

/**
 * A day followed by the festival that falls on it (`2月24日元宵节`, `明年3月3日元宵节`) is one mention, in the
 * festival's year where the day states none and the festival falls on it; a month followed by `当月` (`8月当月`) and a
 * relative year followed by the same year written out (`今年一一五年`) are one mention.
 */
function mergeDayAndName(text: string, cands: Cand[]): Cand[] {
  const out = mergeAdjacent(cands, (a, b) => {
    // a relative year and the same year written out (Taiwan's `今年一一五年`, `去年114年度`): one mention
    if (b.start === a.end && a.value?.grain === 'year' && b.value?.grain === 'year' && a.value.start === b.value.start && a.value.end === b.value.end && /^[今去明]年$/.test(text.slice(a.start, a.end)) && ROC_YEAR_ONLY.test(text.slice(b.start, b.end))) return { ...a, end: b.end };
    if (b.start !== a.end || a.value?.grain !== 'day' || !a.value.start || a.value.start !== a.value.end || a.value.start.startsWith('XXXX')) return null;
    if (b.value?.grain !== 'day' || b.value.start !== b.value.end || !FESTIVAL_NAME.test(text.slice(b.start, b.end))) return null;
    if (a.parts?.y !== undefined) return { ...a, end: b.end };
    // without a year of its own, the day is in the year (of the three nearest) the festival falls on it
    const name = text.slice(b.start, b.end).replace(/^(?:农历|農曆)/, '').replace(/節$/, '节');
    const y = Number(a.value.start.slice(0, 4));
    const md = a.value.start.slice(4);
    const fits = [y, y + 1, y - 1].find((yy) => [name, FESTIVAL_ALIAS[name], `${name}节`, name.replace(/节$/, '')].some((n) => n && festivalDay(n, yy) === `${yy}${md}`));
    return { ...a, end: b.end, value: fits === undefined || fits === y ? a.value : span(`${fits}${md}`, `${fits}${md}`, 'day') };
  });
  // `8月当月`: the month itself; `国历4月12日`: the calendar named before the day
  for (const c of out) {
    if (c.value?.grain === 'month' && /^[当當]月/.test(text.slice(c.end, c.end + 2))) c.end += 2;
    if (c.value?.grain === 'day' && /(?:国历|國曆|公历|阳历|新历)$/.test(text.slice(Math.max(0, c.start - 2), c.start))) c.start -= 2;
  }
  return out.filter((c, i) => i === 0 || !(c.start >= out[i - 1].start && c.end <= out[i - 1].end));
}
const WEEKDAY_DATED = /^(?:周|星期|礼拜)[一二三四五六日天]\([^()]{1,12}\)$/;

const PAREN_HEAD = /^(?:今天|今日|昨天|昨日|昨|前天|前日|明天|明日|后天|后日|今晚|今晨|今早|今午|昨午|昨晚|明晚|当天|当日|次日|翌日|第二天|(?:本|这|上|下)?(?:周|星期|礼拜)[一二三四五六日天])$/;

/**
 * A relative day with its date in brackets is one mention with the bracketed date's value:
 * `今天(1月17日)`, `明天(11月5日)`, `周三(25日)`; so is a day with another name of it (`1月14日(春运首日)`)
 * (normalised text has half-width brackets).
 */
function mergeParenthesised(text: string, cands: Cand[]): Cand[] {
  return mergeAdjacent(cands, (a, b) => {
    if (!b.value || b.value.grain !== 'day' || text[a.end] !== '(' || b.start !== a.end + 1 || text[b.end] !== ')') return null;
    if (PAREN_HEAD.test(text.slice(a.start, a.end))) return { start: a.start, end: b.end + 1, value: b.value, score: Math.max(a.score, b.score), parts: b.parts };
    // a day and another name of it in brackets (`1月14日（春运首日）`): one mention
    if (a.value?.grain === 'day' && a.value.start === b.value.start) return { start: a.start, end: b.end + 1, value: a.value, score: Math.max(a.score, b.score), parts: a.parts };
    return null;
  });
}

/** A note in brackets after a day that names the same day another way: its lunar date, weekday or place in a holiday. */
const BRACKET_NOTE = /^\(([^()]{1,16})\)/;
const NOTE_WORDS = /初[一二三四五六七八九十]|廿|腊月|正月|农历|小年|除夕|周[一二三四五六日天]|星期|首日|末日|第[\d一二三四五六七八九十]+天|节|假/;

/**
 * A day written without its year whose weekday (`1月1日（周三）`) is not that of the year chosen for it but is the
 * year after's or before's: that year (a November notice of next year's holidays).
 */
function yearByWeekday(c: Cand, note: string): void {
  const w = /(?:周|星期|礼拜)([一二三四五六日天])/.exec(note);
  const v = c.value;
  if (!w || !v?.start || v.start !== v.end || v.grain !== 'day' || v.start.startsWith('XXXX') || c.parts?.y !== undefined || c.parts?.d === undefined) return;
  const want = weekdayNumber(w[1]);
  if (weekday(v.start) === want) return;
  const [y, md] = [Number(v.start.slice(0, 4)), v.start.slice(4)];
  for (const other of [y + 1, y - 1]) {
    const day = `${other}${md}`;
    if (isValid(other, Number(md.slice(1, 3)), Number(md.slice(4, 6))) && weekday(day) === want) {
      c.value = span(day, day, 'day');
      c.parts = { ...c.parts, y: other };
      return;
    }
  }
}

/** `2月22日(初六)`, `2月14日(小年夜前一日)`, `2月15日(农历腊月二十八、周日)`, `今日(2/7)`: one mention with the day's value. */
function bracketNotes(text: string, cands: Cand[]): Cand[] {
  const out: Cand[] = [];
  for (const c of cands) {
    const last = out[out.length - 1];
    if (last && c.start >= last.start && c.end <= last.end) continue; // inside a note taken in
    out.push(c);
    if (c.value?.grain !== 'day' || c.value.start !== c.value.end) continue;
    // `今日(2/7)`: the relative day's own date in brackets, day/month or month/day, when it agrees
    const dm = c.value.start && PAREN_HEAD.test(text.slice(c.start, c.end)) ? /^\((\d{1,2})[/.](\d{1,2})\)/.exec(text.slice(c.end, c.end + 8)) : null;
    if (dm) {
      const [mo, d] = [Number(c.value.start!.slice(5, 7)), Number(c.value.start!.slice(8, 10))];
      if ((+dm[1] === d && +dm[2] === mo) || (+dm[1] === mo && +dm[2] === d)) c.end += dm[0].length;
      continue;
    }
    const note = BRACKET_NOTE.exec(text.slice(c.end, c.end + 18));
    if (note && NOTE_WORDS.test(note[1]) && !/%|\d{3,}/.test(note[1])) {
      c.end += note[0].length;
      yearByWeekday(c, note[1]);
    }
  }
  return out;
}

/** A festival heading a notice's line (`春节：1月28日(农历除夕、周二)至…`) is in the year of the date right after it. */
function festivalHeadings(text: string, cands: Cand[]): Cand[] {
  for (let i = 0; i + 1 < cands.length; i++) {
    const [c, next] = [cands[i], cands[i + 1]];
    if (!c.heading || !next.value?.start || next.value.start.startsWith('XXXX') || !/^[:：]\s?$/.test(text.slice(c.end, next.start))) continue;
    const y = Number(next.value.start.slice(0, 4));
    if (c.value?.start && Number(c.value.start.slice(0, 4)) !== y) c.value = c.heading(y) ?? c.value;
  }
  return cands;
}

/** A bare day listed after a full date takes its year and month: `3月5日、6日和8日` (not the published month). */
function inheritListed(text: string, cands: Cand[]): Cand[] {
  for (let i = 1; i < cands.length; i++) {
    const [a, c] = [cands[i - 1], cands[i]];
    const base = a.value?.grain === 'day' ? a.value.start : null;
    if (!base || !c.parts || c.parts.m !== undefined || c.parts.y !== undefined || c.parts.d === undefined) continue;
    if (!/^(?:、|和|及|与|以及)$/.test(text.slice(a.end, c.start).trim())) continue;
    const m = Number(base.slice(5, 7));
    c.value = base.startsWith('XXXX') ? withoutYear(dayValue(NO_YEAR, m, c.parts.d)) : dayValue(Number(base.slice(0, 4)), m, c.parts.d);
  }
  return cands;
}

/**
 * Whether `brk` stands in the text between a remembered date's end and a later candidate's start, for candidates in
 * order: each stretch of text is read once however long a date is remembered (a paragraph of thousands of dates after
 * one stated month stays linear, where slicing from the remembered date each time was quadratic). Ask it only while a
 * date is remembered; a date remembered anew ends at or after the last start asked about (it is that candidate or later).
 */
function breaksAfter(text: string, brk: RegExp): (end: number, start: number) => boolean {
  let read = 0; // the text before `read` since the remembered date's end holds no break (or was read for an earlier one)
  return (end, start) => {
    const from = Math.max(read, end);
    read = Math.max(read, start);
    return from < start && brk.test(text.slice(from, start));
  };
}

/**
 * A day written without its month (`20日`) after a day with one in the same paragraph (`4月12日起驾，…20日抵达`) is in
 * that month, when it comes later in it.
 */
function inheritParagraphMonth(text: string, cands: Cand[]): Cand[] {
  let last: { y: string; m: number; d: number; end: number } | null = null;
  const paragraphEnd = breaksAfter(text, /\n/);
  for (const c of cands) {
    if (last && paragraphEnd(last.end, c.start)) last = null;
    const p = c.parts;
    // (a day in brackets after a weekday or a relative day, `周一(13日)`, `今日(13日)`, is of the published week)
    const head = /^([^(]{1,4})\(/.exec(text.slice(c.start, c.end));
    const ofPublishedWeek = !!head && PAREN_HEAD.test(head[1]);
    if (last && !ofPublishedWeek && p && p.d !== undefined && p.m === undefined && p.y === undefined && p.d > last.d && c.value?.start && !c.value.vague) {
      const v = last.y === 'XXXX' ? withoutYear(dayValue(NO_YEAR, last.m, p.d)) : dayValue(Number(last.y), last.m, p.d);
      if (v) c.value = v;
      continue;
    }
    // (a day with its time too: `4月17日深夜10点5分`)
    if (p?.m !== undefined && p.d !== undefined && c.value?.start && c.value.start === c.value.end && /^(?:day|hour|minute)$/.test(c.value.grain)) {
      last = { y: c.value.start.slice(0, 4), m: p.m, d: p.d, end: c.end };
    } else if (c.parts?.m !== undefined) last = null;
  }
  return cands;
}

/**
 * A month named without a year after a date with one in the same sentence takes its year when it comes later in
 * that year (`于2025年4月开行首列班列，5月推出公共班列` in a January 2026 report: May 2025); after a year alone
 * (`2025年金融业获利一度在5月创高`), any month of it.
 */
function inheritSentenceYear(text: string, cands: Cand[], pub: Ymd | null): Cand[] {
  let last: { y: number; m?: number; end: number } | null = null;
  const sentenceEnd = breaksAfter(text, /[。！？!?；;\n]/);
  for (const c of cands) {
    if (last && sentenceEnd(last.end, c.start)) last = null;
    const p = c.parts;
    if (p && p.y === undefined && p.m !== undefined && last && /^[\d一二三四五六七八九十元]/.test(text[c.start]) && (last.m === undefined || p.m >= last.m) && c.value?.start && !c.value.vague &&
      !COMPARED_WITH.test(text.slice(Math.max(0, c.start - 3), c.start))) {
      const v = fromParts({ ...p, y: last.y }, pub);
      if (v) {
        c.value = v;
        last = { y: last.y, m: p.m, end: c.end };
        continue;
      }
    }
    if (c.parts?.y && c.parts.m !== undefined) last = { y: c.parts.y, m: c.parts.m, end: c.end };
    // a year written alone that the sentence is about (`2025年金融业获利在5月创高`), not one it compares with (`比2024年`)
    else if (c.parts?.y && WRITTEN_YEAR.test(text.slice(c.start, c.end)) && !COMPARED_WITH.test(text.slice(Math.max(0, c.start - 3), c.start))) last = { y: c.parts.y, end: c.end };
    else if (c.value && /(?:19|20)\d{2}|[今去明前后上本]年/.test(text.slice(c.start, c.end))) last = null; // another date with a year of its own (`今年元旦`) takes over
  }
  return cands;
}

/** A date compared with (`较1月预测值`, `比2024年`); unlike COMPARED, `和`/`与` join dates as often as they compare them. */
const COMPARED_WITH = /(?:比|较|相比|相较于?|对比)$/;
const WRITTEN_YEAR = /^(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4}) ?年$/;

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

/** A bare first day before a day range's end (`一连四日(24至27日)`): one range, in the end's month. */
function bareDayRanges(text: string, cands: Cand[]): Cand[] {
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    const v = c.value;
    if (!v?.start || v.start !== v.end || v.grain !== 'day' || v.start.startsWith('XXXX') || c.parts?.d === undefined || c.parts.m !== undefined) continue;
    const head = /(?<![\d.\/月年:：第])(\d{1,2})\s?(?:至|到|—|–|~|～)\s?$/.exec(text.slice(Math.max(0, c.start - 6), c.start));
    if (!head || +head[1] < 1 || +head[1] >= c.parts.d || (i > 0 && cands[i - 1].end > c.start - head[0].length)) continue;
    const first = `${v.start.slice(0, 8)}${head[1].padStart(2, '0')}`;
    c.start -= head[0].length;
    c.value = span(first, v.end, 'day');
  }
  return cands;
}

/** Two date-times joined as a range once their times are read (`12月24日下午2时至12月25日上午5时`): one span. */
function mergeTimeRanges(text: string, cands: Cand[]): Cand[] {
  const timed = (v: DateValue | null) => !!v && (v.grain === 'hour' || v.grain === 'minute') && v.start !== null && v.end !== null;
  const out: Cand[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i];
    const b = cands[i + 1];
    // a time alone after the join ends the range on the same day (`今晨零时至清晨6时`, `明天上午0时至上午6时`)
    if (timed(a.value) && !a.value!.start!.startsWith('XXXX')) {
      const join = /^\s?(?:起?至|到|—|–|-|－|~)\s?/.exec(text.slice(a.end, a.end + 4));
      const t = join ? TIME_RE.exec(text.slice(a.end + join[0].length, Math.min(b?.start ?? text.length, a.end + join[0].length + 16))) : null;
      // (an end without its part of the day keeps the start's afternoon: `傍晚5时30分至6时30分`)
      const clock = t ? clockOf(t, !t[1] && Number(a.value!.start!.slice(11, 13)) >= 12) : null;
      const end = clock ? `${a.value!.start!.slice(0, 10)}T${clock.hhmm}` : null;
      if (t && clock && end! > a.value!.start!) {
        out.push({ start: a.start, end: a.end + join![0].length + t[0].length, value: span(a.value!.start!, end!, finer(a.value!.grain, clock.grain)), score: a.score });
        continue;
      }
    }
    if (b && timed(a.value) && timed(b.value) && JOIN.test(text.slice(a.end, b.start).trim())) {
      // a bare day after the join (`7月29日21:00至30日06:15`) is in the first date's month, not published's
      let end = b.value!.end!;
      if (b.parts && b.parts.m === undefined && b.parts.y === undefined && b.parts.d !== undefined && !a.value!.start!.startsWith('XXXX')) {
        const [y, m] = [Number(a.value!.start!.slice(0, 4)), Number(a.value!.start!.slice(5, 7))];
        if (isValid(y, m, b.parts.d)) end = `${iso(y, m, b.parts.d)}${end.slice(10)}`;
      }
      if (end < a.value!.start!) {
        out.push(a);
        continue;
      }
      out.push({ start: a.start, end: b.end, value: span(a.value!.start!, end, finer(a.value!.grain, b.value!.grain)), score: Math.min(a.score, b.score) });
      i++;
      continue;
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
  if (bv.end < av.start && !bStatesYear && bp.y !== null && !bv.start.startsWith('XXXX')) {
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

const GRAIN_ORDER: DateGrain[] = ['minute', 'hour', 'day', 'week', 'month', 'quarter', 'halfyear', 'year', 'decade', 'century'];
function finer(a: DateGrain, b: DateGrain): DateGrain {
  return GRAIN_ORDER.indexOf(a) <= GRAIN_ORDER.indexOf(b) ? a : b;
}

/** A wire dateline that names the reporting day: `新华社北京3月17日电`, `湖南日报2月18日讯`, `中新网绍兴2月24日电`. */
const REPORT_DAY_RE = /(\d{1,2}|[一二三四五六七八九十]{1,2})月(\d{1,2}|[一二三四五六七八九十]{1,3})日(?:电|讯|专讯|消息)/;

/**
 * The day relative dates of an article count from: the day its dateline names (`…2月18日讯` … `今天`) when that is
 * within a week before published (a print edition carries yesterday's wire), else published.
 */
export function reportingDay(head: string, published: string | null): string | null {
  const pub = parseIso(published);
  const m = pub ? REPORT_DAY_RE.exec(head) : null;
  if (!pub || !m) return published;
  const [mo, d] = [num(m[1]), num(m[2])];
  const y = mo > pub.m ? pub.y - 1 : pub.y;
  if (!isValid(y, mo, d)) return published;
  const day = iso(y, mo, d);
  const back = (Date.parse(iso(pub.y, pub.m, pub.d)) - Date.parse(day)) / 86_400_000;
  return back >= 0 && back <= 7 ? day : published;
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
