/**
 * Number parsing for amounts: Arabic numerals with Chinese magnitudes
 * (`8000万`, `1.2万亿`, `1,200万`) are decoded here exactly (decimal string
 * + power-of-ten exponent, so `227.6亿` is 22760000000, not 22760000000.000004);
 * anything with Chinese numerals (`八千万`, `两千零五十`, `七点五`, `3万5千`) goes to
 * Microsoft Recognizers-Text's Chinese number model, cached per string.
 */
import { Culture, NumberRecognizer } from '@microsoft/recognizers-text-number';

/** Values whose magnitude exceeds this are dropped (not clamped): they are beyond
 * exact float integers and larger than any real-world amount (world GDP ≈ 1e15 CNY). */
export const MAX_ABS_VALUE = 1e18;

const MAGNITUDE: Record<string, number> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8, 兆: 12 };

/** `-8000` / `1,200.5` then optional `多|余`, then magnitudes, then optional `多|余`. */
const ARABIC = /^(-?)(\d+(?:,\d{3})*(?:\.\d+)?)([多余]?)([十百千万亿兆]*)([多余]?)$/;

let model: ReturnType<NumberRecognizer['getNumberModel']> | null = null;
const cache = new Map<string, number | null>();
const CACHE_MAX = 5000;

/** Parsed number: value and whether it carried 多/余 ("more than"). */
export interface ParsedNumber {
  value: number;
  approx: boolean;
}

/**
 * Decode a whole numeral string (`8000多万`, `八千万`, `42.1万余`). Returns null when
 * the string is not one number in full, or the value is not finite / too large.
 */
export function parseNumber(s: string): ParsedNumber | null {
  let value: number | null;
  let approx = false;
  if (s.startsWith('+')) s = s.slice(1); // an explicit plus sign (`同比+13.2%`)
  if (/[ \u00a0\u2009\u202f○]/.test(s)) s = s.replace(/[ \u00a0\u2009\u202f]/g, '').replace(/○/g, '〇');
  // 廿 卅 卌 (Taiwan print, lunar days): twenty, thirty, forty
  if (/[廿卅卌]/.test(s)) s = s.replace(/廿/g, '二十').replace(/卅/g, '三十').replace(/卌/g, '四十');
  // `九百十七` (Taiwan's and spoken usage): a ten right after a hundred is one ten (九百一十七)
  if (/百十/.test(s)) s = s.replace(/(?<=百)十/g, '一十');
  // `数十亿`, `几百万`: at least one of the magnitude, approximate
  if (/^[数几][十百千万亿]/.test(s)) {
    const rest = parseNumber(`一${s.slice(1)}`);
    return rest && { value: rest.value, approx: true };
  }
  // `七二九.二` (Taiwan print, `．` normalised to `.`), `七四三七·三`: a full stop or a middle dot between Chinese digits is 点
  if (/[.·・‧]/.test(s)) s = s.replace(/(?<=[零〇一二两三四五六七八九十])[.·・‧](?=[零〇一二三四五六七八九])/g, '点');
  // A round order of magnitude without a digit (`千亿`, `百亿`, `万亿`): 1 × it, approximate.
  if (s.length <= 3 && /^(?:[百千]万?亿|万亿)$/.test(s)) {
    const exp = [...s].reduce((e, c) => e + MAGNITUDE[c], 0);
    return { value: 10 ** exp, approx: true };
  }
  // 多/余 after the last magnitude of a number in sections (`5亿8,975万余`): the number without it, approximate
  if (/(?<=[万亿兆])[多余]$/.test(s) && /[兆亿万](?!$)./.test(s.slice(0, -1))) {
    const rest = parseNumber(s.slice(0, -1));
    return rest && { value: rest.value, approx: true };
  }
  const m = ARABIC.exec(s);
  const sections = m || !/[兆亿万].|[〇零一二两三四五六七八九]{3}|点/.test(s) ? null : parseSections(s);
  if (sections !== null) {
    value = sections;
  } else if (m) {
    const exp = [...m[4]].reduce((e, c) => e + MAGNITUDE[c], 0);
    value = Number(`${m[1]}${m[2].replace(/,/g, '')}e${exp}`);
    approx = m[3] !== '' || m[5] !== '';
    if (m[3] && m[5]) return null; // 8000多万余
  } else {
    // 多/余 inside a Chinese numeral (八千多万, 五十余万): strip, remember approx.
    const core = s.replace(/(?<=.)[多余]/g, '');
    approx = core !== s;
    value = recognise(core);
  }
  if (value === null || !Number.isFinite(value) || Math.abs(value) > MAX_ABS_VALUE) return null;
  return { value, approx };
}

const POS_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** One section: Arabic (`8,200`, `1.5`), Chinese digits written positionally (`五〇五七点四`, `一一二三`, `一点〇五`) or with
 * 十百千 (`六十四`, `七十三点三`). */
const SECTION = String.raw`\d+(?:,\d{3})*(?:\.\d+)?|[〇零一二两三四五六七八九十百千]+(?:点[〇零一二三四五六七八九]+)?`;
const SECTIONS_RE = new RegExp(`^(?:(${SECTION})兆)?(?:(${SECTION})亿)?(?:(${SECTION})万)?(${SECTION})?$`);

/** A positional section's value, or null when it is not one (`三四` is "three or four", not 34). */
function sectionValue(sec: string): number | null {
  if (/^\d/.test(sec)) return Number(sec.replace(/,/g, ''));
  if (/[十百千]/.test(sec)) return recognise(sec);
  const [int, frac] = sec.split('点');
  // Two digits without a zero are a loose "N or N+1" (`三四亿`); one digit or three and more are positional.
  if (int.length === 2 && !/[〇零]/.test(int)) return null;
  if (int.length > 1 && /^[零〇]/.test(int)) return null;
  const digits = (t: string) => [...t].map((c) => POS_DIGIT[c]).join('');
  return Number(`${digits(int)}${frac ? `.${digits(frac)}` : ''}`);
}

/**
 * Numbers written in sections by magnitude that Arabic parsing and Recognizers do not read:
 * `2兆8623亿`, `3兆0350亿`, `452亿8,200万`, `一兆一一二三亿`, `五〇五七点四亿`, `一点〇五兆`.
 * Null when `s` is not such a number (then the other readers try).
 */
function parseSections(s: string): number | null {
  const m = SECTIONS_RE.exec(s);
  if (!m || s === '') return null;
  const parts: [string | undefined, number][] = [[m[1], 12], [m[2], 8], [m[3], 4], [m[4], 0]];
  const stated = parts.filter(([sec]) => sec !== undefined);
  // A single Arabic section is ARABIC's; one without a magnitude is no amount form here.
  if (stated.length === 0) return null;
  const chinese = stated.some(([sec]) => !/^\d/.test(sec!));
  if (!chinese && stated.length < 2) return null;
  // One Chinese section without a magnitude: positional digits of three or more (`百分之一二五`), or with 点 or 零.
  if (chinese && stated.length === 1 && stated[0][1] === 0 && !/点|[〇零]|^[一二两三四五六七八九]{3,}$/.test(stated[0][0]!)) return null;
  let total = 0;
  let higher: number | null = null;
  for (const [sec, exp] of stated) {
    let v = sectionValue(sec!);
    if (v === null) return null;
    // Below a higher section, positional digits fill its four places (`六十四万五三一四`, `一兆一一二三亿`) or start
    // with 零; one digit alone is the next place down (`三万五` = 35,000, `两亿三` = 230,000,000).
    if (higher !== null && /^[〇零一二两三四五六七八九]+$/.test(sec!)) {
      if (sec!.length === 1 && higher - exp === 4 && exp === 0 && !/[〇零]/.test(sec!)) v *= 10 ** 3;
      else if (sec!.length < 4 && !/^[〇零]/.test(sec!)) return null;
    }
    higher = exp;
    // A lower section after a higher one is less than that magnitude step (`8623亿` < 1兆).
    total += Number(`${v}e${exp}`);
  }
  // Keep the exact decimal: sum of exact parts, rounded to an integer when all parts are whole units.
  return Number.isInteger(total) ? total : Number(total.toPrecision(15));
}

/** Recognizers-Text on the whole string; null unless one match covers all of it. */
export function recognise(s: string): number | null {
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  model ??= new NumberRecognizer(Culture.Chinese).getNumberModel();
  let value: number | null = null;
  try {
    const res = model.parse(s);
    // Recognizers' `end` is inclusive.
    if (res.length === 1 && res[0].start === 0 && res[0].end === s.length - 1) {
      const v = Number(res[0].resolution?.value);
      value = Number.isFinite(v) ? v : null;
    }
  } catch {
    value = null;
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(s, value);
  return value;
}
