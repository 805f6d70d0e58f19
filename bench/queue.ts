/**
 * Articles per second through the job queues, end to end (submit → extracted
 * → stored in PostgreSQL), on realistic articles:
 *  - the in-process queue (the server's embedded default: jobs.db + SQLite store, a worker-thread pool);
 *  - BullMQ on Redis with 1 worker process (one extraction thread per core);
 *  - BullMQ with 2 worker processes (the cores split between them);
 *  - BullMQ with 2 worker processes, each with one thread per core (oversubscribed).
 * Articles: paragraphs of the CCTV news transcripts in ../shared/data/corpus
 * grouped into ~1,500-char articles; a built-in sample when ../shared is absent.
 *
 *   npm run bench:queue [-- --articles 300] [--engine lexicon|model] [--json out.json]
 * Needs Redis (REDIS_URL, default redis://127.0.0.1:6379) and PostgreSQL
 * (DATABASE_URL or TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
 * a database of its own is created and dropped).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT } from '../src/paths.js';
import { BullQueue } from '../src/jobs/bull.js';
import { InProcessQueue } from '../src/jobs/inprocess.js';
import { makeProcessor } from '../src/jobs/processor.js';
import type { JobQueue, SubmitEntry } from '../src/jobs/types.js';
import { ExtractPool } from '../src/service/pool.js';
import { PoolExtractor } from '../src/service/extractor.js';
import { openSqlite } from '../src/store/sqlite/index.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('articles') ?? 300);
const ENGINE = arg('engine') ?? 'lexicon';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PG_URL = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CORES = cpus().length;

const SAMPLE =
  '2月27日至3月8日，2023湖南服饰博览会在株洲举行。欧微时尚集团股份有限公司董事长李玉龙告诉记者，疫情防控放开后，服饰交易持续上升。' +
  '淳华氢能源科技(湖南)有限公司董事长谢曙正在谋划氢能科技产业园的布局，预计今年产值过8000万元。' +
  '中车株洲所日前与株洲市政府签约，达产后年产值将超过100亿元。株洲市发改委主任刘海宾介绍，549个重点项目建档立卡。\n';

function loadArticles(target: number, size: number): string[] {
  const part = join(ROOT, '..', 'shared', 'data', 'corpus', 'xwlb_chinadata', 'part-011.txt.xz');
  const out: string[] = [];
  if (existsSync(part)) {
    const lines = execFileSync('xz', ['-dc', part], { maxBuffer: 1 << 30 }).toString('utf8').split('\n').filter(Boolean);
    let cur = '';
    for (const l of lines) {
      cur += l + '\n';
      if (cur.length >= size) {
        out.push(cur);
        cur = '';
        if (out.length >= target) break;
      }
    }
  }
  // the sample, made distinct per article so the store's content hash never merges two
  for (let i = out.length; i < target; i++) out.push(`第${i}篇。` + SAMPLE.repeat(Math.ceil(size / SAMPLE.length)));
  return out;
}

function entries(texts: string[], tag: string): SubmitEntry[] {
  return texts.map((text, i) => ({ line: i + 1, article: { id: `${tag}-${i + 1}`, text, published: '2023-03-17' }, source: 'bench' }));
}

async function waitDone(q: JobQueue, id: string, timeoutMs = 20 * 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = await q.status(id, { failures: 5 });
    if (s && s.counts.queued === 0) return s;
    if (Date.now() > end) throw new Error(`job ${id} did not finish: ${JSON.stringify(s?.counts)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `jobs_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  try {
    return await fn(u.toString());
  } finally {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
}

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ENGINE, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.on('message', (m: { type?: string }) => m?.type === 'ready' && resolve(child));
    child.on('exit', (c) => reject(new Error(`worker exited with ${c}`)));
  });
}

interface Row {
  setup: string;
  processes: number;
  threads_per_process: number;
  articles: number;
  failed: number;
  seconds: number;
  articles_per_s: number;
  chars_per_s: number;
}

async function main() {
  const texts = loadArticles(N, 1500);
  const chars = texts.reduce((a, t) => a + t.length, 0);
  console.log(`machine: ${CORES} cores (${cpus()[0]?.model}), node ${process.version}; engine ${ENGINE}`);
  console.log(`articles: ${texts.length}, ${chars} chars (~${Math.round(chars / texts.length)} per article)`);
  const rows: Row[] = [];
  let storeCeiling: number | null = null;
  const record = (setup: string, processes: number, threads: number, seconds: number, failed: number) => {
    const r = { setup, processes, threads_per_process: threads, articles: texts.length, failed, seconds: Math.round(seconds * 100) / 100, articles_per_s: Math.round((texts.length / seconds) * 10) / 10, chars_per_s: Math.round(chars / seconds) };
    rows.push(r);
    console.log(`  ${setup}: ${r.articles_per_s} articles/s (${r.seconds} s${failed ? `, ${failed} failed` : ''})`);
  };

  // 1. the in-process queue (SQLite jobs.db + SQLite store), the server's embedded default
  {
    const dir = mkdtempSync(join(tmpdir(), 'bench-queue-'));
    const pool = new ExtractPool({ size: CORES, deadlineMs: 60_000, env: { ORT_THREADS: '1', ENGINE } });
    await pool.ready();
    const store = openSqlite(join(dir, 'store.db'));
    const q = new InProcessQueue({ file: join(dir, 'jobs.db'), pollMs: 20 });
    q.consume(makeProcessor({ extractor: new PoolExtractor(pool, { MAX_TEXT_CHARS: 1_000_000 }, ENGINE) }, store), { concurrency: 2 * CORES });
    const t0 = performance.now();
    const sub = await q.submit(entries(texts, 'inproc'), { engine: ENGINE });
    const s = await waitDone(q, sub.id);
    record('in-process queue (SQLite store)', 1, CORES, (performance.now() - t0) / 1000, s.counts.failed);
    await q.close();
    await pool.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }

  // the shared store's ceiling: PostgreSQL ingest alone (results computed beforehand), 8 writers at once
  {
    const { lexiconEngine } = await import('../src/pipeline/recognise/engines/lexicon.js');
    const { extractArticle } = await import('../src/service/extract.js');
    const { openPostgres } = await import('../src/store/postgres/index.js');
    const { createPipeline } = await import('../src/pipeline/pipeline.js');
    const pipeline = createPipeline({ engines: new Map([['lexicon', lexiconEngine]]) });
    const base = await Promise.all(texts.slice(0, 20).map((text) => extractArticle(pipeline, { text, published: '2023-03-17' })));
    await withDatabase(async (url) => {
      const store = await openPostgres(url, { max: 8 });
      const results = Array.from({ length: 400 }, (_, i) => {
        const r = structuredClone(base[i % base.length]!);
        r.text += `\n${i}`; // distinct content hash; offsets unchanged
        return r;
      });
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < results.length) {
            const i = next++;
            await store.ingest({ callerId: `pg-${i}`, source: 'bench' }, results[i]!);
          }
        }),
      );
      const secs = (performance.now() - t0) / 1000;
      const perS = Math.round((results.length / secs) * 10) / 10;
      console.log(`  PostgreSQL ingest alone (8 writers, ~${Math.round(base.reduce((a, r) => a + r.mentions.length, 0) / base.length)} mentions per article): ${perS} articles/s`);
      storeCeiling = perS;
      await store.close();
    });
  }

  // 2–4. BullMQ with worker processes, storing in PostgreSQL
  const setups: [string, number, number][] = [
    ['BullMQ, 1 worker process', 1, CORES],
    ['BullMQ, 2 worker processes', 2, Math.max(1, Math.floor(CORES / 2))],
    ['BullMQ, 2 worker processes (oversubscribed)', 2, CORES],
  ];
  for (const [setup, processes, threads] of setups) {
    await withDatabase(async (url) => {
      const name = `bench-${Date.now().toString(36)}`;
      const env = { REDIS_URL, DATABASE_URL: url, QUEUE_NAME: name, EXTRACT_WORKERS: String(threads) };
      const first = await startWorker(env); // the first one migrates the database alone
      const workers = [first, ...(await Promise.all(Array.from({ length: processes - 1 }, () => startWorker(env))))];
      const q = new BullQueue({ url: REDIS_URL, name });
      try {
        const t0 = performance.now();
        const sub = await q.submit(entries(texts, name), { engine: ENGINE });
        const s = await waitDone(q, sub.id);
        record(setup, processes, threads, (performance.now() - t0) / 1000, s.counts.failed);
      } finally {
        for (const w of workers) w.kill('SIGTERM');
        await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.on('exit', r)))));
        await q.obliterate();
        await q.close();
      }
    });
  }

  console.log('\n| setup | processes × threads | articles/s | chars/s | seconds |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.setup} | ${r.processes} × ${r.threads_per_process} | ${r.articles_per_s} | ${r.chars_per_s} | ${r.seconds} |`);
  if (storeCeiling !== null) console.log(`\nPostgreSQL ingest alone (8 writers, extraction excluded): ${storeCeiling} articles/s`);
  const out = arg('json');
  if (out) writeFileSync(out, JSON.stringify({ cores: CORES, engine: ENGINE, articles: texts.length, chars, rows, postgres_ingest_per_s: storeCeiling }, null, 2));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
