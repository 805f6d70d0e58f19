/**
 * Rate limits shared across replicas: with Redis (TEST_REDIS_URL, default redis://127.0.0.1:6379) two app
 * instances, each with its own connection, count against one limit per key and per anonymous client;
 * without Redis each process limits in memory. Skipped when no Redis answers, unless TEST_REDIS_URL is set.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { lexiconEngine } from '../../src/pipeline/recognise/engines/lexicon.js';
import { KeyStore, hashKey } from '../../src/auth/keys.js';
import { inProcessExtractor } from '../../src/service/extractor.js';
import { RedisRateLimiter, createRateLimiter, type Limiter } from '../../src/server/middleware/rate-limit.js';
import { RateLimiter } from '../../src/server/middleware/rate-limit.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function probe(): Promise<string | null> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  try {
    await r.connect();
    await r.ping();
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    r.disconnect();
  }
}
const error = await probe();
if (error && process.env.TEST_REDIS_URL) throw new Error(`TEST_REDIS_URL is set but Redis is not reachable: ${error}`);
if (error) console.warn(`[rate-limit tests] Redis tests SKIPPED: no Redis at ${REDIS_URL} (${error})`);

const engines = new Map([['lexicon', lexiconEngine]]);
const base = { MAX_BODY_BYTES: 100_000, MAX_TEXT_CHARS: 10_000 };
const run = randomBytes(4).toString('hex');

const dir = mkdtempSync(join(tmpdir(), 'keys-'));
const file = join(dir, 'keys.json');
writeFileSync(
  file,
  JSON.stringify([
    { id: `writer-${run}`, sha256: hashKey('write-key'), scopes: ['read', 'write'], rate_per_minute: 3 },
    { id: `reader-${run}`, sha256: hashKey('read-key'), scopes: ['read'], rate_per_minute: 2 },
  ]),
);
const keys = new KeyStore(file);

const limiters: Limiter[] = [];
afterAll(async () => {
  for (const l of limiters) await l.close?.();
});

function app(rateLimiter: Limiter | null, config: Record<string, unknown> = {}) {
  if (rateLimiter) limiters.push(rateLimiter);
  return createApp({ config: { ...base, ...config }, extractor: inProcessExtractor(engines, { engine: 'lexicon' }), keys, rateLimiter });
}
// no store: a request the key lets through answers 503, one the limit stops 429
const del = (a: ReturnType<typeof app>, key: string) => a.request('/v1/articles/a_x', { method: 'DELETE', headers: { authorization: `Bearer ${key}` } });
const extract = (a: ReturnType<typeof app>) => a.request('/v1/extract', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '株洲' }) });

describe.runIf(!error)('rate limits in Redis', () => {
  it('two app instances share one limit per key', async () => {
    const prefix = `test:rl:${run}:a`;
    const a = app(new RedisRateLimiter({ redis: REDIS_URL, defaultPerMinute: 600, prefix }));
    const b = app(new RedisRateLimiter({ redis: REDIS_URL, defaultPerMinute: 600, prefix }));
    expect((await del(a, 'write-key')).status).toBe(503);
    expect((await del(b, 'write-key')).status).toBe(503);
    expect((await del(a, 'write-key')).status).toBe(503);
    const limited = await del(b, 'write-key');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await del(a, 'write-key')).status).toBe(429);
    // another key has its own limit
    expect((await a.request('/v1/entities', { headers: { authorization: 'Bearer read-key' } })).status).toBe(503);
  });

  it('and one limit per anonymous client', async () => {
    const prefix = `test:rl:${run}:b`;
    const a = app(new RedisRateLimiter({ redis: REDIS_URL, defaultPerMinute: 600, prefix }), { ANON_RATE_LIMIT_PER_MINUTE: 2 });
    const b = app(new RedisRateLimiter({ redis: REDIS_URL, defaultPerMinute: 600, prefix }), { ANON_RATE_LIMIT_PER_MINUTE: 2 });
    expect((await extract(a)).status).toBe(200);
    expect((await extract(b)).status).toBe(200);
    expect((await extract(a)).status).toBe(429);
    expect((await extract(b)).status).toBe(429);
  });

  it('REDIS_URL in the configuration is enough; without it each instance limits on its own', async () => {
    const stopping = new AbortController();
    const config = { REDIS_URL, RATE_LIMIT_PER_MINUTE: 600 };
    const mk = () => createApp({ config: { ...base, ...config }, extractor: inProcessExtractor(engines, { engine: 'lexicon' }), keys, stopping: stopping.signal });
    const [a, b] = [mk(), mk()];
    const reader = (x: ReturnType<typeof mk>) => x.request('/v1/entities', { headers: { authorization: 'Bearer read-key' } });
    expect((await reader(a)).status).toBe(503);
    expect((await reader(b)).status).toBe(503);
    expect((await reader(a)).status).toBe(429);
    stopping.abort(); // closes their Redis connections

    const m1 = app(null);
    const m2 = app(null);
    for (let i = 0; i < 3; i++) expect((await del(m1, 'write-key')).status).toBe(503);
    expect((await del(m1, 'write-key')).status).toBe(429);
    expect((await del(m2, 'write-key')).status).toBe(503); // in memory: not shared
    expect(createRateLimiter({})).toBeInstanceOf(RateLimiter);
    const l = createRateLimiter({ REDIS_URL }, `test:rl:${run}:c`);
    limiters.push(l);
    expect(l).toBeInstanceOf(RedisRateLimiter);
  });
});

describe('without Redis answering', () => {
  it('falls back to limiting in memory, per process', async () => {
    const l = new RedisRateLimiter({ redis: 'redis://127.0.0.1:1', defaultPerMinute: 2, prefix: `test:rl:${run}:down` });
    limiters.push(l);
    expect(await l.take('k')).toBe(0);
    expect(await l.take('k')).toBe(0);
    expect(await l.take('k')).toBeGreaterThan(0);
    expect(await l.take('other')).toBe(0);
  });
});
