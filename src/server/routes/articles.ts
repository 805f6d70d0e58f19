/** POST /v1/articles (extract and store, idempotent), GET and DELETE /v1/articles/:id. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { ErrorResponse, ExtractQuery, IngestResponse, StoreArticleInput, StoredArticleResponse } from '../../contract/schemas.js';
import { readJsonBody } from '../body.js';
import { ServiceError } from '../../contract/errors.js';
import { guard, parseWith, requireStore } from '../store-access.js';
import type { Services } from '../services.js';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const err = (description: string) => json(ErrorResponse, description);
const IdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'a_0m3x2k1q9c0ffee0ddba11' }) });

export function articleRoutes(services: Services) {
  const app = new OpenAPIHono();
  app.openAPIRegistry.registerPath(
    createRoute({
      method: 'post',
      path: '/v1/articles',
      summary: 'Extract and store an article (idempotent: the same caller id, url or text updates it)',
      request: { query: ExtractQuery, body: { required: true, content: { 'application/json': { schema: StoreArticleInput } } } },
      responses: {
        200: json(IngestResponse, 'An existing article was updated; `matched_by` says which identifier found it'),
        201: json(IngestResponse, 'A new article was stored'),
        400: err('Malformed JSON'),
        409: err('The id, url or text belong to two different stored articles'),
        413: err('Body or text too large'),
        415: err('Not JSON, or not UTF-8'),
        422: err('Invalid fields'),
        503: err('No store configured'),
      },
    }),
  );
  app.openAPIRegistry.registerPath(
    createRoute({
      method: 'get',
      path: '/v1/articles/{id}',
      summary: 'A stored article with its extraction result',
      request: { params: IdParam },
      responses: { 200: json(StoredArticleResponse, 'The article'), 404: err('No such article') },
    }),
  );
  app.openAPIRegistry.registerPath(
    createRoute({
      method: 'delete',
      path: '/v1/articles/{id}',
      summary: 'Remove an article with its mentions',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, 404: err('No such article') },
    }),
  );

  app.post('/v1/articles', async (c) => {
    const store = requireStore(services);
    const body = await readJsonBody(c, services.config.MAX_BODY_BYTES);
    let source: string | undefined;
    let article: unknown = body;
    if (body && typeof body === 'object' && !Array.isArray(body) && 'source' in body) {
      const { source: s, ...rest } = body as Record<string, unknown>;
      source = parseWith(StoreArticleInput.shape.source, s);
      article = rest;
    }
    const req = services.extractor.parse(article, c.req.query());
    const result = await services.extractor.extract(req);
    const stored = await guard(() => store.ingest({ callerId: req.input.id ?? null, url: req.input.url ?? null, source: source ?? null }, result));
    return c.json({ ...stored, result }, stored.status === 'created' ? 201 : 200);
  });

  app.get('/v1/articles/:id', async (c) => {
    const store = requireStore(services);
    const found = await store.getArticle(c.req.param('id'));
    if (!found) throw new ServiceError('not_found', 'not_found', `no article ${c.req.param('id')}`);
    return c.json(found);
  });

  app.delete('/v1/articles/:id', async (c) => {
    const store = requireStore(services);
    if (!(await store.deleteArticle(c.req.param('id')))) throw new ServiceError('not_found', 'not_found', `no article ${c.req.param('id')}`);
    return c.body(null, 204);
  });
  return app;
}
