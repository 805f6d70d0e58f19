import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { ExtractResponse } from '../../src/contract/schemas.js';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ MAX_BODY_BYTES: 200_000, MAX_TEXT_CHARS: 50_000 });
});

const TEXT =
  '株洲市发改委主任刘海宾介绍，去年6月投产后，预计今年产值过8000万元，同比增长22.8%。\n' +
  '淳华氢能源科技(湖南)有限公司董事长谢曙说，2月27日至3月8日在株洲举行博览会。';

function expectOffsets(body: ExtractResponse) {
  for (const m of body.mentions) expect(body.text.slice(m.start, m.end)).toBe(m.text);
  for (const p of body.paragraphs) expect(body.text.slice(p.start, p.end)).toBe(p.text);
  for (const k of body.tokens ?? []) expect(body.text.slice(k.start, k.end)).toBe(k.text);
}

describe('POST /v1/extract', () => {
  for (const engine of ['lexicon', 'model']) {
    it(`extracts names, amounts and dates with exact offsets (${engine})`, async () => {
      if (!t.engines.has(engine)) return expect(engine).toBe('model'); // the model is optional in a user's clone
      const res = await t.post(`/v1/extract?engine=${engine}`, { text: TEXT, published: '2023-03-17', id: 'a1' });
      expect(res.status).toBe(200);
      const body = ExtractResponse.parse(await res.json());
      expectOffsets(body);
      expect(body.id).toBe('a1');
      expect(body.meta.engine).toBe(engine);
      expect(body.published).toEqual({ date: '2023-03-17', source: 'request' });
      const find = (text: string) => body.mentions.find((m) => m.text === text);
      expect(find('刘海宾')?.type).toBe('PERSON');
      expect(find('谢曙')?.type).toBe('PERSON');
      expect(find('淳华氢能源科技(湖南)有限公司')?.type).toBe('COMPANY');
      expect(find('8000万元')?.value).toEqual({ kind: 'MONEY', amount: 80_000_000, currency: 'CNY' });
      expect(find('22.8%')?.value).toMatchObject({ value: 22.8 });
      expect(find('去年6月')?.value).toMatchObject({ start: '2022-06-01', end: '2022-06-30', grain: 'month' });
      expect(find('2月27日至3月8日')?.value).toMatchObject({ start: '2023-02-27', end: '2023-03-08' });
      // entities group mentions and point back to them
      for (const e of body.entities) {
        for (const id of e.mentions) expect(body.mentions.find((m) => m.id === id)?.entity).toBe(e.id);
      }
    });
  }

  it('returns tokens only when asked', async () => {
    const without = (await (await t.post('/v1/extract', { text: TEXT })).json()) as ExtractResponse;
    expect(without.tokens).toBeUndefined();
    const withTokens = (await (await t.post('/v1/extract?tokens=1', { text: TEXT })).json()) as ExtractResponse;
    expect(withTokens.tokens!.length).toBeGreaterThan(10);
    expectOffsets(withTokens);
  });

  it('leaves relative dates unresolved without a publication date', async () => {
    const body = (await (await t.post('/v1/extract', { text: '去年6月投产后，今年产值过8000万元。' })).json()) as ExtractResponse;
    expect(body.published).toBeNull();
    const d = body.mentions.find((m) => m.type === 'DATE');
    expect(d?.value).toMatchObject({ start: null, end: null });
  });

  it('takes the publication date from a dateline', async () => {
    const body = (await (await t.post('/v1/extract', { text: '发布时间：2023-03-17 08:30\n去年6月投产。' })).json()) as ExtractResponse;
    expect(body.published).toEqual({ date: '2023-03-17', source: 'dateline' });
    expect(body.mentions.find((m) => m.text === '去年6月')?.value).toMatchObject({ start: '2022-06-01' });
  });

  it('extracts from HTML and returns the extracted text', async () => {
    const html =
      '<html><head><title>株洲新闻</title><meta property="article:published_time" content="2023-03-17T08:00:00+08:00"></head>' +
      '<body><article><p>株洲市发改委主任刘海宾介绍，去年6月投产。</p><p>预计今年产值过8000万元。</p></article></body></html>';
    const res = await t.post('/v1/extract', { html });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ExtractResponse;
    expectOffsets(body);
    expect(body.text).toContain('刘海宾');
    expect(body.text).not.toContain('<p>');
    expect(body.published).toEqual({ date: '2023-03-17', source: 'html' });
    expect(body.paragraphs.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps boilerplate out unless asked', async () => {
    const text = '正文提到株洲市发改委。\n相关文章\n- 上海:2023年首批供地19宗 总起始价483.4亿元2023-03-17\n- 长沙新闻2023-03-17\n- 广州新闻2023-03-17';
    const body = (await (await t.post('/v1/extract', { text })).json()) as ExtractResponse;
    expect(body.paragraphs.filter((p) => p.boilerplate).length).toBe(4);
    expect(body.mentions.every((m) => !body.paragraphs[m.paragraph].boilerplate)).toBe(true);
    const all = (await (await t.post('/v1/extract?boilerplate=1', { text })).json()) as ExtractResponse;
    expect(all.mentions.some((m) => all.paragraphs[m.paragraph].boilerplate)).toBe(true);
  });
});

describe('errors', () => {
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

  it('400 for malformed JSON', async () => {
    const res = await t.post('/v1/extract', '{"text": "株洲');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('malformed_json');
  });
  it('422 for wrong types, empty text, both or neither of text/html, unknown fields, bad dates', async () => {
    for (const body of [{ text: 42 }, { text: '   ' }, {}, { text: 'a', html: '<p>a</p>' }, { text: '株洲', extra: 1 }, { text: '株洲', published: '2023-02-30' }, [1, 2]]) {
      const res = await t.post('/v1/extract', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect((await errorOf(res)).message.length).toBeGreaterThan(0);
    }
  });
  it('422 for an unknown engine', async () => {
    const res = await t.post('/v1/extract?engine=nope', { text: '株洲' });
    expect(res.status).toBe(422);
  });
  it('413 for an oversized body or text', async () => {
    const res = await t.post('/v1/extract', { text: '株'.repeat(100_000) });
    expect(res.status).toBe(413);
    const res2 = await t.post('/v1/extract', { text: 'a'.repeat(60_000) });
    expect(res2.status).toBe(413);
    expect((await errorOf(res2)).code).toBe('text_too_large');
  });
  it('415 for a non-JSON media type or a non-UTF-8 body', async () => {
    const res = await t.post('/v1/extract', 'text=株洲', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    const gbk = new Uint8Array([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xd6, 0xea, 0xd6, 0xde, 0x22, 0x7d]); // {"text":"株洲" in GBK
    const res2 = await t.post('/v1/extract', gbk);
    expect(res2.status).toBe(415);
    expect((await errorOf(res2)).code).toBe('unsupported_encoding');
    const res3 = await t.post('/v1/extract', JSON.stringify({ text: '株洲' }), { 'content-type': 'application/json; charset=gbk' });
    expect(res3.status).toBe(415);
  });
  it('404 in the same JSON shape', async () => {
    const res = await t.app.request('/nope');
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
  });
  it('survives deeply nested JSON', async () => {
    const res = await t.post('/v1/extract', '['.repeat(10_000) + ']'.repeat(10_000));
    expect([400, 422]).toContain(res.status);
  });
});

describe('service endpoints', () => {
  it('serves health, readiness, the OpenAPI document and a docs page', async () => {
    expect((await t.app.request('/healthz')).status).toBe(200);
    expect((await t.app.request('/readyz')).status).toBe(200);
    const doc = (await (await t.app.request('/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/extract', '/healthz', '/readyz']));
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['ArticleInput', 'ExtractResponse', 'Mention', 'Error']));
    const docs = await t.app.request('/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/openapi.json');
  });
});

describe('POST /v1/tags', () => {
  const ARTICLE =
    '株洲加速经济复苏\n株洲市发改委主任刘海宾介绍，株洲今年将新增549个重点项目。\n' +
    '淳华氢能源科技(湖南)有限公司董事长谢曙说，淳华氢能今年产值过8000万元。\n株洲企业按下快进键。';

  it('returns people, places, organisations and companies ranked by salience', async () => {
    const res = await t.post('/v1/tags?engine=lexicon', { text: ARTICLE, title: '株洲加速经济复苏', id: 't1' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; tags: { type: string; name: string; salience: number; confidence: number; paragraphs: { index: number; text: string }[]; mentions: { start: number; end: number; text: string }[] }[] };
    expect(body.id).toBe('t1');
    expect(body.tags.length).toBeGreaterThan(2);
    expect(body.tags.every((x) => ['PERSON', 'LOCATION', 'ORG', 'COMPANY'].includes(x.type))).toBe(true);
    const sal = body.tags.map((x) => x.salience);
    expect(sal).toEqual([...sal].sort((a, b) => b - a));
    expect(body.tags[0].name).toBe('株洲');
    for (const tag of body.tags) {
      expect(tag.paragraphs.length).toBeGreaterThan(0);
      for (const m of tag.mentions) expect(ARTICLE.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('caps the count and filters types', async () => {
    const res = await t.post('/v1/tags?engine=lexicon&limit=1&types=PERSON', { text: ARTICLE });
    const body = (await res.json()) as { tags: { type: string }[] };
    expect(body.tags).toHaveLength(1);
    expect(body.tags[0].type).toBe('PERSON');
    expect((await t.post('/v1/tags?types=MONEY', { text: ARTICLE })).status).toBe(422);
    expect((await t.post('/v1/tags?limit=0', { text: ARTICLE })).status).toBe(422);
  });
});
