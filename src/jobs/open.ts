/** Open the configured job queue: BullMQ when REDIS_URL is set, else the in-process queue in `${DATA_DIR}/jobs.db`. */
import { join } from 'node:path';
import type { Config } from '../config.js';
import { BullQueue } from './bull.js';
import { InProcessQueue } from './inprocess.js';
import type { JobQueue } from './types.js';

export type QueueConfig = Pick<Config, 'DATA_DIR' | 'QUEUE_NAME' | 'QUEUE_LOCK_MS' | 'QUEUE_ATTEMPTS'> & Partial<Pick<Config, 'REDIS_URL'>>;

export function openQueue(config: QueueConfig): JobQueue {
  if (config.REDIS_URL) return new BullQueue({ url: config.REDIS_URL, name: config.QUEUE_NAME, lockMs: config.QUEUE_LOCK_MS, attempts: config.QUEUE_ATTEMPTS });
  return new InProcessQueue({ file: join(config.DATA_DIR, 'jobs.db'), attempts: config.QUEUE_ATTEMPTS });
}
