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
  if (depth(document.body) <= MAX_DEPTH) {
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
  if (!text) {
    // Readability may have modified the document: parse again for the fallback
    const { document: fresh } = parseHTML(safeHtml(html)) as unknown as { document: DomDocument };
    text = blockText(fresh.body);
  }
  return { text, title: title ?? metaTitle, published };
}

/** Wrap fragments so that linkedom always yields a body. */
function safeHtml(html: string): string {
  return /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
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
