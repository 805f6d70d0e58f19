/**
 * Editors' rejects with a choice and an undo, on both stores: "not in this article" changes only that
 * article's stored result (no deny entry, and it stays out when the article is stored again); "never" writes
 * the deny list as before; any decision can be undone: the dictionary entries it wrote are removed (or the
 * entries they replaced put back; an entry changed since is left alone) and a scoped reject comes back.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { loadEngines } from '../../src/pipeline/recognise/engines/registry.js';
import { inProcessExtractor } from '../../src/service/extractor.js';
import { feedbackFor } from '../../src/feedback/service.js';
import type { NameEngine } from '../../src/pipeline/recognise/engines/name-engine.js';
import type { Repository } from '../../src/store/repository.js';
import type { ExtractResponse } from '../../src/contract/schemas.js';
import { factories } from '../store/helpers.js';

const TEXT = '湖南华菱钢铁集团有限责任公司董事长张三丰表示，公司将在长沙投资5亿元。\n\n蓝海星辰科技是一家新公司，王小明出席了会议。王小明说很好。';
let engines: ReadonlyMap<string, NameEngine>;
beforeAll(async () => {
  ({ engines } = await loadEngines({ ENGINE: 'lexicon' } as never));
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const names = (r: ExtractResponse) => r.mentions.map((m) => `${m.type}:${m.text}`);

describe.each(factories.map((f) => f()))('$name store: reject choices and undo', (factory) => {
  let store: Repository;
  let app: ReturnType<typeof createApp>;
  const req = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (res.status === 204 ? null : await res.json()) as Json };
  };
  const stored = async (id: string) => (await req('GET', `/v1/articles/${id}`)).body.result as ExtractResponse;
  const entityArticles = async (name: string) => ((await req('GET', `/v1/entities?name=${encodeURIComponent(name)}`)).body.items as Json[]).reduce((n, e) => n + e.articles, 0);
  const dictionary = async () => ((await req('GET', '/v1/dictionary')).body.entries as Json[]).map((e) => `${e.action}:${e.type}:${e.name}`);

  beforeEach(async (ctx) => {
    if (!factory.available) return ctx.skip();
    store = await factory.open();
    const services = { config: { MAX_BODY_BYTES: 1 << 20, MAX_TEXT_CHARS: 100_000 }, extractor: inProcessExtractor(engines, { engine: 'lexicon' }), store };
    app = createApp(services);
    await feedbackFor(services).ready;
  });
  afterEach(async () => {
    await store?.close();
  });
  afterAll(() => factory.cleanup());

  async function article() {
    const res = await req('POST', '/v1/articles', { text: TEXT, id: 'art-1' });
    expect(res.status).toBe(201);
    const wang = (res.body.result as ExtractResponse).entities.find((e) => e.name === '王小明')!;
    return { id: res.body.article.id as string, wang };
  }

  it('"not in this article": only that article\'s stored result changes, no deny entry; it stays out when stored again; undo brings it back', async () => {
    const { id, wang } = await article();
    expect(await entityArticles('王小明')).toBe(1);
    const rej = await req('POST', `/v1/articles/${id}/decisions`, { action: 'reject', entity: wang.id, scope: 'article', editor: 'wang.li' });
    expect(rej.status).toBe(201);
    expect(rej.body.decision).toMatchObject({ action: 'reject', scope: 'article', name: '王小明', reverted_at: null });
    expect(rej.body.dictionary).toEqual([]);
    expect(await dictionary()).toEqual([]);
    // gone from this article's stored result and from the counts; other extractions still find it
    expect(names(await stored(id))).not.toContain('PERSON:王小明');
    expect(names(await stored(id))).toContain('PERSON:张三丰');
    expect(await entityArticles('王小明')).toBe(0);
    expect(names((await req('POST', '/v1/extract', { text: TEXT })).body as ExtractResponse)).toContain('PERSON:王小明');
    // the article stored again (re-extracted): still out
    expect((await req('POST', '/v1/articles', { text: TEXT, id: 'art-1' })).status).toBe(200);
    expect(names(await stored(id))).not.toContain('PERSON:王小明');

    const undo = await req('POST', `/v1/articles/${id}/decisions/${rej.body.decision.id}/revert`, { editor: 'li.na' });
    expect(undo.status).toBe(200);
    expect(undo.body).toMatchObject({ restored: true, dictionary: [], decision: { id: rej.body.decision.id, reverted_by: 'li.na' } });
    expect(undo.body.decision.reverted_at).toBeTruthy();
    const back = await stored(id);
    expect(back.mentions.filter((m) => m.text === '王小明')).toHaveLength(2);
    for (const m of back.mentions) expect(back.text.slice(m.start, m.end)).toBe(m.text);
    expect(await entityArticles('王小明')).toBe(1);
    // undone twice: refused; an unknown decision: 404
    expect((await req('POST', `/v1/articles/${id}/decisions/${rej.body.decision.id}/revert`, { editor: 'li.na' })).status).toBe(409);
    expect((await req('POST', `/v1/articles/${id}/decisions/d_nope/revert`, { editor: 'li.na' })).status).toBe(404);
    expect((await req('POST', `/v1/articles/${id}/decisions/${rej.body.decision.id}/revert`, {})).status).toBe(422);
    // stored again after the undo: it stays
    await req('POST', '/v1/articles', { text: TEXT, id: 'art-1' });
    expect(names(await stored(id))).toContain('PERSON:王小明');
    const list = (await req('GET', `/v1/articles/${id}/decisions`)).body.decisions as Json[];
    expect(list[0]).toMatchObject({ scope: 'article', reverted_by: 'li.na' });
  });

  it('"never" writes the deny list as before; undo removes the entry and the name comes back', async () => {
    const { id, wang } = await article();
    const rej = await req('POST', `/v1/articles/${id}/decisions`, { action: 'reject', entity: wang.id, scope: 'never', editor: 'wang.li' });
    expect(rej.body.decision.scope).toBe('never');
    expect(await dictionary()).toEqual(['deny:PERSON:王小明']);
    expect(names((await req('POST', '/v1/extract', { text: TEXT })).body as ExtractResponse)).not.toContain('PERSON:王小明');
    // without a scope: "never", as before
    const dflt = await req('POST', `/v1/articles/${id}/decisions`, { action: 'reject', name: '张三丰', type: 'PERSON', editor: 'wang.li' });
    expect(dflt.body.decision.scope).toBe('never');

    const undo = await req('POST', `/v1/articles/${id}/decisions/${rej.body.decision.id}/revert`, { editor: 'wang.li' });
    expect(undo.status).toBe(200);
    expect(undo.body).toMatchObject({ restored: false, dictionary: [{ name: '王小明', type: 'PERSON', outcome: 'removed' }] });
    expect(await dictionary()).toEqual(['deny:PERSON:张三丰']);
    expect(names((await req('POST', '/v1/extract', { text: TEXT })).body as ExtractResponse)).toContain('PERSON:王小明');
  });

  it('undo puts back the entry a decision replaced, and leaves alone an entry changed since', async () => {
    const { id, wang } = await article();
    await req('POST', '/v1/dictionary', { name: '王小明', type: 'PERSON', action: 'add', editor: 'earlier' });
    const rej = await req('POST', `/v1/articles/${id}/decisions`, { action: 'reject', entity: wang.id, editor: 'wang.li' });
    expect(await dictionary()).toEqual(['deny:PERSON:王小明']);
    const undo = await req('POST', `/v1/articles/${id}/decisions/${rej.body.decision.id}/revert`, { editor: 'wang.li' });
    expect(undo.body.dictionary).toEqual([{ name: '王小明', type: 'PERSON', outcome: 'restored' }]);
    expect((await req('GET', '/v1/dictionary')).body.entries).toEqual([expect.objectContaining({ name: '王小明', type: 'PERSON', action: 'add', editor: 'earlier' })]);

    const start = TEXT.indexOf('蓝海星辰科技');
    const add = await req('POST', `/v1/articles/${id}/decisions`, { action: 'add', start, end: start + 6, type: 'COMPANY', editor: 'wang.li' });
    expect(await dictionary()).toContain('add:COMPANY:蓝海星辰科技');
    await req('POST', '/v1/dictionary', { name: '蓝海星辰科技', type: 'COMPANY', action: 'deny', editor: 'someone' });
    const undo2 = await req('POST', `/v1/articles/${id}/decisions/${add.body.decision.id}/revert`, { editor: 'wang.li' });
    expect(undo2.body.dictionary).toEqual([{ name: '蓝海星辰科技', type: 'COMPANY', outcome: 'kept' }]);
    expect(await dictionary()).toContain('deny:COMPANY:蓝海星辰科技');
  });

  it('a scoped reject needs an entity of the stored result', async () => {
    const { id } = await article();
    expect((await req('POST', `/v1/articles/${id}/decisions`, { action: 'reject', name: '王小明', type: 'PERSON', scope: 'article', editor: 'w' })).status).toBe(422);
  });
});
