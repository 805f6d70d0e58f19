/** Start the server: configuration → bootstrap (extraction, store, feedback, queue) → app → listen; graceful shutdown on SIGTERM/SIGINT. */
import { serve } from '@hono/node-server';
import { loadConfig } from './config.js';
import { bootstrap } from './bootstrap.js';
import { createApp } from './server/app.js';
import { KeyStore } from './auth/keys.js';
import { logger } from './observability/logger.js';
import { makeProcessor } from './jobs/processor.js';
import { checkExposure } from './exposure.js';
import { settleHeap } from './service/settle-heap.js';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const exposure = checkExposure(config);
if (exposure.refuse) {
  console.error(exposure.refuse);
  process.exit(2);
}
if (exposure.warn) {
  console.error(exposure.warn);
  logger.warn(exposure.warn);
}
const keys = config.API_KEYS_FILE ? new KeyStore(config.API_KEYS_FILE) : null;
const runtime = await bootstrap(config, 'server');
const { extractor, store, jobs, feedback } = runtime;
let extractorReady = false;
await extractor.ready().then(
  () => {
    extractorReady = true;
    settleHeap(); // the start-up garbage of the main thread (its workers collect their own)
  },
  (e) => logger.error({ err: String(e) }, 'extraction workers failed to start'),
);
// bulk ingestion jobs: with REDIS_URL the server submits and `npm run worker` processes consume (unless
// QUEUE_CONSUME_IN_SERVER); without it, the in-process queue (${DATA_DIR}/jobs.db) is consumed here
const consuming = jobs!.kind === 'inprocess' || Boolean(config.QUEUE_CONSUME_IN_SERVER);
if (consuming) {
  jobs!.consume(makeProcessor({ extractor }, store!, { delayMs: config.QUEUE_TEST_DELAY_MS }), {
    concurrency: config.QUEUE_CONCURRENCY ?? Math.max(2, 2 * extractor.parallelism),
  });
}
logger.info({ queue: jobs!.kind, consuming }, 'job queue open');
const stopping = new AbortController();
const app = createApp({
  stopping: stopping.signal,
  config,
  extractor,
  keys,
  store,
  jobs,
  feedback,
  readiness: { workers: () => extractorReady, queue: () => jobs!.ping(), store: () => store!.ping() },
});
const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  logger.info({ port: info.port, engines: extractor.engineNames, defaultEngine: extractor.defaultEngine, workers: extractor.parallelism, auth: Boolean(keys) }, 'listening');
});

function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  stopping.abort(); // batch streams stop reading, finish their lines in flight and end with a closing line
  server.close(async () => {
    await runtime.close({ drain: true }); // queued articles finish and are stored; requests whose clients left still finish cleanly
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 30_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
