// The editor's page: paste or open an article, see its mentions highlighted by type,
// accept / reject / retype / rename the tag suggestions or tag a missed span.
// Decisions go to POST /v1/articles/:id/decisions and feed the user dictionary.
import { $, $$, api, el, formatValue, NAME_TYPES, pct, settings, toast, TYPES, typeBadge } from './common.js';

const state = {
  /** the stored article: {id, ...meta} */
  article: null,
  /** the stored extraction result */
  result: null,
  /** what was posted to store it (to extract it again) */
  input: null,
  tags: [],
  /** decisions by `${type}|${name}` → latest verdict (undone decisions left out) */
  decided: new Map(),
  /** the decision behind each verdict, to undo it */
  decisionOf: new Map(),
  current: -1,
};

// ------------------------------------------------------------------ setup

const nameInput = $('#editor-name');
nameInput.value = settings.editor;
nameInput.addEventListener('change', () => (settings.editor = nameInput.value.trim()));
const keyInput = $('#api-key');
keyInput.value = settings.apiKey;
keyInput.addEventListener('change', () => (settings.apiKey = keyInput.value.trim()));

for (const [type, t] of Object.entries(TYPES)) $('#legend').append(typeBadge(type));
for (const type of NAME_TYPES) $('#sel-type').append(el('option', { value: type }, `${TYPES[type].zh} ${TYPES[type].en}`));

$('#paste-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const raw = $('#text').value;
  if (!raw.trim()) return toast('请先粘贴文章 Paste an article first', 'error');
  const title = $('#title').value.trim();
  const input = /^\s*</.test(raw) ? { html: raw } : { text: raw };
  if (title) input.title = title;
  await ingest(input);
});

$('#open-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const id = $('#article-id').value.trim();
  if (id) await openArticle(id);
});

$('#reextract').addEventListener('click', () => reextract());

// ------------------------------------------------------------------ loading

async function busy(fn) {
  document.body.setAttribute('aria-busy', 'true');
  try {
    return await fn();
  } catch (e) {
    toast(e.message ?? String(e), 'error');
    throw e;
  } finally {
    document.body.removeAttribute('aria-busy');
  }
}

/** Store (extract) an article, then show it. */
async function ingest(input) {
  await busy(async () => {
    const stored = await api('/v1/articles', { method: 'POST', body: input });
    state.input = input;
    await show(stored.article, stored.result);
    history.replaceState(null, '', `#article=${encodeURIComponent(stored.article.id)}`);
  });
}

async function openArticle(id) {
  await busy(async () => {
    const found = await api(`/v1/articles/${encodeURIComponent(id)}`);
    const r = found.result;
    state.input = { text: r.text, ...(r.title ? { title: r.title } : {}), ...(r.published ? { published: r.published.date } : {}) };
    await show(found.article, r);
    history.replaceState(null, '', `#article=${encodeURIComponent(id)}`);
  });
}

/** Extract the article again (the dictionary may have changed) and show the new result. */
async function reextract() {
  if (!state.result) return;
  const r = state.result;
  // the stored text, so the stored article is found again by its content
  const input = { text: r.text, ...(r.title ? { title: r.title } : {}), ...(r.published ? { published: r.published.date } : {}) };
  await busy(async () => {
    const stored = await api('/v1/articles', { method: 'POST', body: input });
    // as stored: the store leaves out what this article's "not in this article" rejects name
    const found = await api(`/v1/articles/${encodeURIComponent(stored.article.id)}`);
    await show(found.article, found.result);
  });
  toast('已重新分析 Extracted again');
}

async function show(article, result) {
  state.article = article;
  state.result = result;
  $('#article-id').value = article.id;
  $('#reextract').disabled = false;
  const tagInput = { text: result.text, ...(result.title ? { title: result.title } : {}), ...(result.published ? { published: result.published.date } : {}) };
  const [tags, decisions] = await Promise.all([
    api('/v1/tags', { method: 'POST', body: tagInput, query: { limit: 30 } }),
    api(`/v1/articles/${encodeURIComponent(article.id)}/decisions`),
  ]);
  state.tags = tags.tags;
  state.decided = new Map();
  state.decisionOf = new Map();
  for (const d of decisions.decisions) noteDecision(d);
  renderArticle();
  renderTags();
  $('#input-card').open = false;
}

function noteDecision(d) {
  if (!d.type || !d.name || d.reverted_at) return;
  const verdict = d.action === 'reject' ? (d.scope === 'article' ? 'rejected-here' : 'rejected') : d.action === 'add' ? 'added' : 'accepted';
  state.decided.set(`${d.type}|${d.name}`, verdict);
  state.decisionOf.set(`${d.type}|${d.name}`, d);
}

const isRejected = (verdict) => verdict === 'rejected' || verdict === 'rejected-here';
const VERDICT_TEXT = { rejected: '✗ 已拒绝 rejected', 'rejected-here': '✗ 不在本文 not in this article', accepted: '✓ 已接受 accepted', added: '✓ 已添加 added' };

// ------------------------------------------------------------------ article

/** The stored result's entity for a tag: same id, type and name, else same type and simplified name. */
function entityOfTag(tag) {
  const es = state.result?.entities ?? [];
  return (
    es.find((e) => e.id === tag.entity && e.type === tag.type && e.name_simplified === tag.name_simplified) ??
    es.find((e) => e.type === tag.type && e.name_simplified === tag.name_simplified) ??
    null
  );
}

function renderArticle() {
  const { result, article } = state;
  const box = $('#article');
  box.replaceChildren();
  box.append(el('h2', {}, result.title || '（无标题 untitled）'));
  box.append(
    el('div', { class: 'meta' }, `ID ${article.id}`, result.published ? ` · ${result.published.date}` : '', ` · ${result.mentions.length} mentions · ${result.entities.length} entities`),
  );
  const entities = new Map(result.entities.map((e) => [e.id, e]));
  const mentions = [...result.mentions].sort((a, b) => a.start - b.start);
  let mi = 0;
  const text = result.text;
  const paragraphs = result.paragraphs.length ? result.paragraphs : [{ index: 0, start: 0, end: text.length, boilerplate: false }];
  for (const p of paragraphs) {
    const para = el('p', { class: p.boilerplate ? 'para boilerplate' : 'para', dataset: { index: p.index } });
    let pos = p.start;
    while (mi < mentions.length && mentions[mi].end <= p.start) mi++;
    const run = (from, to) => {
      if (to > from) para.append(el('span', { class: 'r', dataset: { start: from } }, text.slice(from, to)));
    };
    while (mi < mentions.length && mentions[mi].start < p.end) {
      const m = mentions[mi++];
      if (m.start < pos) continue; // never overlapping, but never render twice either
      run(pos, m.start);
      const e = entities.get(m.entity);
      const verdict = e ? state.decided.get(`${e.type}|${e.name_simplified}`) : undefined;
      para.append(
        el(
          'mark',
          {
            class: `m t-${m.type}${isRejected(verdict) ? ' rejected' : ''}${verdict === 'added' ? ' added' : ''}`,
            tabindex: 0,
            dataset: { id: m.id, entity: m.entity, start: m.start, end: m.end, label: TYPES[m.type]?.short ?? m.type, type: m.type },
            'aria-label': `${m.text}: ${TYPES[m.type]?.en ?? m.type}`,
          },
          text.slice(m.start, m.end),
        ),
      );
      pos = m.end;
    }
    run(pos, p.end);
    box.append(para);
  }
}

// tooltip on hover and focus
const tip = $('#tip');
function showTip(mark) {
  const m = state.result?.mentions.find((x) => x.id === mark.dataset.id);
  if (!m) return;
  const e = state.result.entities.find((x) => x.id === m.entity);
  const rows = [
    ['类型 Type', `${TYPES[m.type]?.zh ?? ''} ${TYPES[m.type]?.en ?? m.type}`],
    ['名称 Name', e ? e.name : m.text],
  ];
  const value = formatValue(m.value ?? e?.value);
  if (value) rows.push(['值 Value', value]);
  if (e?.role) rows.push(['职务 Role', e.role.title ?? JSON.stringify(e.role)]);
  rows.push(['置信度 Confidence', `${pct(m.score)}${e ? ` (entity ${pct(e.confidence)})` : ''}`]);
  const verdict = e ? state.decided.get(`${e.type}|${e.name_simplified}`) : undefined;
  if (verdict) rows.push(['决定 Decision', verdict]);
  tip.replaceChildren(el('dl', {}, rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
  tip.style.display = 'block';
  const r = mark.getBoundingClientRect();
  const w = tip.offsetWidth;
  tip.style.left = `${Math.max(4, Math.min(r.left, window.innerWidth - w - 4))}px`;
  tip.style.top = `${r.bottom + 6 + tip.offsetHeight > window.innerHeight ? r.top - tip.offsetHeight - 6 : r.bottom + 6}px`;
}
const hideTip = () => (tip.style.display = 'none');
$('#article').addEventListener('mouseover', (ev) => {
  const mark = ev.target.closest?.('mark.m');
  if (mark) showTip(mark);
});
$('#article').addEventListener('mouseout', (ev) => {
  if (ev.target.closest?.('mark.m')) hideTip();
});
$('#article').addEventListener('focusin', (ev) => ev.target.matches?.('mark.m') && showTip(ev.target));
$('#article').addEventListener('focusout', hideTip);

// ------------------------------------------------------------------ tags

function renderTags() {
  const list = $('#tags');
  list.replaceChildren();
  if (!state.tags.length) list.append(el('li', { class: 'empty' }, '没有标签建议 No tag suggestions'));
  state.tags.forEach((tag, i) => {
    const verdict = state.decided.get(`${tag.type}|${tag.name_simplified}`);
    const retype = el(
      'select',
      { 'aria-label': `retype ${tag.name}`, title: 'Retype (t)', class: 'retype', onchange: (ev) => ev.target.value && decide(i, 'retype', { type: ev.target.value }) },
      el('option', { value: '' }, '改类型…'),
      NAME_TYPES.filter((t) => t !== tag.type).map((t) => el('option', { value: t }, `${TYPES[t].zh} ${TYPES[t].en}`)),
    );
    const li = el(
      'li',
      { class: `tag t-${tag.type}${verdict ? ' ' + (isRejected(verdict) ? 'rejected' : 'accepted') : ''}${verdict === 'rejected-here' ? ' here' : ''}`, tabindex: 0, dataset: { index: i, entity: tag.entity, name: tag.name } },
      el(
        'div',
        {},
        el('span', { class: 'name' }, tag.name),
        ' ',
        typeBadge(tag.type),
        tag.role?.title ? el('span', { class: 'help' }, ` ${tag.role.title}`) : null,
        verdict ? el('span', { class: 'state' }, VERDICT_TEXT[verdict] ?? VERDICT_TEXT.accepted) : null,
      ),
      el(
        'div',
        { class: 'nums' },
        el('span', { class: 'bar', title: `显著度 salience ${tag.salience.toFixed(2)}` }, el('span', { style: `width:${pct(tag.salience)}` })),
        el('span', { title: 'salience' }, `显著度 ${tag.salience.toFixed(2)}`),
        el('span', { title: 'confidence' }, `置信度 ${tag.confidence.toFixed(2)}`),
        el('span', { title: 'mentions' }, `×${tag.mentions.length}`),
      ),
      el(
        'div',
        { class: 'actions' },
        el('button', { type: 'button', class: 'accept', title: 'Accept (a)', 'aria-label': `accept ${tag.name}`, onclick: () => decide(i, 'accept') }, '✓ 接受'),
        el('button', { type: 'button', class: 'reject', title: 'Never: the deny list, for every article (r)', 'aria-label': `reject ${tag.name} everywhere`, onclick: () => decide(i, 'reject', { scope: 'never' }) }, '✗ 拒绝'),
        el('button', { type: 'button', class: 'reject-here', title: 'Not in this article: only this article changes (h)', 'aria-label': `reject ${tag.name} in this article`, onclick: () => decide(i, 'reject', { scope: 'article' }) }, '✗ 仅本文'),
        verdict ? el('button', { type: 'button', class: 'undo', title: 'Undo the decision (u)', 'aria-label': `undo the decision on ${tag.name}`, onclick: () => undo(`${tag.type}|${tag.name_simplified}`) }, '↶ 撤销') : null,
        retype,
        el('button', { type: 'button', class: 'rename', title: 'Rename (n)', 'aria-label': `rename ${tag.name}`, onclick: () => rename(i) }, '✎ 改名'),
      ),
    );
    li.addEventListener('focusin', () => setCurrent(i, false));
    li.addEventListener('click', (ev) => !ev.target.closest('button, select') && select(i, true));
    list.append(li);
  });
  // names rejected in this article (gone from the tags once extracted again)
  const shown = new Set(state.tags.map((t) => `${t.type}|${t.name_simplified}`));
  const rejected = [...state.decided].filter(([k, v]) => isRejected(v) && !shown.has(k)).map(([k]) => k.split('|')[1]);
  if (rejected.length) list.append(el('li', { class: 'help rejected-list' }, '已拒绝 Rejected: ', rejected.join('、')));
  if (state.current >= state.tags.length) state.current = -1;
  if (state.current >= 0) setCurrent(state.current, false);
}

function setCurrent(i, focus = true) {
  state.current = i;
  $$('#tags .tag').forEach((li, j) => li.classList.toggle('current', j === i));
  const li = $$('#tags .tag')[i];
  if (focus && li && document.activeElement !== li) li.focus();
}

/** Highlight all mentions of tag i and scroll to the first. */
function select(i, scroll = true) {
  setCurrent(i, false);
  const tag = state.tags[i];
  if (!tag) return;
  $$('mark.m.hl').forEach((m) => m.classList.remove('hl'));
  const starts = new Set(tag.mentions.map((m) => String(m.start)));
  const e = entityOfTag(tag);
  const ids = new Set(e ? e.mentions : []);
  const marks = $$('mark.m').filter((m) => starts.has(m.dataset.start) || ids.has(m.dataset.id));
  marks.forEach((m) => m.classList.add('hl'));
  if (scroll && marks[0]) marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
  return marks;
}

function clearHighlight() {
  $$('mark.m.hl').forEach((m) => m.classList.remove('hl'));
}

function editorName() {
  let name = nameInput.value.trim();
  if (!name) {
    name = (window.prompt('你的名字 Your name (saved in this browser)') ?? '').trim();
    if (!name) {
      toast('请填写编辑名字 Enter your name first', 'error');
      nameInput.focus();
      return null;
    }
    nameInput.value = name;
  }
  settings.editor = name;
  return name;
}

async function postDecision(body) {
  const editor = editorName();
  if (!editor) return null;
  const out = await busy(() => api(`/v1/articles/${encodeURIComponent(state.article.id)}/decisions`, { method: 'POST', body: { ...body, editor } }));
  noteDecision(out.decision);
  return out;
}

const LABEL = { accept: '已接受 Accepted', reject: '已拒绝 Rejected', retype: '已改类型 Retyped', rename: '已改名 Renamed', add: '已添加 Added' };

async function decide(i, action, extra = {}) {
  const tag = state.tags[i];
  if (!tag || !state.article) return;
  const e = entityOfTag(tag);
  const body = { action, ...(e ? { entity: e.id } : { name: tag.name, type: tag.type }), ...extra };
  if (action === 'retype' && !e) body.name = tag.name_simplified;
  const out = await postDecision(body);
  if (!out) return;
  const here = action === 'reject' && extra.scope === 'article';
  toast(`${here ? '不在本文 Not in this article' : LABEL[action]}: ${tag.name}`, 'info', { label: '↶ 撤销 Undo', run: () => undo(`${out.decision.type}|${out.decision.name}`) });
  if (here) {
    // only this article's stored result changed: show it
    await openArticle(state.article.id);
  } else if (action === 'accept' || action === 'reject') {
    renderArticle();
    renderTags();
    setCurrent(i);
  } else {
    await reextract();
  }
}

/** Undo the decision behind a verdict: the server removes what it wrote (see POST …/decisions/{id}/revert). */
async function undo(key) {
  const d = state.decisionOf.get(key);
  if (!d || !state.article) return;
  const editor = editorName();
  if (!editor) return;
  await busy(() => api(`/v1/articles/${encodeURIComponent(state.article.id)}/decisions/${encodeURIComponent(d.id)}/revert`, { method: 'POST', body: { editor } }));
  await openArticle(state.article.id);
  toast(`已撤销 Undone: ${d.name}`);
}

async function rename(i) {
  const tag = state.tags[i];
  const name = (window.prompt(`新名字 New name for ${tag.name}`, tag.name) ?? '').trim();
  if (name && name !== tag.name) await decide(i, 'rename', { name });
}

// ------------------------------------------------------------------ a missed span

const selbox = $('#selbox');
let pending = null;

/** Offset in the article text of a DOM position inside #article (runs and marks carry data-start). */
function offsetOf(node, offset) {
  const holder = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node)?.closest('[data-start]');
  if (!holder || !$('#article').contains(holder)) return null;
  if (node.nodeType !== Node.TEXT_NODE) return Number(holder.dataset.start) + (offset > 0 ? holder.textContent.length : 0);
  return Number(holder.dataset.start) + offset;
}

function onSelection() {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount || !state.result) return;
  const range = sel.getRangeAt(0);
  let start = offsetOf(range.startContainer, range.startOffset);
  let end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return;
  const text = state.result.text;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start || end - start > 60) return;
  pending = { start, end };
  $('#sel-text').textContent = text.slice(start, end);
  const r = range.getBoundingClientRect();
  selbox.style.display = 'block';
  selbox.style.left = `${Math.max(4, Math.min(window.scrollX + r.left, window.scrollX + window.innerWidth - selbox.offsetWidth - 8))}px`;
  selbox.style.top = `${window.scrollY + r.bottom + 6}px`;
  $('#sel-type').focus();
}
$('#article').addEventListener('mouseup', () => setTimeout(onSelection, 0));
$('#article').addEventListener('keyup', (ev) => ev.shiftKey && onSelection());
const closeSelbox = () => {
  selbox.style.display = 'none';
  pending = null;
};
$('#sel-cancel').addEventListener('click', closeSelbox);
$('#sel-add').addEventListener('click', async () => {
  if (!pending) return;
  const span = pending;
  const type = $('#sel-type').value;
  closeSelbox();
  const out = await postDecision({ action: 'add', start: span.start, end: span.end, type });
  if (!out) return;
  toast(`${LABEL.add}: ${out.decision.name}`);
  await reextract();
});

// ------------------------------------------------------------------ keyboard

document.addEventListener('keydown', (ev) => {
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const t = ev.target;
  if (t instanceof HTMLElement && (t.matches('input, textarea, select') || t.isContentEditable)) {
    if (ev.key === 'Escape') t.blur();
    return;
  }
  if (ev.key === 'Escape') {
    closeSelbox();
    clearHighlight();
    hideTip();
    return;
  }
  if (!state.tags.length) return;
  const i = state.current;
  switch (ev.key) {
    case 'j':
    case 'ArrowDown':
      setCurrent(Math.min(state.tags.length - 1, i + 1));
      select(state.current, true);
      break;
    case 'k':
    case 'ArrowUp':
      setCurrent(Math.max(0, i - 1));
      select(state.current, true);
      break;
    case 'Enter':
      if (i >= 0) select(i, true);
      break;
    case 'a':
      if (i >= 0) void decide(i, 'accept');
      break;
    case 'r':
    case 'x':
      if (i >= 0) void decide(i, 'reject', { scope: 'never' });
      break;
    case 'h':
      if (i >= 0) void decide(i, 'reject', { scope: 'article' });
      break;
    case 'u': {
      const tag = state.tags[i];
      if (tag) void undo(`${tag.type}|${tag.name_simplified}`);
      break;
    }
    case 'n':
      if (i >= 0) void rename(i);
      break;
    case 't':
      if (i >= 0) $$('#tags .tag')[i]?.querySelector('select.retype')?.focus();
      break;
    default:
      return;
  }
  ev.preventDefault();
});

// ------------------------------------------------------------------ deep link

const m = /article=([^&]+)/.exec(location.hash);
if (m) void openArticle(decodeURIComponent(m[1]));
window.__editor = state; // for tests and the curious
