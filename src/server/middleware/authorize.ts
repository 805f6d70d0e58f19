/**
 * Which scope a request needs: reads (GET, and POST /v1/query) need `read`,
 * writes need `write`; extraction needs `read` only when configured so.
 */
import type { MiddlewareHandler } from 'hono';
import type { KeyStore, Scope } from '../../auth/keys.js';
import { RateLimiter, requireScope } from './auth.js';

export function scopeFor(method: string, path: string, extractRequiresKey: boolean): Scope | null {
  if (path === '/v1/extract' || path === '/v1/tags' || path === '/v1/batch/extract') return extractRequiresKey ? 'read' : null;
  if (method === 'GET' || method === 'HEAD' || path === '/v1/query') return 'read';
  return 'write';
}

export function authorize(keys: KeyStore | null, extractRequiresKey: boolean, perMinute: number): MiddlewareHandler {
  const limiter = new RateLimiter(perMinute);
  const guards = new Map<Scope, MiddlewareHandler>(
    (['read', 'write', 'admin'] as const).map((s) => [s, requireScope(keys, s, limiter)]),
  );
  return async (c, next) => {
    const scope = scopeFor(c.req.method, c.req.path, extractRequiresKey);
    if (!scope) return next();
    return guards.get(scope)!(c, next);
  };
}
