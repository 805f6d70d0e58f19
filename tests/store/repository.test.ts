/** The same suite against both stores: idempotency, atomicity, concurrency, entities across articles, research queries, exports. */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { factories, makeResult } from './helpers.js';
import { StoreError, type Repository, type EntitySummary, type StoreHooks } from '../../src/store/repository.js';

const A1 = '株洲市发改委主任刘海宾介绍，株洲今年产值过8000万元。\n刘海宾说，淳华氢能源科技有限公司将在株洲投产。';
const A2 = '刘海宾在长沙会见谢曙。\n谢曙表示，公司在湖南发展顺利。';
const A3 = '谢曙出席株洲博览会。';

const E = {
  liu: { name: '刘海宾', type: 'PERSON' },
  xie: { name: '谢曙', type: 'PERSON' },
  zz: { name: '株洲', type: 'LOCATION', surfaces: ['株洲市', '株洲'] },
  cs: { name: '长沙', type: 'LOCATION' },
  hn: { name: '湖南', type: 'LOCATION' },
  co: { name: '淳华氢能源科技有限公司', type: 'COMPANY' },
};

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe.each(factories.map((f) => f()))('$name store', (factory) => {
  let store: Repository;
  const extra: Repository[] = [];
  const open = async (hooks?: StoreHooks) => (store = await factory.open(hooks));

  beforeEach(async (ctx) => {
    if (!factory.available) return ctx.skip();
    await open();
  });
  afterEach(async () => {
    await store?.close();
    for (const s of extra.splice(0)) await s.close();
  });
  afterAll(() => factory.cleanup());

  async function seed() {
    await store.ingest({ callerId: 'a1', url: 'https://news.example/1', source: 'xinhua' }, makeResult(A1, [E.zz, E.liu, E.co], { published: '2023-03-17', title: '株洲' }));
    await store.ingest({ callerId: 'a2', url: 'https://news.example/2', source: 'people' }, makeResult(A2, [E.liu, E.cs, E.xie, E.hn], { published: '2023-04-02' }));
    await store.ingest({ callerId: 'a3', source: 'xinhua' }, makeResult(A3, [E.xie, E.zz], { published: '2023-04-20' }));
  }
  const byName = async (name: string) => (await store.searchEntities({ name }, 'articles', { limit: 10 })).items;

  describe('articles', () => {
    it('stores the extraction result whole and reads it back', async () => {
      const result = makeResult(A1, [E.zz, E.liu, E.co], { published: '2023-03-17', title: '株洲' });
      const r = await store.ingest({ callerId: 'a1', url: 'https://news.example/1', source: 'xinhua' }, result);
      expect(r.status).toBe('created');
      expect(r.matched_by).toBeNull();
      expect(r.article).toMatchObject({ caller_id: 'a1', url: 'https://news.example/1', source: 'xinhua', published: '2023-03-17', title: '株洲', entities: 3 });
      const got = await store.getArticle(r.article.id);
      expect(got?.result).toEqual(result);
      expect(got?.article.mentions).toBe(result.mentions.length);
      expect(await store.getArticle('a_nope')).toBeNull();
      expect(await store.ping()).toBe(true);
    });

    it('updates instead of duplicating: same caller id, same url, same content', async () => {
      const first = await store.ingest({ callerId: 'a1', url: 'u1' }, makeResult(A1, [E.liu]));
      const byId = await store.ingest({ callerId: 'a1' }, makeResult(A2, [E.liu, E.xie]));
      expect(byId).toMatchObject({ status: 'updated', matched_by: 'id' });
      expect(byId.article.id).toBe(first.article.id);
      expect(byId.article.url).toBe('u1'); // kept
      const byUrl = await store.ingest({ url: 'u1', source: 's' }, makeResult(A3, [E.xie]));
      expect(byUrl).toMatchObject({ status: 'updated', matched_by: 'url' });
      const byHash = await store.ingest({}, makeResult(A3, [E.xie]));
      expect(byHash).toMatchObject({ status: 'updated', matched_by: 'content_hash' });
      expect(byHash.article).toMatchObject({ id: first.article.id, caller_id: 'a1', url: 'u1', source: 's' });
      expect(await store.countArticles()).toBe(1);
      expect((await store.getArticle(first.article.id))?.result.text).toBe(A3);
      // counts follow the latest version
      expect(await byName('刘海宾')).toEqual([]);
      expect((await byName('谢曙'))[0]).toMatchObject({ articles: 1, mentions: 1 });
    });

    it('refuses an article whose identifiers belong to two stored articles', async () => {
      await store.ingest({ callerId: 'a1' }, makeResult(A1, [E.liu]));
      await store.ingest({ url: 'u2' }, makeResult(A2, [E.liu]));
      await expect(store.ingest({ callerId: 'a1', url: 'u2' }, makeResult(A3, []))).rejects.toMatchObject({ code: 'conflict' });
      await expect(store.ingest({ callerId: 'a1', url: 'u2' }, makeResult(A3, []))).rejects.toBeInstanceOf(StoreError);
      expect(await store.countArticles()).toBe(2);
    });

    it('deletes an article with its mentions and counts', async () => {
      await seed();
      const [liu] = await byName('刘海宾');
      expect(liu).toMatchObject({ articles: 2, mentions: 3 });
      const a1 = (await store.ingest({ callerId: 'a1' }, makeResult(A1, [E.zz, E.liu, E.co], { published: '2023-03-17', title: '株洲' }))).article.id;
      expect(await store.deleteArticle(a1)).toBe(true);
      expect(await store.deleteArticle(a1)).toBe(false);
      expect(await store.getArticle(a1)).toBeNull();
      expect((await byName('刘海宾'))[0]).toMatchObject({ articles: 1, mentions: 1 });
      expect(await byName('淳华氢能源科技有限公司')).toEqual([]);
      const mentions = await all(store.exportMentions({}));
      expect(mentions.some((m) => m.article_id === a1)).toBe(false);
      expect(await store.countArticles()).toBe(2);
    });
  });

  describe('nothing is lost', () => {
    for (const step of ['entities', 'aliases', 'paragraphs', 'mentions', 'counters', 'commit']) {
      it(`a crash at step "${step}" leaves none of a new article`, async () => {
        await store.close();
        await open({ step: (s) => { if (s === step) throw new Error(`injected crash at ${s}`); } });
        await expect(store.ingest({ callerId: 'x' }, makeResult(A1, [E.zz, E.liu, E.co]))).rejects.toThrow('injected');
        expect(await store.countArticles()).toBe(0);
        expect((await store.searchEntities({}, 'articles', { limit: 10 })).items).toEqual([]);
        expect(await all(store.exportMentions({}))).toEqual([]);
      });
    }

    it('a crash while updating leaves the previous version whole', async () => {
      let fail = false;
      await store.close();
      await open({ step: (s) => { if (fail && s === 'mentions') throw new Error('injected crash'); } });
      const first = await store.ingest({ callerId: 'x' }, makeResult(A1, [E.zz, E.liu]));
      fail = true;
      await expect(store.ingest({ callerId: 'x' }, makeResult(A2, [E.xie]))).rejects.toThrow('injected');
      fail = false;
      expect((await store.getArticle(first.article.id))?.result.text).toBe(A1);
      expect((await byName('刘海宾'))[0]).toMatchObject({ articles: 1, mentions: 2 });
      expect(await byName('谢曙')).toEqual([]);
      expect((await all(store.exportMentions({}))).length).toBe(first.article.mentions);
    });

    it('concurrent writers of the same article store one article', async () => {
      const other = await factory.reopen();
      extra.push(other);
      const writes = Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? other : store).ingest({ callerId: 'same', url: 'https://news.example/same' }, makeResult(A1, [E.zz, E.liu], { published: '2023-03-17' })),
      );
      const results = await Promise.all(writes);
      expect(results.filter((r) => r.status === 'created').length).toBe(1);
      expect(new Set(results.map((r) => r.article.id)).size).toBe(1);
      expect(await store.countArticles()).toBe(1);
      expect((await byName('刘海宾'))[0]).toMatchObject({ articles: 1, mentions: 2 });
    });

    it('concurrent writers of different articles keep the counts exact', async () => {
      const other = await factory.reopen();
      extra.push(other);
      const texts = Array.from({ length: 20 }, (_, i) => `第${i}篇：刘海宾在株洲会见谢曙。`);
      await Promise.all(texts.map((t, i) => (i % 2 ? other : store).ingest({ callerId: `c${i}` }, makeResult(t, [E.liu, E.zz, E.xie]))));
      expect(await store.countArticles()).toBe(20);
      for (const n of ['刘海宾', '株洲', '谢曙']) expect((await byName(n))[0]).toMatchObject({ articles: 20, mentions: 20 });
    });

    it('many concurrent writers sharing a hot entity keep every count exact', async () => {
      const N = 240;
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < N) {
            const i = next++;
            const others = Array.from({ length: 10 }, (_, k) => ({ name: `人${(i * 7 + k * 13) % 50}`, type: 'PERSON' }));
            const text = `共同${i}：` + others.map((o) => o.name).join('，') + '。';
            await store.ingest({ callerId: `h${i}` }, makeResult(text, [{ name: '共同', type: 'ORG' }, ...others], { published: '2023-05-01' }));
          }
        }),
      );
      expect((await byName('共同'))[0]).toMatchObject({ articles: N, mentions: N });
      const stored = await store.searchEntities({ types: ['PERSON'] }, 'name', { limit: 100 });
      const ranged = await store.searchEntities({ types: ['PERSON'], from: '0000-01-01' }, 'name', { limit: 100 });
      expect(stored.items.map((e) => [e.name, e.articles, e.mentions])).toEqual(ranged.items.map((e) => [e.name, e.articles, e.mentions]));
    });
  });

  describe('entities across articles', () => {
    it('one entity for simplified and traditional spellings, keeping every surface form', async () => {
      await store.ingest({}, makeResult('台湾经济增长。', [{ name: '台湾', type: 'LOCATION' }]));
      await store.ingest({}, makeResult('臺灣經濟增長。', [{ name: '臺灣', type: 'LOCATION' }]));
      const hits = await byName('臺灣');
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({ name_simplified: '台湾', articles: 2 });
      expect((await byName('台湾'))[0].id).toBe(hits[0].id);
      const detail = await store.getEntity(hits[0].id, { bucket: 'month', top: 5 });
      expect(detail?.aliases.sort()).toEqual(['台湾', '臺灣'].sort());
    });

    it('one entity for one place code, whatever the name', async () => {
      await store.ingest({}, makeResult('株洲市发布通知。', [{ name: '株洲市', type: 'LOCATION', place: { code: '430200', level: 'city', parents: ['430000'] } }]));
      await store.ingest({}, makeResult('株洲经济增长。', [{ name: '株洲', type: 'LOCATION', place: { code: '430200', level: 'city', parents: ['430000'] } }]));
      const hits = await byName('株洲');
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({ articles: 2, place: { code: '430200', level: 'city' } });
      expect((await byName('株洲市'))[0].id).toBe(hits[0].id);
    });

    it('same name, different type: different entities', async () => {
      await store.ingest({}, makeResult('华为发布新品。', [{ name: '华为', type: 'COMPANY' }]));
      await store.ingest({}, makeResult('华为是人名。', [{ name: '华为', type: 'PERSON' }]));
      expect(await byName('华为')).toHaveLength(2);
      expect((await store.searchEntities({ name: '华为', types: ['COMPANY'] }, 'articles', { limit: 10 })).items).toHaveLength(1);
    });
  });

  describe('research queries', () => {
    beforeEach(seed);

    it('searches by type, name or alias, prefix, substring (simplified/traditional-insensitive)', async () => {
      const names = (p: { items: EntitySummary[] }) => p.items.map((e) => e.name).sort();
      expect(names(await store.searchEntities({ types: ['PERSON'] }, 'articles', { limit: 10 }))).toEqual(['刘海宾', '谢曙']);
      expect(names(await store.searchEntities({ name: '株洲市' }, 'articles', { limit: 10 }))).toEqual(['株洲']); // an alias
      expect(names(await store.searchEntities({ prefix: '株' }, 'articles', { limit: 10 }))).toEqual(['株洲']);
      expect(names(await store.searchEntities({ prefix: '謝' }, 'articles', { limit: 10 }))).toEqual(['谢曙']); // traditional prefix
      expect(names(await store.searchEntities({ contains: '氢能源' }, 'articles', { limit: 10 }))).toEqual(['淳华氢能源科技有限公司']);
      expect(names(await store.searchEntities({ contains: '氫能' }, 'articles', { limit: 10 }))).toEqual(['淳华氢能源科技有限公司']);
      expect(names(await store.searchEntities({ prefix: '湖', types: ['PERSON'] }, 'articles', { limit: 10 }))).toEqual([]);
    });

    it('filters by published date and source, with counts inside the range', async () => {
      const r = await store.searchEntities({ from: '2023-04-01', to: '2023-04-30' }, 'articles', { limit: 10 });
      const xie = r.items.find((e) => e.name === '谢曙');
      expect(xie).toMatchObject({ articles: 2 });
      expect(r.items.find((e) => e.name === '刘海宾')).toMatchObject({ articles: 1, mentions: 1 });
      expect(r.items.some((e) => e.name === '淳华氢能源科技有限公司')).toBe(false);
      const s = await store.searchEntities({ source: 'xinhua', types: ['LOCATION'] }, 'articles', { limit: 10 });
      expect(s.items.map((e) => [e.name, e.articles])).toEqual([['株洲', 2]]);
    });

    it('sorts by article count, mention count or name', async () => {
      const byArticles = await store.searchEntities({ types: ['PERSON', 'LOCATION'] }, 'articles', { limit: 10 });
      expect(byArticles.items.slice(0, 3).map((e) => e.articles)).toEqual([2, 2, 2]);
      const byMentions = await store.searchEntities({}, 'mentions', { limit: 1 });
      expect(byMentions.items[0]).toMatchObject({ name: '株洲', mentions: 4 });
      const byNameSort = await store.searchEntities({}, 'name', { limit: 100 });
      const ns = byNameSort.items.map((e) => e.name_simplified);
      expect(ns).toEqual([...ns].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    });

    for (const filtered of [false, true]) {
      for (const sort of ['articles', 'mentions', 'name'] as const) {
        it(`pages with an opaque cursor (${sort}${filtered ? ', date-filtered' : ''})`, async () => {
          const f = filtered ? { from: '2023-01-01' } : {};
          const everything = (await store.searchEntities(f, sort, { limit: 100 })).items.map((e) => e.id);
          expect(everything.length).toBe(6);
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const page: Awaited<ReturnType<Repository['searchEntities']>> = await store.searchEntities(f, sort, { limit: 2, cursor });
            seen.push(...page.items.map((e) => e.id));
            cursor = page.next_cursor;
          } while (cursor);
          expect(seen).toEqual(everything);
        });
      }
    }

    it('rejects a forged cursor', async () => {
      await expect(store.searchEntities({}, 'articles', { limit: 2, cursor: 'bm9wZQ' })).rejects.toMatchObject({ code: 'bad_cursor' });
      await expect(store.searchEntities({}, 'articles', { limit: 2, cursor: '!!!' })).rejects.toMatchObject({ code: 'bad_cursor' });
    });

    it('entity detail: aliases, counts over time, co-occurring entities', async () => {
      const [xie] = await byName('谢曙');
      const d = await store.getEntity(xie.id, { bucket: 'month', top: 10 });
      expect(d).toMatchObject({ name: '谢曙', type: 'PERSON', articles: 2, mentions: 3, first_published: '2023-04-02', last_published: '2023-04-20' });
      expect(d!.series).toEqual([{ period: '2023-04', articles: 2, mentions: 3 }]);
      expect(d!.cooccurring.map((c) => `${c.name}:${c.articles}`).sort()).toEqual(['刘海宾:1', '株洲:1', '湖南:1', '长沙:1'].sort());
      const [zz] = await byName('株洲');
      const z = await store.getEntity(zz.id, { bucket: 'week', top: 1 });
      expect(z!.aliases.sort()).toEqual(['株洲', '株洲市'].sort());
      expect(z!.series).toEqual([
        { period: '2023-03-13', articles: 1, mentions: 3 },
        { period: '2023-04-17', articles: 1, mentions: 1 },
      ]);
      expect(z!.cooccurring).toHaveLength(1);
      const ranged = await store.getEntity(zz.id, { bucket: 'day', top: 5, from: '2023-04-01' });
      expect(ranged).toMatchObject({ articles: 1, mentions: 1 });
      expect(ranged!.cooccurring.map((c) => c.name)).toEqual(['谢曙']);
      expect(await store.getEntity('e_nope', { bucket: 'day', top: 5 })).toBeNull();
    });

    it('mentions with their article and paragraph, enough to show the passage', async () => {
      const [liu] = await byName('刘海宾');
      const p1 = await store.entityMentions(liu.id, {}, { limit: 2 });
      expect(p1!.items).toHaveLength(2);
      expect(p1!.next_cursor).not.toBeNull();
      const p2 = await store.entityMentions(liu.id, {}, { limit: 2, cursor: p1!.next_cursor });
      expect(p2!.items).toHaveLength(1);
      expect(p2!.next_cursor).toBeNull();
      for (const h of [...p1!.items, ...p2!.items]) {
        expect(h.mention.text).toBe('刘海宾');
        expect(h.paragraph!.text.slice(h.mention.start - h.paragraph!.start, h.mention.end - h.paragraph!.start)).toBe('刘海宾');
        const art = await store.getArticle(h.article.id);
        expect(art!.result.text.slice(h.mention.start, h.mention.end)).toBe('刘海宾');
      }
      expect(p1!.items[0].article).toMatchObject({ caller_id: 'a1', url: 'https://news.example/1', published: '2023-03-17', source: 'xinhua' });
      const ranged = await store.entityMentions(liu.id, { from: '2023-04-01' }, { limit: 10 });
      expect(ranged!.items.map((h) => h.article.caller_id)).toEqual(['a2']);
      expect(await store.entityMentions('e_nope', {}, { limit: 10 })).toBeNull();
    });

    it('batch query: counts, articles, mentions, series and pairs per name or id', async () => {
      const [xie] = await byName('谢曙');
      const r = await store.query({ names: ['劉海賓', '株洲', '无此人'], ids: [xie.id], bucket: 'month', limit: 5, pairs: true });
      expect(r.results.map((x) => [x.query, x.articles, x.mentions])).toEqual([
        ['劉海賓', 2, 3],
        ['株洲', 2, 4],
        ['无此人', 0, 0],
        [xie.id, 2, 3],
      ]);
      expect(r.results[0].series).toEqual([
        { period: '2023-03', articles: 1, mentions: 2 },
        { period: '2023-04', articles: 1, mentions: 1 },
      ]);
      expect(r.results[0].top_articles[0]).toMatchObject({ caller_id: 'a1', mentions: 2 });
      expect(r.results[1].sample_mentions.length).toBe(4);
      expect(r.results[2].entities).toEqual([]);
      const pair = (a: string, b: string) => r.pairs!.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))?.articles;
      expect(pair('劉海賓', '株洲')).toBe(1);
      expect(pair('劉海賓', xie.id)).toBe(1);
      expect(pair('株洲', xie.id)).toBe(1);
      expect(pair('无此人', '株洲')).toBe(0);
      const ranged = await store.query({ names: ['刘海宾'], from: '2023-04-01', limit: 0, pairs: false });
      expect(ranged.results[0]).toMatchObject({ articles: 1, mentions: 1, top_articles: [] });
      expect(ranged.pairs).toBeUndefined();
      expect(ranged.totals).toBeUndefined();
      // every article per period, to normalise the series by
      expect(r.totals!.map((p) => [p.period, p.articles])).toEqual([
        ['2023-03', 1],
        ['2023-04', 2],
      ]);
      const weekly = await store.query({ names: ['谢曙'], from: '2023-04-01', source: 'xinhua', bucket: 'week', limit: 0, pairs: false });
      expect(weekly.totals).toEqual([{ period: '2023-04-17', articles: 1, mentions: 2 }]);
    });

    it('exports every entity and mention matching a filter', async () => {
      const ents = await all(store.exportEntities({}));
      expect(ents).toHaveLength(6);
      const ms = await all(store.exportMentions({ types: ['PERSON'] }));
      expect(ms.map((m) => m.text).sort()).toEqual(['刘海宾', '刘海宾', '刘海宾', '谢曙', '谢曙', '谢曙']);
      expect(ms[0]).toMatchObject({ entity_type: 'PERSON', article_caller_id: 'a1' });
      expect(await all(store.exportMentions({ name: '株洲', from: '2023-04-01' }))).toHaveLength(1);
    });
  });

  it('exports in batches past the batch size', async () => {
    const text = Array.from({ length: 30 }, () => '刘海宾').join('，');
    for (let i = 0; i < 40; i++) await store.ingest({ callerId: `b${i}` }, makeResult(`${i}：${text}`, [E.liu]));
    const ms = await all(store.exportMentions({}));
    expect(ms).toHaveLength(1200);
    expect(new Set(ms.map((m) => `${m.article_id}/${m.mention_id}`)).size).toBe(1200);
  });

  describe('hostile names are data, not SQL', () => {
    const HOSTILE = ["O'Brien", '100%', 'a_b', 'back\\slash', '"; DROP TABLE articles; --', "'); DELETE FROM entities; --"];

    it('stores and finds names with quotes, wildcards and backslashes exactly', async () => {
      const text = HOSTILE.join('和') + '。另有aXb和100X以及backXslash。';
      await store.ingest({ callerId: "id'\\%_" , url: "https://x/?q='%_\\" }, makeResult(text, [...HOSTILE, 'aXb', '100X', 'backXslash'].map((name) => ({ name, type: 'ORG' }))));
      for (const h of HOSTILE) {
        expect((await byName(h)).map((e) => e.name)).toEqual([h]);
        expect((await store.searchEntities({ prefix: h }, 'articles', { limit: 10 })).items.map((e) => e.name)).toEqual([h]);
      }
      const contains = async (s: string) => (await store.searchEntities({ contains: s }, 'name', { limit: 10 })).items.map((e) => e.name);
      expect(await contains('%')).toEqual(['100%']);
      expect(await contains('_')).toEqual(['a_b']);
      expect(await contains('\\')).toEqual(['back\\slash']);
      expect(await contains("'")).toEqual(["'); DELETE FROM entities; --", "O'Brien"].sort((a, b) => (a < b ? -1 : 1)));
      expect(await store.countArticles()).toBe(1);
      const again = await store.ingest({ callerId: "id'\\%_" }, makeResult(text, []));
      expect(again.matched_by).toBe('id');
    });

    it('very long strings find nothing and break nothing', async () => {
      await seed();
      const long = '株'.repeat(20_000) + "'%_\\";
      expect((await store.searchEntities({ name: long }, 'articles', { limit: 10 })).items).toEqual([]);
      expect((await store.searchEntities({ prefix: long }, 'articles', { limit: 10 })).items).toEqual([]);
      expect((await store.searchEntities({ contains: long.slice(0, 1000) }, 'articles', { limit: 10 })).items).toEqual([]);
      expect((await store.query({ names: [long], limit: 5, pairs: true })).results[0].articles).toBe(0);
      const longName = '长'.repeat(5000);
      const r = await store.ingest({ url: 'x'.repeat(4000) }, makeResult(longName + '说。', [{ name: longName, type: 'PERSON' }]));
      expect(r.status).toBe('created');
      expect((await store.searchEntities({ prefix: '长长长' }, 'articles', { limit: 10 })).items).toHaveLength(1);
    });
  });
});
