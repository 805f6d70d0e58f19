/**
 * One admission for every extraction, whatever route or queue it comes from:
 * at most `slots` run at once (the extraction threads' capacity), and when
 * they are busy, waiting interactive extractions (`/v1/extract`, `/v1/tags`,
 * `POST /v1/articles`) go before waiting bulk ones (batch lines, job items).
 * So a small request waits for one slot to free, never behind a bulk load.
 * Interactive waiters are bounded (`maxWaiting`; beyond → `overloaded`, 503
 * with Retry-After); bulk waiters are not: their producers (a batch stream,
 * a queue consumer) await their turn, which is the backpressure.
 */
import { ServiceError } from '../contract/errors.js';

export type Priority = 'interactive' | 'bulk';

export interface AdmissionStats {
  running: number;
  waiting: { interactive: number; bulk: number };
}

export class Admission {
  private running = 0;
  private readonly waiting: Record<Priority, (() => void)[]> = { interactive: [], bulk: [] };

  constructor(
    readonly slots: number,
    readonly maxWaiting: number,
  ) {}

  get stats(): AdmissionStats {
    return { running: this.running, waiting: { interactive: this.waiting.interactive.length, bulk: this.waiting.bulk.length } };
  }

  /** Wait for a slot; resolves to its release function. Throws `overloaded` when too many interactive extractions wait. */
  async acquire(priority: Priority): Promise<() => void> {
    if (this.running < this.slots) {
      this.running++;
      return this.releaser();
    }
    if (priority === 'interactive' && this.waiting.interactive.length >= this.maxWaiting) {
      throw new ServiceError('unavailable', 'overloaded', 'the service is at capacity; retry later');
    }
    await new Promise<void>((resolve) => this.waiting[priority].push(resolve));
    return this.releaser();
  }

  /** Run `fn` in a slot. */
  async run<T>(priority: Priority, fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire(priority);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      // hand the slot straight to the next waiter, interactive first
      const next = this.waiting.interactive.shift() ?? this.waiting.bulk.shift();
      if (next) next();
      else this.running--;
    };
  }
}
