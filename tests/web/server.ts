/** The real app on a random port: an SQLite store in a temp dir and the fast `lexicon` engine. */
import { inProcessExtractor } from '../../src/service/extractor.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/server/app.js';
import { loadEngines } from '../../src/pipeline/recognise/engines/registry.js';
import { openSqlite } from '../../src/store/sqlite/index.js';
import { feedbackFor } from '../../src/feedback/service.js';

export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'web-test-'));
  const store = openSqlite(join(dir, 'store.db'));
  const { engines } = await loadEngines({ ENGINE: 'lexicon' } as never);
  const services = { config: { MAX_BODY_BYTES: 5 << 20, MAX_TEXT_CHARS: 1_000_000 }, extractor: inProcessExtractor(engines, { engine: 'lexicon' }), store };
  const app = createApp(services);
  await feedbackFor(services).ready;
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    app,
    store,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
