/**
 * Cooperative deadlines: an article's own processing time, counted and
 * checked between pipeline steps and between model chunks, so that an
 * extraction past its deadline stops cleanly (an exception in JavaScript)
 * instead of having its thread killed — a kill that lands while ONNX Runtime
 * is inside native code ends the whole process (`terminate called after
 * throwing an instance of 'Napi::Error'`).
 *
 * Time is charged per article, not per wall clock: a worker that holds two
 * articles runs one piece of JavaScript at a time, and each piece is charged
 * to the article it works for (`Budget.run`); a model call that batches the
 * sentences of several articles is shared out by their characters. So an
 * article's deadline is not used up by the other article in the same worker.
 *
 * The budget of the running extraction is found through AsyncLocalStorage
 * (`currentBudget`), so the pipeline's steps and the model runtime need no
 * extra parameter; without a budget (the CLI, tests, the in-process path)
 * every function here is a no-op.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { getHeapStatistics } from 'node:v8';

/** An extraction stopped because of its input (deadline, memory): running it again cannot help. */
export class ExtractionStopped extends Error {
  /** a job queue must not run it again */
  readonly retryable = false;
  /** the HTTP status for it */
  readonly status = 422;
  constructor(
    /** the API error code */
    readonly apiCode: string,
    message: string,
  ) {
    super(message);
  }
}

/** The article's own processing time went past the deadline (HTTP 422 `processing_deadline_exceeded`). */
export class DeadlineExceeded extends ExtractionStopped {
  constructor(
    readonly ms: number,
    /** the processing time charged to the article when it stopped */
    readonly usedMs?: number,
  ) {
    super('processing_deadline_exceeded', `processing took longer than ${ms} ms`);
  }
}

/**
 * The article needed more memory than an extraction worker may use (HTTP 422 `too_complex`).
 * `code` is Node's code for a worker out of memory (what callers already test for).
 */
export class TooComplex extends ExtractionStopped {
  readonly code = 'ERR_WORKER_OUT_OF_MEMORY';
  constructor(message = 'the article needs more memory than an extraction worker may use') {
    super('too_complex', message);
  }
}

/**
 * State shared between a worker and its pool (one SharedArrayBuffer of SHARED_STATE_BYTES):
 * Int32 words STATE_NATIVE (see `nativeSection`) and STATE_CURRENT_JOB (the job that last ran
 * JavaScript), and Float64 slots SEGMENT_START (epoch ms when the running piece of work began, 0 when
 * idle) and SEGMENT_USED (the job's own time before that piece), from which the pool tells a job stuck
 * in one long step (`ownTimeNow`).
 */
export const SHARED_STATE_BYTES = 32;
export const STATE_NATIVE = 0;
export const STATE_CURRENT_JOB = 1;
const SEGMENT_START = 1; // Float64 index (bytes 8..15)
const SEGMENT_USED = 2; // Float64 index (bytes 16..23)

let shared: Int32Array | null = null;
let sharedF64: Float64Array | null = null;

/** Install the worker's shared state (pool-worker.ts). */
export function setSharedState(buffer: SharedArrayBuffer | null): void {
  shared = buffer ? new Int32Array(buffer) : null;
  sharedF64 = buffer ? new Float64Array(buffer) : null;
}

const nowMs = () => performance.timeOrigin + performance.now();

/** Pool side: the job running a piece of work now and its own time so far, or null when the worker is between pieces. */
export function ownTimeNow(buffer: SharedArrayBuffer): { job: number; ms: number } | null {
  const f = new Float64Array(buffer);
  const start = f[SEGMENT_START];
  if (!start) return null;
  return { job: Atomics.load(new Int32Array(buffer), STATE_CURRENT_JOB), ms: f[SEGMENT_USED] + nowMs() - start };
}

/** nesting of `Budget.run` on this thread: only the outermost piece is charged */
let runDepth = 0;

export class Budget {
  usedMs = 0;
  constructor(
    readonly limitMs: number,
    /** the pool's job id (reported to the pool as the job running JavaScript) */
    readonly id = 0,
  ) {}

  /** Run a synchronous piece of this article's work, charging its time. */
  run<T>(fn: () => T): T {
    if (runDepth > 0) return fn();
    if (shared && sharedF64 && this.id) {
      Atomics.store(shared, STATE_CURRENT_JOB, this.id);
      sharedF64[SEGMENT_USED] = this.usedMs;
      sharedF64[SEGMENT_START] = nowMs();
    }
    const t0 = performance.now();
    runDepth++;
    try {
      return fn();
    } finally {
      runDepth--;
      this.usedMs += performance.now() - t0;
      if (sharedF64) sharedF64[SEGMENT_START] = 0;
    }
  }

  charge(ms: number): void {
    this.usedMs += ms;
  }

  get exceeded(): boolean {
    return this.usedMs > this.limitMs;
  }

  /**
   * Throw `DeadlineExceeded` when the article has used up its time, `TooComplex` when the thread's heap is
   * nearly full (stopping cleanly here is better than V8 running out inside a step: a worker thread out of
   * memory in a tight allocation loop can abort the whole process).
   */
  check(): void {
    if (this.exceeded) throw new DeadlineExceeded(this.limitMs, Math.round(this.usedMs));
    if (heapNearlyFull()) throw new TooComplex();
  }
}

/** Share of the heap limit past which an extraction with a budget is stopped (`TooComplex`). */
export const HEAP_STOP_FRACTION = 0.8;

function heapNearlyFull(): boolean {
  const h = getHeapStatistics();
  return h.used_heap_size > HEAP_STOP_FRACTION * h.heap_size_limit;
}

const storage = new AsyncLocalStorage<Budget>();

/** Run `fn` (and everything it awaits) under `budget`. */
export function withBudget<T>(budget: Budget | null | undefined, fn: () => T): T {
  return budget ? storage.run(budget, fn) : fn();
}

/** The budget of the extraction this code runs for, if any. */
export function currentBudget(): Budget | undefined {
  return storage.getStore();
}

/** Run a synchronous piece of the current extraction's work, charging it (no-op without a budget). */
export function charged<T>(fn: () => T): T {
  const b = storage.getStore();
  return b ? b.run(fn) : fn();
}

/** Stop the current extraction if it is past its deadline (no-op without a budget). */
export function checkDeadline(): void {
  storage.getStore()?.check();
}

/**
 * Native sections. A worker thread terminated while it is inside a native
 * addon call (ONNX Runtime's `run`, which onnxruntime-node runs on the
 * JavaScript thread, or nodejieba) can abort the whole process. Word
 * STATE_NATIVE of the shared state is 0 (idle), 1 (inside native code) or 2
 * (the pool is stopping this worker): the pool terminates a worker only after
 * it has swapped 0 for 2 (`claimForTermination`), and a worker never enters
 * native code once the word is 2.
 */
export const NATIVE_IDLE = 0;
export const NATIVE_BUSY = 1;
export const NATIVE_STOPPING = 2;

/** The worker is being stopped by its pool: it must not enter native code any more. */
export class WorkerStopping extends Error {
  constructor() {
    super('the extraction worker is being stopped');
  }
}

let nativeDepth = 0;

function enterNative(): void {
  if (!shared) return;
  if (nativeDepth === 0 && Atomics.compareExchange(shared, STATE_NATIVE, NATIVE_IDLE, NATIVE_BUSY) !== NATIVE_IDLE) throw new WorkerStopping();
  nativeDepth++;
}

function leaveNative(): void {
  if (!shared) return;
  if (--nativeDepth === 0) Atomics.compareExchange(shared, STATE_NATIVE, NATIVE_BUSY, NATIVE_IDLE);
}

/** Run a synchronous native call where the pool will not terminate the thread. */
export function nativeSection<T>(fn: () => T): T {
  enterNative();
  try {
    return fn();
  } finally {
    leaveNative();
  }
}

/** The same for a call that returns a promise (ONNX Runtime's `session.run` runs natively in a later setImmediate). */
export async function nativeSectionAsync<T>(fn: () => Promise<T>): Promise<T> {
  enterNative();
  try {
    return await fn();
  } finally {
    leaveNative();
  }
}

/** Pool side: may the worker with this state be terminated now? True once it has been claimed (it then never enters native code again). */
export function claimForTermination(state: Int32Array): boolean {
  const prev = Atomics.compareExchange(state, STATE_NATIVE, NATIVE_IDLE, NATIVE_STOPPING);
  return prev === NATIVE_IDLE || prev === NATIVE_STOPPING;
}
