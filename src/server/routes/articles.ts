/**
 * POST /v1/articles (extract and store, idempotent), GET /v1/articles (list,
 * filtered, keyset-paged), GET /v1/articles/by-url, GET and DELETE
 * /v1/articles/{id} (the store's id or the caller's own id).
 */
import { createRoute } from '@hono/zod-openapi';
import {
  ArticleByUrlQuery,
  ArticleListQuery,
  ArticlePage,
  EncodingQuery,
  ExtractQuery,
  IngestResponse,
  StoreArticleInput,
  StoredArticleResponse,
} from '../../contract/schemas.js';
import { ServiceError } from '../../contract/errors.js';
import { dateOf, guard, parseWith, requireStore, storeRequired } from '../store-access.js';
import { IdParam, documentedBody, err, errors, json, jsonBody, routes } from '../openapi.js';
import { presentResult } from '../present.js';
import type { Access } from '../middleware/authorize.js';
import type { Repository, StoredArticle } from '../../store/repository.js';
import type { Services } from '../services.js';

const ArticleId = IdParam('a_0m3x2k1q9c0ffee0ddba11');

/** The article `{id}` names: the store's id first, else the caller's own id. */
export async function findArticle(store: Repository, id: string): Promise<StoredArticle | null> {
  return (await store.getArticle(id)) ?? (await store.getArticleBy('caller_id', id));
}

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
      const query = c.req.valid('query');
      const req = services.extractor.parse(article, query);
      const result = await services.extractor.extract(req);
      const stored = await guard(() => store.ingest({ callerId: req.input.id ?? null, url: req.input.url ?? null, source: source ?? null }, result));
      return c.json({ ...stored, result: presentResult(result, query.encoding) }, stored.status === 'created' ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'List stored articles (metadata): by source, publication date, update time, url or caller id; stable order, keyset-paged',
      middleware: [access.read, storeRequired(services)] as const,
      request: { query: ArticleListQuery },
      responses: {
        200: json(ArticlePage, 'A page of articles; pass `next_cursor` as `cursor` for the next'),
        422: err('Invalid parameters or cursor'),
        503: err('No store configured'),
      },
    }),
    async (c) => {
      const store = requireStore(services);
      const q = c.req.valid('query');
      const page = await guard(() =>
        store.listArticles(
          {
            ...(q.source !== undefined ? { source: q.source } : {}),
            ...(q.from !== undefined ? { from: dateOf(q.from) } : {}),
            ...(q.to !== undefined ? { to: dateOf(q.to) } : {}),
            // the store keeps UTC ISO times: compare in the same form
            ...(q.updated_since !== undefined ? { updatedSince: new Date(q.updated_since).toISOString() } : {}),
            ...(q.url !== undefined ? { url: q.url } : {}),
            ...(q.caller_id !== undefined ? { callerId: q.caller_id } : {}),
          },
          q.sort,
          { limit: q.limit, cursor: q.cursor ?? null },
        ),
      );
      return c.json(page, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/by-url',
      summary: 'A stored article with its extraction result, found by its url',
      middleware: [access.read, storeRequired(services)] as const,
      request: { query: ArticleByUrlQuery },
      responses: { 200: json(StoredArticleResponse, 'The article'), 404: err('No article with this url'), 422: errors[422], 503: err('No store configured') },
    }),
    async (c) => {
      const store = requireStore(services);
      const { url, encoding } = c.req.valid('query');
      const found = await store.getArticleBy('url', url);
      if (!found) throw new ServiceError('not_found', 'not_found', `no article with url ${url}`);
      return c.json({ article: found.article, result: presentResult(found.result, encoding) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      summary: "A stored article with its extraction result, by the store's id (a_…) or the caller's own id",
      middleware: [access.read, storeRequired(services)] as const,
      request: { params: ArticleId, query: EncodingQuery },
      responses: { 200: json(StoredArticleResponse, 'The article'), 404: err('No such article'), 422: errors[422], 503: err('No store configured') },
    }),
    async (c) => {
      const store = requireStore(services);
      const { id } = c.req.valid('param');
      const { encoding } = c.req.valid('query');
      const found = await findArticle(store, id);
      if (!found) throw new ServiceError('not_found', 'not_found', `no article ${id}`);
      return c.json({ article: found.article, result: presentResult(found.result, encoding) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      summary: "Remove an article with its mentions, by the store's id or the caller's own id",
      middleware: [access.write, storeRequired(services)] as const,
      request: { params: ArticleId },
      responses: { 204: { description: 'Removed' }, 404: err('No such article'), 503: err('No store configured') },
    }),
    async (c) => {
      const store = requireStore(services);
      const { id } = c.req.valid('param');
      const found = await findArticle(store, id);
      if (!found || !(await store.deleteArticle(found.article.id))) throw new ServiceError('not_found', 'not_found', `no article ${id}`);
      return c.body(null, 204);
    },
  );
  return app;
}
