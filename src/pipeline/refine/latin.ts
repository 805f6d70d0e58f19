/**
 * Latin-script strings that are not names (PERSON / ORG / COMPANY): a span
 * of Latin letters only that is
 *  (a) all lower case inside an English phrase (`tech` of `Chinese tech
 *      firms`; a brand on its own, `vesselfinder等`, stays),
 *  (b) cut inside a Latin word (`esearch` of `Research`), or
 *  (c) all capitals in two or more words of three or more letters
 *      (`PEAK PEGASUS`: a vessel's or product's label, not a firm's name; a
 *      firm written in capitals is one word, `BYD`, `TCL`).
 *  (d) a common term of business and technology reporting (`EBITDA`, `GDP`,
 *      `IPO`, `CEO`, `token`, `App`), never a firm's name by itself, or
 *  (e) a "person" with a one-letter word (`Model Y`: a product), or
 *  (f) an emoji's short code between colons (`:memo:`, `:rocket:` of a forum repost).
 * A web address is no name either (`www.thepaper.cn`), whatever its type, nor a file's name (`image.png`) or a stock
 * exchange's code before a number (`SH:601669`). A number and a dash before a firm's Latin name
 * belong to it (`7-ELEVEN`).
 * Places are left alone (`NOVO LAND` is a housing estate).
 */
import type { Doc, NormMention } from '../doc.js';
import { component } from '../component.js';
import { isName, setMentions } from './util.js';

const LATIN_ONLY = /^[A-Za-z][A-Za-z .&'-]*$/;
/** Terms of business and technology reporting (compared in lower case). */
const TERMS = new Set([
  'gdp', 'gnp', 'cpi', 'ppi', 'pmi', 'ipo', 'etf', 'esg', 'ebit', 'ebitda', 'roe', 'roa', 'eps', 'pe', 'capex', 'ceo', 'cfo', 'coo', 'cto',
  'ai', 'aigc', 'agi', 'llm', 'gpu', 'cpu', 'api', 'app', 'apps', 'saas', 'token', 'tokens', 'vr', 'ar', 'ev', 'suv', 'mpv', 'oled', 'lcd',
  'led', 'b2b', 'b2c', 'o2o', 'kol', 'ota', 'ip', 'vip', 'ok', 'pk', 'diy', 'tob', 'toc', 'hk', 'usd', 'rmb', 'hkd', 'ytd', 'yoy', 'qoq',
]);
const LETTER = /[A-Za-z]/;

export function isLatinNonName(text: string, m: NormMention): boolean {
  if (m.type !== 'PERSON' && m.type !== 'ORG' && m.type !== 'COMPANY') return false;
  const s = text.slice(m.start, m.end);
  if (!LATIN_ONLY.test(s)) return false;
  if (TERMS.has(s.toLowerCase())) return true;
  if (text[m.start - 1] === ':' && text[m.end] === ':' && /^[a-z_]+$/.test(s)) return true; // (f)
  const inPhrase = / [A-Za-z]/.test(text.slice(m.end, m.end + 2)) || /[A-Za-z] $/.test(text.slice(Math.max(0, m.start - 2), m.start));
  if (s === s.toLowerCase() && inPhrase) return true;
  if (LETTER.test(text[m.start - 1] ?? '') || LETTER.test(text[m.end] ?? '')) return true;
  const words = s.split(/\s+/).filter(Boolean);
  // (e) a "person" with a one-letter word is a model's name (`Model Y`), not a person's (initials have a dot: `J. Smith`)
  if (m.type === 'PERSON' && words.length >= 2 && words.some((w) => /^[A-Za-z]$/.test(w))) return true;
  return words.length >= 2 && words.every((w) => w.length >= 3 && w === w.toUpperCase());
}

/** A web address (`www.thepaper.cn`, `news.sina.com.cn`). */
const WEB_ADDRESS = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)+(?:com|cn|net|org|gov|edu|hk|tw|mo|io|info)(?:\.[a-z]{2})?(?:\/\S*)?$/i;

/** A file's name (`image.png`, `IMG_2034.JPG`): an image placeholder's, no name. */
const FILE_NAME = /^[\w-]+\.(?:png|jpe?g|gif|webp|bmp|svg|pdf|docx?|xlsx?)$/i;
/** A stock exchange's code before a listed company's number (`SH:601669`, `SZ：000001`, `HK 00700`): no name. */
const EXCHANGE_CODE = /^(?:SH|SZ|SS|HK|BJ)$/;
const isExchangeCode = (text: string, m: NormMention) => EXCHANGE_CODE.test(text.slice(m.start, m.end)) && /^\s?[:：]?\s?\d{4,6}/.test(text.slice(m.end, m.end + 8));

/** A number and a dash before a Latin name are part of it (`7-ELEVEN`). */
const NUMBER_DASH_BEFORE = /(?<![\dA-Za-z.])\d{1,2}-$/;

export const latinComponent = component('refine-latin', ['mentions'], ['mentions'], (doc: Doc) => {
  const text = doc.norm.text;
  for (const m of doc.mentions) {
    if ((m.type !== 'COMPANY' && m.type !== 'ORG') || !LATIN_ONLY.test(text.slice(m.start, m.end))) continue;
    const lead = NUMBER_DASH_BEFORE.exec(text.slice(Math.max(0, m.start - 4), m.start));
    if (lead && !doc.mentions.some((o) => o !== m && o.end > m.start - lead[0].length && o.start < m.start)) m.start -= lead[0].length;
  }
  setMentions(doc, doc.mentions.filter((m) => !isLatinNonName(text, m) && !(isName(m) && (WEB_ADDRESS.test(text.slice(m.start, m.end)) || FILE_NAME.test(text.slice(m.start, m.end)) || isExchangeCode(text, m)))));
});
