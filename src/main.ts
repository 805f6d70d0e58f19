/** Start the server: configuration → engines → app → listen; graceful shutdown on SIGTERM/SIGINT. */
import { serve } from '@hono/node-server';
import { loadConfig } from './config.js';
import { createApp } from './server/app.js';
import { loadEngines } from './pipeline/recognise/engines.js';
import { KeyStore } from './auth/keys.js';
import { logger } from './observability/logger.js';
import { ExtractPool } from './service/pool.js';
import { cpus } from 'node:os';
import { openStore } from './store/open.js';
import { openQueue } from './jobs/open.js';
import { makeProcessor } from './jobs/processor.js';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const keys = config.API_KEYS_FILE ? new KeyStore(config.API_KEYS_FILE) : null;
const workers = config.EXTRACT_WORKERS ?? cpus().length;
// With worker threads, the engines (jieba, the model) load in the workers only: the main thread serves HTTP.
const pool = workers > 0 ? new ExtractPool({ size: workers, deadlineMs: config.REQUEST_DEADLINE_MS, env: { ORT_THREADS: String(config.ORT_THREADS ?? Math.max(1, Math.floor(cpus().length / workers))) } }) : null;
const { engines } = pool ? { engines: new Map() } : await loadEngines(config);
let poolReady = !pool;
await pool?.ready().then(
  () => (poolReady = true),
  (e) => logger.error({ err: String(e) }, 'extraction workers failed to start'),
);
const names = pool ? pool.engineNames : [...engines.keys()];
const defaultEngine = names.includes(config.ENGINE) ? config.ENGINE : 'lexicon';
const store = await openStore(config);
logger.info({ store: store.dialect, ...(store.dialect === 'sqlite' ? { dataDir: config.DATA_DIR } : {}) }, 'store open');
// bulk ingestion jobs: with REDIS_URL the server submits and `npm run worker` processes consume (unless
// QUEUE_CONSUME_IN_SERVER); without it, the in-process queue (${DATA_DIR}/jobs.db) is consumed here
const jobs = openQueue(config);
if (jobs.kind === 'inprocess' || config.QUEUE_CONSUME_IN_SERVER) {
  jobs.consume(makeProcessor({ config, engines, defaultEngine, pool }, store, { delayMs: config.QUEUE_TEST_DELAY_MS }), {
    concurrency: config.QUEUE_CONCURRENCY ?? Math.max(2, 2 * Math.max(workers, 1)),
  });
}
logger.info({ queue: jobs.kind, consuming: jobs.kind === 'inprocess' || config.QUEUE_CONSUME_IN_SERVER }, 'job queue open');
const app = createApp({ config, engines, defaultEngine, keys, pool, store, jobs, readiness: { workers: () => poolReady, queue: () => jobs.ping(), store: () => store.ping() } });
const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  logger.info({ port: info.port, engines: names, defaultEngine, workers, auth: Boolean(keys) }, 'listening');
});

function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  server.close(async () => {
    await jobs.close().catch(() => undefined); // drain: the articles in flight finish and are stored
    await pool?.close({ drain: true }); // requests whose clients left still finish cleanly
    await store.close().catch(() => undefined);
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 30_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
