/**
 * The queue at scale: BullMQ on Redis. One BullMQ job per article (id
 * `${jobId}-${line}`), consumed by any number of worker processes
 * (`npm run worker`) on any number of machines. Per submitted job, Redis
 * keeps a meta hash (engine, total, times), a set of finished lines and a
 * hash of failed lines with their reasons; the counts are the sizes of those,
 * so recording an item twice (a replay after SIGKILL) counts it once.
 *
 * A worker killed mid-item stops renewing its lock; after `lockMs` BullMQ's
 * stalled-job check (in every other worker) puts the article back in the
 * queue and another worker runs it again; the store's ingest is idempotent
 * on the caller id, so the replay updates the row the first run may have
 * written.
 */
import { Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import {
  ItemFailure,
  isRejected,
  newJobId,
  rates,
  stateOf,
  type ItemProcessor,
  type JobFailure,
  type JobOptions,
  type JobQueue,
  type JobStatus,
  type SubmitEntry,
} from './types.js';
import type { ArticleInput } from '../contract/schemas.js';

export interface BullQueueOptions {
  url: string;
  /** the BullMQ queue name (one per deployment; tests use their own) */
  name?: string;
  /** a worker that stops renewing its lock for this long is presumed dead and its article is run again */
  lockMs?: number;
  /** attempts for an article failing with a transient error */
  attempts?: number;
}

interface ItemData {
  jobId: string;
  line: number;
  callerId: string;
  source: string | null;
  article: ArticleInput;
  engine: string;
}

interface FailedEntry {
  id: string | null;
  code: string;
  message: string;
  retryable: boolean;
  bull?: string;
}

const CHUNK = 500;

export class BullQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  readonly name: string;
  private readonly queue: Queue;
  private readonly redis: Redis;
  private worker: Worker | null = null;
  /** the consumer's bookkeeping connection: waits for Redis to come back (a restart) instead of failing the article */
  private workerRedis: Redis | null = null;
  private readonly connection: { url: string; maxRetriesPerRequest: null };
  private readonly lockMs: number;
  private readonly attempts: number;

  constructor(opts: BullQueueOptions) {
    this.name = opts.name ?? 'zh-news-ner-ingest';
    this.connection = { url: opts.url, maxRetriesPerRequest: null };
    this.queue = new Queue(this.name, { connection: this.connection });
    this.queue.on('error', () => undefined);
    this.redis = new Redis(opts.url, { maxRetriesPerRequest: 3 });
    this.redis.on('error', () => undefined);
    this.lockMs = opts.lockMs ?? 30_000;
    this.attempts = opts.attempts ?? 3;
  }

  private key(id: string, part: 'meta' | 'done' | 'failed') {
    return `zhner:${this.name}:job:${id}:${part}`;
  }

  async ping(): Promise<boolean> {
    return (await this.redis.ping().catch(() => '')) === 'PONG';
  }

  async depth(): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).reduce((a, n) => a + n, 0);
  }

  async submit(items: AsyncIterable<SubmitEntry> | Iterable<SubmitEntry>, opts: JobOptions) {
    const id = newJobId();
    await this.redis.hset(this.key(id, 'meta'), { engine: opts.engine, source: opts.source ?? '', created_at: Date.now(), total: 0 });
    let total = 0;
    let rejected = 0;
    let chunk: SubmitEntry[] = [];
    const write = async () => {
      if (!chunk.length) return;
      const bad = chunk.filter(isRejected);
      const good = chunk.filter((e) => !isRejected(e)) as Exclude<SubmitEntry, { error: unknown }>[];
      const m = this.redis.multi().hincrby(this.key(id, 'meta'), 'total', chunk.length);
      for (const b of bad) m.hset(this.key(id, 'failed'), String(b.line), JSON.stringify({ id: b.id, ...b.error, retryable: false } satisfies FailedEntry));
      await m.exec();
      if (good.length) {
        await this.queue.addBulk(
          good.map((e) => ({
            name: 'article',
            data: {
              jobId: id,
              line: e.line,
              callerId: e.article.id ?? `${id}:${e.line}`,
              source: e.source ?? opts.source ?? null,
              article: e.article,
              engine: opts.engine,
            } satisfies ItemData,
            opts: {
              jobId: `${id}-${e.line}`,
              attempts: this.attempts,
              backoff: { type: 'exponential', delay: 1000 },
              removeOnComplete: true,
              removeOnFail: { age: 30 * 24 * 3600 },
            },
          })),
        );
      }
      chunk = [];
    };
    for await (const e of items as AsyncIterable<SubmitEntry>) {
      total++;
      if (isRejected(e)) rejected++;
      chunk.push(e);
      if (chunk.length >= CHUNK) await write();
    }
    await write();
    return { id, total, rejected };
  }

  async status(id: string, opts: { failures?: number } = {}): Promise<JobStatus | null> {
    const replies = (await this.redis.multi().hgetall(this.key(id, 'meta')).scard(this.key(id, 'done')).hlen(this.key(id, 'failed')).exec()) ?? [];
    const [m, doneN, failed] = replies.map(([err, v]) => {
      if (err) throw err;
      return v;
    }) as [Record<string, string>, number, number];
    if (!m || !m.created_at) return null;
    const total = Number(m.total);
    const limit = opts.failures ?? 100;
    const failures: JobFailure[] = [];
    if (failed && limit > 0) {
      const all = await this.redis.hgetall(this.key(id, 'failed'));
      const lines = Object.keys(all)
        .map(Number)
        .sort((a, b) => a - b)
        .slice(0, limit);
      for (const line of lines) {
        const f = JSON.parse(all[String(line)]!) as FailedEntry;
        failures.push({ line, id: f.id, error: { code: f.code, message: f.message }, retryable: f.retryable });
      }
    }
    const num = (s: string | undefined) => (s ? Number(s) : null);
    const started = num(m.started_at);
    const last = num(m.last_at);
    const finished = doneN + failed;
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return {
      id,
      state: stateOf(total, doneN, failed, started !== null),
      engine: m.engine!,
      counts: { total, queued: Math.max(0, total - finished), done: doneN, failed },
      created_at: iso(Number(m.created_at))!,
      started_at: iso(started),
      finished_at: total > 0 && finished >= total ? iso(last) : null,
      ...rates(total, finished, started, last),
      failures,
    };
  }

  async retry(id: string) {
    if (!(await this.redis.exists(this.key(id, 'meta')))) return null;
    const all = await this.redis.hgetall(this.key(id, 'failed'));
    let requeued = 0;
    for (const [line, raw] of Object.entries(all)) {
      const f = JSON.parse(raw) as FailedEntry;
      if (!f.retryable || !f.bull) continue;
      const job = await Job.fromId<ItemData>(this.queue, f.bull);
      if (!job) continue;
      await this.redis.hdel(this.key(id, 'failed'), line);
      if ((await job.getState()) === 'failed') await job.retry('failed', { resetAttemptsMade: true });
      else await this.queue.add('article', job.data, { jobId: `${id}-${line}-r${Date.now().toString(36)}`, attempts: this.attempts, removeOnComplete: true, removeOnFail: { age: 30 * 24 * 3600 } });
      requeued++;
    }
    return { requeued };
  }

  private async recordFailure(job: Job<ItemData>, e: unknown) {
    const d = job.data;
    const entry: FailedEntry = {
      id: d.article.id ?? null,
      code: e instanceof ItemFailure ? e.code : 'internal',
      message: (e as Error)?.message ?? String(e),
      retryable: !(e instanceof ItemFailure) || e.retryable,
      bull: job.id!,
    };
    await (this.workerRedis ?? this.redis)
      .multi()
      .hset(this.key(d.jobId, 'failed'), String(d.line), JSON.stringify(entry))
      .hset(this.key(d.jobId, 'meta'), 'last_at', Date.now())
      .exec();
  }

  consume(processor: ItemProcessor, opts: { concurrency?: number } = {}) {
    if (this.worker) return;
    // `this.redis` gives up on a command after 3 reconnection attempts (the status API and readiness should
    // answer at once); the worker's own writes wait for Redis instead: an article stored while Redis restarts
    // must not be failed (and, on its last attempt, left out of the job's counts) for want of its bookkeeping.
    const redis = new Redis(this.connection.url, { maxRetriesPerRequest: null });
    redis.on('error', () => undefined);
    this.workerRedis = redis;
    this.worker = new Worker<ItemData>(
      this.name,
      async (job) => {
        const d = job.data;
        await redis.hsetnx(this.key(d.jobId, 'meta'), 'started_at', Date.now());
        try {
          await processor({ jobId: d.jobId, line: d.line, callerId: d.callerId, source: d.source, article: d.article }, d.engine);
        } catch (e) {
          const final = e instanceof ItemFailure || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
          if (final) await this.recordFailure(job, e);
          throw e instanceof ItemFailure ? new UnrecoverableError(`${e.code}: ${e.message}`) : e;
        }
        await redis
          .multi()
          .sadd(this.key(d.jobId, 'done'), String(d.line))
          .hdel(this.key(d.jobId, 'failed'), String(d.line))
          .hset(this.key(d.jobId, 'meta'), 'last_at', Date.now())
          .exec();
      },
      {
        connection: this.connection,
        concurrency: Math.max(1, opts.concurrency ?? 2),
        lockDuration: this.lockMs,
        stalledInterval: Math.max(500, Math.floor(this.lockMs / 2)),
        maxStalledCount: 10,
      },
    );
    this.worker.on('error', () => undefined);
    // an article that failed without reaching the processor's bookkeeping (stalled too often)
    this.worker.on('failed', (job, err) => {
      if (job && err?.message?.includes('stalled')) void this.recordFailure(job, err).catch(() => undefined);
    });
  }

  /** BullMQ's own counts for the whole queue (all submitted jobs). */
  async queueCounts() {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
  }

  /** Remove every key of this queue (tests, benchmarks). */
  async obliterate() {
    await this.queue.obliterate({ force: true });
    const keys = await this.redis.keys(`zhner:${this.name}:*`);
    if (keys.length) await this.redis.del(...keys);
  }

  async close() {
    // Worker.close() waits for the articles in flight to finish (graceful drain)
    await this.worker?.close();
    await this.workerRedis?.quit().catch(() => undefined);
    await this.queue.close();
    await this.redis.quit().catch(() => undefined);
  }
}
