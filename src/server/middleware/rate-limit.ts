/**
 * Rate limiters for the per-key and per-client (anonymous) limits. Without Redis: token buckets in this
 * process (`RateLimiter` in auth.ts). With REDIS_URL: the counts live in Redis (rate-limiter-flexible,
 * one atomic Lua script per request), so every replica shares one limit per key; when Redis does not
 * answer, each process falls back to its own in-memory limit (the library's insurance limiter) rather
 * than refusing or admitting everything.
 */
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { logger } from '../../observability/logger.js';

/** Takes one request for `id` under a limit of `perMinute`: 0 when allowed, else the seconds to wait. */
export interface Limiter {
  take(id: string, perMinute?: number): number | Promise<number>;
  close?(): Promise<void>;
}

/** How long a request waits for the first connection to Redis before the in-memory limit answers. */
const CONNECT_WAIT_MS = 1000;

export interface RedisLimiterOptions {
  /** a client to use (not closed by `close`), or a URL to connect to (closed by `close`) */
  redis: Redis | string;
  defaultPerMinute: number;
  /** key prefix in Redis (default `zhner:rl`) */
  prefix?: string;
}

/** Limits kept in Redis, shared by every process that uses the same Redis and prefix. */
export class RedisRateLimiter implements Limiter {
  private readonly client: Redis;
  private readonly owned: boolean;
  private readonly byRate = new Map<number, RateLimiterRedis>();
  private readonly prefix: string;
  private readonly defaultPerMinute: number;
  private warned = false;

  constructor(opts: RedisLimiterOptions) {
    this.owned = typeof opts.redis === 'string';
    // no offline queue: while Redis is down a request fails at once and the insurance limiter answers
    this.client = typeof opts.redis === 'string' ? new Redis(opts.redis, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : opts.redis;
    this.client.on('error', (e) => {
      if (!this.warned) logger.warn({ err: String(e) }, 'rate limits: Redis unavailable, limiting in memory per process until it answers');
      this.warned = true;
    });
    this.client.on('ready', () => (this.warned = false));
    this.prefix = opts.prefix ?? 'zhner:rl';
    this.defaultPerMinute = opts.defaultPerMinute;
  }

  /** One limiter per rate (keys have their own rates): `perMinute` points a minute. */
  private limiterFor(perMinute: number): RateLimiterRedis {
    let l = this.byRate.get(perMinute);
    if (!l) {
      l = new RateLimiterRedis({
        storeClient: this.client,
        keyPrefix: `${this.prefix}:${perMinute}`,
        points: perMinute,
        duration: 60,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${this.prefix}:mem:${perMinute}`, points: perMinute, duration: 60 }),
      });
      this.byRate.set(perMinute, l);
    }
    return l;
  }

  /** While the first connection is being made, wait for it a little (a request then counts in Redis, not in memory). */
  private async connected(): Promise<void> {
    const st = this.client.status;
    if (st !== 'wait' && st !== 'connecting' && st !== 'connect') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.client.off('ready', done);
        this.client.off('error', done);
        resolve();
      };
      const timer = setTimeout(done, CONNECT_WAIT_MS);
      this.client.once('ready', done);
      this.client.once('error', done);
    });
  }

  async take(id: string, perMinute = this.defaultPerMinute): Promise<number> {
    try {
      await this.connected();
      await this.limiterFor(perMinute).consume(id, 1);
      return 0;
    } catch (e) {
      if (e instanceof RateLimiterRes) return Math.max(0.001, e.msBeforeNext / 1000);
      // neither Redis nor the insurance limiter answered: let the request through rather than fail it
      logger.warn({ err: String(e) }, 'rate limit check failed');
      return 0;
    }
  }

  async close(): Promise<void> {
    if (this.owned) await this.client.quit().catch(() => this.client.disconnect());
  }
}

/** The limiter for a configuration: in Redis when REDIS_URL is set, else in memory. */
export function createRateLimiter(config: { REDIS_URL?: string; RATE_LIMIT_PER_MINUTE?: number }, prefix?: string): Limiter {
  const perMinute = config.RATE_LIMIT_PER_MINUTE ?? 600;
  if (config.REDIS_URL) return new RedisRateLimiter({ redis: config.REDIS_URL, defaultPerMinute: perMinute, prefix });
  return new RateLimiter(perMinute);
}

/** Token buckets per key, in this process: `perMinute` requests a minute, bursts up to the same number. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly defaultPerMinute: number) {}

  /** Take a token; returns 0 when allowed, else the seconds until one is available. */
  take(id: string, perMinute = this.defaultPerMinute): number {
    const now = Date.now();
    if (this.buckets.size > 10_000) this.sweep(now);
    const b = this.buckets.get(id) ?? { tokens: perMinute, at: now };
    b.tokens = Math.min(perMinute, b.tokens + ((now - b.at) / 60_000) * perMinute);
    b.at = now;
    this.buckets.set(id, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return ((1 - b.tokens) / perMinute) * 60;
  }

  /** Forget buckets idle for a minute: they are full again, as a new one would be (bounded memory with many clients). */
  private sweep(now: number): void {
    for (const [id, b] of this.buckets) if (now - b.at >= 60_000) this.buckets.delete(id);
  }
}
