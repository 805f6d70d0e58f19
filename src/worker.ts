/**
 * `npm run worker`: a queue consumer process. Connects to REDIS_URL (BullMQ)
 * and the store (DATABASE_URL, else SQLite under DATA_DIR), runs extractions
 * on a pool of worker threads (EXTRACT_WORKERS, default one per core), and stores
 * each article idempotently. Run as many as needed, on as many machines, all
 * against the same PostgreSQL and Redis.
 *
 * SIGTERM/SIGINT drain: stop taking articles, finish those in flight, close.
 */
import { loadConfig, type Config } from './config.js';
import { bootstrap } from './bootstrap.js';
import { logger } from './observability/logger.js';
import { BullQueue } from './jobs/bull.js';
import { makeProcessor } from './jobs/processor.js';

let config: Config;
try {
  config = loadConfig();
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
if (!config.REDIS_URL) {
  console.error('REDIS_URL is required: the worker consumes the BullMQ queue (without Redis, the server runs the in-process queue itself)');
  process.exit(2);
}

// extraction on every core, the store, and the editors' dictionary: the same start-up as the server's
const runtime = await bootstrap(config, 'worker');
const { extractor, store } = runtime;
await extractor.ready();
const queue = new BullQueue({ url: config.REDIS_URL, name: config.QUEUE_NAME, lockMs: config.QUEUE_LOCK_MS, attempts: config.QUEUE_ATTEMPTS });
// two articles per extraction thread keep every thread busy while the other article is being stored
const concurrency = config.QUEUE_CONCURRENCY ?? Math.max(2, 2 * extractor.parallelism);
queue.consume(makeProcessor({ extractor }, store!, { delayMs: config.QUEUE_TEST_DELAY_MS }), { concurrency });
logger.info({ queue: config.QUEUE_NAME, store: store!.dialect, engines: extractor.engineNames, threads: extractor.parallelism, concurrency, pid: process.pid }, 'worker consuming');
process.send?.({ type: 'ready', pid: process.pid });

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info({ signal }, 'worker draining: finishing the articles in flight');
  const force = setTimeout(() => process.exit(1), Math.max(30_000, config.REQUEST_DEADLINE_MS * 2));
  force.unref();
  try {
    await queue.close();
    await runtime.close();
  } catch (e) {
    logger.error({ err: String(e) }, 'worker shutdown');
  }
  logger.info('worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
