/**
 * HTML → plain article text. The main content is found with Mozilla
 * Readability over a linkedom DOM (falling back to the whole body when
 * Readability finds nothing or fails); block elements become paragraphs
 * separated by "\n", whitespace inside a paragraph is collapsed, entities
 * are decoded and scripts/styles dropped. Title and publication date come
 * from the page's metadata.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface HtmlText {
  text: string;
  title: string | null;
  /** YYYY-MM-DD from the page's metadata, or null. */
  published: string | null;
}

/** Pages nested deeper than this skip Readability (its recursion could overflow). */
const MAX_DEPTH = 400;
/**
 * Pages with more elements than this skip Readability: it costs ~70 µs per element (100,000 empty
 * elements took 7 s), and real article pages have a few thousand.
 */
const MAX_READABILITY_ELEMENTS = 30_000;

const BLOCK = new Set(
  (
    'address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody ' +
    'td tfoot th thead tr ul caption'
  ).split(' '),
);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'iframe', 'object', 'canvas']);

/* Minimal structural view of linkedom nodes (its DOM types are not the lib.dom ones). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomDocument {
  body: DomNode | null;
  title?: string;
  querySelectorAll(sel: string): ArrayLike<{ getAttribute(n: string): string | null; textContent: string | null }>;
}

/** Extract article text, title and publication date from `html`. */
export function htmlToText(html: string): HtmlText {
  const { document } = parseHTML(safeHtml(html)) as unknown as { document: DomDocument };
  const published = findPublished(document);
  const metaTitle = findTitle(document);
  let text = '';
  let title: string | null = null;
  const readable = depth(document.body) <= MAX_DEPTH && elementCount(document.body) <= MAX_READABILITY_ELEMENTS;
  if (readable) {
    try {
      const article = new Readability(document as never, { charThreshold: 100 }).parse();
      if (article?.content) {
        title = article.title?.trim() || null;
        const { document: inner } = parseHTML(`<html><body>${article.content}</body></html>`) as unknown as {
          document: DomDocument;
        };
        text = blockText(inner.body);
      }
    } catch {
      text = '';
    }
  }
  if (!text && !readable) text = blockText(document.body);
  else if (!text) {
    // Readability may have modified the document: parse again for the fallback
    const { document: fresh } = parseHTML(safeHtml(html)) as unknown as { document: DomDocument };
    text = blockText(fresh.body);
  }
  return { text, title: title ?? metaTitle, published };
}

/** Wrap fragments so that linkedom always yields a body; bound the nesting (see `boundNesting`). */
function safeHtml(html: string): string {
  const bounded = boundNesting(html);
  return /<html[\s>]/i.test(bounded) ? bounded : `<!doctype html><html><body>${bounded}</body></html>`;
}

/**
 * Elements open at once beyond which `boundNesting` drops tags. The HTML parser (htmlparser2, under
 * linkedom) keeps its open elements in an array it shifts and unshifts at the front, so each tag costs time
 * in proportion to the nesting: 100,000 unclosed `<b>` (300 KB) took 21 s. Pages deeper than MAX_DEPTH
 * already skip Readability; nothing real nests a thousand elements.
 */
export const MAX_NESTING = 1000;

const VOID = new Set('area base basefont br col command embed frame hr img input keygen link meta param source track wbr'.split(' '));
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const FOREIGN = new Set(['svg', 'math']);
const P_CLOSERS = 'h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul p'.split(' ');
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
/** htmlparser2's implied end tags: opening the key closes an open element of the set on top of the stack */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ...P_CLOSERS.map((t) => [t, new Set(['p'])] as [string, Set<string>]),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM] as [string, Set<string>]),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
]);

/**
 * `html` with every start tag that would open an element deeper than `limit` removed, and its end tag
 * (text is kept): one linear scan that follows the parser's open-element stack closely enough (implied
 * end tags, void elements, raw text, comments, quoted attribute values). The same string when nothing is
 * that deep.
 */
export function boundNesting(html: string, limit = MAX_NESTING): string {
  if (html.length < limit * 3) return html; // cannot nest that deep
  const lower = html.toLowerCase();
  const stack: string[] = [];
  let foreign = 0;
  const dropped = new Map<string, number>();
  const cuts: [number, number][] = [];
  let stray = 0;
  /** elements of each name on the stack */
  const open = new Map<string, number>();
  const pop = () => {
    const top = stack.pop()!;
    open.set(top, open.get(top)! - 1);
    if (FOREIGN.has(top)) foreign--;
  };
  const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) break;
    const c = html.charCodeAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      const e = html.indexOf('-->', lt + 4);
      if (e < 0) break;
      i = e + 3;
      continue;
    }
    if (c === 33 /* ! */ || c === 63 /* ? */) {
      const e = html.indexOf('>', lt + 2);
      if (e < 0) break;
      i = e + 1;
      continue;
    }
    const closing = c === 47; /* / */
    const nameAt = closing ? lt + 2 : lt + 1;
    if (nameAt >= n || !isNameStart(html.charCodeAt(nameAt))) {
      i = lt + 1;
      continue;
    }
    let j = nameAt;
    while (j < n && !/[\s/>]/.test(html[j])) j++;
    const name = lower.slice(nameAt, j);
    // the end of the tag, past quoted attribute values
    let end = -1;
    let selfClosing = false;
    for (let k = j; k < n; k++) {
      const ch = html.charCodeAt(k);
      if (ch === 62 /* > */) {
        end = k;
        selfClosing = html.charCodeAt(k - 1) === 47;
        break;
      }
      if ((ch === 34 || ch === 39) && html.charCodeAt(k - 1) === 61 /* = */) {
        const q = html.indexOf(html[k], k + 1);
        if (q < 0) break;
        k = q;
      }
    }
    if (end < 0) break;
    i = end + 1;
    if (closing) {
      const at = open.get(name) ? stack.lastIndexOf(name) : -1;
      if (at >= 0) {
        while (stack.length > at) pop();
      } else if (dropped.get(name)) {
        dropped.set(name, dropped.get(name)! - 1);
        cuts.push([lt, end + 1]);
      } else if (name !== 'p' && name !== 'br' && ++stray > MAX_NESTING) {
        // an end tag that closes nothing is a no-op for the parser (but for </p>, </br>), and costs it a
        // search of its whole stack: past the first thousand, drop them
        cuts.push([lt, end + 1]);
      }
      continue;
    }
    const implied = IMPLIES_CLOSE.get(name);
    if (implied) while (stack.length && implied.has(stack[stack.length - 1])) pop();
    if (RAW_TEXT.has(name) && !foreign) {
      const e = lower.indexOf(`</${name}`, i);
      if (e < 0) break;
      i = e;
      continue;
    }
    if (VOID.has(name) || (selfClosing && foreign > 0)) continue;
    if (stack.length >= limit) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      cuts.push([lt, end + 1]);
      continue;
    }
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) foreign++;
  }
  if (!cuts.length) return html;
  const parts: string[] = [];
  let from = 0;
  for (const [a, b] of cuts) {
    parts.push(html.slice(from, a));
    from = b;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

/** Maximum element nesting depth below `root` (iterative). */
function depth(root: DomNode | null): number {
  if (!root) return 0;
  let max = 0;
  const stack: [DomNode, number][] = [[root, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > MAX_DEPTH) return max;
    const cs = n.childNodes;
    for (let i = 0; i < cs.length; i++) if (cs[i].nodeType === 1) stack.push([cs[i], d + 1]);
  }
  return max;
}

/** Elements below `root`, counted up to just past MAX_READABILITY_ELEMENTS (iterative). */
function elementCount(root: DomNode | null): number {
  if (!root) return 0;
  let count = 0;
  const stack: DomNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (++count > MAX_READABILITY_ELEMENTS) return count;
    const cs = n.childNodes;
    for (let i = 0; i < cs.length; i++) if (cs[i].nodeType === 1) stack.push(cs[i]);
  }
  return count;
}

/** Text of `root` with block elements and <br> as paragraph breaks (iterative walk). */
export function blockText(root: DomNode | null): string {
  if (!root) return '';
  const paras: string[] = [];
  let cur = '';
  const flush = () => {
    const p = cur
      // a line break between two CJK characters is no space at all (CSS segment-break rules)
      .replace(/(?<=[\p{Script=Han}\u3000-\u303f\uff01-\uff60])[ \t]*[\r\n][ \t\r\n]*(?=[\p{Script=Han}\u3000-\u303f\uff01-\uff60])/gu, '')
      .replace(/[ \t\r\n\f\v\u00a0]+/g, ' ')
      .trim();
    if (p) paras.push(p);
    cur = '';
  };
  // stack of nodes to visit; `null` marks the end of a block element
  const stack: (DomNode | null)[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === null) {
      flush();
      continue;
    }
    if (n.nodeType === 3) {
      cur += n.nodeValue ?? '';
      continue;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
    const name = n.nodeName.toLowerCase();
    if (SKIP.has(name)) continue;
    if (name === 'br') {
      flush();
      continue;
    }
    const block = BLOCK.has(name);
    if (block) {
      flush();
      stack.push(null);
    }
    const cs = n.childNodes;
    for (let i = cs.length - 1; i >= 0; i--) stack.push(cs[i]);
  }
  flush();
  return paras.join('\n');
}

/** Page title from og:title or <title>. */
function findTitle(doc: DomDocument): string | null {
  const og = doc.querySelectorAll('meta[property="og:title"]')[0]?.getAttribute('content')?.trim();
  if (og) return og;
  const t = doc.querySelectorAll('title')[0]?.textContent?.trim();
  return t || null;
}

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="PubDate"]',
  'meta[name="publish_date"]',
  'meta[name="date"]',
  'meta[property="og:published_time"]',
];

/** Publication date from meta tags, JSON-LD datePublished, or the first <time datetime>. */
function findPublished(doc: DomDocument): string | null {
  for (const sel of DATE_META) {
    for (const el of Array.from(doc.querySelectorAll(sel))) {
      const d = isoDate(el.getAttribute('content'));
      if (d) return d;
    }
  }
  for (const el of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(el.textContent ?? '');
    const d = isoDate(m?.[1] ?? null);
    if (d) return d;
  }
  for (const el of Array.from(doc.querySelectorAll('time[datetime]'))) {
    const d = isoDate(el.getAttribute('datetime'));
    if (d) return d;
  }
  return null;
}

/** YYYY-MM-DD from `2023-03-17T08:00`, `2023/3/17`, `2023年3月17日`…, or null when not a real date. */
export function isoDate(s: string | null): string | null {
  if (!s) return null;
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(s) ?? /\b(\d{4})(\d{2})(\d{2})\b/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
