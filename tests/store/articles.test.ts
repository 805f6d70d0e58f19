/**
 * Finding and listing stored articles over HTTP, against both stores: by the
 * store's id, the caller's id and the url; the list's filters and keyset
 * paging; and the stored routes' offsets in every encoding (checked in a
 * python3 subprocess).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inProcessExtractor } from '../../src/service/extractor.js';
import { createApp } from '../../src/server/app.js';
import { loadEngines } from '../../src/pipeline/recognise/engines/registry.js';
import type { NameEngine } from '../../src/pipeline/recognise/engines/name-engine.js';
import type { Repository } from '../../src/store/repository.js';
import { factories } from './helpers.js';
import { hasPython, pythonCheck } from '../helpers/python-offsets.js';

let engines: ReadonlyMap<string, NameEngine>;
beforeAll(async () => {
  ({ engines } = await loadEngines({ ENGINE: 'lexicon' }));
});

const ART = '𠮷😀株洲市发改委主任😀刘海宾介绍，去年6月投产后，预计今年产值过8000万元。\n👍淳华氢能源科技(湖南)有限公司董事长谢曙说，将在株洲举行博览会。';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(factories.map((f) => f()))('$name store: articles by id, caller id, url; the list', (factory) => {
  let store: Repository;
  let call: (method: string, path: string, body?: unknown) => Promise<Response>;
  beforeEach(async (ctx) => {
    if (!factory.available) return ctx.skip();
    store = await factory.open();
    const app = createApp({ config: { MAX_BODY_BYTES: 1_000_000, MAX_TEXT_CHARS: 100_000 }, extractor: inProcessExtractor(engines, { engine: 'lexicon' }), store });
    call = (method, path, body) =>
      app.request(path, { method, ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });
  });
  afterEach(async () => {
    await store?.close();
  });
  afterAll(() => factory.cleanup());
  const get = async (path: string) => {
    const res = await call('GET', path);
    return { status: res.status, body: (await res.json()) as Json };
  };

  it('GET /v1/articles/{id} finds the store id and the caller id; by-url and ?url= find the url; DELETE takes the caller id', async () => {
    const callerId = 'xinhua/2023/03/17 #1';
    const url = 'https://news.example/2023/03/17/1.html?a=1&b=2';
    const made = (await (await call('POST', '/v1/articles', { id: callerId, url, text: ART, published: '2023-03-17', source: 'xinhua' })).json()) as Json;
    const id = made.article.id;
    const byId = await get(`/v1/articles/${id}`);
    expect(byId).toMatchObject({ status: 200, body: { article: { id, caller_id: callerId, url }, result: { meta: { offsets: 'UTF16' } } } });
    const byCaller = await get(`/v1/articles/${encodeURIComponent(callerId)}`);
    expect(byCaller).toMatchObject({ status: 200, body: { article: { id } } });
    expect(byCaller.body.result.text).toBe(ART);
    expect(await get(`/v1/articles/by-url?url=${encodeURIComponent(url)}`)).toMatchObject({ status: 200, body: { article: { id, url } } });
    expect(await get(`/v1/articles?url=${encodeURIComponent(url)}`)).toMatchObject({ status: 200, body: { items: [{ id, url }], next_cursor: null } });
    expect(await get(`/v1/articles?caller_id=${encodeURIComponent(callerId)}`)).toMatchObject({ body: { items: [{ id }] } });
    expect((await get('/v1/articles/by-url?url=' + encodeURIComponent('https://news.example/none'))).status).toBe(404);
    expect((await get('/v1/articles/nope')).status).toBe(404);
    expect((await call('DELETE', `/v1/articles/${encodeURIComponent(callerId)}`)).status).toBe(204);
    expect((await get(`/v1/articles/${id}`)).status).toBe(404);
  });

  it('GET /v1/articles lists with filters (source, published from/to, updated_since) and pages with an opaque cursor in a stable order', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const body = { id: `c-${i}`, text: `${ART}\n第${i}篇。`, published: `2023-03-1${i}`, source: i % 2 ? 'odd' : 'even' };
      ids.push(((await (await call('POST', '/v1/articles', body)).json()) as Json).article.id);
    }
    const all = async (query: string) => {
      const out: Json[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Json = (await get(`/v1/articles?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`)).body;
        out.push(...page.items);
        cursor = page.next_cursor;
        pages++;
      } while (cursor && pages < 20);
      return out;
    };
    expect((await all('')).map((a) => a.id)).toEqual(ids); // created order, every article once
    expect((await all('source=odd')).map((a) => a.caller_id)).toEqual(['c-1', 'c-3', 'c-5']);
    expect((await all('from=2023-03-12&to=2023-03-14')).map((a) => a.caller_id)).toEqual(['c-2', 'c-3', 'c-4']);
    expect((await all('source=even&from=2023-03-12')).map((a) => a.caller_id)).toEqual(['c-2', 'c-4', 'c-6']);
    // an update moves the article to the end of the `updated` order and into updated_since
    const cut = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await call('POST', '/v1/articles', { id: 'c-2', text: `${ART}\n第2篇（更正）。`, published: '2023-03-12' });
    expect((await all('sort=updated')).map((a) => a.caller_id)).toEqual(['c-0', 'c-1', 'c-3', 'c-4', 'c-5', 'c-6', 'c-2']);
    expect((await all(`updated_since=${encodeURIComponent(cut)}`)).map((a) => a.caller_id)).toEqual(['c-2']);
    const first = (await get('/v1/articles?limit=3')).body;
    expect(first.items[0]).not.toHaveProperty('result');
    expect(typeof first.next_cursor).toBe('string');
    expect((await get('/v1/articles?cursor=not-a-cursor')).status).toBe(422);
    expect((await get(`/v1/articles?sort=updated&cursor=${first.next_cursor}`)).status).toBe(422); // a cursor of another order
    expect((await get('/v1/articles?updated_since=yesterday')).status).toBe(422);
  });

  it.skipIf(!hasPython)('stored offsets in UTF32 and UTF8: the article, an entity\'s mentions, the batch query and the mentions export slice in Python', async () => {
    const made = (await (await call('POST', '/v1/articles?encoding=UTF32', { id: 'astral', text: ART, published: '2023-03-17' })).json()) as Json;
    expect(made.result.meta.offsets).toBe('UTF32');
    expect(pythonCheck('UTF32', [{ text: ART, spans: made.result.mentions }]).bad).toEqual([]);
    const liu = (await get('/v1/entities?name=' + encodeURIComponent('刘海宾'))).body.items[0];
    for (const encoding of ['UTF32', 'UTF8'] as const) {
      const art = (await get(`/v1/articles/astral?encoding=${encoding}`)).body;
      expect(art.result.meta.offsets).toBe(encoding);
      expect(pythonCheck(encoding, [{ text: ART, spans: [...art.result.mentions, ...art.result.paragraphs] }]).bad).toEqual([]);

      const page = (await get(`/v1/entities/${liu.id}/mentions?encoding=${encoding}`)).body;
      expect(page.meta).toEqual({ offsets: encoding });
      const hits = page.items as Json[];
      expect(hits.length).toBeGreaterThan(0);
      expect(pythonCheck(encoding, [{ text: ART, spans: hits.flatMap((h) => [h.mention, { ...h.paragraph }]) }]).bad).toEqual([]);

      const q = (await (await call('POST', `/v1/query?encoding=${encoding}`, { names: ['刘海宾'], limit: 5 })).json()) as Json;
      expect(q.meta).toEqual({ offsets: encoding });
      expect(pythonCheck(encoding, [{ text: ART, spans: q.results[0].sample_mentions.map((h: Json) => h.mention) }]).bad).toEqual([]);

      const res = await call('GET', `/v1/export/mentions.jsonl?encoding=${encoding}`);
      expect(res.headers.get('x-offset-encoding')).toBe(encoding);
      const rows = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as Json);
      expect(rows.length).toBe(made.result.mentions.length);
      expect(pythonCheck(encoding, [{ text: ART, spans: rows }]).bad).toEqual([]);
    }
    const utf16 = (await get(`/v1/entities/${liu.id}/mentions`)).body;
    expect(utf16.meta).toEqual({ offsets: 'UTF16' });
    const h = utf16.items[0];
    expect(h.paragraph.text.slice(h.mention.start - h.paragraph.start, h.mention.end - h.paragraph.start)).toBe(h.mention.text);
  });
});
