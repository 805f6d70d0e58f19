/**
 * Request ids, access logs and HTTP metrics. Every request gets an id (the
 * caller's `X-Request-Id` when it is sane, else a new UUID), echoed in the
 * response header and carried by the request's child logger.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { logger, type Logger } from '../../observability/logger.js';
import { httpDuration, httpRequests } from '../../observability/metrics.js';

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
    log: Logger;
  }
}

const SANE_ID = /^[\w.:-]{1,128}$/;

export const observe: MiddlewareHandler = async (c, next) => {
  const given = c.req.header('x-request-id');
  const requestId = given && SANE_ID.test(given) ? given : randomUUID();
  const log = logger.child({ requestId });
  c.set('requestId', requestId);
  c.set('log', log);
  const t0 = performance.now();
  try {
    await next();
  } finally {
    const seconds = (performance.now() - t0) / 1000;
    const route = c.req.routePath && c.req.routePath !== '*' ? c.req.routePath : 'unmatched';
    const labels = { method: c.req.method, route, status: String(c.res.status) };
    httpRequests.inc(labels);
    httpDuration.observe(labels, seconds);
    c.res.headers.set('x-request-id', requestId);
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(seconds * 1000) }, 'request');
  }
};
