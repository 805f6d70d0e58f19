/** The store's HTTP routes, against both stores: ingest, read, delete, research queries, exports. */
import { inProcessExtractor } from '../../src/service/extractor.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { loadEngines } from '../../src/pipeline/recognise/engines/registry.js';
import { csvField } from '../../src/server/routes/exports.js';
import type { NameEngine } from '../../src/pipeline/recognise/engines/name-engine.js';
import type { Repository } from '../../src/store/repository.js';
import { factories } from './helpers.js';
import { parquetReadObjects } from 'hyparquet';

let engines: ReadonlyMap<string, NameEngine>;
beforeAll(async () => {
  ({ engines } = await loadEngines({ ENGINE: 'lexicon' }));
});

const ART1 = '株洲市发改委主任刘海宾介绍，去年6月投产后，预计今年产值过8000万元。\n淳华氢能源科技(湖南)有限公司董事长谢曙说，将在株洲举行博览会。';
// the same people in a second article (the engine's output on ART1 is what the assertions rely on)
const ART2 = ART1.replace('去年6月投产后', '今年3月开工后');

function appWith(store: Repository | null) {
  const app = createApp({ config: { MAX_BODY_BYTES: 1_000_000, MAX_TEXT_CHARS: 100_000 }, extractor: inProcessExtractor(engines, { engine: 'lexicon' }), store });
  const call = (method: string, path: string, body?: unknown) =>
    app.request(path, { method, ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });
  return { app, call };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(factories.map((f) => f()))('$name store over HTTP', (factory) => {
  let store: Repository;
  let call: ReturnType<typeof appWith>['call'];
  beforeEach(async (ctx) => {
    if (!factory.available) return ctx.skip();
    store = await factory.open();
    ({ call } = appWith(store));
  });
  afterEach(async () => {
    await store?.close();
  });
  afterAll(() => factory.cleanup());

  const ingest = async (body: Json) => {
    const res = await call('POST', '/v1/articles', body);
    return { status: res.status, body: (await res.json()) as Json };
  };

  it('POST /v1/articles stores, then updates on the same id / url / text; GET and DELETE', async () => {
    const first = await ingest({ text: ART1, published: '2023-03-17', id: 'x-1', url: 'https://news.example/1', source: 'xinhua' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'created', matched_by: null, article: { caller_id: 'x-1', source: 'xinhua', published: '2023-03-17' } });
    expect(first.body.result.mentions.length).toBeGreaterThan(3);
    const id = first.body.article.id;
    const again = await ingest({ text: ART1, published: '2023-03-17', id: 'x-1' });
    expect(again).toMatchObject({ status: 200, body: { status: 'updated', matched_by: 'id', article: { id, url: 'https://news.example/1' } } });
    expect((await ingest({ text: ART1 + '\n更正。', url: 'https://news.example/1' })).body).toMatchObject({ matched_by: 'url', article: { id } });
    expect((await ingest({ text: ART1 + '\n更正。' })).body).toMatchObject({ matched_by: 'content_hash', article: { id } });
    const got = await call('GET', `/v1/articles/${id}`);
    expect(got.status).toBe(200);
    expect(((await got.json()) as Json).result.text).toBe(ART1 + '\n更正。');
    expect((await call('DELETE', `/v1/articles/${id}`)).status).toBe(204);
    expect((await call('GET', `/v1/articles/${id}`)).status).toBe(404);
    expect((await call('DELETE', `/v1/articles/${id}`)).status).toBe(404);
  });

  it('POST /v1/articles validates like /v1/extract, and 409 when identifiers clash', async () => {
    expect((await ingest({ text: '   ' })).status).toBe(422);
    expect((await ingest({ text: 'a', source: 42 })).status).toBe(422);
    expect((await ingest({ text: 'a', extra: 1 })).status).toBe(422);
    await ingest({ text: ART1, id: 'a' });
    await ingest({ text: ART2, url: 'u' });
    const clash = await ingest({ text: '别的文章。', id: 'a', url: 'u' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('conflict');
  });

  it('research queries over HTTP', async () => {
    await ingest({ text: ART1, published: '2023-03-17', id: 'x-1', source: 'xinhua' });
    await ingest({ text: ART2, published: '2023-04-02', id: 'x-2', source: 'people' });
    const list = (await (await call('GET', '/v1/entities?type=PERSON&sort=articles&limit=1')).json()) as Json;
    expect(list.items).toHaveLength(1);
    expect(list.next_cursor).toBeTruthy();
    const next = (await (await call('GET', `/v1/entities?type=PERSON&sort=articles&limit=1&cursor=${list.next_cursor}`)).json()) as Json;
    expect(next.items[0].id).not.toBe(list.items[0].id);
    const liu = ((await (await call('GET', `/v1/entities?name=${encodeURIComponent('劉海賓')}`)).json()) as Json).items[0];
    expect(liu).toMatchObject({ name: '刘海宾', type: 'PERSON', articles: 2 });
    const detail = (await (await call('GET', `/v1/entities/${liu.id}?bucket=month`)).json()) as Json;
    expect(detail.series.map((p: Json) => p.period)).toEqual(['2023-03', '2023-04']);
    expect(detail.cooccurring.some((e: Json) => e.name === '谢曙')).toBe(true);
    const mentions = (await (await call('GET', `/v1/entities/${liu.id}/mentions?from=2023-04-01`)).json()) as Json;
    expect(mentions.items).toHaveLength(1);
    const h = mentions.items[0];
    expect(h.paragraph.text.slice(h.mention.start - h.paragraph.start, h.mention.end - h.paragraph.start)).toBe('刘海宾');
    const q = (await (await call('POST', '/v1/query', { names: ['刘海宾', '谢曙'], bucket: 'week', limit: 2 })).json()) as Json;
    expect(q.results.map((r: Json) => r.articles)).toEqual([2, 2]);
    expect(q.pairs).toEqual([{ a: '刘海宾', b: '谢曙', articles: 2 }]);
    expect((await call('GET', '/v1/entities/e_nope')).status).toBe(404);
    expect((await call('GET', '/v1/entities/e_nope/mentions')).status).toBe(404);
  });

  it('rejects bad parameters with 422', async () => {
    for (const path of ['/v1/entities?type=NOPE', '/v1/entities?limit=0', '/v1/entities?from=2023-02-30', '/v1/entities?cursor=xyz', `/v1/entities?name=${'株'.repeat(1001)}`]) {
      const res = await call('GET', path);
      expect(res.status, path).toBe(422);
    }
    expect((await call('POST', '/v1/query', { names: [] })).status).toBe(422);
    expect((await call('POST', '/v1/query', { names: ['x'], bogus: 1 })).status).toBe(422);
  });

  it('hostile names through the API', async () => {
    await ingest({ text: ART1, id: "x'); DROP TABLE articles; --" });
    for (const s of ["'", '%', '_', '\\', "'; DROP TABLE entities; --", '株'.repeat(1000)]) {
      for (const p of ['name', 'prefix', 'contains']) {
        const res = await call('GET', `/v1/entities?${p}=${encodeURIComponent(s)}`);
        expect(res.status).toBe(200);
      }
    }
    expect((await call('GET', '/v1/entities?contains=%25')).status).toBe(200);
    expect((((await (await call('GET', '/v1/entities?contains=%25')).json()) as Json).items)).toEqual([]);
    expect(await store.countArticles()).toBe(1);
  });

  it('exports JSONL and CSV, streamed, with the filters of /v1/entities', async () => {
    await ingest({ text: ART1, published: '2023-03-17', id: 'x-1', url: 'https://x/"quoted",url' });
    await ingest({ text: ART2, published: '2023-04-02', id: 'x-2' });
    const jl = await call('GET', '/v1/export/entities.jsonl?type=PERSON');
    expect(jl.headers.get('content-type')).toContain('application/x-ndjson');
    const rows = (await jl.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['刘海宾', '谢曙']));
    expect(rows.every((r) => r.type === 'PERSON')).toBe(true);
    const csv = await (await call('GET', '/v1/export/mentions.csv?type=PERSON&from=2023-01-01')).text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'article_id,article_caller_id,article_title,article_url,published,source,entity_id,entity_type,entity_name,place_code,mention_id,text,start,end,paragraph,score,amount,amount_max,currency,unit,approx,date_start,date_end,date_grain,date_vague',
    );
    expect(lines.length).toBeGreaterThanOrEqual(1 + 4);
    expect(lines.slice(1).every((l) => l.includes(',PERSON,'))).toBe(true);
    expect(csv).toContain('"https://x/""quoted"",url"');
    const ml = await (await call('GET', '/v1/export/mentions.jsonl?name=' + encodeURIComponent('谢曙'))).text();
    expect(ml.trim().split('\n')).toHaveLength(2);
    expect((await call('GET', '/v1/export/nope.csv')).status).toBe(404);
    expect((await call('GET', '/v1/export/entities.csv?type=NOPE')).status).toBe(422);
  });

  it('mention rows carry what a researcher needs: title, url, date, place code, normalised amount and date; CSV with a BOM; Parquet that reads back', async () => {
    await ingest({ text: ART1, published: '2023-03-17', id: 'x-1', url: 'https://news.example/1', title: '株洲新工厂' });
    const rows = (await (await call('GET', '/v1/export/mentions.jsonl')).text()).trim().split('\n').map((l) => JSON.parse(l));
    const money = rows.find((r) => r.entity_type === 'MONEY');
    expect(money).toMatchObject({ text: '8000万元', amount: 80_000_000, currency: 'CNY', unit: null, date_start: null, article_title: '株洲新工厂', article_url: 'https://news.example/1', published: '2023-03-17' });
    const lastJune = rows.find((r) => r.text === '去年6月');
    expect(lastJune).toMatchObject({ entity_type: 'DATE', entity_name: '2022-06', date_start: '2022-06-01', date_end: '2022-06-30', date_grain: 'month', date_vague: false, amount: null });
    const place = rows.find((r) => r.entity_type === 'LOCATION' && r.text.startsWith('株洲'));
    expect(place.place_code).toMatch(/^43\d{4}$/);
    expect(rows.find((r) => r.entity_type === 'PERSON').place_code).toBeNull();

    const plain = new Uint8Array(await (await call('GET', '/v1/export/mentions.csv')).arrayBuffer());
    expect([...plain.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const bom = await call('GET', '/v1/export/mentions.csv?bom=1');
    const bytes = new Uint8Array(await bom.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3)).startsWith('article_id,')).toBe(true);
    // jsonl takes no BOM whatever is asked
    expect((await (await call('GET', '/v1/export/mentions.jsonl?bom=1')).text()).startsWith('{')).toBe(true);

    const pq = await call('GET', '/v1/export/mentions.parquet');
    expect(pq.status).toBe(200);
    expect(pq.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    const file = await pq.arrayBuffer();
    const back = (await parquetReadObjects({ file })) as Json[];
    expect(back).toHaveLength(rows.length);
    const m2 = back.find((r) => r.entity_type === 'MONEY')!;
    expect(m2).toMatchObject({ text: '8000万元', amount: 80_000_000, currency: 'CNY', article_title: '株洲新工厂', approx: false });
    expect(back.find((r) => r.text === '去年6月')).toMatchObject({ date_start: '2022-06-01', date_grain: 'month', start: lastJune.start });
    const ents = (await parquetReadObjects({ file: await (await call('GET', '/v1/export/entities.parquet?type=PERSON')).arrayBuffer() })) as Json[];
    expect(ents.map((e) => e.name)).toEqual(expect.arrayContaining(['刘海宾', '谢曙']));
  });

  it('Parquet exports of more than one row group stream and read back whole', async () => {
    const many = Array.from({ length: 12 }, (_, i) => `第${i}段：刘海宾在株洲说，谢曙在长沙。`.repeat(120)).join('\n');
    await ingest({ text: many, published: '2023-03-17', id: 'big' });
    const jl = (await (await call('GET', '/v1/export/mentions.jsonl')).text()).trim().split('\n');
    expect(jl.length).toBeGreaterThan(5000);
    const res = await call('GET', '/v1/export/mentions.parquet');
    const reader = res.body!.getReader();
    let chunks = 0;
    const parts: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      parts.push(value);
    }
    expect(chunks).toBeGreaterThan(1);
    const file = await new Blob(parts).arrayBuffer();
    const back = (await parquetReadObjects({ file })) as Json[];
    expect(back).toHaveLength(jl.length);
    expect(back.map((r) => r.mention_id)).toEqual(jl.map((l) => JSON.parse(l).mention_id));
  });
});

describe('without a store', () => {
  it('the store routes answer 503', async () => {
    const { call } = appWith(null);
    expect((await call('GET', '/v1/entities')).status).toBe(503);
    expect((await call('POST', '/v1/articles', { text: '株洲' })).status).toBe(503);
  });
});

describe('CSV fields', () => {
  it('quotes what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' edge')).toBe('" edge"');
    expect(csvField(null)).toBe('');
    expect(csvField(3.5)).toBe('3.5');
  });
});
