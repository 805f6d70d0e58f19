/** Turning submitted lines into job items, and running one item: extract (pool or in-process), then store idempotently. */
import { ServiceError } from '../contract/errors.js';
import { StoreError, type Repository } from '../store/repository.js';
import { isConnectionError } from '../store/postgres/index.js';
import type { Extractor } from '../service/extractor.js';
import type { Line } from '../service/ndjson.js';
import { ItemFailure, type ItemProcessor, type SubmitEntry } from './types.js';

/** What item processing needs from the service: the extraction service. */
export interface ExtractServices {
  extractor: Extractor;
}

function errorOf(e: unknown) {
  if (e instanceof ServiceError) return { code: e.code, message: e.message };
  return { code: 'invalid', message: (e as Error)?.message ?? String(e) };
}

/** Validate one submitted article (an object with the fields of POST /v1/articles). */
export function toEntry(services: ExtractServices, line: number, value: unknown, engine: string): SubmitEntry {
  const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : null;
  let source: string | null = null;
  let article: unknown = value;
  if (value && typeof value === 'object' && !Array.isArray(value) && 'source' in value) {
    const { source: s, ...rest } = value as Record<string, unknown>;
    if (s !== undefined && s !== null && (typeof s !== 'string' || s.length > 200)) {
      return { line, id, error: { code: 'invalid_request', message: '`source` must be a string of at most 200 characters' } };
    }
    source = (s as string | null) ?? null;
    article = rest;
  }
  try {
    const req = services.extractor.parse(article, { engine });
    return { line, article: req.input, source };
  } catch (e) {
    return { line, id, error: errorOf(e) };
  }
}

/** NDJSON lines → entries (bad lines become rejected entries; the rest still go through). */
export async function* entriesFromLines(services: ExtractServices, lines: AsyncIterable<Line>, engine: string): AsyncGenerator<SubmitEntry> {
  for await (const l of lines) {
    if ('error' in l) {
      yield { line: l.n, id: null, error: { code: l.error, message: l.error === 'line_too_long' ? 'the line is too long' : 'the line is not valid UTF-8' } };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(l.text);
    } catch (e) {
      yield { line: l.n, id: null, error: { code: 'malformed_json', message: (e as Error).message } };
      continue;
    }
    yield toEntry(services, l.n, value, engine);
  }
}

export interface ProcessorOptions {
  /** test hook: milliseconds to wait before and after storing each item (to kill a worker mid-item) */
  delayMs?: number;
  /** how long an item waits for an unreachable store (connection refused or dropped) before its attempt fails (default 20 s) */
  storeRetryMs?: number;
}

/** API error codes of an extraction stopped because of its input (src/pipeline/budget.ts `ExtractionStopped`) */
const STOPPED_CODES = new Set(['processing_deadline_exceeded', 'too_complex']);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The item processor of a consumer: extraction through the pool (all cores) or in-process, then `store.ingest`. */
export function makeProcessor(services: ExtractServices, store: Repository, opts: ProcessorOptions = {}): ItemProcessor {
  return async (item, engine) => {
    let result;
    try {
      result = await services.extractor.extract({ input: item.article, engine, boilerplate: false, tokens: false }, { priority: 'bulk' });
    } catch (e) {
      // permanent errors fail the item — an article stopped for its deadline or its memory (the extractor's
      // ServiceError with a STOPPED_CODES code) for good, not even on retry; transient ones (`unavailable`) are
      // retried by the queue
      if (e instanceof ServiceError && !e.retryable) throw new ItemFailure(e.code, e.message, !STOPPED_CODES.has(e.code));
      throw e;
    }
    if (opts.delayMs) await sleep(opts.delayMs);
    // The store unreachable (PostgreSQL restarting, failing over): wait for it with back-off, keeping the item,
    // rather than failing the attempt at once — otherwise every consumer runs through the queue failing each
    // article in turn, and articles near the end of a job use up their attempts within seconds. The ingest
    // is idempotent on the caller id, so running it again after a connection lost mid-COMMIT is safe.
    const deadline = Date.now() + (opts.storeRetryMs ?? 20_000);
    for (let wait = 200; ; wait = Math.min(wait * 2, 3000)) {
      try {
        await store.ingest({ callerId: item.callerId, url: item.article.url ?? null, source: item.source }, result);
        break;
      } catch (e) {
        if (e instanceof StoreError) throw new ItemFailure(e.code, e.message);
        if (!isConnectionError(e) || Date.now() + wait > deadline) throw e;
        await sleep(wait);
      }
    }
    if (opts.delayMs) await sleep(opts.delayMs);
  };
}
