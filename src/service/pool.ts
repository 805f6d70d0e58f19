/**
 * A pool of worker threads that run extractions, so the CPU-bound pipeline
 * uses every core and never blocks the HTTP event loop, and so a
 * pathological input can be stopped.
 *
 * Deadlines are cooperative first: each job carries its deadline to the
 * worker, which counts the article's own processing time (not time spent on
 * the other article it holds) and stops it between pipeline steps and model
 * chunks (src/pipeline/budget.ts) — the worker lives on. Only a job stuck
 * in one step far beyond its deadline (`stuckKillMs` of its own time, or
 * `hardKillMs` of wall-clock time as a last resort) has its worker
 * terminated and replaced, and never while the worker is
 * inside native code (ONNX Runtime, nodejieba): a thread terminated there can
 * abort the whole process. The job that was running JavaScript when a worker
 * is stopped or runs out of memory fails, not retryable; the worker's other
 * jobs go back to the queue once.
 *
 * Each worker holds up to `jobsPerWorker` jobs at once (default one: the
 * model engine batches each article's own sentences, never several articles'
 * in one call, so that an answer does not depend on what else is in flight,
 * and a second job would only interleave with the first on the worker's
 * thread).
 */
import { Worker } from 'node:worker_threads';
import { cpus } from 'node:os';
import type { ArticleInput, ExtractResponse } from '../contract/schemas.js';
import type { DictEntry } from '../pipeline/recognise/user-dictionary.js';
import { DeadlineExceeded, SHARED_STATE_BYTES, STATE_CURRENT_JOB, TooComplex, claimForTermination, ownTimeNow } from '../pipeline/budget.js';

export interface PoolJobOptions {
  engine: string;
  boilerplate?: boolean;
  tokens?: boolean;
}

export { DeadlineExceeded, ExtractionStopped, TooComplex } from '../pipeline/budget.js';

interface Job {
  input: ArticleInput;
  opts: PoolJobOptions;
  resolve: (r: ExtractResponse) => void;
  reject: (e: Error) => void;
  /** times it went back to the queue because its worker was replaced for another job */
  requeued: number;
}

interface Running {
  job: Job;
  timer: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  /** shared with the worker (src/pipeline/budget.ts): native-section word, id of the job running JavaScript */
  state: Int32Array;
  buffer: SharedArrayBuffer;
  exited: boolean;
  /** watches for a job stuck in one step while the worker holds jobs */
  watchdog: NodeJS.Timeout | null;
  ready: Promise<void>;
  /** jobs this worker holds, by message id */
  running: Map<number, Running>;
}

export interface PoolOptions {
  size?: number;
  /**
   * jobs a worker holds at once (default 1: onnxruntime-node runs a model call on the worker's JavaScript thread,
   * so a second job there only interleaves; since each article has model calls of its own, one job per worker
   * was 10-15 % faster than two on 2 cores, 2026-11-30)
   */
  jobsPerWorker?: number;
  /** an article's own processing time past this fails it with `DeadlineExceeded` (checked in the worker) */
  deadlineMs: number;
  /**
   * Wall-clock time after which a job that has not come back has its worker terminated (last resort, for one
   * step that never returns). Default: (jobsPerWorker + 1) × deadlineMs + 2 s — a worker runs its jobs'
   * steps one at a time, so a job may wait for the other's whole deadline.
   */
  hardKillMs?: number;
  /**
   * A job whose own processing time passes this while it is inside one step (where the worker cannot check
   * its deadline) has its worker terminated. Default: 1.5 × deadlineMs (the worker is terminated only outside
   * native code, so this is safe; sooner limits how far a runaway step can grow its heap).
   */
  stuckKillMs?: number;
  /** environment for the workers' engine loading (MODEL_DIR, ENGINE, USER_DICT, ORT_THREADS…) */
  env?: Record<string, string | undefined>;
}

/**
 * Bounded worker heaps: without a bound V8 lets each worker's heap grow far
 * past what it uses (resident memory rose up to +29 % over 100,000 requests,
 * with a flat live heap); with it, −1 % to −4 %. 768 MB old generation still
 * holds the worst inputs measured (1,000,000 characters; 560,000 characters
 * with 80,000 mentions). A worker that runs out is replaced and the request
 * answered 422. A 16 MB young generation (was 32) keeps less resident per worker
 * (default service at rest 721–749 → 698–704 MB in paired runs) for no
 * measurable speed: pool of 2 workers, model engine, 100 articles, four
 * interleaved rounds, 13,200 vs 13,375 chars/s (−1.3 %; per round −3.8 to +0.1 %), 2026-11-30.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 16 };

const IS_TS = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(IS_TS ? './pool-worker.ts' : './pool-worker.js', import.meta.url);

export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;
  /** engines the workers loaded (name → model), known once the first worker is ready */
  readonly engines = new Map<string, string>();
  /** set when a worker cannot load its engines: every job then fails at once instead of waiting */
  private initError: Error | null = null;
  readonly size: number;
  /** the user dictionary every worker applies (sent to workers started later too) */
  private dictionary: DictEntry[] | null = null;
  private nextId = 1;

  constructor(private readonly options: PoolOptions) {
    this.size = options.size ?? cpus().length;
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  /** Resolves when every worker has loaded its engines. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  get engineNames(): string[] {
    return [...this.engines.keys()];
  }

  get pending(): number {
    return this.queue.length + this.slots.reduce((n, s) => n + s.running.size, 0);
  }

  extract(input: ArticleInput, opts: PoolJobOptions): Promise<ExtractResponse> {
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'));
    if (this.initError) return Promise.reject(this.initError);
    return new Promise((resolve, reject) => {
      this.queue.push({ input, opts, resolve, reject, requeued: 0 });
      this.dispatch();
    });
  }

  /** Send the user dictionary to every worker (and to every worker started later); jobs posted after this see it. */
  setDictionary(entries: DictEntry[]): void {
    this.dictionary = entries;
    for (const slot of this.slots) slot.worker.postMessage({ type: 'dictionary', entries });
  }

  /**
   * Stop taking jobs; with `drain` (graceful shutdown) the queued and running
   * jobs finish first, else they are rejected. Then the workers end.
   */
  async close(opts: { drain?: boolean } = {}): Promise<void> {
    this.closed = true;
    if (opts.drain) {
      while (this.pending > 0 && !this.initError) await new Promise((r) => setTimeout(r, 20));
    }
    for (const j of this.queue.splice(0)) j.reject(new Error('the extraction pool is closed'));
    await Promise.all(this.slots.map((s) => stopWorker(s)));
  }

  private spawn(): Slot {
    const shared = new SharedArrayBuffer(SHARED_STATE_BYTES);
    const workerData = { env: this.options.env ?? {}, state: shared };
    // Under tsx the worker registers tsx's loader before importing the TypeScript entry.
    const worker = IS_TS
      ? new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); })`,
          { eval: true, workerData, resourceLimits: WORKER_LIMITS },
        )
      : new Worker(WORKER_URL, { workerData, resourceLimits: WORKER_LIMITS });
    const slot: Slot = { worker, state: new Int32Array(shared), buffer: shared, exited: false, watchdog: null, running: new Map(), ready: Promise.resolve() };
    // queued by the worker's port until it listens, so it lands before any job
    if (this.dictionary) worker.postMessage({ type: 'dictionary', entries: this.dictionary });
    slot.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: { type: string; error?: string; engines?: [string, string][] }) => {
        if (m.type === 'ready') {
          for (const [name, model] of m.engines ?? []) this.engines.set(name, model);
          worker.off('message', onMessage);
          resolve();
          this.dispatch();
        } else if (m.type === 'init-error') {
          this.initError = new Error(`extraction worker failed to start: ${m.error}`);
          for (const j of this.queue.splice(0)) j.reject(this.initError);
          reject(this.initError);
        }
      };
      worker.on('message', onMessage);
    });
    slot.ready.catch(() => {});
    worker.on('message', (m: { type: string; id?: number; result?: ExtractResponse; error?: string; deadline?: { ms: number; usedMs?: number }; tooComplex?: boolean }) => {
      if (m.type !== 'result' && m.type !== 'error') return;
      const r = slot.running.get(m.id!);
      if (!r || !this.slots.includes(slot)) return;
      clearTimeout(r.timer);
      slot.running.delete(m.id!);
      if (m.type === 'result') r.job.resolve(m.result!);
      else if (m.tooComplex) r.job.reject(new TooComplex());
      else if (m.deadline) r.job.reject(new DeadlineExceeded(m.deadline.ms, m.deadline.usedMs));
      else r.job.reject(new Error(m.error));
      this.dispatch();
    });
    worker.on('error', (e: Error) => {
      // out of memory: the job that was running JavaScript caused it; it fails (not retryable) and is not run again
      const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.replace(slot, oom ? new TooComplex() : e, this.runningJob(slot));
    });
    worker.on('exit', (code) => {
      slot.exited = true;
      if (!this.closed && this.slots.includes(slot)) this.replace(slot, new Error(`extraction worker exited with code ${code}`), null);
    });
    return slot;
  }

  /** The job of `slot` that last ran JavaScript (reported by the worker), if it still holds it. */
  private runningJob(slot: Slot): number | null {
    const id = Atomics.load(slot.state, STATE_CURRENT_JOB);
    return slot.running.has(id) ? id : null;
  }

  /**
   * Drop a worker and start a fresh one. `culprit` (the job past its
   * deadline, or running when the worker crashed) fails with `error`; the
   * worker's other jobs go back to the front of the queue once (after that
   * they fail too). When which job caused it is unknown (`culprit` null),
   * each goes back once.
   */
  private replace(slot: Slot, error: Error, culprit: number | null) {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    if (slot.watchdog) clearInterval(slot.watchdog);
    void stopWorker(slot);
    const back: Job[] = [];
    for (const [id, r] of slot.running) {
      clearTimeout(r.timer);
      if (id === culprit || r.job.requeued >= 1 || this.closed) r.job.reject(error);
      else {
        r.job.requeued++;
        back.push(r.job);
      }
    }
    slot.running.clear();
    this.queue.unshift(...back);
    if (!this.closed && !this.initError) this.slots.push(this.spawn());
    else for (const j of this.queue.splice(0)) j.reject(this.initError ?? error);
    this.dispatch();
  }

  /** While `slot` holds jobs, look every 100 ms for one stuck in a single step past `stuckKillMs` of its own time. */
  private watch(slot: Slot) {
    if (slot.watchdog || !slot.running.size) return;
    const { deadlineMs } = this.options;
    const stuckMs = this.options.stuckKillMs ?? 1.5 * deadlineMs;
    slot.watchdog = setInterval(() => {
      if (!slot.running.size || !this.slots.includes(slot)) {
        clearInterval(slot.watchdog!);
        slot.watchdog = null;
        return;
      }
      const now = ownTimeNow(slot.buffer);
      if (now && slot.running.has(now.job) && now.ms > stuckMs) this.replace(slot, new DeadlineExceeded(deadlineMs, Math.round(now.ms)), now.job);
    }, 100);
    slot.watchdog.unref();
  }

  private dispatch() {
    const perWorker = this.options.jobsPerWorker ?? 1;
    for (const slot of this.slots) {
      if (slot.running.size >= perWorker || !this.queue.length) continue;
      void slot.ready.then(() => {
        while (slot.running.size < perWorker && this.queue.length && this.slots.includes(slot)) {
          const job = this.queue.shift()!;
          const id = this.nextId++;
          const { deadlineMs } = this.options;
          const hardKillMs = this.options.hardKillMs ?? (perWorker + 1) * (this.options.stuckKillMs ?? 1.5 * deadlineMs) + 2000;
          // last resort: the job has not come back long after its deadline; the job then running JavaScript is the one stuck
          const timer = setTimeout(() => this.replace(slot, new DeadlineExceeded(deadlineMs), this.runningJob(slot) ?? id), hardKillMs);
          slot.running.set(id, { job, timer });
          slot.worker.postMessage({ type: 'extract', id, input: job.input, opts: job.opts, deadlineMs });
        }
        this.watch(slot);
      });
    }
  }
}

/**
 * Terminate a worker once it is outside native code (src/pipeline/budget.ts): terminating a thread while
 * ONNX Runtime runs on it aborts the process. A native call is short (one model batch), so this waits
 * milliseconds; once claimed the worker never enters native code again.
 */
async function stopWorker(slot: Slot): Promise<void> {
  while (!slot.exited && !claimForTermination(slot.state)) await new Promise((r) => setTimeout(r, 5));
  await slot.worker.terminate();
}
