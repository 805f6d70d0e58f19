/** The HTTP contract: every route declared once (document and handler), validation through one hook, access declared at the route. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { inProcessExtractor } from '../../src/service/extractor.js';
import { lexiconEngine } from '../../src/pipeline/recognise/engines/lexicon.js';
import { KeyStore, hashKey } from '../../src/auth/keys.js';
import { TagsQuery } from '../../src/contract/schemas.js';
import { validationError } from '../../src/contract/errors.js';
import { openSqlite } from '../../src/store/sqlite/index.js';

const engines = new Map([['lexicon', lexiconEngine]]);
const base = { MAX_BODY_BYTES: 100_000, MAX_TEXT_CHARS: 10_000 };
const extractor = inProcessExtractor(engines, { engine: 'lexicon' });

interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, unknown>;
}
type Doc = { paths: Record<string, Record<string, Operation>> };

const OPERATIONS = [
  'GET /healthz',
  'GET /readyz',
  'POST /v1/extract',
  'POST /v1/tags',
  'POST /v1/batch/extract',
  'POST /v1/articles',
  'GET /v1/articles',
  'GET /v1/articles/by-url',
  'GET /v1/articles/{id}',
  'DELETE /v1/articles/{id}',
  'POST /v1/articles/{id}/decisions',
  'POST /v1/articles/{id}/decisions/{decision}/revert',
  'GET /v1/articles/{id}/decisions',
  'GET /v1/entities',
  'GET /v1/entities/{id}',
  'GET /v1/entities/{id}/mentions',
  'POST /v1/query',
  'GET /v1/export/entities.jsonl',
  'GET /v1/export/entities.csv',
  'GET /v1/export/entities.parquet',
  'GET /v1/export/mentions.jsonl',
  'GET /v1/export/mentions.csv',
  'GET /v1/export/mentions.parquet',
  'POST /v1/jobs',
  'GET /v1/jobs/{id}',
  'POST /v1/jobs/{id}/retry',
  'GET /v1/dictionary',
  'POST /v1/dictionary',
  'DELETE /v1/dictionary',
];

async function documentOf(app: ReturnType<typeof createApp>): Promise<Doc> {
  return (await (await app.request('/openapi.json')).json()) as Doc;
}

const operations = (doc: Doc) => Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));

describe('the OpenAPI document', () => {
  it('lists every route once, under its OpenAPI path', async () => {
    const doc = await documentOf(createApp({ config: base, extractor }));
    const ops = operations(doc);
    expect([...ops].sort()).toEqual([...OPERATIONS].sort());
    expect(new Set(ops).size).toBe(ops.length);
    expect(Object.keys(doc.paths).filter((p) => p.includes(':') || p.endsWith('/'))).toEqual([]);
  });

  it('declares every path parameter, and a 4xx answer for every /v1 operation', async () => {
    const doc = await documentOf(createApp({ config: base, extractor }));
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect(declared, `${method} ${path}`).toEqual(names);
        if (path.startsWith('/v1/')) expect(Object.keys(op.responses).some((s) => /^4\d\d$/.test(s)), `${method} ${path}`).toBe(true);
      }
    }
  });

  it('answers every route it lists (no route only in the document)', async () => {
    const app = createApp({ config: base, extractor });
    for (const op of operations(await documentOf(app))) {
      const [method, path] = op.split(' ');
      const res = await app.request(path.replace(/\{\w+\}/g, 'x'), { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      const body = res.headers.get('content-type')?.includes('json') ? ((await res.json()) as { error?: { message?: string } }) : null;
      expect(body?.error?.message ?? '', op).not.toMatch(/^no route for/);
    }
  });
});

describe('validation', () => {
  it('answers a failure of the declared schemas with the 422 invalid_request body', async () => {
    const app = createApp({ config: base, extractor });
    const res = await app.request('/v1/tags?limit=0', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '株洲' }) });
    expect(res.status).toBe(422);
    const expected = validationError(TagsQuery.safeParse({ limit: '0' }).error!);
    expect(await res.json()).toEqual({ error: { code: 'invalid_request', message: expected.message, details: expected.details } });
  });

  it('reads JSON bodies with the service limits before validating them', async () => {
    const store = openSqlite(join(mkdtempSync(join(tmpdir(), 'routes-')), 'store.db'));
    const app = createApp({ config: { ...base, MAX_BODY_BYTES: 50 }, extractor, store });
    const post = (path: string, body: string, type = 'application/json') => app.request(path, { method: 'POST', headers: { 'content-type': type }, body });
    const code = async (res: Response) => [res.status, ((await res.json()) as { error: { code: string } }).error.code];
    for (const path of ['/v1/query', '/v1/dictionary', '/v1/extract']) {
      expect(await code(await post(path, JSON.stringify({ text: 'x'.repeat(100) }))), path).toEqual([413, 'payload_too_large']);
      expect(await code(await post(path, '{}', 'text/plain')), path).toEqual([415, 'unsupported_media_type']);
      expect(await code(await post(path, '{"a":')), path).toEqual([400, 'malformed_json']);
    }
    await store.close();
  });
});

describe('access declared at the route', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keys-'));
  const file = join(dir, 'keys.json');
  writeFileSync(
    file,
    JSON.stringify([
      { id: 'reader', sha256: hashKey('read-key'), scopes: ['read'] },
      { id: 'writer', sha256: hashKey('write-key'), scopes: ['read', 'write'] },
    ]),
  );
  const keys = new KeyStore(file);
  const READS = new Set(['POST /v1/query']);
  const EXTRACTION = new Set(['POST /v1/extract', 'POST /v1/tags', 'POST /v1/batch/extract']);

  it('guards every /v1 route: reads need read, writes need write, extraction read when configured', async () => {
    for (const extractRequiresKey of [false, true]) {
      const app = createApp({ config: { ...base, EXTRACT_REQUIRES_KEY: extractRequiresKey, RATE_LIMIT_PER_MINUTE: 10_000 }, extractor, keys });
      for (const op of operations(await documentOf(app)).filter((o) => o.includes(' /v1/'))) {
        const [method, path] = op.split(' ');
        const call = (key?: string) =>
          app.request(path.replace(/\{\w+\}/g, 'x'), {
            method,
            headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
            body: method === 'GET' ? undefined : '{}',
          });
        const open = EXTRACTION.has(op) && !extractRequiresKey;
        const read = method === 'GET' || READS.has(op) || EXTRACTION.has(op);
        const anonymous = (await call()).status;
        if (open) expect(anonymous, op).not.toBe(401);
        else expect(anonymous, op).toBe(401);
        const reader = (await call('read-key')).status;
        if (read) expect([401, 403], op).not.toContain(reader);
        else expect(reader, op).toBe(403);
        expect([401, 403], op).not.toContain((await call('write-key')).status);
      }
    }
  });
});
