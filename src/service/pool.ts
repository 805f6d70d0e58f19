/**
 * A pool of worker threads that run extractions, so the CPU-bound pipeline
 * uses every core and never blocks the HTTP event loop, and so a
 * pathological input can be stopped: a job that outlives its deadline has
 * its worker terminated (the only way to stop synchronous work) and replaced.
 */
import { Worker } from 'node:worker_threads';
import { cpus } from 'node:os';
import type { ArticleInput, ExtractResponse } from '../server/schemas.js';
import type { DictEntry } from '../feedback/dictionary.js';

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
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

export interface PoolOptions {
  size?: number;
  deadlineMs: number;
  /** environment for the workers' engine loading (MODEL_DIR, ENGINE, USER_DICT, ORT_THREADS…) */
  env?: Record<string, string | undefined>;
}

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
    return this.queue.length + this.slots.filter((s) => s.job).length;
  }

  extract(input: ArticleInput, opts: PoolJobOptions): Promise<ExtractResponse> {
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'));
    if (this.initError) return Promise.reject(this.initError);
    return new Promise((resolve, reject) => {
      this.queue.push({ input, opts, resolve, reject });
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
          { eval: true, workerData: { env: this.options.env ?? {} } },
        )
      : new Worker(WORKER_URL, { workerData: { env: this.options.env ?? {} } });
    const slot: Slot = { worker, job: null, timer: null, ready: Promise.resolve() };
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
    worker.on('message', (m: { type: string; result?: ExtractResponse; error?: string }) => {
      if (m.type !== 'result' && m.type !== 'error') return;
      const job = slot.job;
      this.finish(slot);
      if (!job) return;
      if (m.type === 'result') job.resolve(m.result!);
      else job.reject(new Error(m.error));
    });
    worker.on('error', (e: Error) => this.replace(slot, e));
    worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) this.replace(slot, new Error(`extraction worker exited with code ${code}`));
    });
    return slot;
  }

  private finish(slot: Slot) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    this.dispatch();
  }

  /** Fail the slot's job (if any), drop the worker and start a fresh one. */
  private replace(slot: Slot, error: Error) {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    this.slots.splice(i, 1);
    void slot.worker.terminate();
    if (job) job.reject(error);
    if (!this.closed && !this.initError) {
      this.slots.push(this.spawn());
      this.dispatch();
    }
  }

  private dispatch() {
    for (const slot of this.slots) {
      if (slot.job || !this.queue.length) continue;
      void slot.ready.then(() => {
        if (slot.job || !this.queue.length || !this.slots.includes(slot)) return;
        const job = this.queue.shift()!;
        slot.job = job;
        slot.timer = setTimeout(() => this.replace(slot, new DeadlineExceeded(this.options.deadlineMs)), this.options.deadlineMs);
        slot.worker.postMessage({ type: 'extract', input: job.input, opts: job.opts });
      });
    }
  }
}
