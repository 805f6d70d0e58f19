/**
 * The text policy (src/contract/text.ts) through both stores: NUL and lone surrogates in an article, its
 * title, entity names, dictionary names and query parameters never make a store fail, come back as U+FFFD
 * at the same offsets, and the offsets invariant of entity mentions holds after the round trip.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { factories, makeResult } from './helpers.js';
import type { Repository } from '../../src/store/repository.js';
import { applyTextPolicy, cleanText, hasUnstorable } from '../../src/contract/text.js';

const TEXT = '株洲\ud800市发改委主任刘海宾\u0000介绍，\udc00株洲今年产值过8000万元。\n刘海宾说，😀株洲投产\ud83d。';
const CLEAN = '株洲\ufffd市发改委主任刘海宾\ufffd介绍，\ufffd株洲今年产值过8000万元。\n刘海宾说，😀株洲投产\ufffd。';

describe('the text policy', () => {
  it('replaces NUL and lone surrogates one for one, keeps pairs', () => {
    expect(cleanText(TEXT)).toBe(CLEAN);
    expect(cleanText(TEXT)).toHaveLength(TEXT.length);
    expect(hasUnstorable(TEXT)).toBe(true);
    expect(hasUnstorable(CLEAN)).toBe(false);
    expect(cleanText('\udbff\udfff\ud800\ud800\udc00')).toBe('\udbff\udfff\ufffd\ud800\udc00');
    const plain = { text: 'abc', tags: ['x'] };
    expect(applyTextPolicy(plain)).toEqual({ value: plain, report: null });
    expect(applyTextPolicy(plain).value).toBe(plain);
  });

  it('reports what it replaced, per field', () => {
    const { value, report } = applyTextPolicy({ text: TEXT, title: 'a\u0000b', tags: ['ok', '\ud800'], published: '2023-03-17' });
    expect(value).toEqual({ text: CLEAN, title: 'a\ufffdb', tags: ['ok', '\ufffd'], published: '2023-03-17' });
    expect(report).toEqual({ action: 'replaced_with_U+FFFD', replaced: 6, fields: { text: 4, title: 1, 'tags.1': 1 } });
  });
});

describe.each(factories.map((f) => f()))('$name store: text UTF-8 cannot hold', (factory) => {
  let store: Repository;
  beforeEach(async (ctx) => {
    if (!factory.available) return ctx.skip();
    store = await factory.open();
  });
  afterEach(async () => {
    await store?.close();
  });
  afterAll(() => factory.cleanup());

  it('stores an article with NUL and lone surrogates as U+FFFD at the same offsets; mention offsets still hold', async () => {
    const result = makeResult(
      TEXT,
      [
        { name: '刘海宾', type: 'PERSON' },
        { name: '株洲\ud800', type: 'LOCATION', surfaces: ['株洲\ud800', '株洲'] },
        { name: 'N\u0000L', type: 'ORG', surfaces: ['\u0000介绍'] },
      ],
      { title: '标题\ud800\u0000', published: '2023-03-17' },
    );
    const r = await store.ingest({ callerId: 'nul\u0000', url: 'https://x.example/\ud800', source: 's\u0000' }, result);
    expect(r.article.title).toBe('标题\ufffd\ufffd');
    const got = await store.getArticle(r.article.id);
    expect(got!.result.text).toBe(CLEAN);
    expect(got!.result.title).toBe('标题\ufffd\ufffd');
    for (const m of got!.result.mentions) expect(got!.result.text.slice(m.start, m.end)).toBe(m.text);

    const ents = (await store.searchEntities({}, 'name', { limit: 50 })).items;
    expect(ents.map((e) => e.name).sort()).toEqual(['N\ufffdL', '刘海宾', '株洲\ufffd'].sort());
    for (const e of ents) {
      const page = await store.entityMentions(e.id, {}, { limit: 100 });
      expect(page!.items.length).toBeGreaterThan(0);
      for (const h of page!.items) {
        expect(CLEAN.slice(h.mention.start, h.mention.end)).toBe(h.mention.text);
        if (h.paragraph) expect(h.paragraph.text.slice(h.mention.start - h.paragraph.start, h.mention.end - h.paragraph.start)).toBe(h.mention.text);
      }
    }
    // the same article sent again (the same caller id, as sent) is the same stored article
    expect((await store.ingest({ callerId: 'nul\u0000' }, result)).status).toBe('updated');
  });

  it('answers queries with NUL and lone surrogates in their parameters', async () => {
    await store.ingest({ callerId: 'a' }, makeResult('刘海宾在株洲。', [{ name: '刘海宾' }]));
    for (const s of ['\u0000', 'a\u0000b', '\ud800', '刘\udc00']) {
      await expect(store.searchEntities({ contains: s }, 'articles', { limit: 10 })).resolves.toMatchObject({ items: [] });
      await expect(store.searchEntities({ name: s }, 'articles', { limit: 10 })).resolves.toMatchObject({ items: [] });
      await expect(store.searchEntities({ prefix: s, source: s }, 'articles', { limit: 10 })).resolves.toMatchObject({ items: [] });
      await expect(store.query({ names: [s] })).resolves.toBeTruthy();
    }
    expect((await store.searchEntities({ contains: '海宾' }, 'articles', { limit: 10 })).items).toHaveLength(1);
  });

  it('keeps dictionary names with NUL and lone surrogates (as U+FFFD)', async () => {
    await store.putDictionary([
      { name: '海\u0000宾', type: 'PERSON', action: 'add' },
      { name: '\ud800株洲', type: 'LOCATION', action: 'deny' },
    ]);
    expect((await store.listDictionary()).map((d) => d.name).sort()).toEqual(['\ufffd株洲', '海\ufffd宾'].sort());
    expect(await store.deleteDictionary('海\u0000宾', 'PERSON')).toBe(true);
  });
});
