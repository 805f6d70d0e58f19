/** Configuration from the environment, validated at start with a clear message on a bad value. */
import { z } from 'zod';

const Config = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** where to listen: loopback by default; another address needs API keys or ALLOW_UNAUTHENTICATED (see exposure.ts) */
  HOST: z.string().default('127.0.0.1'),
  /** listen on a non-loopback address without API keys: anyone who reaches the port may write, delete and export */
  ALLOW_UNAUTHENTICATED: z
    .enum(['0', '1', 'true', 'false'])
    .default('false')
    .transform((v) => v === '1' || v === 'true'),
  /** maximum request body, bytes */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  /** maximum article text, characters */
  MAX_TEXT_CHARS: z.coerce.number().int().positive().default(1_000_000),
  /** default name engine: model | lexicon */
  ENGINE: z.enum(['model', 'lexicon']).default('model'),
  /** a folder with the NER model (default: models/ner) */
  MODEL_DIR: z.string().optional(),
  /**
   * one of the model's extra output heads (meta.json `heads`, e.g. `msra`: the 1998 People's Daily conventions) instead
   * of its news head, for measuring the model on that corpus (`npm run eval -- --head msra`); news is served by the
   * default head
   */
  MODEL_HEAD: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  /** a jieba user dictionary loaded at start (word [freq] [pos] per line) */
  USER_DICT: z.string().optional(),
  /**
   * extraction worker threads (default: one per core, each with one ONNX Runtime thread — measured fastest: 55k chars/s
   * on 2 cores vs 40k for one worker with 2 ONNX threads; each worker holds its own copy of jieba's dictionary,
   * ~450 MB, so EXTRACT_WORKERS=1 is the low-memory setting); 0 = extract on the main thread
   */
  EXTRACT_WORKERS: z.coerce.number().int().min(0).optional(),
  /** ONNX Runtime intra-op threads per worker (default: cores / workers) */
  ORT_THREADS: z.coerce.number().int().positive().optional(),
  /** an extraction running longer than this is stopped (its worker is replaced) and answered 422 */
  REQUEST_DEADLINE_MS: z.coerce.number().int().positive().default(30_000),
  /** most extraction requests processed at once (default: 2 per core) and waiting; beyond → 503 */
  MAX_CONCURRENT: z.coerce.number().int().positive().optional(),
  MAX_QUEUE: z.coerce.number().int().min(0).default(64),
  /** batch streams (/v1/batch/extract) open at once; beyond → 503 with Retry-After. Their lines wait behind single requests. */
  MAX_BATCH_STREAMS: z.coerce.number().int().positive().default(8),
  /** JSON file of hashed API keys (see src/auth/keys.ts); unset = authentication off */
  API_KEYS_FILE: z.string().optional(),
  /** require a key with the read scope for /v1/extract and /v1/tags too */
  EXTRACT_REQUIRES_KEY: z
    .enum(['0', '1', 'true', 'false'])
    .default('false')
    .transform((v) => v === '1' || v === 'true'),
  /** default requests per minute per API key */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** with API keys configured and EXTRACT_REQUIRES_KEY off: extraction requests per minute per client address without a key */
  ANON_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** allowed CORS origins, comma-separated ('*' for any); unset = no CORS headers */
  CORS_ORIGINS: z.string().optional(),
  /** where the embedded store keeps its file (store.db) when DATABASE_URL is unset */
  DATA_DIR: z.string().default('./data'),
  /** PostgreSQL connection string (postgres://user@host:5432/db): the store at scale; unset = SQLite under DATA_DIR */
  DATABASE_URL: z.string().min(1).optional(),
  /** Redis for the job queue at scale (BullMQ): the server submits, `npm run worker` processes consume; unset = the in-process queue */
  REDIS_URL: z.string().min(1).optional(),
  /** the BullMQ queue name (workers and servers of one deployment share it) */
  QUEUE_NAME: z.string().min(1).default('zh-news-ner-ingest'),
  /** articles processed at once per consumer (default: 2 per extraction worker) */
  QUEUE_CONCURRENCY: z.coerce.number().int().positive().optional(),
  /** a consumer silent this long (ms) is presumed dead and its articles are run again */
  QUEUE_LOCK_MS: z.coerce.number().int().positive().default(30_000),
  /** attempts per article on transient errors (the store unreachable…) */
  QUEUE_ATTEMPTS: z.coerce.number().int().positive().default(3),
  /** with REDIS_URL, also consume in the server process (default: only `npm run worker` processes consume) */
  QUEUE_CONSUME_IN_SERVER: z
    .enum(['0', '1', 'true', 'false'])
    .default('false')
    .transform((v) => v === '1' || v === 'true'),
  /** test hook: wait this long (ms) before and after storing each article */
  QUEUE_TEST_DELAY_MS: z.coerce.number().int().min(0).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof Config>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Config.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
