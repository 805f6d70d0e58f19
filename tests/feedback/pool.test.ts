/** With a worker pool, the dictionary reaches every worker, and workers started later too; the app reloads it on every change. */
import { PoolExtractor } from '../../src/service/extractor.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractPool } from '../../src/service/pool.js';
import { createApp } from '../../src/server/app.js';
import { feedbackFor } from '../../src/feedback/service.js';
import { openSqlite } from '../../src/store/sqlite/index.js';
import type { Repository } from '../../src/store/repository.js';

const TEXT = '蓝海星辰科技是一家新公司，王小明出席了会议。';
const names = (r: { mentions: { type: string; text: string }[] }) => r.mentions.map((m) => `${m.type}:${m.text}`);

describe('user dictionary with a worker pool', () => {
  let pool: ExtractPool;
  let dir: string;
  let store: Repository;
  beforeAll(async () => {
    pool = new ExtractPool({ size: 2, deadlineMs: 4000, env: { ENGINE: 'lexicon' } });
    await pool.ready();
    dir = mkdtempSync(join(tmpdir(), 'feedback-pool-'));
    store = openSqlite(join(dir, 'store.db'));
  });
  afterAll(async () => {
    await pool.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every worker applies a broadcast dictionary, and a replacement worker gets it too', async () => {
    const before = await pool.extract({ text: TEXT }, { engine: 'lexicon' });
    expect(names(before)).toContain('PERSON:王小明');
    pool.setDictionary([
      { name: '王小明', type: 'PERSON', action: 'deny' },
      { name: '蓝海星辰科技', type: 'COMPANY', action: 'add' },
    ]);
    const check = (r: { mentions: { type: string; text: string }[] }) => {
      expect(names(r)).not.toContain('PERSON:王小明');
      expect(names(r)).toContain('COMPANY:蓝海星辰科技');
    };
    for (const r of await Promise.all(Array.from({ length: 12 }, () => pool.extract({ text: TEXT }, { engine: 'lexicon' })))) check(r);
    // a worker that dies (here: ended from outside, as a crash would) is replaced; the new one must know the dictionary
    const slots = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots;
    const dead = slots[0].worker;
    await dead.terminate();
    await expect.poll(() => slots.every((s) => s.worker !== dead), { timeout: 10_000 }).toBe(true);
    await pool.ready();
    for (const r of await Promise.all(Array.from({ length: 9 }, () => pool.extract({ text: TEXT }, { engine: 'lexicon' })))) check(r);
  });

  it('the app loads the stored dictionary into the pool at start and after every change', async () => {
    await store.putDictionary([{ name: '东方红', type: 'ORG', action: 'add' }]);
    const services = { config: { MAX_BODY_BYTES: 1 << 20, MAX_TEXT_CHARS: 100_000 }, extractor: new PoolExtractor(pool, { MAX_TEXT_CHARS: 100_000 }, 'lexicon'), store };
    const app = createApp(services);
    await feedbackFor(services).ready;
    const extract = async (text: string) =>
      (await app.request('/v1/extract', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) })).json();
    // the stored dictionary replaced the broadcast one: 王小明 is back, 东方红 is added
    expect(names(await extract(TEXT))).toContain('PERSON:王小明');
    expect(names(await extract('东方红今天开业。'))).toContain('ORG:东方红');
    const res = await app.request('/v1/dictionary', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '王小明', type: 'PERSON', action: 'deny' }) });
    expect(res.status).toBe(200);
    for (const r of await Promise.all(Array.from({ length: 6 }, () => extract(TEXT)))) expect(names(r)).not.toContain('PERSON:王小明');
  });
});
