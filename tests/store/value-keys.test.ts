/**
 * Research data that means one thing, on both stores: amounts and dates are entities by their resolved value
 * (`今年` in a 2023 article is the year 2023, in a 2024 article the year 2024), unresolved or vague values are
 * never merged across articles, names stay keyed by canonical name and type, garbled surface forms never
 * become aliases; and a store written with the old keys is re-keyed when it opens.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { factories, makeResult, type FixtureEntity } from './helpers.js';
import type { Repository } from '../../src/store/repository.js';
import type { SqlRepository } from '../../src/store/sql/repository.js';
import type { ExtractResponse } from '../../src/contract/schemas.js';
import { dateLabel, isGarbled, valueIdentity } from '../../src/store/keys.js';

type Values = Record<string, ExtractResponse['mentions'][number]['value']>;

/** makeResult, with each mention's value looked up by its text. */
function withValues(text: string, ents: FixtureEntity[], values: Values, opts: { published?: string; title?: string } = {}): ExtractResponse {
  const r = makeResult(text, ents, opts);
  for (const m of r.mentions) if (values[m.text]) m.value = values[m.text];
  return r;
}

const Y2023 = { start: '2023-01-01', end: '2023-12-31', grain: 'year' as const };
const Y2024 = { start: '2024-01-01', end: '2024-12-31', grain: 'year' as const };
const VAGUE = { start: '2018-01-01', end: '2023-05-02', grain: 'year' as const, vague: true };
const M80 = { amount: 80_000_000, currency: 'CNY' };

describe('value identity', () => {
  it('labels dates by their grain and keys amounts by value and currency', () => {
    expect(dateLabel('2023-01-01', '2023-12-31', 'year')).toBe('2023');
    expect(dateLabel('2023-04-01', '2023-06-30', 'quarter')).toBe('2023-Q2');
    expect(dateLabel('2022-06-01', '2022-06-30', 'month')).toBe('2022-06');
    expect(dateLabel('2024-02-01', '2024-02-29', 'month')).toBe('2024-02');
    expect(dateLabel('2022-06-01', '2022-06-15', 'month')).toBe('2022-06-01/2022-06-15');
    expect(dateLabel('2023-03-13', '2023-03-19', 'week')).toBe('2023-W11');
    expect(dateLabel('2021-01-04', '2021-01-10', 'week')).toBe('2021-W01');
    expect(dateLabel('2020-12-28', '2021-01-03', 'week')).toBe('2020-W53');
    expect(dateLabel('2023-03-17', '2023-03-17', 'day')).toBe('2023-03-17');
    expect(dateLabel('2023-07-01', '2023-12-31', 'halfyear')).toBe('2023-H2');
    expect(dateLabel('2023-03-01', '2023-03-05', 'day')).toBe('2023-03-01/2023-03-05');
    expect(valueIdentity('DATE', VAGUE)).toBeNull();
    expect(valueIdentity('DATE', { start: 'XXXX-06-01', end: 'XXXX-06-30', grain: 'month' })).toBeNull();
    expect(valueIdentity('DATE', { start: null, end: null, grain: 'year' })).toBeNull();
    expect(valueIdentity('MONEY', M80)?.name).toBe('80000000 CNY');
    expect(valueIdentity('MONEY', { ...M80, approx: true })?.key).not.toBe(valueIdentity('MONEY', M80)?.key);
    expect(valueIdentity('MONEY', { amount: 80_000_000, currency: 'USD' })?.key).not.toBe(valueIdentity('MONEY', M80)?.key);
    expect(valueIdentity('PERCENT', { value: 3, unit: 'percentage_point' })?.name).toBe('3 pp');
    expect(valueIdentity('QUANTITY', { value: 12, unit: '台' })?.name).toBe('12 台');
  });

  it('tells garbled surface forms', () => {
    expect(isGarbled('刘\uFFFD宾')).toBe(true);
    expect(isGarbled('鍒樻捣瀹')).toBe(true); // 刘海宾 as UTF-8 read as GBK
    expect(isGarbled('刘海宾')).toBe(false);
    expect(isGarbled('今年')).toBe(false);
    expect(isGarbled('8000万元')).toBe(false);
  });
});

describe.each(factories.map((f) => f()))('$name store: keys by meaning', (factory) => {
  let store: Repository;
  beforeEach(async (ctx) => {
    if (!factory.available) return ctx.skip();
    store = await factory.open();
  });
  afterEach(async () => {
    await store?.close();
  });
  afterAll(() => factory.cleanup());

  const dates = async () => (await store.searchEntities({ types: ['DATE'] }, 'name', { limit: 100 })).items;

  async function seed() {
    const jin = { name: '今年', type: 'DATE' };
    await store.ingest({ callerId: 'a', source: 's' }, withValues('今年产值过8000万元。', [jin, { name: '8000万元', type: 'MONEY' }], { 今年: Y2023, '8000万元': M80 }, { published: '2023-03-17' }));
    await store.ingest({ callerId: 'b', source: 's' }, withValues('今年投资八千万元。', [jin, { name: '八千万元', type: 'MONEY' }], { 今年: Y2024, 八千万元: M80 }, { published: '2024-02-01' }));
    await store.ingest({ callerId: 'c', source: 's' }, withValues('2023年，近年来增长。', [{ name: '2023年', type: 'DATE' }, { name: '近年来', type: 'DATE' }], { '2023年': Y2023, 近年来: VAGUE }, { published: '2023-05-02' }));
    await store.ingest({ callerId: 'd', source: 's' }, withValues('近年来如此。', [{ name: '近年来', type: 'DATE' }], { 近年来: { ...VAGUE, end: '2023-06-01' } }, { published: '2023-06-01' }));
  }

  it('one date entity per resolved value: 今年 is 2023 in a 2023 article and 2024 in a 2024 article', async () => {
    await seed();
    const list = await dates();
    const y2023 = list.find((e) => e.name === '2023')!;
    const y2024 = list.find((e) => e.name === '2024')!;
    expect(y2023).toMatchObject({ articles: 2, mentions: 2 }); // 今年 (a) and 2023年 (c)
    expect(y2024).toMatchObject({ articles: 1, mentions: 1 });
    expect(list.some((e) => e.name === '今年')).toBe(false);
    const detail = await store.getEntity(y2023.id, { bucket: 'month', top: 5 });
    expect(detail!.aliases.sort()).toEqual(['2023年', '今年']);
    // a name search for the words finds every value they stood for
    expect((await store.searchEntities({ name: '今年' }, 'name', { limit: 10 })).items.map((e) => e.name).sort()).toEqual(['2023', '2024']);
  });

  it('vague dates stay in their article: 近年来 twice is two entities', async () => {
    await seed();
    const vague = (await dates()).filter((e) => e.name === '近年来');
    expect(vague).toHaveLength(2);
    expect(vague.every((e) => e.articles === 1)).toBe(true);
  });

  it('amounts by value and currency: 8000万元 and 八千万元 are one entity', async () => {
    await seed();
    const money = (await store.searchEntities({ types: ['MONEY'] }, 'name', { limit: 10 })).items;
    expect(money).toHaveLength(1);
    expect(money[0]).toMatchObject({ name: '80000000 CNY', articles: 2 });
    const d = await store.getEntity(money[0].id, { bucket: 'month', top: 5 });
    expect(d!.aliases.sort()).toEqual(['8000万元', '八千万元'].sort());
  });

  it('names keep their canonical key; garbled surface forms are never aliases', async () => {
    const text = '刘海宾说，刘\uFFFD宾和鍒樻捣瀹都到了。';
    const r = makeResult(text, [{ name: '刘海宾', surfaces: ['刘海宾', '刘\uFFFD宾', '鍒樻捣瀹'] }]);
    await store.ingest({ callerId: 'g' }, r);
    const [e] = (await store.searchEntities({ name: '刘海宾' }, 'name', { limit: 10 })).items;
    expect(e).toMatchObject({ name: '刘海宾', mentions: 3 });
    expect((await store.getEntity(e.id, { bucket: 'month', top: 0 }))!.aliases).toEqual(['刘海宾']);
    expect((await store.searchEntities({ name: '刘\uFFFD宾' }, 'name', { limit: 10 })).items).toHaveLength(0);
  });

  it('re-keys a store written with the old keys when it opens (migration)', async () => {
    await seed();
    const sql = store as SqlRepository;
    const db = (sql as unknown as { driver: { tx: <T>(fn: (db: { run: (s: string, p?: unknown[]) => Promise<number> }) => Promise<T>) => Promise<T> } }).driver;
    // what the old code wrote: one DATE entity per text across articles, and a garbled alias
    await db.tx(async (d) => {
      const now = new Date().toISOString();
      await d.run("INSERT INTO entities (id, key, type, name, name_simplified, article_count, mention_count, created_at) VALUES ('e_old', 'DATE|今年', 'DATE', '今年', '今年', 2, 2, ?)", [now]);
      await d.run("INSERT INTO entity_aliases (entity_id, alias, alias_simplified) VALUES ('e_old', '今年', '今年'), ('e_old', '今\uFFFD', '今\uFFFD')");
      await d.run("UPDATE mentions SET entity_id = 'e_old' WHERE text = '今年'");
      await d.run("DELETE FROM article_entities WHERE entity_type = 'DATE' AND article_id IN (SELECT article_id FROM mentions WHERE text = '今年') AND entity_id <> 'e_old'");
      await d.run("INSERT INTO article_entities (article_id, entity_id, entity_type, mention_count, published, source) SELECT article_id, 'e_old', 'DATE', 1, published, source FROM mentions WHERE text = '今年'");
      await d.run("UPDATE entities SET article_count = 0, mention_count = 0 WHERE type = 'DATE' AND id <> 'e_old' AND name IN ('2024')");
      await d.run("UPDATE entities SET article_count = 1, mention_count = 1 WHERE type = 'DATE' AND name = '2023'");
      await d.run('UPDATE store_tasks SET done_at = NULL');
    });
    expect((await dates()).find((e) => e.name === '今年')).toMatchObject({ articles: 2 });

    await store.close();
    store = await factory.reopen();
    if (store.dialect === 'sqlite') await (store as SqlRepository).migrateData(); // open.ts runs it for SQLite; openPostgres itself
    const list = await dates();
    expect(list.some((e) => e.name === '今年')).toBe(false);
    expect(list.find((e) => e.name === '2023')).toMatchObject({ articles: 2, mentions: 2 });
    expect(list.find((e) => e.name === '2024')).toMatchObject({ articles: 1, mentions: 1 });
    expect((await store.searchEntities({ name: '今\uFFFD' }, 'name', { limit: 10 })).items).toHaveLength(0);
    // run again: nothing left to do
    expect(await (store as SqlRepository).migrateData()).toEqual({ rekeyed: 0, aliasesDropped: 0 });
  });
});
