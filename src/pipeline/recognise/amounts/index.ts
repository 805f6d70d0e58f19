/**
 * MONEY, PERCENT and QUANTITY mentions in normalised (simplified, half-width) text.
 *
 * A fast regex pre-scan finds numeral runs (`8000万`, `两千零五十`, `42.1万余`); only runs
 * with an amount context (currency word/symbol, `%`, `百分之`, a unit) are decoded
 * (see numbers.ts), so Recognizers-Text never sees long text.
 *
 * Span rule: a mention covers the number and its unit/currency (and a currency prefix such
 * as `¥`, `人民币`); hedges outside the number (`约`, `近`, `超过`, `左右`, `以上`) are not part
 * of the span but set `approx`. `多`/`余` inside the number (`8000多万元`, `50余项`) are
 * part of the span and set `approx`.
 *
 * QUANTITY rule: a number followed by a measure word for things or a physical unit
 * (UNITS below). Time units (年 月 日 天 周 小时 分钟 秒 岁 …) are never units, so dates,
 * times, durations (`3年`, `3个月`) and ages are not quantities; nor are ordinals
 * (`第三`, `前三名`), Chinese `一` + measure word (an article: `一家公司`), digit runs of
 * 11+ digits (phone/ID numbers), zero-led runs (`010`), or numbers glued to Latin letters
 * or dots (model/version numbers).
 */
import type { MoneyValue, PercentValue, QuantityValue } from '../../doc.js';
import { parseNumber } from './numbers.js';

export interface AmountMention {
  start: number;
  end: number;
  type: 'MONEY' | 'PERCENT' | 'QUANTITY';
  value: MoneyValue | PercentValue | QuantityValue;
  score: number;
}

/** Currency words (suffix, and prefix where noted in PREFIX_CURRENCY) → ISO 4217. */
const CURRENCY_WORDS: Record<string, string> = {
  元: 'CNY', 块钱: 'CNY', 人民币: 'CNY', 人民币元: 'CNY',
  美元: 'USD', 美金: 'USD',
  欧元: 'EUR', 日元: 'JPY', 日圆: 'JPY', 英镑: 'GBP', 韩元: 'KRW',
  港元: 'HKD', 港币: 'HKD', 新台币: 'TWD', 台币: 'TWD', 澳门元: 'MOP', 澳门币: 'MOP',
  卢布: 'RUB', 澳元: 'AUD', 加元: 'CAD', 加币: 'CAD', 瑞士法郎: 'CHF', 瑞郎: 'CHF',
  新加坡元: 'SGD', 新元: 'SGD', 泰铢: 'THB', 卢比: 'INR', 越南盾: 'VND', 林吉特: 'MYR',
};
/** Currency words that may stand before the number (`人民币500万元`, `港币3亿`). */
const PREFIX_CURRENCY = ['人民币', '港币', '港元', '美元', '美金', '欧元', '日元', '新台币', '台币', '英镑'];
const SYMBOLS: Record<string, string> = { '¥': 'CNY', '￥': 'CNY', $: 'USD', US$: 'USD', HK$: 'HKD', '€': 'EUR', '£': 'GBP' };

/** Measure words for countable things and physical units. Time units are deliberately absent. */
const UNITS = [
  // measure words (things, people, events)
  '个', '位', '名', '人', '人次', '户', '家', '项', '件', '台', '套', '辆', '架', '艘', '列', '条', '座',
  '栋', '幢', '间', '所', '张', '本', '部', '册', '份', '篇', '首', '次', '场', '批', '起', '例', '只',
  '头', '匹', '棵', '株', '颗', '粒', '枚', '块', '片', '根', '支', '把', '盏', '口', '处', '宗', '笔',
  '箱', '包', '袋', '瓶', '杯', '盒', '双', '对', '层', '所', '座', '款', '种', '类', '篇', '届', '轮',
  '股', '架次', '辆次', '班次', '人次', '万人次', '标箱', '个百分点', '百分点',
  // length / area / volume / mass / energy / power / data
  '公里', '千米', '米', '厘米', '毫米', '海里', '英里', '英尺', '平方米', '平方公里', '平方千米', '平米',
  '立方米', '公顷', '亩', '升', '毫升', '吨', '千克', '公斤', '克', '毫克', '斤', '两', '桶',
  '千瓦时', '千瓦', '兆瓦', '吉瓦', '瓦', '度', '摄氏度', '伏', '千伏', '赫兹', '马力',
  'km', 'kg', 'mg', 'mm', 'cm', 'ml', 'kWh', 'kW', 'MWh', 'MW', 'GWh', 'GW', 'TWh', 'GB', 'TB', 'MB', 'm²', 'm³',
];

const byLength = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length).map(escape);
function escape(s: string): string {
  return s.replace(/[$.*+?()[\]{}|\\^]/g, '\\$&');
}

const CURRENCY_SUFFIX_RE = new RegExp(`^(?:${byLength(Object.keys(CURRENCY_WORDS)).join('|')})`);
const UNIT_RE = new RegExp(`^(?:${byLength(UNITS).join('|')})(?![A-Za-z])`);
/** An alternative unit in brackets: `台(套)`. */
const ALT_UNIT_RE = new RegExp(`^[(（](?:${byLength(UNITS).join('|')})[)）]`);
const SYMBOL_RE = /(?:US\$|HK\$|[¥￥$€£])\s?$/;
const PREFIX_CURRENCY_RE = new RegExp(`(?:${byLength(PREFIX_CURRENCY).join('|')})$`);

/** Numeral runs: Arabic or Chinese digits with magnitudes, 多/余, decimal point, thousands commas. */
const RUN_RE =
  /-?(?:\d|[零〇一二两三四五六七八九十])(?:[\d零〇一二两三四五六七八九十百千万亿多余]|[.,](?=\d)|点(?=[零〇一二三四五六七八九]))*/g;
const SIGN_BLOCK = /[\dA-Za-z.%‰\-~零〇一二两三四五六七八九十百千万亿元]/;
const HAS_CHINESE_DIGIT = /[零〇一二两三四五六七八九十点]/;

const HEDGE_BEFORE = /(?:约|大约|约合|近|将近|接近|超过|超|逾|不足|不到|几乎)$/;
const HEDGE_AFTER = /^(?:左右|上下|以上|以下|以内|之多)/;
/** `个` + these is a duration (`3个月`), not a quantity. */
const DURATION_AFTER_GE = /^(?:多)?(?:月|小时|星期|礼拜|工作日|季度|年头|半月|钟头)/;
/** After `N成`: idioms and words where 成 is not "tenths" (`一成不变`, `八成是`). */
const CHENG_BLOCK = /^(?:为|了|立|功|本|果|绩|交|员|长|熟|品|型|就|效|分|份|都|是|不变|千上万)/;
/** After Chinese-numeral + 元: not money (`一元化`, `二元论`). */
const YUAN_BLOCK = /^(?:化|论|素|旦|宵|首|老|帅|气|件|结构|函数|次方程)/;

/** What may follow a bare small Chinese-numeral amount (`五角钱`, `一元,`). */
const MONEY_END = /^(?:钱|人民币|[的,，。;；:：、)）\s]|$)/;

const TYPE_SCORE = { arabic: 0.95, chinese: 0.9 };

/** Find money, percent and quantity mentions in normalised text. */
export function findAmounts(text: string): AmountMention[] {
  const out: AmountMention[] = [];
  let lastEnd = 0;
  RUN_RE.lastIndex = 0;
  for (let m = RUN_RE.exec(text); m; m = RUN_RE.exec(text)) {
    let start = m.index;
    let run = m[0];
    // A '-' is a sign only at a word boundary: not in 2023-03-17, 010-1234, 10%-15%, 3亿-5亿元.
    if (run.startsWith('-') && start > 0 && (lastEnd === start || SIGN_BLOCK.test(text[start - 1]))) {
      start += 1;
      run = run.slice(1);
    }
    const mention = readAmount(text, start, run, lastEnd);
    if (mention) {
      out.push(mention);
      lastEnd = mention.end;
      RUN_RE.lastIndex = Math.max(RUN_RE.lastIndex, mention.end);
    }
  }
  addBaiFenZhiBai(text, out);
  return out;
}

/** Try to read one amount whose numeral run `run` starts at `start`. */
function readAmount(text: string, start: number, run: string, lastEnd: number): AmountMention | null {
  const digitsStart = run.startsWith('-') ? start + 1 : start;
  const prev = text[start - 1] ?? '';
  if (/[A-Za-z\d._/#]/.test(prev)) return null; // model / version numbers, fractions
  if (/[第初]/.test(prev) || /(?:周|星期|礼拜)$/.test(text.slice(Math.max(0, start - 2), start))) return null;
  const bare = run.replace(/^-/, '');
  if (/^\d{11,}$/.test(bare) || /^0\d/.test(bare)) return null; // phone / ID / zero-led codes

  const isChinese = HAS_CHINESE_DIGIT.test(run);
  const end = start + run.length;
  const after = text.slice(end, end + 8);
  const before = text.slice(Math.max(lastEnd, start - 6), start);

  // --- PERCENT: N%, N‰, 百分之N, 千分之N, 万分之N, N成 ---
  const fraction = /(百|千|万)分之$/.exec(text.slice(Math.max(lastEnd, digitsStart - 3), digitsStart));
  if (after.startsWith('%') || after.startsWith('‰') || fraction) {
    const n = parseNumber(run);
    if (!n) return null;
    let value = n.value;
    let s = start;
    let e = end;
    if (fraction) {
      s = digitsStart - 3;
      value = fraction[1] === '百' ? value : fraction[1] === '千' ? value / 10 : value / 100;
    } else {
      if (after.startsWith('‰')) value /= 10;
      e = end + 1;
    }
    const approx = n.approx || hedgedAround(text, s, e);
    return pct(s, e, round(value), approx, isChinese ? 0.9 : 0.95);
  }
  if (after.startsWith('成') && /^(?:[一二两三四五六七八九]|[1-9])$/.test(bare) && !CHENG_BLOCK.test(after.slice(1))) {
    if (bare === '一' && after.startsWith('成不')) return null;
    const n = parseNumber(bare);
    if (!n) return null;
    return pct(start, end + 1, n.value * 10, hedgedAround(text, start, end + 1), 0.8);
  }

  // --- MONEY: symbol or currency word before, currency word after ---
  const sym = SYMBOL_RE.exec(before);
  const pre = sym ? null : PREFIX_CURRENCY_RE.exec(before);
  const suf = CURRENCY_SUFFIX_RE.exec(after);
  let moneySuffix = suf?.[0] ?? null;
  // 一元复始, 二元论: a small Chinese numeral + 元 is money only before a clear boundary.
  if (moneySuffix === '元' && isChinese && (YUAN_BLOCK.test(after.slice(1)) || (/^[一二两三四五六七八九]$/.test(bare) && !MONEY_END.test(after.slice(1))))) {
    moneySuffix = null;
  }
  let jiao = false;
  if (!moneySuffix && after.startsWith('角') && (!isChinese || MONEY_END.test(after.slice(1)))) {
    moneySuffix = '角';
    jiao = true;
  }
  if (sym || pre || moneySuffix) {
    const n = parseNumber(run);
    if (!n) return null;
    // A specific prefix wins over a generic 元 suffix: 新台币100元 is TWD, ¥500元 is CNY.
    const generic = !moneySuffix || moneySuffix === '元' || jiao;
    const currency = pre && generic
      ? CURRENCY_WORDS[pre[0]]
      : sym && generic
        ? SYMBOLS[sym[0].trim()]
        : CURRENCY_WORDS[moneySuffix!] ?? 'CNY';
    const s = sym ? start - sym[0].length : pre ? start - pre[0].length : start;
    let e = end + (moneySuffix?.length ?? 0);
    if (moneySuffix === '元' && !pre && !sym && text.startsWith('人民币', e)) e += 3; // 6.18万亿元人民币
    const amount = round(jiao ? n.value / 10 : n.value);
    const approx = n.approx || hedgedAround(text, s, e);
    const value: MoneyValue = { amount, currency, ...(approx ? { approx: true } : {}) };
    return { start: s, end: e, type: 'MONEY', value, score: isChinese ? TYPE_SCORE.chinese : TYPE_SCORE.arabic };
  }

  // --- QUANTITY: number + measure word / unit ---
  const unitMatch = UNIT_RE.exec(after);
  if (!unitMatch || run.startsWith('-')) return null;
  let unit = unitMatch[0];
  if (unit === '个' && DURATION_AFTER_GE.test(after.slice(1))) return null;
  if (prev === '前') return null; // 前三名: a ranking
  let e = end + unit.length;
  const alt = ALT_UNIT_RE.exec(text.slice(e, e + 6));
  if (alt) {
    unit += alt[0];
    e += alt[0].length;
  }
  if (unit === '个百分点') unit = '百分点';
  const n = parseNumber(run);
  if (!n) return null;
  if (isChinese && n.value === 1) return null; // 一家公司, 统一口径: an article, not a count
  const approx = n.approx || hedgedAround(text, start, e);
  const value: QuantityValue = { value: round(n.value), unit, ...(approx ? { approx: true } : {}) };
  return { start, end: e, type: 'QUANTITY', value, score: isChinese ? 0.8 : 0.9 };
}

function pct(start: number, end: number, value: number, approx: boolean, score: number): AmountMention {
  const v: PercentValue = { value, ...(approx ? { approx: true } : {}) };
  return { start, end, type: 'PERCENT', value: v, score };
}

/** Hedge words just before the span or just after it. */
function hedgedAround(text: string, s: number, e: number): boolean {
  if (text[s] === '十' && /[数几]/.test(text[s - 1] ?? '')) return true; // 数十亿, 几十万
  return HEDGE_BEFORE.test(text.slice(Math.max(0, s - 4), s)) || HEDGE_AFTER.test(text.slice(e, e + 3));
}

/** `百分之百` has no digit-led run, so it is matched on its own. */
function addBaiFenZhiBai(text: string, out: AmountMention[]): void {
  const re = /百分之百(?![分之])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (out.some((o) => o.start < e && s < o.end)) continue;
    out.push(pct(s, e, 100, false, 0.9));
  }
  out.sort((a, b) => a.start - b.start);
}

/** Trim float noise from divisions (0.30000000000000004 → 0.3). */
function round(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(12));
}
