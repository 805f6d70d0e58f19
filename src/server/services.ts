/** What the HTTP layer needs from the rest of the service (built by `bootstrap`, or by tests). */
import type { Config } from '../config.js';
import type { KeyStore } from '../auth/keys.js';
import type { Extractor } from '../service/extractor.js';
import type { Repository } from '../store/repository.js';
import type { JobQueue } from '../jobs/types.js';
import type { Feedback } from '../feedback/service.js';
import type { Limiter } from './middleware/rate-limit.js';

export interface Services {
  config: Pick<Config, 'MAX_BODY_BYTES' | 'MAX_TEXT_CHARS'> & Partial<Config>;
  /** the extraction service (in-process or on the worker pool) */
  extractor: Extractor;
  /** API keys; null = authentication off */
  keys?: KeyStore | null;
  /** readiness checks beyond the engines (the database, the queue) */
  readiness?: Record<string, () => Promise<boolean> | boolean>;
  /** stored articles and the research queries; absent = the store routes answer 503 */
  store?: Repository | null;
  /** bulk ingestion jobs (/v1/jobs); absent = those routes answer 503 */
  jobs?: JobQueue | null;
  /** the editors' feedback (user dictionary); created by createApp from the store when absent */
  feedback?: Feedback | null;
  /** the rate limiter (default: in Redis when REDIS_URL is set, else in memory; see middleware/rate-limit.ts) */
  rateLimiter?: Limiter | null;
  /** aborted when the server begins to shut down: streams stop taking input and end with a closing line */
  stopping?: AbortSignal;
}
