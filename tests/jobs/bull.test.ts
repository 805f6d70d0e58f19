/**
 * The BullMQ queue against the real Redis and PostgreSQL: two worker
 * processes (`src/worker.ts`), one killed with SIGKILL mid-job; the
 * stored collection ends up complete with no duplicates. Then SIGTERM drains,
 * and failures are kept with their reasons and retried.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { BullQueue } from '../../src/jobs/bull.js';
import { makeProcessor, toEntry } from '../../src/jobs/processor.js';
import { openPostgres } from '../../src/store/postgres/index.js';
import { ROOT } from '../../src/paths.js';
import { REDIS_URL, articles, serversAvailable, services, tempDatabase, waitFor } from './helpers.js';

const available = await serversAvailable();
const entries = (list: unknown[]) => list.map((a, i) => toEntry(services, i + 1, a, 'lexicon'));

function startWorker(env: Record<string, string>): ChildProcess & { exited: Promise<number | null>; log: string[] } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, ENGINE: 'lexicon', MODEL_DIR: '/nonexistent', EXTRACT_WORKERS: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  }) as ChildProcess & { exited: Promise<number | null>; log: string[] };
  child.log = [];
  child.stdout!.on('data', (d) => child.log.push(String(d)));
  child.stderr!.on('data', (d) => child.log.push(String(d)));
  child.exited = new Promise((r) => child.on('exit', (code) => r(code)));
  return child;
}
const ready = (w: ReturnType<typeof startWorker>) =>
  new Promise<void>((resolve, reject) => {
    w.on('message', (m: { type?: string }) => m?.type === 'ready' && resolve());
    void w.exited.then((c) => reject(new Error(`worker exited (${c}) before it was ready: ${w.log.join('')}`)));
  });

describe.skipIf(!available)('BullMQ queue (Redis + PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof tempDatabase>>;
  const children: ReturnType<typeof startWorker>[] = [];
  const queues: BullQueue[] = [];
  const name = (tag: string) => `test-${tag}-${process.pid}-${Date.now().toString(36)}`;

  beforeAll(async () => {
    db = await tempDatabase('bull');
    // migrate once here so the workers don't race for it
    await (await openPostgres(db.url)).close();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const q of queues) {
      await q.obliterate().catch(() => undefined);
      await q.close().catch(() => undefined);
    }
    await db?.drop();
  });

  async function stored() {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      const { rows } = await c.query<{ caller_id: string; n: number }>('SELECT caller_id, COUNT(*)::int AS n FROM articles GROUP BY caller_id');
      return rows;
    } finally {
      await c.end();
    }
  }
  async function truncate() {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    await c.query('TRUNCATE articles CASCADE');
    await c.end();
  }

  it('two workers, one killed with SIGKILL mid-job: every article stored exactly once', async () => {
    const queueName = name('kill');
    const env = { REDIS_URL, DATABASE_URL: db.url, QUEUE_NAME: queueName, QUEUE_LOCK_MS: '1500', QUEUE_CONCURRENCY: '3', QUEUE_TEST_DELAY_MS: '40' };
    const a = startWorker(env);
    const b = startWorker(env);
    children.push(a, b);
    await Promise.all([ready(a), ready(b)]);
    const q = new BullQueue({ url: REDIS_URL, name: queueName, lockMs: 1500 });
    queues.push(q);
    const list = [...articles(40), ...articles(20, false).map((x, i) => ({ ...x, text: `${x.text}（无编号${i}）` }))];
    const sub = await q.submit(entries(list), { engine: 'lexicon', source: 'kill-test' });
    expect(sub).toMatchObject({ total: 60, rejected: 0 });
    await waitFor(async () => ((await q.status(sub.id))!.counts.done >= 12 ? true : null), 30_000, '12 articles done', 20);
    expect((await q.queueCounts()).active).toBeGreaterThan(0);
    a.kill('SIGKILL');
    expect(await a.exited).toBeNull();
    const s = await waitFor(async () => {
      const st = await q.status(sub.id);
      return st?.state === 'completed' ? st : null;
    }, 45_000, 'the surviving worker to finish the job');
    expect(s.counts).toEqual({ total: 60, queued: 0, done: 60, failed: 0 });
    expect(s.throughput).toBeGreaterThan(0);
    const rows = await stored();
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(rows.filter((r) => r.caller_id.startsWith('art-'))).toHaveLength(40);
    expect(rows.filter((r) => r.caller_id.startsWith(`${sub.id}:`))).toHaveLength(20);
    b.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  });

  it('SIGTERM drains: the worker finishes what it took, then exits 0; another worker finishes the rest', async () => {
    await truncate();
    const queueName = name('term');
    const env = { REDIS_URL, DATABASE_URL: db.url, QUEUE_NAME: queueName, QUEUE_LOCK_MS: '30000', QUEUE_CONCURRENCY: '4', QUEUE_TEST_DELAY_MS: '100' };
    const a = startWorker(env);
    children.push(a);
    await ready(a);
    const q = new BullQueue({ url: REDIS_URL, name: queueName });
    queues.push(q);
    const sub = await q.submit(entries(articles(30)), { engine: 'lexicon' });
    await waitFor(async () => ((await q.queueCounts()).active > 0 ? true : null), 20_000, 'articles in flight', 20);
    a.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    // nothing left claimed by the stopped worker (with a 30 s lock, a stalled article would still be active)
    expect((await q.queueCounts()).active).toBe(0);
    const mid = (await q.status(sub.id))!;
    expect(mid.counts.done).toBeGreaterThan(0);
    expect(mid.counts.done).toBe((await stored()).length);
    const b = startWorker(env);
    children.push(b);
    await ready(b);
    await waitFor(async () => ((await q.status(sub.id))?.state === 'completed' ? true : null), 30_000, 'the second worker to finish');
    expect(await stored()).toHaveLength(30);
    b.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  });

  it('keeps failures with their reasons and retries them (in-process consumer)', async () => {
    await truncate();
    const queueName = name('retry');
    const q = new BullQueue({ url: REDIS_URL, name: queueName, attempts: 1 });
    queues.push(q);
    const store = await openPostgres(db.url);
    let broken = true;
    const real = makeProcessor(services, store);
    q.consume(async (item, engine) => {
      if (broken && item.line > 3) throw new Error('database unreachable');
      return real(item, engine);
    });
    const sub = await q.submit(entries([...articles(5), { html: '' }]), { engine: 'lexicon' });
    expect(sub).toMatchObject({ total: 6, rejected: 1 });
    const s = await waitFor(async () => {
      const st = await q.status(sub.id);
      return st && st.counts.queued === 0 ? st : null;
    }, 20_000, 'the job to finish');
    expect(s.state).toBe('completed_with_failures');
    expect(s.counts).toEqual({ total: 6, queued: 0, done: 3, failed: 3 });
    expect(s.failures.map((f) => [f.line, f.retryable])).toEqual([
      [4, true],
      [5, true],
      [6, false],
    ]);
    expect(s.failures[0]!.error.message).toBe('database unreachable');
    broken = false;
    expect(await q.retry(sub.id)).toEqual({ requeued: 2 });
    const s2 = await waitFor(async () => {
      const st = await q.status(sub.id);
      return st && st.counts.done === 5 ? st : null;
    }, 20_000, 'the retried articles');
    expect(s2.counts).toEqual({ total: 6, queued: 0, done: 5, failed: 1 });
    expect(await store.countArticles()).toBe(5);
    await store.close();
  });
});
