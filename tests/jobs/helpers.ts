/** Shared by the job tests: services over the lexicon engine, small articles, Redis/PostgreSQL probes. */
import pg from 'pg';
import { PG_URL, probePg } from '../helpers/pg.js';
import { Redis } from 'ioredis';
import { lexiconEngine } from '../../src/pipeline/recognise/engines/lexicon.js';
import type { ExtractServices } from '../../src/jobs/processor.js';
import { inProcessExtractor } from '../../src/service/extractor.js';

export { PG_URL };

export const services: ExtractServices & { config: { MAX_BODY_BYTES: number; MAX_TEXT_CHARS: number } } = {
  config: { MAX_BODY_BYTES: 1 << 20, MAX_TEXT_CHARS: 100_000 },
  extractor: inProcessExtractor(new Map([['lexicon', lexiconEngine]]), { limits: { MAX_TEXT_CHARS: 100_000 }, engine: 'lexicon' }),
};

const PEOPLE = ['刘海宾', '谢曙', '李玉龙', '王建国', '张晓明', '陈立新'];
const PLACES = ['株洲', '长沙', '湘潭', '岳阳', '衡阳', '常德'];

/** n distinct small articles (distinct text, so the content hash never merges two). */
export function articles(n: number, withIds = true) {
  return Array.from({ length: n }, (_, i) => ({
    ...(withIds ? { id: `art-${i + 1}` } : {}),
    text: `${PLACES[i % PLACES.length]}市发改委主任${PEOPLE[i % PEOPLE.length]}介绍，第${i + 1}号重点项目今年产值过${1000 + i}万元。`,
    published: '2023-03-17',
  }));
}

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function probeRedis(): Promise<string | null> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG' ? null : 'no PONG';
  } catch (e) {
    return (e as Error).message;
  } finally {
    r.disconnect();
  }
}

/** Redis and PostgreSQL both reachable? In CI (TEST_REDIS_URL / TEST_DATABASE_URL set) an unreachable server fails instead of skipping. */
export async function serversAvailable(): Promise<boolean> {
  const [r, p] = await Promise.all([probeRedis(), probePg()]);
  if (r && process.env.TEST_REDIS_URL) throw new Error(`TEST_REDIS_URL is set but Redis is not reachable: ${r}`);
  if (p && process.env.TEST_DATABASE_URL) throw new Error(`TEST_DATABASE_URL is set but PostgreSQL is not reachable: ${p}`);
  if (r || p) console.warn(`[job tests] BullMQ tests SKIPPED: ${r ? `Redis at ${REDIS_URL}: ${r}` : ''} ${p ? `PostgreSQL at ${PG_URL}: ${p}` : ''}`);
  return !r && !p;
}

/** A PostgreSQL database of the test's own (dropped by the returned function): worker processes open the store from DATABASE_URL. */
export async function tempDatabase(tag: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `jobs_${tag}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
