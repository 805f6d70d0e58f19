/**
 * Bounded concurrency for the CPU-bound routes: at most `max` requests run,
 * at most `queue` wait; beyond that the service answers 503 with
 * Retry-After instead of queueing without bound.
 */
import type { MiddlewareHandler } from 'hono';
import { ServiceError } from '../../contract/errors.js';
import { inFlight, rejected } from '../../observability/metrics.js';

export function concurrencyLimit(max: number, queue: number, retryAfterSeconds = 1): MiddlewareHandler {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (c, next) => {
    if (running >= max) {
      if (waiting.length >= queue) {
        rejected.inc({ reason: 'saturated' });
        c.header('Retry-After', String(retryAfterSeconds));
        throw new ServiceError('unavailable', 'overloaded', 'the service is at capacity; retry later');
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else running++;
    inFlight.inc();
    try {
      await next();
    } finally {
      inFlight.dec();
      const wake = waiting.shift();
      if (wake) wake();
      else running--;
    }
  };
}
