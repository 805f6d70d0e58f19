/** POST /v1/articles (extract and store, idempotent), GET and DELETE /v1/articles/{id}. */
import { createRoute } from '@hono/zod-openapi';
import { ExtractQuery, IngestResponse, StoreArticleInput, StoredArticleResponse } from '../../contract/schemas.js';
import { ServiceError } from '../../contract/errors.js';
import { guard, parseWith, requireStore, storeRequired } from '../store-access.js';
import { IdParam, documentedBody, err, errors, json, jsonBody, routes } from '../openapi.js';
import type { Access } from '../middleware/authorize.js';
import type { Services } from '../services.js';

const ArticleId = IdParam('a_0m3x2k1q9c0ffee0ddba11');

/** Mounted at /v1/articles. */
export function articleRoutes(services: Services, access: Access) {
  const app = routes();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Extract and store an article (idempotent: the same caller id, url or text updates it)',
      middleware: [access.write, access.busy, storeRequired(services), jsonBody(services.config.MAX_BODY_BYTES)] as const,
      // `source` is checked here, the rest by the extractor (as for /v1/extract)
      request: { query: ExtractQuery, body: documentedBody(app, 'StoreArticleInput', StoreArticleInput) },
      responses: {
        200: json(IngestResponse, 'An existing article was updated; `matched_by` says which identifier found it'),
        201: json(IngestResponse, 'A new article was stored'),
        400: errors[400],
        409: err('The id, url or text belong to two different stored articles'),
        413: errors[413],
        415: errors[415],
        422: errors[422],
        503: err('No store configured'),
      },
    }),
    async (c) => {
      const store = requireStore(services);
      const body: unknown = await c.req.json();
      let source: string | undefined;
      let article: unknown = body;
      if (body && typeof body === 'object' && !Array.isArray(body) && 'source' in body) {
        const { source: s, ...rest } = body as Record<string, unknown>;
        source = parseWith(StoreArticleInput.shape.source, s);
        article = rest;
      }
      const req = services.extractor.parse(article, c.req.valid('query'));
      const result = await services.extractor.extract(req);
      const stored = await guard(() => store.ingest({ callerId: req.input.id ?? null, url: req.input.url ?? null, source: source ?? null }, result));
      return c.json({ ...stored, result }, stored.status === 'created' ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      summary: 'A stored article with its extraction result',
      middleware: [access.read] as const,
      request: { params: ArticleId },
      responses: { 200: json(StoredArticleResponse, 'The article'), 404: err('No such article') },
    }),
    async (c) => {
      const store = requireStore(services);
      const { id } = c.req.valid('param');
      const found = await store.getArticle(id);
      if (!found) throw new ServiceError('not_found', 'not_found', `no article ${id}`);
      return c.json(found, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      summary: 'Remove an article with its mentions',
      middleware: [access.write] as const,
      request: { params: ArticleId },
      responses: { 204: { description: 'Removed' }, 404: err('No such article') },
    }),
    async (c) => {
      const store = requireStore(services);
      const { id } = c.req.valid('param');
      if (!(await store.deleteArticle(id))) throw new ServiceError('not_found', 'not_found', `no article ${id}`);
      return c.body(null, 204);
    },
  );
  return app;
}
