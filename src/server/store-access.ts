/** What the store's HTTP routes share: the store (or 503), the editors' feedback, store errors as service errors, query validation, filters. */
import type { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { ServiceError, validationError } from '../contract/errors.js';
import type { Services } from './services.js';
import type { Feedback } from '../feedback/service.js';
import { StoreError, type EntityFilter, type Repository } from '../store/repository.js';

export function requireStore(services: Services): Repository {
  if (!services.store) throw new ServiceError('unavailable', 'store_unavailable', 'no store is configured for this server');
  return services.store;
}

/** A route's middleware: 503 before anything else is read when there is no store (as `requireStore`). */
export const storeRequired =
  (services: Services): MiddlewareHandler =>
  async (_c, next) => {
    requireStore(services);
    await next();
  };

export function requireFeedback(services: Services): Feedback {
  requireStore(services);
  if (!services.feedback) throw new ServiceError('unavailable', 'store_unavailable', 'no user dictionary is configured for this server');
  return services.feedback;
}

/** Run a store call, turning its errors into API errors. */
export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof StoreError) {
      if (e.code === 'conflict') throw new ServiceError('conflict', 'conflict', e.message, e.details);
      if (e.code === 'bad_cursor') throw new ServiceError('invalid', 'invalid_cursor', e.message);
      throw new ServiceError('not_found', 'not_found', e.message);
    }
    throw e;
  }
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error);
  return r.data;
}

const date = (s: string | undefined) => (s === undefined ? undefined : s.slice(0, 10));

/** Query parameters (validated by EntityFilterQuery) → a store filter. */
export function entityFilterOf(q: { type?: string; name?: string; prefix?: string; contains?: string; from?: string; to?: string; source?: string }): EntityFilter {
  return {
    ...(q.type ? { types: q.type.split(',') } : {}),
    ...(q.name !== undefined ? { name: q.name } : {}),
    ...(q.prefix !== undefined ? { prefix: q.prefix } : {}),
    ...(q.contains !== undefined ? { contains: q.contains } : {}),
    ...(q.from !== undefined ? { from: date(q.from) } : {}),
    ...(q.to !== undefined ? { to: date(q.to) } : {}),
    ...(q.source !== undefined ? { source: q.source } : {}),
  };
}

export { date as dateOf };
