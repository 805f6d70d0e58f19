/**
 * Access, declared at each route: `middleware: [access.read]` (GET, and
 * POST /v1/query), `access.write` (every other write), `access.extract`
 * (extraction: open, or `read` when EXTRACT_REQUIRES_KEY), `access.admin`;
 * `access.busy` bounds the CPU-bound routes' concurrency. One rate limiter
 * and one concurrency limit are shared by every route of an app; the
 * limiter keeps its counts in Redis when REDIS_URL is set (rate-limit.ts).
 */
import type { MiddlewareHandler } from 'hono';
import { cpus } from 'node:os';
import type { Scope } from '../../auth/keys.js';
import type { Services } from '../services.js';
import { anonymousOrKey, requireScope } from './auth.js';
import { createRateLimiter } from './rate-limit.js';
import { concurrencyLimit } from './concurrency.js';

export interface Access {
  read: MiddlewareHandler;
  write: MiddlewareHandler;
  admin: MiddlewareHandler;
  /** extraction routes: `read` when EXTRACT_REQUIRES_KEY; else open, and with keys configured, anonymous callers rate-limited per address */
  extract: MiddlewareHandler;
  /** bounded concurrency (503 with Retry-After when saturated) */
  busy: MiddlewareHandler;
}

export function accessFor(services: Services): Access {
  const { config } = services;
  // in Redis when REDIS_URL is set (one limit across replicas), else in this process
  const limiter = services.rateLimiter ?? createRateLimiter(config);
  if (!services.rateLimiter && limiter.close) services.stopping?.addEventListener('abort', () => void limiter.close!(), { once: true });
  const scope = (s: Scope) => requireScope(services.keys ?? null, s, limiter);
  const read = scope('read');
  return {
    read,
    write: scope('write'),
    admin: scope('admin'),
    extract: config.EXTRACT_REQUIRES_KEY ? read : anonymousOrKey(services.keys ?? null, limiter, config.ANON_RATE_LIMIT_PER_MINUTE ?? 60),
    busy: concurrencyLimit(config.MAX_CONCURRENT ?? 2 * cpus().length, config.MAX_QUEUE ?? 64),
  };
}
