// Researchers' page: search stored entities (name, type, date range), see an entity's
// mentions over time (a small SVG bar chart) and the passages that mention it; compare
// several names over time (compare.js).
import { $, api, el, toast, TYPES, typeBadge } from './common.js';
import { addName, setupCompare } from './compare.js';

for (const [type, t] of Object.entries(TYPES)) $('#type').append(el('option', { value: type }, `${t.zh} ${t.en}`));

const params = () => ({ from: $('#from').value, to: $('#to').value });
// the search form's date range, for the comparison (only what is set)
setupCompare(() => Object.fromEntries(Object.entries(params()).filter(([, v]) => v)));

$('#search').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    await search();
  } catch (e) {
    toast(e.message, 'error');
  }
});

async function search() {
  const q = $('#q').value.trim();
  const page = await api('/v1/entities', { query: { contains: q, type: $('#type').value, sort: $('#sort').value, limit: 100, ...params() } });
  const box = $('#results');
  box.replaceChildren();
  if (!page.items.length) return box.append(el('p', { class: 'empty' }, '没有结果 Nothing found'));
  const body = el('tbody');
  for (const e of page.items) {
    body.append(
      el(
        'tr',
        { dataset: { id: e.id } },
        el('td', {}, el('button', { class: 'linkish', type: 'button', onclick: () => detail(e.id) }, e.name)),
        el('td', {}, typeBadge(e.type)),
        el('td', {}, String(e.articles)),
        el('td', {}, String(e.mentions)),
        el('td', {}, el('button', { class: 'add-compare', type: 'button', title: '加入比较 Add to the comparison', onclick: () => addName(e.name) }, '+ 比较')),
      ),
    );
  }
  box.append(el('table', { class: 'results' }, el('thead', {}, el('tr', {}, el('th', {}, '名称 Name'), el('th', {}, '类型 Type'), el('th', {}, '文章 Articles'), el('th', {}, '提及 Mentions'), el('th', {}, ''))), body));
}

async function detail(id) {
  for (const tr of document.querySelectorAll('tr[data-id]')) tr.classList.toggle('sel', tr.dataset.id === id);
  const [e, mentions] = await Promise.all([
    api(`/v1/entities/${encodeURIComponent(id)}`, { query: { bucket: 'month', top: 10, ...params() } }),
    api(`/v1/entities/${encodeURIComponent(id)}/mentions`, { query: { limit: 50, ...params() } }),
  ]);
  const box = $('#detail');
  box.replaceChildren();
  const parts = [
    el('h2', {}, e.name, ' ', typeBadge(e.type)),
    el('p', { class: 'help' }, `${e.articles} articles · ${e.mentions} mentions`, e.first_published ? ` · ${e.first_published} – ${e.last_published}` : ''),
    e.aliases.length > 1 ? el('p', { class: 'help' }, '别名 Aliases: ', e.aliases.join('、')) : null,
    el('h3', {}, '随时间的提及 Mentions over time'),
    chart(fillMonths(e.series)),
    e.cooccurring?.length ? el('p', { class: 'help' }, '共现 Co-occurring: ', e.cooccurring.map((c) => `${c.name} (${c.articles})`).join('、')) : null,
    el('h3', {}, '段落 Passages'),
    ...mentions.items.map(passage),
  ];
  box.append(...parts.filter(Boolean));
  if (!mentions.items.length) box.append(el('p', { class: 'empty' }, '—'));
}

/** Months without mentions as zero bars, so the time axis is even. */
function fillMonths(series) {
  if (series.length < 2 || !/^\d{4}-\d{2}$/.test(series[0].period)) return series;
  const have = new Map(series.map((p) => [p.period, p]));
  const out = [];
  let [y, m] = series[0].period.split('-').map(Number);
  const last = series[series.length - 1].period;
  for (let i = 0; i < 600; i++) {
    const period = `${y}-${String(m).padStart(2, '0')}`;
    out.push(have.get(period) ?? { period, articles: 0, mentions: 0 });
    if (period >= last) break;
    if (++m > 12) (m = 1), y++;
  }
  return out;
}

/** Bars of mentions per period, drawn with SVG elements (no library). */
function chart(series) {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  const W = 600, H = 140, pad = 18;
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', series.map((p) => `${p.period}: ${p.mentions}`).join(', ') || 'no dated mentions');
  const max = Math.max(1, ...series.map((p) => p.mentions));
  const bw = series.length ? Math.min(48, (W - 2 * pad) / series.length) : 0;
  series.forEach((p, i) => {
    const h = ((H - 2 * pad) * p.mentions) / max;
    const r = document.createElementNS(NS, 'rect');
    r.setAttribute('x', String(pad + i * bw + 1));
    r.setAttribute('y', String(H - pad - h));
    r.setAttribute('width', String(Math.max(1, bw - 2)));
    r.setAttribute('height', String(h));
    const title = document.createElementNS(NS, 'title');
    title.textContent = `${p.period}: ${p.mentions} mentions in ${p.articles} articles`;
    r.append(title);
    svg.append(r);
    if (series.length <= 12 || i % Math.ceil(series.length / 12) === 0) {
      const t = document.createElementNS(NS, 'text');
      t.setAttribute('x', String(pad + i * bw + bw / 2));
      t.setAttribute('y', String(H - 4));
      t.setAttribute('text-anchor', 'middle');
      t.textContent = p.period;
      svg.append(t);
    }
  });
  const top = document.createElementNS(NS, 'text');
  top.setAttribute('x', '2');
  top.setAttribute('y', '12');
  top.textContent = `max ${max}`;
  svg.append(top);
  return el('div', { class: 'chart' }, series.length ? svg : el('p', { class: 'empty' }, 'no dated articles'));
}

function passage(hit) {
  const p = hit.paragraph;
  const m = hit.mention;
  const body = el('div');
  if (p && m.start >= p.start && m.end <= p.end) {
    const a = m.start - p.start, b = m.end - p.start;
    body.append(p.text.slice(0, a), el('mark', {}, p.text.slice(a, b)), p.text.slice(b));
  } else body.append(m.text);
  return el(
    'div',
    { class: 'passage' },
    body,
    el('div', { class: 'src' }, el('a', { href: `/#article=${encodeURIComponent(hit.article.id)}` }, hit.article.title || hit.article.id), hit.article.published ? ` · ${hit.article.published}` : ''),
  );
}

const initial = new URLSearchParams(location.search);
if (initial.get('q')) {
  $('#q').value = initial.get('q');
  void search();
}
