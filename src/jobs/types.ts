/**
 * Bulk ingestion jobs: one interface, two queues. A job is a batch of
 * articles submitted at once; each article (an item) is extracted and stored
 * with `repository.ingest`, which is idempotent on the caller id, so an item
 * run twice (a worker killed after storing it but before acknowledging it)
 * updates the same row instead of adding a second one.
 *
 * - `InProcessQueue` (src/jobs/inprocess.ts): the embedded default, a SQLite
 *   file of its own (`${DATA_DIR}/jobs.db`), consumed inside the server.
 * - `BullQueue` (src/jobs/bull.ts): BullMQ on Redis, consumed by any number
 *   of `npm run worker` processes on any number of machines.
 */
import type { ArticleInput } from '../contract/schemas.js';

/** One article of a job, validated at submission. */
export interface JobItem {
  /** 1-based position in the submission (the NDJSON line or the list index + 1) */
  line: number;
  /** the article (fields of /v1/extract) */
  article: ArticleInput;
  /** the id the store files it under: the article's own id, else `${jobId}:${line}` (filled by the queue) */
  callerId?: string;
  source?: string | null;
}

/** A line rejected at submission (malformed JSON, invalid fields): recorded as failed, never retried. */
export interface RejectedItem {
  line: number;
  id: string | null;
  error: ItemError;
}

export interface ItemError {
  code: string;
  message: string;
}

export type SubmitEntry = JobItem | RejectedItem;

export interface JobOptions {
  /** name engine for every article of the job */
  engine: string;
  /** default `source` for articles that give none */
  source?: string | null;
}

export interface JobFailure {
  line: number;
  id: string | null;
  error: ItemError;
  /** false for lines rejected at submission (retrying cannot help) */
  retryable: boolean;
}

export type JobState = 'queued' | 'running' | 'completed' | 'completed_with_failures';

export interface JobStatus {
  id: string;
  state: JobState;
  engine: string;
  counts: { total: number; queued: number; done: number; failed: number };
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** articles finished (done or failed) per second since the first was taken */
  throughput: number | null;
  /** seconds until every article is finished at that rate; null before the first or after the last */
  eta_s: number | null;
  /** the first failures (up to `limit`), with their reasons */
  failures: JobFailure[];
}

/** What a consumer does with one item: extract and store it. Throws `ItemFailure` for a permanent failure. */
export type ItemProcessor = (item: Required<Pick<JobItem, 'line' | 'article' | 'callerId'>> & { source: string | null; jobId: string }, engine: string) => Promise<void>;

/**
 * An item that cannot succeed by running it again now (invalid article, deadline exceeded, store conflict).
 * `retryable` false: not even by an explicit retry of the job (an article past its deadline or too big for
 * a worker's memory — a poison article fails once and never takes a worker down again).
 */
export class ItemFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable = true,
  ) {
    super(message);
  }
}

export interface JobQueue {
  readonly kind: 'inprocess' | 'bullmq';
  /** Store a job (items read in chunks from the iterable) and return its id once every item is queued. */
  submit(items: AsyncIterable<SubmitEntry> | Iterable<SubmitEntry>, opts: JobOptions): Promise<{ id: string; total: number; rejected: number }>;
  status(id: string, opts?: { failures?: number }): Promise<JobStatus | null>;
  /** Queue the job's retryable failed items again; null when there is no such job. */
  retry(id: string): Promise<{ requeued: number } | null>;
  /** Start taking items (in this process). */
  consume(processor: ItemProcessor, opts?: { concurrency?: number }): void;
  /** Is the queue's backing store reachable (readiness)? */
  ping(): Promise<boolean>;
  /** Articles waiting or being processed, over every job (the queue-depth metric). */
  depth(): Promise<number>;
  /** Stop taking new items, wait for those in flight, release everything. */
  close(): Promise<void>;
}

export const isRejected = (e: SubmitEntry): e is RejectedItem => 'error' in e;

/** Throughput and ETA from counts and times (ms since the epoch). */
export function rates(total: number, finished: number, startedMs: number | null, lastMs: number | null, now = Date.now()) {
  if (startedMs === null || finished === 0) return { throughput: null, eta_s: null };
  const end = finished >= total && lastMs !== null ? lastMs : now;
  const secs = Math.max((end - startedMs) / 1000, 1e-3);
  const throughput = Math.round((finished / secs) * 100) / 100;
  const remaining = total - finished;
  return { throughput, eta_s: remaining > 0 ? Math.round((remaining / throughput) * 10) / 10 : null };
}

export function stateOf(total: number, done: number, failed: number, started: boolean): JobState {
  if (total > 0 && done + failed >= total) return failed ? 'completed_with_failures' : 'completed';
  return started ? 'running' : 'queued';
}

/** A job id: sortable by time, unique without coordination. */
export function newJobId(): string {
  const rand = Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `j_${Date.now().toString(36)}${rand}`;
}
