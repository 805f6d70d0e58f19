/**
 * A pool of worker threads that run extractions, so the CPU-bound pipeline
 * uses every core and never blocks the HTTP event loop, and so a
 * pathological input can be stopped: a job that outlives its deadline has
 * its worker terminated (the only way to stop synchronous work) and replaced;
 * the other jobs that worker held go back to the queue.
 *
 * Each worker holds up to `jobsPerWorker` jobs at once: while one article's
 * sentences are in ONNX Runtime, the worker's JavaScript runs the next
 * article's steps, and the model engine batches the sentences of the articles
 * that reach it together into one model call (sentences batched across
 * articles).
 */
import { Worker } from 'node:worker_threads';
import { cpus } from 'node:os';
import type { ArticleInput, ExtractResponse } from '../contract/schemas.js';
import type { DictEntry } from '../pipeline/recognise/user-dictionary.js';

export interface PoolJobOptions {
  engine: string;
  boilerplate?: boolean;
  tokens?: boolean;
}

export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`processing took longer than ${ms} ms`);
  }
}

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
  ready: Promise<void>;
  /** jobs this worker holds, by message id */
  running: Map<number, Running>;
}

export interface PoolOptions {
  size?: number;
  /** jobs a worker holds at once (default 2) */
  jobsPerWorker?: number;
  deadlineMs: number;
  /** environment for the workers' engine loading (MODEL_DIR, ENGINE, USER_DICT, ORT_THREADS…) */
  env?: Record<string, string | undefined>;
}

/**
 * Bounded worker heaps: without a bound V8 lets each worker's heap grow far
 * past what it uses (resident memory rose up to +29 % over 100,000 requests,
 * with a flat live heap); with it, −1 % to −4 %. 768 MB old generation still
 * holds the worst inputs measured (1,000,000 characters; 560,000 characters
 * with 80,000 mentions). A worker that runs out is replaced and the request
 * answered 422.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 32 };

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
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    // Under tsx the worker registers tsx's loader before importing the TypeScript entry.
    const worker = IS_TS
      ? new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); })`,
          { eval: true, workerData: { env: this.options.env ?? {} }, resourceLimits: WORKER_LIMITS },
        )
      : new Worker(WORKER_URL, { workerData: { env: this.options.env ?? {} }, resourceLimits: WORKER_LIMITS });
    const slot: Slot = { worker, running: new Map(), ready: Promise.resolve() };
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
    worker.on('message', (m: { type: string; id?: number; result?: ExtractResponse; error?: string }) => {
      if (m.type !== 'result' && m.type !== 'error') return;
      const r = slot.running.get(m.id!);
      if (!r) return;
      clearTimeout(r.timer);
      slot.running.delete(m.id!);
      if (m.type === 'result') r.job.resolve(m.result!);
      else r.job.reject(new Error(m.error));
      this.dispatch();
    });
    worker.on('error', (e: Error) => this.replace(slot, e, null));
    worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) this.replace(slot, new Error(`extraction worker exited with code ${code}`), null);
    });
    return slot;
  }

  /**
   * Drop a worker and start a fresh one. `culprit` (the job past its
   * deadline) fails with `error`; the worker's other jobs go back to the
   * front of the queue once (after that they fail too). When the worker
   * crashed (`culprit` null), which job caused it is unknown: each goes back
   * once.
   */
  private replace(slot: Slot, error: Error, culprit: number | null) {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    void slot.worker.terminate();
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

  private dispatch() {
    const perWorker = this.options.jobsPerWorker ?? 2;
    for (const slot of this.slots) {
      if (slot.running.size >= perWorker || !this.queue.length) continue;
      void slot.ready.then(() => {
        while (slot.running.size < perWorker && this.queue.length && this.slots.includes(slot)) {
          const job = this.queue.shift()!;
          const id = this.nextId++;
          const timer = setTimeout(() => this.replace(slot, new DeadlineExceeded(this.options.deadlineMs), id), this.options.deadlineMs);
          slot.running.set(id, { job, timer });
          slot.worker.postMessage({ type: 'extract', id, input: job.input, opts: job.opts });
        }
      });
    }
  }
}
