/**
 * The embedded queue: jobs and items in a SQLite file of their own
 * (`${DATA_DIR}/jobs.db`, separate from the store), consumed inside the
 * server process. An item is claimed with a lease (state `running`,
 * `lease_until`); a process that dies mid-item leaves it `running`, and the
 * next start (or any consumer once the lease has run out) takes it again.
 * Re-running an item is safe: the store's ingest is idempotent on the
 * item's caller id. One consumer per file (the server's); submitting from
 * other processes is fine (SQLite WAL, busy timeout).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  engine TEXT NOT NULL,
  source TEXT,
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  last_at INTEGER
);
CREATE TABLE IF NOT EXISTS items (
  job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  caller_id TEXT,
  source TEXT,
  article TEXT,
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  retryable INTEGER NOT NULL DEFAULT 1,
  attempts INTEGER NOT NULL DEFAULT 0,
  lease_until INTEGER,
  error_code TEXT,
  error_message TEXT,
  seq INTEGER NOT NULL,
  PRIMARY KEY (job_id, line)
);
CREATE INDEX IF NOT EXISTS items_claim ON items (state, seq);
`;

export interface InProcessOptions {
  /** the jobs file (default `${DATA_DIR}/jobs.db`) */
  file: string;
  /** how long a claimed item stays claimed (ms); after that any consumer may take it again */
  leaseMs?: number;
  /** attempts for an item failing with a transient error (store down…) */
  attempts?: number;
  /** idle poll interval (ms) */
  pollMs?: number;
}

interface ItemRow {
  job_id: string;
  line: number;
  caller_id: string;
  source: string | null;
  article: string;
  attempts: number;
  engine: string;
}

const CHUNK = 500;

export class InProcessQueue implements JobQueue {
  readonly kind = 'inprocess' as const;
  private readonly db: Database.Database;
  private readonly leaseMs: number;
  private readonly attempts: number;
  private readonly pollMs: number;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly inflight = new Set<Promise<void>>();
  private seq: number;

  constructor(opts: InProcessOptions) {
    const file = resolve(opts.file);
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.leaseMs = opts.leaseMs ?? 10 * 60_000;
    this.attempts = opts.attempts ?? 3;
    this.pollMs = opts.pollMs ?? 500;
    this.seq = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM items').get() as { s: number }).s;
  }

  async submit(items: AsyncIterable<SubmitEntry> | Iterable<SubmitEntry>, opts: JobOptions) {
    const id = newJobId();
    this.db.prepare('INSERT INTO jobs (id, engine, source, created_at) VALUES (?, ?, ?, ?)').run(id, opts.engine, opts.source ?? null, Date.now());
    const insert = this.db.prepare(
      `INSERT INTO items (job_id, line, caller_id, source, article, state, retryable, error_code, error_message, seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job_id, line) DO NOTHING`,
    );
    let total = 0;
    let rejected = 0;
    let chunk: SubmitEntry[] = [];
    const flush = this.db.transaction((entries: SubmitEntry[]) => {
      for (const e of entries) {
        const seq = ++this.seq;
        if (isRejected(e)) insert.run(id, e.line, e.id, null, null, 'failed', 0, e.error.code, e.error.message, seq);
        else insert.run(id, e.line, e.article.id ?? `${id}:${e.line}`, e.source ?? opts.source ?? null, JSON.stringify(e.article), 'queued', 1, null, null, seq);
      }
    });
    const write = () => {
      flush(chunk);
      chunk = [];
      this.wake?.();
    };
    for await (const e of items as AsyncIterable<SubmitEntry>) {
      total++;
      if (isRejected(e)) rejected++;
      chunk.push(e);
      if (chunk.length >= CHUNK) write();
    }
    write();
    return { id, total, rejected };
  }

  async status(id: string, opts: { failures?: number } = {}): Promise<JobStatus | null> {
    const job = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as
      | { id: string; engine: string; created_at: number; started_at: number | null; last_at: number | null }
      | undefined;
    if (!job) return null;
    const c = this.db
      .prepare(
        `SELECT COUNT(*) AS total, COALESCE(SUM(state = 'done'), 0) AS done, COALESCE(SUM(state = 'failed'), 0) AS failed FROM items WHERE job_id = ?`,
      )
      .get(id) as { total: number; done: number; failed: number };
    const failures = this.db
      .prepare(`SELECT line, caller_id, article, retryable, error_code, error_message FROM items WHERE job_id = ? AND state = 'failed' ORDER BY line LIMIT ?`)
      .all(id, opts.failures ?? 100) as { line: number; caller_id: string | null; article: string | null; retryable: number; error_code: string; error_message: string }[];
    const finished = c.done + c.failed;
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const done = finished >= c.total && c.total > 0;
    return {
      id,
      state: stateOf(c.total, c.done, c.failed, job.started_at !== null),
      engine: job.engine,
      counts: { total: c.total, queued: c.total - finished, done: c.done, failed: c.failed },
      created_at: iso(job.created_at)!,
      started_at: iso(job.started_at),
      finished_at: done ? iso(job.last_at) : null,
      ...rates(c.total, finished, job.started_at, job.last_at),
      failures: failures.map(
        (f): JobFailure => ({
          line: f.line,
          id: f.article ? ((JSON.parse(f.article) as ArticleInput).id ?? null) : f.caller_id,
          error: { code: f.error_code, message: f.error_message },
          retryable: Boolean(f.retryable),
        }),
      ),
    };
  }

  async retry(id: string) {
    if (!this.db.prepare('SELECT 1 FROM jobs WHERE id = ?').get(id)) return null;
    const n = this.db
      .prepare(`UPDATE items SET state = 'queued', attempts = 0, error_code = NULL, error_message = NULL, lease_until = NULL WHERE job_id = ? AND state = 'failed' AND retryable = 1`)
      .run(id).changes;
    this.wake?.();
    return { requeued: n };
  }

  consume(processor: ItemProcessor, opts: { concurrency?: number } = {}) {
    if (this.running) return;
    this.running = true;
    const concurrency = Math.max(1, opts.concurrency ?? 2);
    // a previous process that died mid-item left it claimed: take it again now (one consumer per file)
    this.db.prepare(`UPDATE items SET state = 'queued', lease_until = NULL WHERE state = 'running'`).run();
    const claim = this.db.prepare(
      `UPDATE items SET state = 'running', lease_until = ?, attempts = attempts + 1
       WHERE rowid IN (SELECT rowid FROM items WHERE state = 'queued' OR (state = 'running' AND lease_until < ?) ORDER BY seq LIMIT ?)
       RETURNING job_id, line, caller_id, source, article, attempts, (SELECT engine FROM jobs WHERE jobs.id = items.job_id) AS engine`,
    );
    const started = this.db.prepare('UPDATE jobs SET started_at = COALESCE(started_at, ?) WHERE id = ?');
    const finish = this.db.prepare(
      `UPDATE items SET state = ?, lease_until = NULL, error_code = ?, error_message = ?, retryable = ? WHERE job_id = ? AND line = ? AND state = 'running'`,
    );
    const last = this.db.prepare('UPDATE jobs SET last_at = ? WHERE id = ?');
    const requeue = this.db.prepare(`UPDATE items SET state = 'queued', lease_until = NULL WHERE job_id = ? AND line = ? AND state = 'running'`);

    const run = async (row: ItemRow) => {
      let failure: unknown = null;
      try {
        await processor(
          { jobId: row.job_id, line: row.line, callerId: row.caller_id, source: row.source, article: JSON.parse(row.article) as ArticleInput },
          row.engine,
        );
      } catch (e) {
        failure = e;
      }
      if (!this.db.open) return; // abandoned (a simulated crash): the item stays claimed
      if (failure === null) finish.run('done', null, null, 1, row.job_id, row.line);
      else if (!(failure instanceof ItemFailure) && row.attempts < this.attempts && this.running) requeue.run(row.job_id, row.line);
      else {
        const code = failure instanceof ItemFailure ? failure.code : 'internal';
        finish.run('failed', code, (failure as Error)?.message ?? String(failure), failure instanceof ItemFailure && !failure.retryable ? 0 : 1, row.job_id, row.line);
      }
      last.run(Date.now(), row.job_id);
    };

    this.loop = (async () => {
      while (this.running) {
        const free = concurrency - this.inflight.size;
        const rows = free > 0 ? (claim.all(Date.now() + this.leaseMs, Date.now(), free) as ItemRow[]) : [];
        for (const row of rows) {
          started.run(Date.now(), row.job_id);
          const p = run(row).finally(() => {
            this.inflight.delete(p);
            this.wake?.();
          });
          this.inflight.add(p);
        }
        if (rows.length && rows.length === free) {
          await Promise.race(this.inflight);
          continue;
        }
        if (!rows.length || this.inflight.size >= concurrency) {
          await new Promise<void>((r) => {
            const t = setTimeout(r, this.pollMs);
            this.wake = () => {
              clearTimeout(t);
              this.wake = null;
              r();
            };
          });
        }
      }
    })();
  }

  async ping() {
    return this.db.open;
  }

  async depth(): Promise<number> {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM items WHERE state IN ('queued', 'running')").get() as { n: number }).n;
  }

  /** Items in flight right now (for tests and shutdown logs). */
  get active(): number {
    return this.inflight.size;
  }

  async close() {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.allSettled([...this.inflight]);
    this.db.close();
  }

  /** Test hook: stop as a crash would, leaving claimed items claimed. */
  abandon() {
    this.running = false;
    this.wake?.();
    this.db.close();
  }
}
