/** The in-process queue: jobs through to the store, failures and retry, and a crash mid-job followed by a restart. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessQueue } from '../../src/jobs/inprocess.js';
import { makeProcessor, toEntry } from '../../src/jobs/processor.js';
import { openSqlite } from '../../src/store/sqlite/index.js';
import type { Repository } from '../../src/store/repository.js';
import type { ItemProcessor } from '../../src/jobs/types.js';
import { articles, services, waitFor } from './helpers.js';

const dirs: string[] = [];
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'jobs-test-'));
  dirs.push(dir);
  const store = openSqlite(join(dir, 'store.db'));
  closers.push(() => store.close());
  const open = () => new InProcessQueue({ file: join(dir, 'jobs.db'), pollMs: 50 });
  return { dir, store, open };
}

const entries = (list: unknown[]) => list.map((a, i) => toEntry(services, i + 1, a, 'lexicon'));

async function callerIds(store: Repository) {
  const db = (store as unknown as { driver: { all<T>(sql: string): Promise<T[]> } }).driver;
  return db.all<{ caller_id: string }>('SELECT caller_id FROM articles ORDER BY caller_id');
}

describe('in-process queue', () => {
  it('extracts and stores every article; bad lines are failures with reasons; status has counts, throughput, ETA', async () => {
    const { store, open } = setup();
    const q = open();
    closers.push(() => q.close());
    const list: unknown[] = articles(10);
    list.splice(4, 0, { text: '' }, { txt: 'wrong field' });
    const sub = await q.submit(entries(list), { engine: 'lexicon', source: 'test' });
    expect(sub).toMatchObject({ total: 12, rejected: 2 });
    const before = await q.status(sub.id);
    expect(before).toMatchObject({ state: 'queued', counts: { total: 12, queued: 10, done: 0, failed: 2 }, throughput: null });
    q.consume(makeProcessor(services, store), { concurrency: 3 });
    const s = await waitFor(async () => {
      const st = await q.status(sub.id);
      return st && st.counts.queued === 0 ? st : null;
    }, 20_000, 'the job to finish');
    expect(s.state).toBe('completed_with_failures');
    expect(s.counts).toEqual({ total: 12, queued: 0, done: 10, failed: 2 });
    expect(s.failures.map((f) => [f.line, f.retryable, f.error.code])).toEqual([
      [5, false, 'invalid_request'],
      [6, false, 'invalid_request'],
    ]);
    expect(s.throughput).toBeGreaterThan(0);
    expect(s.finished_at).not.toBeNull();
    expect(await store.countArticles()).toBe(10);
    expect(await q.status('j_nope')).toBeNull();
  });

  it('keeps transient failures with their reason and retries them on request', async () => {
    const { store, open } = setup();
    const q = open();
    closers.push(() => q.close());
    let broken = true;
    const real = makeProcessor(services, store);
    const flaky: ItemProcessor = async (item, engine) => {
      if (broken && item.line % 2 === 0) throw new Error('database unreachable');
      return real(item, engine);
    };
    const sub = await q.submit(entries(articles(6)), { engine: 'lexicon' });
    q.consume(flaky, { concurrency: 2 });
    const s = await waitFor(async () => {
      const st = await q.status(sub.id);
      return st && st.counts.queued === 0 ? st : null;
    }, 20_000, 'the job to finish');
    expect(s.counts).toMatchObject({ done: 3, failed: 3 });
    expect(s.failures.every((f) => f.retryable && f.error.message === 'database unreachable')).toBe(true);
    broken = false;
    expect(await q.retry(sub.id)).toEqual({ requeued: 3 });
    expect(await q.retry('j_nope')).toBeNull();
    const s2 = await waitFor(async () => {
      const st = await q.status(sub.id);
      return st?.state === 'completed' ? st : null;
    }, 20_000, 'the retried items');
    expect(s2.counts).toEqual({ total: 6, queued: 0, done: 6, failed: 0 });
    expect(await store.countArticles()).toBe(6);
  });

  it('survives a crash mid-job: a restarted queue runs the claimed and the remaining items, nothing lost or duplicated', async () => {
    const { store, open } = setup();
    const q1 = open();
    const real = makeProcessor(services, store);
    let stored = 0;
    // the first "process" stores 8 articles, then dies with items claimed (one of them stored but not acknowledged)
    const dying: ItemProcessor = async (item, engine) => {
      if (stored >= 8) {
        if (stored === 8) {
          stored++;
          await real(item, engine); // stored, never acknowledged
        }
        return new Promise<void>(() => {}); // hangs until the crash
      }
      stored++;
      await real(item, engine);
    };
    const list = [...articles(10), ...articles(10, false).map((a, i) => ({ ...a, text: a.text + `（无编号${i}）` }))];
    const sub = await q1.submit(entries(list), { engine: 'lexicon' });
    q1.consume(dying, { concurrency: 3 });
    await waitFor(async () => stored >= 9, 20_000, 'the first process to store 9 articles');
    await new Promise((r) => setTimeout(r, 100));
    const mid = await q1.status(sub.id);
    expect(mid!.counts.done).toBe(8);
    q1.abandon(); // the crash: no drain, claimed items stay claimed

    const q2 = open();
    closers.push(() => q2.close());
    expect((await q2.status(sub.id))!.counts).toMatchObject({ total: 20, done: 8, queued: 12 });
    q2.consume(real, { concurrency: 3 });
    const s = await waitFor(async () => {
      const st = await q2.status(sub.id);
      return st?.state === 'completed' ? st : null;
    }, 20_000, 'the restarted queue to finish');
    expect(s.counts).toEqual({ total: 20, queued: 0, done: 20, failed: 0 });
    expect(await store.countArticles()).toBe(20);
    const ids = (await callerIds(store)).map((r) => r.caller_id);
    expect(new Set(ids).size).toBe(20);
    expect(ids.filter((i) => i.startsWith('art-'))).toHaveLength(10);
    expect(ids.filter((i) => i.startsWith(`${sub.id}:`))).toHaveLength(10);
  });

  it('drains on close: items in flight finish and are recorded', async () => {
    const { store, open } = setup();
    const q = open();
    const real = makeProcessor(services, store);
    const slow: ItemProcessor = async (item, engine) => {
      await new Promise((r) => setTimeout(r, 150));
      await real(item, engine);
    };
    const sub = await q.submit(entries(articles(10)), { engine: 'lexicon' });
    q.consume(slow, { concurrency: 2 });
    await waitFor(async () => q.active > 0, 5000, 'work in flight');
    await q.close();
    const q2 = open();
    closers.push(() => q2.close());
    const s = (await q2.status(sub.id))!;
    expect(s.counts.done).toBeGreaterThanOrEqual(2);
    expect(s.counts.done).toBe(await store.countArticles());
  });
});
