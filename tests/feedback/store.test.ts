/** Decisions and the user dictionary in both stores (SQLite, PostgreSQL when reachable). */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { factories, makeResult } from '../store/helpers.js';
import type { Repository } from '../../src/store/repository.js';

describe.each(factories.map((f) => f()))('$name store: decisions and dictionary', (factory) => {
  let store: Repository;
  beforeEach(async (ctx) => {
    if (!factory.available) return ctx.skip();
    store = await factory.open();
  });
  afterEach(async () => {
    await store?.close();
  });
  afterAll(async () => {
    await factory.cleanup();
  });

  it('records decisions per article with who and when, oldest first; none for a missing article', async () => {
    const { article } = await store.ingest({}, makeResult('张三在北京。', [{ name: '张三' }, { name: '北京', type: 'LOCATION' }]));
    const a = await store.addDecision(article.id, { action: 'accept', entity: 'e1', type: 'PERSON', name: '张三', editor: 'wang' });
    const b = await store.addDecision(article.id, { action: 'add', type: 'COMPANY', name: '北京', start: 3, end: 5, editor: 'li', key_id: 'k1' });
    expect(a).toMatchObject({ article_id: article.id, action: 'accept', entity: 'e1', editor: 'wang', key_id: null, start: null });
    expect(b).toMatchObject({ start: 3, end: 5, key_id: 'k1' });
    expect(Date.parse(a!.created_at)).toBeGreaterThan(0);
    const list = await store.listDecisions(article.id);
    expect(list.map((d) => d.id)).toEqual([a!.id, b!.id]);
    expect(list[1]).toEqual(b);
    expect(await store.addDecision('a_missing', { action: 'accept', editor: 'x' })).toBeNull();
    // deleting the article deletes its decisions
    expect(await store.deleteArticle(article.id)).toBe(true);
    expect(await store.listDecisions(article.id)).toEqual([]);
  });

  it('keeps one dictionary entry per name and type; put replaces, delete removes', async () => {
    await store.putDictionary([
      { name: '王小明', type: 'PERSON', action: 'deny', editor: 'wang' },
      { name: '蓝海星辰科技', type: 'COMPANY', action: 'add' },
    ]);
    await store.putDictionary([{ name: '王小明', type: 'PERSON', action: 'add', editor: 'li' }]);
    const list = await store.listDictionary();
    expect(list.map(({ name, type, action, editor }) => ({ name, type, action, editor }))).toEqual([
      { name: '蓝海星辰科技', type: 'COMPANY', action: 'add', editor: null },
      { name: '王小明', type: 'PERSON', action: 'add', editor: 'li' },
    ]);
    expect(await store.deleteDictionary('王小明', 'PERSON')).toBe(true);
    expect(await store.deleteDictionary('王小明', 'PERSON')).toBe(false);
    expect((await store.listDictionary()).map((e) => e.name)).toEqual(['蓝海星辰科技']);
  });
});
