/**
 * The done-test over HTTP: the crash article (897,000 characters) and 60,000 tiny paragraphs, sent to
 * /v1/extract of an app on the real worker pool with the model engine and a 2 s deadline, are answered 422,
 * and the service keeps answering /healthz and ordinary requests. Before cooperative deadlines the first one
 * ended the whole process (`terminate called after throwing an instance of 'Napi::Error'`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { ExtractPool } from '../../src/service/pool.js';
import { PoolExtractor } from '../../src/service/extractor.js';

const SENTENCE = '株洲市发改委主任刘海宾介绍，去年6月投产后，预计今年产值过8000万元，同比增长22.8%。';
const config = { MAX_BODY_BYTES: 5 << 20, MAX_TEXT_CHARS: 1_000_000 };

describe('one request cannot take the service down', () => {
  let pool: ExtractPool;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    pool = new ExtractPool({ size: 2, deadlineMs: 2000, env: { ENGINE: 'model' } });
    app = createApp({ config, extractor: new PoolExtractor(pool, config, 'model') });
    await pool.ready();
  });
  afterAll(() => pool?.close());

  const extract = (text: string) =>
    app.request('/v1/extract', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, published: '2023-03-17' }) });

  it.each([
    ['the crash article', SENTENCE.repeat(19_500)],
    // ~8 s of work alone: 20,000 paragraphs (~2.3 s) no longer reliably outlasted the 2 s deadline with the int8 model
    ['60,000 tiny paragraphs', '株洲。\n'.repeat(60_000)],
  ])('%s: 422, then /healthz and ordinary requests answer', async (_label, text) => {
    const poison = extract(text);
    // while the poison article runs, the service still answers
    expect((await app.request('/healthz')).status).toBe(200);
    const res = await poison;
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('processing_deadline_exceeded');
    expect((await app.request('/healthz')).status).toBe(200);
    for (const r of await Promise.all([extract(SENTENCE), extract(`长沙${SENTENCE}`)])) {
      expect(r.status).toBe(200);
      expect(((await r.json()) as { mentions: { text: string }[] }).mentions.map((m) => m.text)).toContain('刘海宾');
    }
  });
});
