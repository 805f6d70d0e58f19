/**
 * API-key authentication with scopes, and per-key rate limiting.
 * Keys come as `Authorization: Bearer <key>` or `X-API-Key: <key>`.
 * Without a key store configured, auth is off (the embedded default for a
 * single user); with one, the protected routes need a key with the scope.
 */
import type { MiddlewareHandler } from 'hono';
import { ServiceError } from '../../contract/errors.js';
import type { KeyEntry, KeyStore, Scope } from '../../auth/keys.js';
import { rejected } from '../../observability/metrics.js';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Limiter } from './rate-limit.js';

declare module 'hono' {
  interface ContextVariableMap {
    apiKey: KeyEntry | null;
  }
}

function presentedKey(authorization: string | undefined, apiKey: string | undefined): string | null {
  if (apiKey) return apiKey.trim();
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return m ? m[1] : null;
}

export function requireScope(store: KeyStore | null, scope: Scope, limiter?: Limiter): MiddlewareHandler {
  return async (c, next) => {
    if (!store) {
      c.set('apiKey', null);
      return next();
    }
    const key = presentedKey(c.req.header('authorization'), c.req.header('x-api-key'));
    if (!key) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new ServiceError('unauthenticated', 'unauthorized', 'an API key is required (Authorization: Bearer <key>)');
    }
    const entry = store.find(key);
    if (!entry) {
      c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new ServiceError('unauthenticated', 'unauthorized', 'unknown or disabled API key');
    }
    if (!entry.scopes.includes(scope) && !entry.scopes.includes('admin')) {
      throw new ServiceError('forbidden', 'forbidden', `this key lacks the "${scope}" scope`);
    }
    if (limiter) {
      const wait = await limiter.take(entry.id, entry.rate_per_minute);
      if (wait > 0) {
        rejected.inc({ reason: 'rate_limited' });
        c.header('Retry-After', String(Math.ceil(wait)));
        throw new ServiceError('rate_limited', 'rate_limited', `rate limit exceeded for key ${entry.id}`);
      }
    }
    c.set('apiKey', entry);
    return next();
  };
}

/**
 * Extraction open to callers without a key while keys are configured: a
 * presented key is checked (and limited) as for `read`; a caller without one
 * is rate-limited per client address (`perMinute`, ANON_RATE_LIMIT_PER_MINUTE).
 */
export function anonymousOrKey(store: KeyStore | null, limiter: Limiter, perMinute: number): MiddlewareHandler {
  if (!store) return (_c, next) => next();
  const withKey = requireScope(store, 'read', limiter);
  return async (c, next) => {
    if (presentedKey(c.req.header('authorization'), c.req.header('x-api-key'))) return withKey(c, next);
    const client = clientAddress(c);
    const wait = await limiter.take(`anon:${client}`, perMinute);
    if (wait > 0) {
      rejected.inc({ reason: 'rate_limited' });
      c.header('Retry-After', String(Math.ceil(wait)));
      throw new ServiceError('rate_limited', 'rate_limited', `rate limit exceeded for ${client}: send an API key for a higher limit`);
    }
    c.set('apiKey', null);
    return next();
  };
}

/** The peer's address (behind a proxy: the proxy's; the per-client limit then applies to the proxy as a whole). */
function clientAddress(c: Parameters<MiddlewareHandler>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
