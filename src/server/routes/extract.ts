/** POST /v1/extract — one article in, mentions and entities out. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { ArticleInput, ErrorResponse, ExtractQuery, ExtractResponse } from '../../contract/schemas.js';
import { readJsonBody } from '../body.js';
import { ServiceError, validationError } from '../../contract/errors.js';
import { extractArticle } from '../../service/extract.js';
import { DeadlineExceeded } from '../../service/pool.js';
import type { ExtractResponse as ExtractResult } from '../../contract/schemas.js';
import type { Services } from '../services.js';

const errors = {
  400: { description: 'Malformed JSON', content: { 'application/json': { schema: ErrorResponse } } },
  413: { description: 'Body or text too large', content: { 'application/json': { schema: ErrorResponse } } },
  415: { description: 'Not JSON, or not UTF-8', content: { 'application/json': { schema: ErrorResponse } } },
  422: { description: 'Invalid fields', content: { 'application/json': { schema: ErrorResponse } } },
};

export const extractRoute = createRoute({
  method: 'post',
  path: '/v1/extract',
  summary: 'Extract people, places, organisations, companies, amounts and dates from one article',
  request: {
    query: ExtractQuery,
    body: { required: true, content: { 'application/json': { schema: ArticleInput } } },
  },
  responses: {
    200: { description: 'Mentions and entities; every offset refers to `text`', content: { 'application/json': { schema: ExtractResponse } } },
    ...errors,
  },
});

const flag = (v: string | undefined) => v === '1' || v === 'true';

/** Validate an article request body and pick the engine: shared by every route that takes articles. */
export function parseArticleRequest(services: Services, body: unknown, query: Record<string, string | undefined>) {
  const q = ExtractQuery.safeParse(query);
  if (!q.success) throw validationError(q.error);
  const input = ArticleInput.safeParse(body);
  if (!input.success) throw validationError(input.error);
  const text = input.data.text ?? input.data.html ?? '';
  if (text.length > services.config.MAX_TEXT_CHARS) {
    throw new ServiceError('too_large', 'text_too_large', `the article is longer than ${services.config.MAX_TEXT_CHARS} characters`);
  }
  const engine = q.data.engine ?? services.defaultEngine;
  const available = availableEngines(services);
  if (!available.includes(engine)) {
    throw new ServiceError('invalid', 'unknown_engine', `unknown engine "${engine}"; available: ${available.join(', ')}`);
  }
  return { input: input.data, engine, boilerplate: flag(q.data.boilerplate), tokens: flag(q.data.tokens) };
}

/** The engines that can run a request: the workers' when there is a pool, else the in-process ones. */
export function availableEngines(services: Services): string[] {
  return services.pool ? services.pool.engineNames : [...services.engines.keys()];
}

/** Run one extraction: on the worker pool (with its deadline) when there is one, else in-process. */
export async function runExtraction(
  services: Services,
  req: { input: ArticleInput; engine: string; boilerplate?: boolean; tokens?: boolean },
): Promise<ExtractResult> {
  if (!services.pool) {
    const engine = services.engines.get(req.engine);
    if (!engine) throw new ServiceError('invalid', 'unknown_engine', `unknown engine "${req.engine}"`);
    return extractArticle(req.input, { ...req, engine });
  }
  try {
    return await services.pool.extract(req.input, req);
  } catch (e) {
    if (e instanceof DeadlineExceeded) {
      throw new ServiceError('invalid', 'processing_deadline_exceeded', `the article could not be processed within ${e.ms} ms`);
    }
    if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw new ServiceError('invalid', 'too_complex', 'the article needs more memory than an extraction worker may use');
    }
    throw e;
  }
}

export function extractRoutes(services: Services) {
  const app = new OpenAPIHono();
  app.openAPIRegistry.registerPath(extractRoute);
  app.post('/v1/extract', async (c) => {
    const body = await readJsonBody(c, services.config.MAX_BODY_BYTES);
    const req = parseArticleRequest(services, body, c.req.query());
    return c.json(await runExtraction(services, req));
  });
  return app;
}
