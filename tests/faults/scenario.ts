/**
 * The "PostgreSQL and Redis restart in the middle of an ingestion job" fault
 * scenario, shared by `tests/faults/restart.test.ts` (CI) and
 * `bench/faults.ts` (`npm run bench:faults`, prints what happened).
 *
 * It never touches the shared servers (5432 / 6379, used by other test files
 * in parallel): it starts throwaway ones on free ports under a temporary
 * directory and restarts those —
 *  - Redis with AOF (`--appendonly yes --appendfsync always`, the documented
 *    production setting), restarted with `redis-cli shutdown` + a new
 *    `redis-server` on the same directory and port;
 *  - PostgreSQL 15 (initdb as the `postgres` OS user; initdb refuses root),
 *    stopped with a fast shutdown (SIGINT to the postmaster, as `pg_ctl stop
 *    -m fast` does) at a moment when an ingest transaction is open, then
 *    started again with `pg_ctl start`.
 * Two worker processes (`src/worker.ts`) consume a job of N small
 * articles (QUEUE_TEST_DELAY_MS makes each take a while); PostgreSQL is
 * restarted, then Redis, while the job runs; then the job must complete and
 * the store must hold every article exactly once, with its mentions.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { BullQueue } from '../../src/jobs/bull.js';
import { toEntry } from '../../src/jobs/processor.js';
import type { JobStatus } from '../../src/jobs/types.js';
import { openPostgres } from '../../src/store/postgres/index.js';
import { ROOT } from '../../src/paths.js';
import { articles, services } from '../jobs/helpers.js';

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Why the scenario cannot run here (null when it can). */
export function missingTools(): string | null {
  const missing: string[] = [];
  if (!existsSync(join(PG_BIN, 'initdb')) || !existsSync(join(PG_BIN, 'pg_ctl'))) missing.push(`${PG_BIN}/initdb and pg_ctl`);
  if (!which('redis-server') || !which('redis-cli')) missing.push('redis-server and redis-cli');
  if (!which('su')) missing.push('su');
  return missing.length ? `not found: ${missing.join(', ')}` : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], what: string) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout || r.error?.message}`);
  return r.stdout;
}

const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const asPostgres = (cmd: string) => (process.getuid?.() === 0 ? ['su', ['postgres', '-s', '/bin/sh', '-c', cmd]] : ['sh', ['-c', cmd]]) as [string, string[]];

async function until(fn: () => Promise<boolean>, timeoutMs: number, what: string, everyMs = 50) {
  const end = Date.now() + timeoutMs;
  while (!(await fn().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** A throwaway Redis (AOF, fsync always) on a free port. */
export class ThrowawayRedis {
  child: ChildProcess | null = null;
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(dir: string) {
    mkdirSync(dir, { recursive: true });
    const r = new ThrowawayRedis(dir, await freePort());
    try {
      await r.up();
    } catch (e) {
      await r.kill();
      throw e;
    }
    return r;
  }

  private async ping() {
    const c = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
    c.on('error', () => undefined);
    try {
      await c.connect();
      return (await c.ping()) === 'PONG';
    } finally {
      c.disconnect();
    }
  }

  async up() {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--logfile', join(this.dir, 'redis.log')],
      { stdio: 'ignore' },
    );
    this.child = child;
    await until(async () => {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}); see ${this.dir}/redis.log`);
      return this.ping();
    }, 20_000, 'redis-server to answer');
  }

  /** `redis-cli shutdown` (fsyncs the AOF) and wait for the process to exit. */
  async down() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    spawnSync('redis-cli', ['-p', String(this.port), 'shutdown'], { stdio: 'ignore', timeout: 10_000 });
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }

  async kill() {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((r) => this.child!.once('exit', r));
      this.child.kill('SIGKILL');
      await exited;
    }
  }
}

/** A throwaway PostgreSQL cluster (trust auth) on a free port, run as the `postgres` OS user. */
export class ThrowawayPostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}
  get data() {
    return join(this.dir, 'pg');
  }
  url(db = 'faults') {
    return `postgres://postgres@127.0.0.1:${this.port}/${db}`;
  }

  static async start(dir: string) {
    mkdirSync(dir, { recursive: true });
    if (process.getuid?.() === 0) chownSync(dir, uidOf('postgres'), gidOf('postgres'));
    const p = new ThrowawayPostgres(dir, await freePort());
    run(...asPostgres(`${shq(join(PG_BIN, 'initdb'))} -D ${shq(p.data)} -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8`), 'initdb');
    try {
      await p.up();
      const c = new pg.Client({ connectionString: p.url('postgres') });
      await c.connect();
      await c.query('CREATE DATABASE faults');
      await c.end();
    } catch (e) {
      await p.destroy();
      throw e;
    }
    return p;
  }

  private pgCtl(args: string) {
    return run(...asPostgres(`${shq(join(PG_BIN, 'pg_ctl'))} -D ${shq(this.data)} ${args}`), `pg_ctl ${args.split(' ')[0]}`);
  }

  async up() {
    // fsync off: a throwaway cluster; `-m fast` still writes a clean shutdown checkpoint
    this.pgCtl(`-o ${shq(`-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`)} -l ${shq(join(this.dir, 'pg.log'))} -w -t 30 start`);
  }

  /**
   * Fast shutdown (what `pg_ctl stop -m fast` sends: SIGINT to the postmaster): open transactions are rolled
   * back, sessions terminated (57P01), the server exits. With `whenBusy`, first wait (up to 5 s) until a
   * client session of the database is inside a transaction, so the restart lands mid-ingest; returns whether
   * one was.
   */
  async down(whenBusy = false): Promise<{ busy: boolean; waitedMs: number }> {
    let busy = false;
    const t = now();
    if (whenBusy) {
      const c = new pg.Client({ connectionString: this.url() });
      c.on('error', () => undefined);
      await c.connect();
      const end = Date.now() + 5000;
      while (!busy && Date.now() < end) {
        const { rows } = await c.query<{ n: number }>(
          "SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND xact_start IS NOT NULL",
        );
        busy = rows[0]!.n > 0;
      }
      void c.end().catch(() => undefined);
    }
    const waitedMs = Math.round(now() - t);
    const pid = Number(readFileSync(join(this.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGINT');
    await until(async () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    }, 30_000, 'PostgreSQL to stop', 10);
    return { busy, waitedMs };
  }

  async destroy() {
    if (existsSync(join(this.data, 'postmaster.pid'))) {
      try {
        this.pgCtl('-m immediate -w -t 30 stop');
      } catch {
        /* already stopped */
      }
    }
  }
}

function idOf(flag: '-u' | '-g', user: string) {
  return Number(run('id', [flag, user], `id ${flag} ${user}`).trim());
}
const uidOf = (u: string) => idOf('-u', u);
const gidOf = (u: string) => idOf('-g', u);

type Worker = ChildProcess & { exited: Promise<number | null>; log: string[] };

function startWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, ENGINE: 'lexicon', MODEL_DIR: '/nonexistent', EXTRACT_WORKERS: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  }) as Worker;
  child.log = [];
  child.stdout!.on('data', (d) => child.log.push(String(d)));
  child.stderr!.on('data', (d) => child.log.push(String(d)));
  child.exited = new Promise((r) => child.on('exit', (code, signal) => r(code ?? (signal ? -1 : null))));
  return child;
}
const ready = (w: Worker) =>
  new Promise<void>((resolve, reject) => {
    w.on('message', (m: { type?: string }) => m?.type === 'ready' && resolve());
    void w.exited.then((c) => reject(new Error(`worker exited (${c}) before it was ready: ${w.log.join('')}`)));
  });

export interface ScenarioOptions {
  /** articles in the job */
  articles?: number;
  /** worker processes */
  workers?: number;
  /** articles in flight per worker */
  concurrency?: number;
  /** QUEUE_TEST_DELAY_MS: wait before and after each store (makes the job last) */
  delayMs?: number;
  /** how long each server stays down between its stop and its start */
  downMs?: number;
  /** give up on the job after this long */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface Event {
  /** ms since the job was submitted */
  t: number;
  what: string;
  /** the job's done count (null while Redis is down) */
  done: number | null;
}

export interface ScenarioReport {
  articles: number;
  job: string;
  submitMs: number;
  totalMs: number;
  events: Event[];
  postgres: { midTransaction: boolean; stopMs: number; downMs: number; startMs: number; doneBefore: number; doneAfter: number };
  redis: { stopMs: number; downMs: number; startMs: number; doneBefore: number; doneAfter: number; keysBefore: number; keysAfter: number };
  status: JobStatus;
  bullmq: Record<string, number>;
  /** BullMQ events tallied from the queue's event stream (kept across the restart by the AOF) */
  events_stream: Record<string, number>;
  /** the stream's events other than added/waiting/active/completed, t in ms since the submit */
  events_log: Record<string, string | number>[];
  stored: { articles: number; distinctCallerIds: number; duplicates: number; withoutMentions: number; mentionCountMismatches: number; entityCounterMismatches: number; missing: string[] };
  workers: { pid: number; alive: boolean; exitCode: number | null; log: string }[];
  pgLogErrors: string[];
}

export interface Scenario {
  run(): Promise<ScenarioReport>;
  cleanup(): Promise<void>;
}

/** Set up the throwaway servers and workers lazily in run(); cleanup() always tears everything down. */
export function scenario(opts: ScenarioOptions = {}): Scenario {
  const N = opts.articles ?? 80;
  const nWorkers = opts.workers ?? 2;
  const concurrency = opts.concurrency ?? 2;
  const delayMs = opts.delayMs ?? 250;
  const downMs = opts.downMs ?? 2000;
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const log = opts.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'faults-restart-'));
  chmodSync(dir, 0o755); // the postgres OS user must reach its data directory inside
  let redis: ThrowawayRedis | null = null;
  let postgres: ThrowawayPostgres | null = null;
  const workers: Worker[] = [];
  let queue: BullQueue | null = null;

  async function cleanup() {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await Promise.all(workers.map((w) => Promise.race([w.exited, sleep(5000)])));
    await queue?.close().catch(() => undefined);
    await redis?.kill().catch(() => undefined);
    await postgres?.destroy().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }

  async function run(): Promise<ScenarioReport> {
    const t0 = now();
    // assigned one by one so that cleanup() stops whichever started when the other fails
    const starting = [ThrowawayRedis.start(join(dir, 'redis')).then((r) => (redis = r)), ThrowawayPostgres.start(join(dir, 'postgres')).then((p) => (postgres = p))];
    await Promise.allSettled(starting);
    await Promise.all(starting);
    if (!redis || !postgres) throw new Error('unreachable');
    const dbUrl = postgres.url();
    log(`servers up in ${Math.round(now() - t0)} ms: Redis ${redis.url} (AOF), PostgreSQL ${dbUrl}`);
    // migrate once here so the workers don't race for it
    await (await openPostgres(dbUrl)).close();

    const queueName = `faults-${process.pid}-${Date.now().toString(36)}`;
    const env = {
      REDIS_URL: redis.url,
      DATABASE_URL: dbUrl,
      QUEUE_NAME: queueName,
      QUEUE_CONCURRENCY: String(concurrency),
      QUEUE_LOCK_MS: '10000',
      QUEUE_TEST_DELAY_MS: String(delayMs),
    };
    for (let i = 0; i < nWorkers; i++) workers.push(startWorker(env));
    await Promise.all(workers.map(ready));
    log(`${nWorkers} workers ready (pids ${workers.map((w) => w.pid).join(', ')}), ${concurrency} articles in flight each, QUEUE_TEST_DELAY_MS=${delayMs}`);

    queue = new BullQueue({ url: redis.url, name: queueName, lockMs: 10_000 });
    const q = queue;
    const list = [...articles(Math.ceil(N / 2)), ...articles(N - Math.ceil(N / 2), false).map((x, i) => ({ ...x, text: `${x.text}（无编号${i}）` }))];
    const tSubmit = now();
    const sub = await q.submit(
      list.map((a, i) => toEntry(services, i + 1, a, 'lexicon')),
      { engine: 'lexicon', source: 'faults' },
    );
    const submitMs = now() - tSubmit;
    const tJob = now();
    const jobEpoch = Date.now();
    const events: Event[] = [];
    const status = async () => q.status(sub.id).catch(() => null);
    const done = async () => (await status())?.counts.done ?? null;
    const event = async (what: string) => {
      const e = { t: Math.round(now() - tJob), what, done: await done() };
      events.push(e);
      log(`  +${(e.t / 1000).toFixed(2)} s  ${what}${e.done === null ? '' : `  (done ${e.done}/${N})`}`);
      return e;
    };
    const waitDone = async (n: number, what: string) => {
      const end = Date.now() + timeoutMs;
      while (((await done()) ?? -1) < n) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        if (workers.every((w) => w.exitCode !== null || w.signalCode !== null)) throw new Error(`every worker exited while waiting for ${what}: ${workers.map((w) => w.log.join('')).join('\n')}`);
        await sleep(50);
      }
    };
    await event(`job ${sub.id} submitted: ${sub.total} articles in ${Math.round(submitMs)} ms`);

    // --- PostgreSQL restart
    await waitDone(Math.floor(N * 0.15), 'the first articles');
    const pgBefore = (await event('PostgreSQL: waiting for an open ingest transaction, then fast shutdown (SIGINT to the postmaster)')).done!;
    let t = now();
    const { busy: midTransaction, waitedMs } = await postgres.down(true);
    const pgStop = now() - t - waitedMs;
    await event(
      `PostgreSQL: down (${midTransaction ? `a transaction was open at the shutdown, seen after ${waitedMs} ms` : 'no transaction seen open within 5 s'}; the shutdown took ${Math.round(pgStop)} ms)`,
    );
    await sleep(downMs);
    t = now();
    await postgres.up();
    const pgStart = now() - t;
    await event(`PostgreSQL: up again (start took ${Math.round(pgStart)} ms)`);
    const pgDown = Math.round(pgStop + downMs + pgStart);

    // --- Redis restart, once the workers have stored more articles in the restarted PostgreSQL
    await waitDone(Math.floor(N * 0.45), 'articles stored after the PostgreSQL restart');
    const pgAfter = (await done())!;
    const keys = async () => {
      const c = new Redis(redis!.url, { maxRetriesPerRequest: 1 });
      c.on('error', () => undefined);
      try {
        return (await c.keys('*')).length;
      } finally {
        c.disconnect();
      }
    };
    const keysBefore = await keys();
    const redisBefore = (await event(`Redis: shutting down (redis-cli shutdown; ${keysBefore} keys)`)).done!;
    t = now();
    await redis.down();
    const redisStop = now() - t;
    await event(`Redis: down (shutdown took ${Math.round(redisStop)} ms)`);
    await sleep(downMs);
    t = now();
    await redis.up();
    const redisStart = now() - t;
    const keysAfter = await keys();
    await event(`Redis: up again (start took ${Math.round(redisStart)} ms; ${keysAfter} keys after replaying the AOF)`);
    const redisDown = Math.round(redisStop + downMs + redisStart);

    // --- the end of the job
    const end = Date.now() + timeoutMs;
    let st: JobStatus | null = null;
    for (;;) {
      st = await status();
      if (st && st.counts.queued === 0) break;
      if (Date.now() > end) throw new Error(`the job did not finish within ${timeoutMs} ms: ${JSON.stringify(st?.counts)}; bullmq ${JSON.stringify(await q.queueCounts().catch(() => null))}\n${workers.map((w) => w.log.join('')).join('\n')}`);
      if (workers.every((w) => w.exitCode !== null || w.signalCode !== null)) throw new Error(`every worker exited: ${workers.map((w) => w.log.join('')).join('\n')}`);
      await sleep(50);
    }
    const redisAfter = st.counts.done;
    await event(`job finished: ${st.state}`);
    const totalMs = now() - tJob;
    const bullmq = await q.queueCounts();

    const eventsStream: Record<string, number> = {};
    const streamLog: Record<string, string | number>[] = [];
    {
      const c = new Redis(redis.url);
      c.on('error', () => undefined);
      const entries = (await c.xrange(`bull:${queueName}:events`, '-', '+')) as [string, string[]][];
      for (const [sid, fields] of entries) {
        const f: Record<string, string> = {};
        for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]!] = fields[i + 1]!;
        const name = f.event ?? '?';
        eventsStream[name] = (eventsStream[name] ?? 0) + 1;
        if (name !== 'waiting' && name !== 'active' && name !== 'added' && name !== 'completed')
          streamLog.push({ t: Number(sid.split('-')[0]) - jobEpoch, ...f });
      }
      c.disconnect();
    }

    const stored = await checkStore(dbUrl, list.map((a, i) => ('id' in a && a.id ? (a.id as string) : `${sub.id}:${i + 1}`)));
    const pgLog = readFileSync(join(dir, 'postgres', 'pg.log'), 'utf8');
    const pgLogErrors = pgLog.split('\n').filter((l) => /\b(ERROR|FATAL|PANIC):/.test(l));
    return {
      articles: N,
      job: sub.id,
      submitMs: Math.round(submitMs),
      totalMs: Math.round(totalMs),
      events,
      postgres: { midTransaction, stopMs: Math.round(pgStop), downMs: pgDown, startMs: Math.round(pgStart), doneBefore: pgBefore, doneAfter: pgAfter },
      redis: { stopMs: Math.round(redisStop), downMs: redisDown, startMs: Math.round(redisStart), doneBefore: redisBefore, doneAfter: redisAfter, keysBefore, keysAfter },
      status: st,
      bullmq,
      events_stream: eventsStream,
      events_log: streamLog,
      stored,
      workers: workers.map((w) => ({ pid: w.pid!, alive: w.exitCode === null && w.signalCode === null, exitCode: w.exitCode, log: w.log.join('') })),
      pgLogErrors,
    };
  }

  return { run, cleanup };
}

async function checkStore(url: string, expected: string[]) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const one = async (sql: string) => Number(Object.values((await c.query(sql)).rows[0] as Record<string, unknown>)[0]);
    const { rows } = await c.query<{ caller_id: string; n: number }>('SELECT caller_id, COUNT(*)::int AS n FROM articles GROUP BY caller_id');
    const have = new Set(rows.map((r) => r.caller_id));
    return {
      articles: await one('SELECT COUNT(*) FROM articles'),
      distinctCallerIds: rows.length,
      duplicates: rows.filter((r) => r.n > 1).length,
      withoutMentions: await one('SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)'),
      mentionCountMismatches: await one('SELECT COUNT(*) FROM articles a WHERE a.mention_count <> (SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id)'),
      entityCounterMismatches: await one(
        'SELECT COUNT(*) FROM entities e WHERE e.article_count <> (SELECT COUNT(*) FROM article_entities ae WHERE ae.entity_id = e.id) OR e.mention_count <> (SELECT COALESCE(SUM(ae.mention_count), 0) FROM article_entities ae WHERE ae.entity_id = e.id)',
      ),
      missing: expected.filter((id) => !have.has(id)),
    };
  } finally {
    await c.end();
  }
}
