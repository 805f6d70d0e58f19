/**
 * What every route module shares: the sub-app constructor, response and body
 * helpers for `createRoute`, the path parameter, the error responses, and the
 * one `defaultHook` that answers a validation failure as the service's 422
 * `invalid_request` error.
 *
 * A route is declared once: `app.openapi(createRoute({ method, path, request,
 * responses, middleware: [access.read] }), handler)`; the handler reads what
 * the route validated with `c.req.valid('param' | 'query' | 'json')`.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Hook } from '@hono/zod-openapi';
import type { Env, MiddlewareHandler } from 'hono';
import { ErrorResponse } from '../contract/schemas.js';
import { validationError } from '../contract/errors.js';
import { parseJson, readJsonText } from './body.js';

/** Validation failures of a route's params, query or body: the 422 `invalid_request` body, with every issue. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const defaultHook: Hook<any, Env, any, any> = (result) => {
  if (!result.success) throw validationError(result.error as z.ZodError);
};

/** The access middleware each route may declare (`Access` in middleware/authorize.ts), by kind: filled by `registerAccess`. */
const ACCESS_KINDS = new WeakMap<MiddlewareHandler, string>();

/** Remember which middleware of an `Access` is which, so the document can state each route's security from its middleware. */
export function registerAccess(access: object) {
  for (const [kind, mw] of Object.entries(access)) ACCESS_KINDS.set(mw as MiddlewareHandler, kind);
}

const KEYED: Record<string, string[]>[] = [{ bearerAuth: [] }, { apiKeyHeader: [] }];

/**
 * What a route's access middleware means for its document: the security it
 * takes (a key for read/write/admin; a key or none for extraction, open
 * unless EXTRACT_REQUIRES_KEY) and the errors that come with a key check
 * (401, 403) and the rate limiter (429). Routes without access middleware
 * (health) take no security.
 */
function accessDoc(middleware: unknown, responses: Record<string, unknown>) {
  const list = (middleware === undefined ? [] : Array.isArray(middleware) ? middleware : [middleware]) as MiddlewareHandler[];
  const kinds = new Set(list.map((m) => ACCESS_KINDS.get(m)).filter(Boolean));
  const keyed = kinds.has('read') || kinds.has('write') || kinds.has('admin');
  if (!keyed && !kinds.has('extract')) return { security: [] as Record<string, string[]>[], responses };
  return {
    security: keyed ? KEYED : [{}, ...KEYED],
    responses: { ...responses, 401: responses[401] ?? errors[401], 403: responses[403] ?? errors[403], 429: responses[429] ?? errors[429] },
  };
}

/** A (sub-)app whose routes answer validation failures through `defaultHook`, and document the security their access middleware takes. */
export const routes = () => {
  const app = new OpenAPIHono({ defaultHook });
  const openapi = app.openapi;
  app.openapi = ((route: Parameters<typeof openapi>[0], handler: Parameters<typeof openapi>[1], hook?: Parameters<typeof openapi>[2]) =>
    openapi({ ...route, ...(accessDoc(route.middleware, route.responses as Record<string, unknown>) as Pick<typeof route, 'responses'>) }, handler, hook)) as typeof openapi;
  return app;
};

/** A JSON response with its schema. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });

/** An error response (`{error: {code, message, details?}}`). */
export const err = (description: string) => json(ErrorResponse, description);

/** The error responses routes share, by status; a route picks those it can answer, with its own wording where it helps. */
export const errors = {
  400: err('Malformed JSON'),
  401: err('No API key, or an unknown one (when keys are on)'),
  403: err('The key lacks the scope'),
  404: err('Not found'),
  413: err('Body or text too large'),
  415: err('Not JSON, or not UTF-8'),
  422: err('Invalid fields'),
  429: err('Rate limit exceeded for the key'),
  503: err('Not configured, or at capacity'),
} as const;

/** `{id}` in a path. */
export const IdParam = (example: string) => z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example }) });

/** A required JSON body validated by the route (`c.req.valid('json')`); read first by `jsonBody` below. */
export const body = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });

/**
 * A required JSON body that the handler validates itself (the extractor
 * parses articles, as it does for the CLI and the queue): documented by
 * reference to the named schema, which the route module registers. No
 * validator is attached to the route for it.
 */
export function documentedBody(app: OpenAPIHono, name: string, schema: z.ZodType) {
  app.openAPIRegistry.register(name, schema);
  return { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } };
}

/**
 * Read the JSON body with the service's limits before anything validates it:
 * over `maxBytes` 413, not JSON or not UTF-8 415, empty or malformed 400
 * (`readJsonBody`). The text read is what `c.req.json()` and the route's
 * JSON validator parse afterwards (Hono caches a request's body text).
 */
export const jsonBody =
  (maxBytes: number): MiddlewareHandler =>
  async (c, next) => {
    const text = await readJsonText(c, maxBytes);
    parseJson(text); // 400 malformed_json here, before any validation
    // Hono keeps a body it has read as a promise of it (the declared type says otherwise)
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
    await next();
  };

/**
 * An NDJSON response: the route types map `application/x-ndjson` to no
 * response type (it reads as JSON with a prefix), so a streamed answer is
 * returned through this.
 */
export const streamed = (res: Response) => res as never;
