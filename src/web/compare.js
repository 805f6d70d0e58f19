// Researchers' page, "Compare over time": several names through POST /v1/query, one line each per day / week /
// month, optionally normalised by the number of stored articles in the period (the query's `totals`); the
// co-occurrence of every pair as a ranked list and a small network (SVG, no library); the table on screen
// downloaded as CSV.
import { $, api, el, toast } from './common.js';

const NS = 'http://www.w3.org/2000/svg';
const COLOURS = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#c2255c', '#5c940d', '#495057', '#364fc7'];

/** The names typed, split on commas, 、 and line breaks, each once. */
export function parseNames(s) {
  return [...new Set(s.split(/[,，、;；\n]+/).map((x) => x.trim()).filter(Boolean))].slice(0, 10);
}

/** Every period from the first to the last (days, ISO weeks from Monday, months), so gaps show as zero. */
export function periods(first, last, bucket) {
  if (!first || !last) return [];
  const out = [];
  if (bucket === 'month') {
    let [y, m] = first.split('-').map(Number);
    for (let i = 0; i < 1200; i++) {
      const p = `${y}-${String(m).padStart(2, '0')}`;
      out.push(p);
      if (p >= last) break;
      if (++m > 12) (m = 1), y++;
    }
    return out;
  }
  const step = bucket === 'week' ? 7 : 1;
  const d = new Date(first + 'T00:00:00Z');
  for (let i = 0; i < 3700; i++) {
    const p = d.toISOString().slice(0, 10);
    out.push(p);
    if (p >= last) break;
    d.setUTCDate(d.getUTCDate() + step);
  }
  return out;
}

const state = { data: null, names: [] };

/** The table on screen: one row per period, one column per name (plus the articles in the period). */
export function tableOf(data, { metric, normalise }) {
  const totals = new Map((data.totals ?? []).map((p) => [p.period, p]));
  const all = [...totals.keys(), ...data.results.flatMap((r) => (r.series ?? []).map((p) => p.period))].sort();
  const list = periods(all[0], all[all.length - 1], data.bucket);
  const rows = list.map((period) => {
    const total = totals.get(period)?.articles ?? 0;
    const values = data.results.map((r) => {
      const p = (r.series ?? []).find((x) => x.period === period);
      const n = p ? p[metric] : 0;
      return normalise ? (total ? n / total : 0) : n;
    });
    return { period, total, values };
  });
  return { columns: data.results.map((r) => r.query), rows };
}

const fmt = (v, normalise) => (normalise ? (Math.round(v * 1000) / 1000).toString() : String(v));

function csvField(v) {
  const s = String(v ?? '');
  return /[",\r\n]|^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** The table as CSV (with a BOM, for Excel), as on screen. */
export function tableCsv(table, opts) {
  const unit = opts.normalise ? `${opts.metric} per article` : opts.metric;
  const head = ['period', 'articles_in_period', ...table.columns.map((c) => `${c} (${unit})`)];
  const lines = [head, ...table.rows.map((r) => [r.period, r.total, ...r.values.map((v) => fmt(v, opts.normalise))])];
  return '\uFEFF' + lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function svg(tag, attrs = {}, text) {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

function lineChart(table, opts) {
  const W = 800, H = 220, L = 40, R = 10, T = 12, B = 22;
  const box = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${table.columns.join(', ')}: ${opts.metric}${opts.normalise ? ' per article' : ''} by ${opts.bucket}` });
  const max = Math.max(opts.normalise ? 0.01 : 1, ...table.rows.flatMap((r) => r.values));
  const n = table.rows.length;
  const x = (i) => (n <= 1 ? L + (W - L - R) / 2 : L + ((W - L - R) * i) / (n - 1));
  const y = (v) => H - B - ((H - T - B) * v) / max;
  box.append(svg('line', { class: 'axis', x1: L, y1: H - B, x2: W - R, y2: H - B }), svg('line', { class: 'axis', x1: L, y1: T, x2: L, y2: H - B }));
  box.append(svg('text', { x: 2, y: T + 4 }, fmt(max, opts.normalise)), svg('text', { x: 2, y: H - B }, '0'));
  const every = Math.max(1, Math.ceil(n / 10));
  table.rows.forEach((r, i) => {
    if (i % every === 0) box.append(svg('text', { x: x(i), y: H - 6, 'text-anchor': 'middle' }, r.period));
  });
  table.columns.forEach((name, k) => {
    const points = table.rows.map((r, i) => `${x(i).toFixed(1)},${y(r.values[k]).toFixed(1)}`).join(' ');
    const line = svg('polyline', { class: 'series', points, stroke: COLOURS[k % COLOURS.length], 'data-name': name });
    line.append(svg('title', {}, name));
    box.append(line);
    table.rows.forEach((r, i) => {
      const dot = svg('circle', { cx: x(i), cy: y(r.values[k]), r: n > 60 ? 1.5 : 3, fill: COLOURS[k % COLOURS.length] });
      dot.append(svg('title', {}, `${name} · ${r.period}: ${fmt(r.values[k], opts.normalise)} (${r.total} articles)`));
      box.append(dot);
    });
  });
  const legend = el(
    'div',
    { class: 'legend' },
    table.columns.map((name, k) => el('span', {}, el('i', { style: `background:${COLOURS[k % COLOURS.length]}` }), name)),
  );
  return [legend, table.rows.length ? box : el('p', { class: 'empty' }, 'no dated articles')];
}

/** Nodes on a circle, an edge for every pair sharing articles (width by count). */
function network(names, pairs) {
  const W = 360, H = 260, cx = W / 2, cy = H / 2, rad = Math.min(W, H) / 2 - 40;
  const box = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'co-occurrence network' });
  const at = new Map(names.map((name, i) => {
    const a = (2 * Math.PI * i) / names.length - Math.PI / 2;
    return [name, names.length === 1 ? [cx, cy] : [cx + rad * Math.cos(a), cy + rad * Math.sin(a)]];
  }));
  const max = Math.max(1, ...pairs.map((p) => p.articles));
  for (const p of pairs) {
    if (!p.articles) continue;
    const [x1, y1] = at.get(p.a);
    const [x2, y2] = at.get(p.b);
    const line = svg('line', { x1, y1, x2, y2, 'stroke-width': 1 + (5 * p.articles) / max, 'data-a': p.a, 'data-b': p.b });
    line.append(svg('title', {}, `${p.a} – ${p.b}: ${p.articles} articles`));
    box.append(line);
  }
  names.forEach((name, k) => {
    const [x, y] = at.get(name);
    const node = svg('circle', { cx: x, cy: y, r: 9, fill: COLOURS[k % COLOURS.length], 'data-name': name });
    node.append(svg('title', {}, name));
    box.append(node, svg('text', { x, y: y + 22, 'text-anchor': 'middle' }, name));
  });
  return box;
}

function options() {
  return { bucket: $('#cmp-bucket').value, metric: $('#cmp-metric').value, normalise: $('#cmp-norm').checked };
}

/** Draw what was fetched with the controls as they are now (the metric and normalisation need no new query). */
function render() {
  const { data } = state;
  if (!data) return;
  const opts = options();
  const table = tableOf(data, opts);
  state.table = table;
  $('#cmp-summary').textContent = data.results.map((r) => `${r.query}: ${r.articles} articles, ${r.mentions} mentions`).join(' · ');
  $('#cmp-chart').replaceChildren(...lineChart(table, { ...opts, bucket: data.bucket }));
  const pairs = [...(data.pairs ?? [])].sort((a, b) => b.articles - a.articles || a.a.localeCompare(b.a));
  $('#cmp-pairs').replaceChildren(
    ...(pairs.length ? pairs.map((p) => el('li', { dataset: { a: p.a, b: p.b } }, `${p.a} – ${p.b}`, el('span', { class: 'help' }, ` ${p.articles} 篇 articles`))) : [el('li', { class: 'empty' }, '—')]),
  );
  $('#cmp-network').replaceChildren(network(table.columns, pairs));
  const head = el('tr', {}, el('th', {}, '时段 Period'), el('th', {}, '文章 Articles'), table.columns.map((c) => el('th', {}, c)));
  const body = el('tbody', {}, table.rows.map((r) => el('tr', {}, el('td', {}, r.period), el('td', {}, String(r.total)), r.values.map((v) => el('td', {}, fmt(v, opts.normalise))))));
  $('#cmp-table').replaceChildren(el('table', { class: 'results' }, el('thead', {}, head), body));
  $('#cmp-download').disabled = false;
}

export async function compare(extra = {}) {
  const names = parseNames($('#cmp-names').value);
  if (!names.length) return toast('输入名称 Type one or more names', 'error');
  const bucket = $('#cmp-bucket').value;
  const res = await api('/v1/query', { method: 'POST', body: { names, bucket, limit: 0, pairs: true, ...extra } });
  state.data = { ...res, bucket };
  render();
}

/** Add a name to the comparison (from the entity list). */
export function addName(name) {
  const names = parseNames($('#cmp-names').value);
  if (!names.includes(name)) names.push(name);
  $('#cmp-names').value = names.join(', ');
}

export function setupCompare(range) {
  const run = () => compare(range()).catch((e) => toast(e.message, 'error'));
  $('#cmp-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void run();
  });
  // a new period needs a new query; the count and the normalisation are redrawn from what is there
  $('#cmp-bucket').addEventListener('change', () => state.data && void run());
  $('#cmp-metric').addEventListener('change', render);
  $('#cmp-norm').addEventListener('change', render);
  $('#cmp-download').addEventListener('click', () => {
    if (!state.table) return;
    const opts = options();
    const blob = new Blob([tableCsv(state.table, opts)], { type: 'text/csv;charset=utf-8' });
    const a = el('a', { href: URL.createObjectURL(blob), download: `compare-${state.data.bucket}${opts.normalise ? '-normalised' : ''}.csv` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
}
