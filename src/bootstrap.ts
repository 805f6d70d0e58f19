/**
 * One start-up for every entry point — the server (src/main.ts), the queue
 * worker (src/worker.ts) and the CLI's local mode: the extraction
 * service (a worker pool, or in-process with `workers: 0`), the store, the
 * editors' feedback (so every extraction applies the user dictionary), and
 * the job queue. What a role does not use is not opened.
 */
import { cpus } from 'node:os';
import type { Config } from './config.js';
import { loadEngines } from './pipeline/recognise/engines/registry.js';
import { ExtractPool } from './service/pool.js';
import { PoolExtractor, inProcessExtractor, type Extractor } from './service/extractor.js';
import { openStore } from './store/open.js';
import type { Repository } from './store/repository.js';
import { feedbackFor, type Feedback } from './feedback/service.js';
import { openQueue } from './jobs/open.js';
import type { JobQueue } from './jobs/types.js';
import { logger } from './observability/logger.js';

export type Role = 'server' | 'worker' | 'cli';

export interface Runtime {
  config: Config;
  extractor: Extractor;
  /** the store (opened for every role: the CLI opens it only when it stores) */
  store: Repository | null;
  feedback: Feedback | null;
  /** the job queue (server only) */
  jobs: JobQueue | null;
  close(opts?: { drain?: boolean }): Promise<void>;
}

export interface BootstrapOptions {
  /** extraction threads; 0 = in this thread (default: EXTRACT_WORKERS, else one per core) */
  workers?: number;
  /** open the store (default true) */
  store?: boolean;
}

/** The extraction service alone: a pool of `workers` threads, or in-process when 0. */
export async function createExtractor(config: Config, workers = config.EXTRACT_WORKERS ?? cpus().length): Promise<Extractor> {
  if (workers > 0) {
    const threads = config.ORT_THREADS ?? Math.max(1, Math.floor(cpus().length / workers));
    // with worker threads the engines (jieba, the model) load in the workers only: the main thread serves
    const pool = new ExtractPool({ size: workers, deadlineMs: config.REQUEST_DEADLINE_MS, env: { ORT_THREADS: String(threads) } });
    return new PoolExtractor(pool, config, config.ENGINE);
  }
  const { engines } = await loadEngines(config);
  return inProcessExtractor(engines, { limits: config, engine: config.ENGINE });
}

export async function bootstrap(config: Config, role: Role, opts: BootstrapOptions = {}): Promise<Runtime> {
  const extractor = await createExtractor(config, opts.workers);
  const store = opts.store === false ? null : await openStore(config);
  if (store) logger.info({ role, store: store.dialect, ...(store.dialect === 'sqlite' ? { dataDir: config.DATA_DIR } : {}) }, 'store open');
  // the editors' dictionary: loaded from the store now, reloaded after every change, in every role
  const feedback = store ? feedbackFor({ store, extractor }) : null;
  await feedback?.ready.catch((e) => logger.error({ err: String(e) }, 'user dictionary: first load failed'));
  const jobs = role === 'server' ? openQueue(config) : null;
  return {
    config,
    extractor,
    store,
    feedback,
    jobs,
    async close(closeOpts = {}) {
      feedback?.stop();
      await jobs?.close().catch(() => undefined); // drain: the articles in flight finish and are stored
      await extractor.close(closeOpts);
      await store?.close().catch(() => undefined);
    },
  };
}
