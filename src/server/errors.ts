/** Errors as HTTP answers: `{error: {code, message}}`, each error kind mapped to its status here and only here. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ServiceError, type ErrorKind } from '../contract/errors.js';

export const STATUS_OF: Record<ErrorKind, ContentfulStatusCode> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media: 415,
  invalid: 422,
  rate_limited: 429,
  unavailable: 503,
};

export function errorResponse(err: unknown, c: Context) {
  if (err instanceof ServiceError) {
    // come back later: a 503 or 429 always says when
    if ((err.kind === 'unavailable' || err.kind === 'rate_limited') && !c.res.headers.has('Retry-After')) c.header('Retry-After', '1');
    return c.json({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } }, STATUS_OF[err.kind]);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = status === 413 ? 'payload_too_large' : status === 404 ? 'not_found' : 'bad_request';
    return c.json({ error: { code, message: err.message || 'request failed' } }, status);
  }
  console.error(err);
  return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
}
