/**
 * The OpenAPI document is client-ready: every operation named and tagged,
 * security and the errors it can answer documented, a discriminator on
 * mention values, and the whole document passing Redocly's `recommended`
 * rules (`@redocly/cli lint`, offline; installed under tools/). The reference
 * page at /docs serves its assets itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { OPERATIONS } from '../../src/server/openapi-doc.js';
import { ROOT } from '../../src/paths.js';
import type { Extractor } from '../../src/service/extractor.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const REDOCLY = join(ROOT, 'tools', 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

let app: ReturnType<typeof createApp>;
let doc: Json;
beforeAll(async () => {
  app = createApp({ config: { MAX_BODY_BYTES: 1000, MAX_TEXT_CHARS: 1000 }, extractor: {} as Extractor, store: null });
  doc = (await (await app.request('/openapi.json')).json()) as Json;
});
const operations = () => Object.entries(doc.paths as Json).flatMap(([path, ops]) => Object.entries(ops as Json).map(([method, op]) => ({ key: `${method} ${path}`, path, op: op as Json })));

describe('the OpenAPI document', () => {
  it('names and tags every operation (unique operationIds, every tag described), and lists servers', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(20);
    for (const { key, op } of ops) {
      expect(OPERATIONS[key], `${key} is in OPERATIONS`).toBeDefined();
      expect(op.operationId).toBe(OPERATIONS[key].id);
      expect(op.tags).toEqual([OPERATIONS[key].tag]);
    }
    expect(new Set(ops.map((o) => o.op.operationId)).size).toBe(ops.length);
    const tags = new Set((doc.tags as Json[]).map((t) => t.name));
    for (const { op } of ops) expect(tags.has(op.tags[0])).toBe(true);
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('states the security of each route and the 401/403/429/503 it can answer', () => {
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['bearerAuth', 'apiKeyHeader']);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.apiKeyHeader).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-API-Key' });
    for (const { key, path, op } of operations()) {
      if (!path.startsWith('/v1/')) {
        expect(op.security, key).toEqual([]);
        continue;
      }
      const open = ['post /v1/extract', 'post /v1/tags', 'post /v1/batch/extract'].includes(key);
      expect(op.security, key).toEqual(open ? [{}, { bearerAuth: [] }, { apiKeyHeader: [] }] : [{ bearerAuth: [] }, { apiKeyHeader: [] }]);
      for (const status of ['401', '403', '429', '503']) expect(op.responses[status], `${key} ${status}`).toBeDefined();
    }
    expect(doc.paths['/readyz'].get.responses['503']).toBeDefined();
  });

  it('tells mention values apart with a discriminator on `kind`, and documents ?encoding= and meta.offsets', () => {
    expect(doc.components.schemas.MentionValue.discriminator).toEqual({
      propertyName: 'kind',
      mapping: {
        MONEY: '#/components/schemas/MoneyValue',
        PERCENT: '#/components/schemas/PercentValue',
        QUANTITY: '#/components/schemas/QuantityValue',
        DATE: '#/components/schemas/DateValue',
      },
    });
    for (const v of ['MoneyValue', 'PercentValue', 'QuantityValue', 'DateValue']) expect(doc.components.schemas[v].required).toContain('kind');
    for (const key of ['post /v1/extract', 'post /v1/tags', 'post /v1/batch/extract', 'post /v1/articles', 'get /v1/articles/{id}', 'get /v1/articles/by-url', 'get /v1/entities/{id}/mentions', 'post /v1/query', 'get /v1/export/mentions.csv']) {
      const op = operations().find((o) => o.key === key)!.op;
      expect(op.parameters.map((p: Json) => p.name), key).toContain('encoding');
    }
    expect(doc.components.schemas.ExtractResponse.properties.meta.required).toContain('offsets');
    expect(doc.components.schemas.OffsetEncoding.enum).toEqual(['UTF16', 'UTF32', 'UTF8']);
  });

  // CI installs tools/ (npm run tools:install) and must run the linter; elsewhere the test skips without it
  it.skipIf(!existsSync(REDOCLY) && !process.env.CI)('passes `redocly lint --extends recommended` with no errors (warnings: only health routes without a 4xx)', () => {
    expect(existsSync(REDOCLY), `${REDOCLY} is missing: run npm run tools:install`).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const run = spawnSync(process.execPath, [REDOCLY, 'lint', '--extends', 'recommended', '--format', 'json', file], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      timeout: 120_000,
    });
    const out = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: Json[] };
    expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(run.status).toBe(0);
    const warnings = out.problems.map((p) => `${p.ruleId} ${p.location?.[0]?.pointer}`);
    expect(warnings.every((w) => /^operation-4xx-response #\/paths\/~1(healthz|readyz)\//.test(w)), warnings.join('\n')).toBe(true);
  });
  if (!existsSync(REDOCLY)) console.warn(`[openapi] redocly lint SKIPPED: ${REDOCLY} is missing; run \`npm run tools:install\``);

  it('/docs is a Swagger UI page whose script and stylesheet this server serves (no CDN)', async () => {
    const page = await (await app.request('/docs')).text();
    expect(page).toContain('/openapi.json');
    expect(page).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/);
    if (!page.includes('swagger-ui-bundle.js')) return console.warn('[openapi] swagger-ui-dist is not installed: /docs serves its fallback page');
    const js = await app.request('/docs/assets/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await js.text()).length).toBeGreaterThan(100_000);
    expect((await app.request('/docs/assets/swagger-ui.css')).status).toBe(200);
    expect((await app.request('/docs/assets/..%2Fpackage.json')).status).toBe(404);
    for (const name of ['constructor', 'toString', '__proto__']) expect((await app.request(`/docs/assets/${name}`)).status).toBe(404);
  });
});
