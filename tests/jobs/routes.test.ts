/** /v1/jobs over the in-process queue: NDJSON and JSON submissions, a bad line in the middle, status, retry, errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app.js';
import { InProcessQueue } from '../../src/jobs/inprocess.js';
import { makeProcessor } from '../../src/jobs/processor.js';
import { openSqlite } from '../../src/store/sqlite/index.js';
import type { Repository } from '../../src/store/repository.js';
import { articles, services, waitFor } from './helpers.js';

let dir: string;
let store: Repository;
let queue: InProcessQueue;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jobs-routes-'));
  store = openSqlite(join(dir, 'store.db'));
  queue = new InProcessQueue({ file: join(dir, 'jobs.db'), pollMs: 50 });
  queue.consume(makeProcessor(services, store), { concurrency: 2 });
  app = createApp({ ...services, store, jobs: queue });
});
afterAll(async () => {
  await queue.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ndjson = (lines: string[]) => lines.join('\n') + '\n';
const finished = (id: string) =>
  waitFor(async () => {
    const r = await app.request(`/v1/jobs/${id}`);
    const s = (await r.json()) as { counts: { queued: number } };
    return s.counts.queued === 0 ? s : null;
  }, 20_000, `job ${id}`);

describe('/v1/jobs', () => {
  it('takes NDJSON with a bad line in the middle: 202 at once, the rest stored, the bad line kept as a failure', async () => {
    const list = articles(6).map((a) => JSON.stringify({ ...a, id: `r-${a.id}` }));
    list.splice(3, 0, '{"text": "broken');
    const res = await app.request('/v1/jobs?engine=lexicon&source=wire', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: ndjson(list) });
    expect(res.status).toBe(202);
    const sub = (await res.json()) as { id: string; total: number; rejected: number; status_url: string };
    expect(sub).toMatchObject({ total: 7, rejected: 1 });
    expect(res.headers.get('location')).toBe(sub.status_url);
    const s = (await finished(sub.id)) as Record<string, unknown>;
    expect(s).toMatchObject({
      state: 'completed_with_failures',
      engine: 'lexicon',
      counts: { total: 7, queued: 0, done: 6, failed: 1 },
      failures: [{ line: 4, id: null, retryable: false, error: { code: 'malformed_json' } }],
    });
    expect(typeof s.throughput).toBe('number');
    const retry = await app.request(`/v1/jobs/${sub.id}/retry`, { method: 'POST' });
    expect(retry.status).toBe(202);
    expect(await retry.json()).toEqual({ id: sub.id, requeued: 0 });
    const page = await store.searchEntities({ source: 'wire' }, 'articles', { limit: 50 });
    expect(page.items.length).toBeGreaterThan(0);
  });

  it('takes a JSON list or {articles, source}', async () => {
    const list = articles(3).map((a) => ({ ...a, id: `l-${a.id}` }));
    const r1 = await app.request('/v1/jobs?engine=lexicon', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(list) });
    expect(r1.status).toBe(202);
    const r2 = await app.request('/v1/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ articles: [{ text: '' }, ...list.map((a) => ({ ...a, id: `o-${a.id}` }))], source: 'obj' }),
    });
    expect(r2.status).toBe(202);
    const sub = (await r2.json()) as { id: string };
    expect(await finished(sub.id)).toMatchObject({ counts: { total: 4, done: 3, failed: 1 }, failures: [{ line: 1, error: { code: 'invalid_request' } }] });
  });

  it('answers errors clearly', async () => {
    expect((await app.request('/v1/jobs/j_nope')).status).toBe(404);
    expect((await app.request('/v1/jobs/j_nope/retry', { method: 'POST' })).status).toBe(404);
    expect((await app.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })).status).toBe(415);
    const bad = await app.request('/v1/jobs?engine=nope', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '{}\n' });
    expect(bad.status).toBe(422);
    expect((await app.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '\n\n' })).status).toBe(400);
    expect((await app.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"x":1}' })).status).toBe(400);
    const none = createApp({ ...services });
    expect((await none.request('/v1/jobs/j_x')).status).toBe(503);
  });
});
