import { inProcessExtractor } from '../../src/service/extractor.js';
import { mkdtempSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { createApp } from '../../src/server/app.js';
import { lexiconEngine } from '../../src/pipeline/recognise/engines/lexicon.js';
import { KeyStore, hashKey } from '../../src/auth/keys.js';
import { concurrencyLimit } from '../../src/server/middleware/concurrency.js';
import { RateLimiter } from '../../src/server/middleware/rate-limit.js';
import { errorResponse } from '../../src/server/errors.js';
import { InProcessQueue } from '../../src/jobs/inprocess.js';
import { openSqlite } from '../../src/store/sqlite/index.js';

const engines = new Map([['lexicon', lexiconEngine]]);
const base = { MAX_BODY_BYTES: 100_000, MAX_TEXT_CHARS: 10_000 };

function keyFile(entries: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'keys-'));
  const file = join(dir, 'keys.json');
  writeFileSync(file, JSON.stringify(entries));
  return file;
}

const post = (app: ReturnType<typeof createApp>, path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('API keys', () => {
  const file = keyFile([
    { id: 'reader', sha256: hashKey('read-key'), scopes: ['read'] },
    { id: 'writer', sha256: hashKey('write-key'), scopes: ['read', 'write'], rate_per_minute: 2 },
  ]);
  const keys = new KeyStore(file);

  it('leaves extraction open by default and protects it when configured', async () => {
    const open = createApp({ config: base, extractor: inProcessExtractor(engines, { engine: 'lexicon' }), keys });
    expect((await post(open, '/v1/extract', { text: '株洲' })).status).toBe(200);
    const closed = createApp({ config: { ...base, EXTRACT_REQUIRES_KEY: true }, extractor: inProcessExtractor(engines, { engine: 'lexicon' }), keys });
    const res = await post(closed, '/v1/extract', { text: '株洲' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    expect((await post(closed, '/v1/extract', { text: '株洲' }, { authorization: 'Bearer read-key' })).status).toBe(200);
    expect((await post(closed, '/v1/extract', { text: '株洲' }, { 'x-api-key': 'read-key' })).status).toBe(200);
    expect((await post(closed, '/v1/extract', { text: '株洲' }, { authorization: 'Bearer wrong' })).status).toBe(401);
  });

  it('rate-limits anonymous extraction per client when keys are on (a key lifts it to the key\'s limit)', async () => {
    const app = createApp({ config: { ...base, ANON_RATE_LIMIT_PER_MINUTE: 2 }, extractor: inProcessExtractor(engines, { engine: 'lexicon' }), keys });
    expect((await post(app, '/v1/extract', { text: '株洲' })).status).toBe(200);
    expect((await post(app, '/v1/extract', { text: '株洲' })).status).toBe(200);
    const limited = await post(app, '/v1/extract', { text: '株洲' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post(app, '/v1/extract', { text: '株洲' }, { authorization: 'Bearer read-key' })).status).toBe(200);
    expect((await post(app, '/v1/extract', { text: '株洲' }, { authorization: 'Bearer wrong' })).status).toBe(401);
  });

  it('needs the write scope for writes and rate-limits per key', async () => {
    // no store: a request the key lets through answers 503
    const app = createApp({ config: base, extractor: inProcessExtractor(engines, { engine: 'lexicon' }), keys });
    const del = (key: string) => app.request('/v1/articles/a_x', { method: 'DELETE', headers: { authorization: `Bearer ${key}` } });
    expect((await del('read-key')).status).toBe(403);
    expect((await del('write-key')).status).toBe(503);
    expect((await del('write-key')).status).toBe(503);
    const limited = await del('write-key');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('rotates keys without a restart', async () => {
    const f = keyFile([{ id: 'a', sha256: hashKey('old'), scopes: ['read'] }]);
    const store = new KeyStore(f);
    expect(store.find('old')?.id).toBe('a');
    writeFileSync(f, JSON.stringify([{ id: 'a', sha256: hashKey('new'), scopes: ['read'] }]));
    utimesSync(f, new Date(), new Date(Date.now() + 5000));
    store.reload(true);
    expect(store.find('old')).toBeNull();
    expect(store.find('new')?.id).toBe('a');
  });
});

describe('limits', () => {
  it('answers 503 with Retry-After when saturated instead of queueing without bound', async () => {
    const app = new Hono();
    app.onError(errorResponse);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    app.use('/slow', concurrencyLimit(1, 1, 2));
    app.get('/slow', async (c) => {
      await gate;
      return c.text('done');
    });
    const first = app.request('/slow');
    const second = app.request('/slow'); // waits in the queue
    const third = await app.request('/slow'); // turned away
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('2');
    release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
  });

  it('token buckets refill over time', () => {
    const rl = new RateLimiter(60);
    for (let i = 0; i < 60; i++) expect(rl.take('k')).toBe(0);
    expect(rl.take('k')).toBeGreaterThan(0);
  });
});

describe('observability', () => {
  const app = createApp({ config: { ...base, CORS_ORIGINS: 'https://editor.example' }, extractor: inProcessExtractor(engines, { engine: 'lexicon' }) });
  it('gives every response a request id, keeping a sane one from the caller', async () => {
    const res = await app.request('/healthz', { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const res2 = await app.request('/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(res2.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
  it('exposes Prometheus metrics per route', async () => {
    await post(app, '/v1/extract', { text: '株洲市发改委' });
    const text = await (await app.request('/metrics')).text();
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toMatch(/http_requests_total\{method="POST",route="\/v1\/extract",status="200"\} \d+/);
    expect(text).toMatch(/pipeline_step_duration_seconds_count\{step="names",engine="lexicon"\} [1-9]/);
  });
  it('exposes the job-queue depth and the database pool', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metrics-'));
    const jobs = new InProcessQueue({ file: join(dir, 'jobs.db') });
    const store = openSqlite(join(dir, 'store.db'));
    await jobs.submit([{ line: 1, article: { text: '株洲' } }, { line: 2, article: { text: '广州' } }], { engine: 'lexicon' });
    const a = createApp({ config: base, extractor: inProcessExtractor(engines, { engine: 'lexicon' }), jobs, store });
    const text = await (await a.request('/metrics')).text();
    expect(text).toMatch(/^job_queue_depth 2$/m);
    expect(text).toContain('db_pool_connections');
    await jobs.close();
    await store.close();
  });
  it('answers CORS preflights for configured origins', async () => {
    const res = await app.request('/v1/extract', {
      method: 'OPTIONS',
      headers: { origin: 'https://editor.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://editor.example');
  });
  it('readiness fails while a dependency is not ready', async () => {
    let dbUp = false;
    const a = createApp({ config: base, extractor: inProcessExtractor(engines, { engine: 'lexicon' }), readiness: { database: () => dbUp } });
    expect((await a.request('/readyz')).status).toBe(503);
    dbUp = true;
    expect((await a.request('/readyz')).status).toBe(200);
  });
});
