// Shared by the editor's and the researchers' pages: API calls, DOM building, type labels.
// DOM is built from text nodes only (textContent, createTextNode): article text is never parsed as HTML.

export const TYPES = {
  PERSON: { zh: '人名', en: 'Person', short: '人' },
  LOCATION: { zh: '地名', en: 'Place', short: '地' },
  ORG: { zh: '机构', en: 'Organisation', short: '机' },
  COMPANY: { zh: '公司', en: 'Company', short: '企' },
  MONEY: { zh: '金额', en: 'Money', short: '¥' },
  PERCENT: { zh: '比例', en: 'Percent', short: '%' },
  QUANTITY: { zh: '数量', en: 'Quantity', short: '量' },
  DATE: { zh: '日期', en: 'Date', short: '日' },
};
export const NAME_TYPES = ['PERSON', 'LOCATION', 'ORG', 'COMPANY'];

/** Element builder: el('div', {class: 'x', onclick: f}, 'text', child…). Strings become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

/** A type badge: colour plus a text label (for colour-blind readers). */
export function typeBadge(type) {
  const t = TYPES[type] ?? { zh: type, en: type };
  return el('span', { class: `badge t-${type}`, title: t.en }, `${t.zh} ${t.en}`);
}

const LS = window.localStorage;
export const settings = {
  get editor() {
    return LS.getItem('zhner.editor') ?? '';
  },
  set editor(v) {
    LS.setItem('zhner.editor', v);
  },
  get apiKey() {
    return LS.getItem('zhner.apiKey') ?? '';
  },
  set apiKey(v) {
    LS.setItem('zhner.apiKey', v);
  },
};

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** JSON API call (the API key from settings, when set). */
export async function api(path, { method = 'GET', body, query } = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (settings.apiKey) headers.authorization = `Bearer ${settings.apiKey}`;
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

const nf = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A mention's normalised value in words: amount in figures with currency, ISO date range, percentage, quantity. */
export function formatValue(v) {
  if (!v || typeof v !== 'object') return null;
  const approx = v.approx ? '≈ ' : '';
  if ('currency' in v) return `${approx}${nf.format(v.amount)} ${v.currency}`;
  if ('grain' in v) {
    const range = v.start === v.end ? v.start ?? '?' : `${v.start ?? '…'} – ${v.end ?? '…'}`;
    return `${range} (${v.grain}${v.vague ? ', vague' : ''})`;
  }
  if ('unit' in v) return `${approx}${nf.format(v.value)} ${v.unit}`;
  if ('value' in v) return `${approx}${nf.format(v.value)}%`;
  return JSON.stringify(v);
}

export const pct = (x) => `${Math.round((x ?? 0) * 100)}%`;

/**
 * A short message at the bottom of the page (role=status, read by screen readers); with an `action`
 * ({label, run}), a button in it (e.g. undo) and a longer life.
 */
export function toast(message, kind = 'info', action = null) {
  const box = $('#toast');
  if (!box) return;
  box.replaceChildren(message);
  if (action) {
    box.append(
      ' ',
      el('button', { type: 'button', class: 'toast-action', onclick: () => ((box.className = 'toast'), action.run()) }, action.label),
    );
  }
  box.className = `toast show ${kind}${action ? ' has-action' : ''}`;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (box.className = 'toast'), action ? 10_000 : 3500);
}
