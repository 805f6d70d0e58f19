/** What the HTTP layer needs from the rest of the service. */
import type { NameEngine } from '../pipeline/recognise/engine.js';
import type { Config } from '../config.js';
import type { KeyStore } from '../auth/keys.js';
import type { ExtractPool } from '../service/pool.js';
import type { Repository } from '../store/repository.js';
import type { JobQueue } from '../jobs/types.js';

export interface Services {
  config: Pick<Config, 'MAX_BODY_BYTES' | 'MAX_TEXT_CHARS'> & Partial<Config>;
  /** name engines by id */
  engines: ReadonlyMap<string, NameEngine>;
  /** the engine used when the request names none */
  defaultEngine: string;
  /** worker threads that run extractions with a deadline; absent = in-process (tests, CLI) */
  pool?: ExtractPool | null;
  /** API keys; null = authentication off */
  keys?: KeyStore | null;
  /** readiness checks beyond the engines (the database, the queue) */
  readiness?: Record<string, () => Promise<boolean> | boolean>;
  /** stored articles and the research queries; absent = the store routes answer 503 */
  store?: Repository | null;
  /** bulk ingestion jobs (/v1/jobs); absent = those routes answer 503 */
  jobs?: JobQueue | null;
}
