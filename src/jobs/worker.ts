/**
 * `npm run worker`: a queue consumer process. Connects to REDIS_URL (BullMQ)
 * and the store (DATABASE_URL, else SQLite under DATA_DIR), runs extractions
 * on a pool of worker threads (EXTRACT_WORKERS, default one per core), and stores
 * each article idempotently. Run as many as needed, on as many machines, all
 * against the same PostgreSQL and Redis.
 *
 * SIGTERM/SIGINT drain: stop taking articles, finish those in flight, close.
 */
import { cpus } from 'node:os';
import { loadConfig, type Config } from '../config.js';
import { loadEngines } from '../pipeline/recognise/engines.js';
import { ExtractPool } from '../service/pool.js';
import { openStore } from '../store/open.js';
import { logger } from '../observability/logger.js';
import { BullQueue } from './bull.js';
import { makeProcessor } from './processor.js';

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

const workers = config.EXTRACT_WORKERS ?? cpus().length;
const pool =
  workers > 0
    ? new ExtractPool({ size: workers, deadlineMs: config.REQUEST_DEADLINE_MS, env: { ORT_THREADS: String(config.ORT_THREADS ?? Math.max(1, Math.floor(cpus().length / workers))) } })
    : null;
const { engines } = pool ? { engines: new Map() } : await loadEngines(config);
await pool?.ready();
const names = pool ? pool.engineNames : [...engines.keys()];
const defaultEngine = names.includes(config.ENGINE) ? config.ENGINE : 'lexicon';
const store = await openStore(config);
const queue = new BullQueue({ url: config.REDIS_URL, name: config.QUEUE_NAME, lockMs: config.QUEUE_LOCK_MS, attempts: config.QUEUE_ATTEMPTS });
const services = { config, engines, defaultEngine, pool };
// two articles per extraction thread keep every thread busy while the other article is being stored
const concurrency = config.QUEUE_CONCURRENCY ?? Math.max(2, 2 * Math.max(workers, 1));
queue.consume(makeProcessor(services, store, { delayMs: config.QUEUE_TEST_DELAY_MS }), { concurrency });
logger.info({ queue: config.QUEUE_NAME, store: store.dialect, engines: names, threads: workers, concurrency, pid: process.pid }, 'worker consuming');
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
    await pool?.close();
    await store.close();
  } catch (e) {
    logger.error({ err: String(e) }, 'worker shutdown');
  }
  logger.info('worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
