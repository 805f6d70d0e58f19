/** POST /v1/query — batch research questions over a list of names or entity ids. */
import { createRoute } from '@hono/zod-openapi';
import { BatchQueryInput, BatchQueryResponse, EncodingQuery } from '../../contract/schemas.js';
import { presentHits, textsFor } from '../present.js';
import { dateOf, guard, requireStore, storeRequired } from '../store-access.js';
import { body, err, json, jsonBody, routes } from '../openapi.js';
import type { Access } from '../middleware/authorize.js';
import type { Services } from '../services.js';

/** Mounted at /v1/query. */
export function queryRoutes(services: Services, access: Access) {
  const app = routes();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Batch questions: per name or entity id, counts, top articles, sample mentions, a date-bucketed series; co-occurrence of every pair',
      // a question, not a write: the read scope
      middleware: [access.read, storeRequired(services), jsonBody(services.config.MAX_BODY_BYTES)] as const,
      request: { query: EncodingQuery, body: body(BatchQueryInput) },
      responses: { 200: json(BatchQueryResponse, 'One result per name/id, in request order'), 422: err('Invalid query') },
    }),
    async (c) => {
      const store = requireStore(services);
      const q = c.req.valid('json');
      const { encoding } = c.req.valid('query');
      const answer = await guard(() =>
          store.query({
            names: q.names,
            ids: q.ids,
            types: q.types,
            from: dateOf(q.from),
            to: dateOf(q.to),
            source: q.source,
            bucket: q.bucket ?? null,
            limit: q.limit,
            pairs: q.pairs,
          }),
      );
      const texts = await textsFor(store, answer.results.flatMap((r) => r.sample_mentions.map((m) => m.article.id)), encoding);
      const results = answer.results.map((r) => ({ ...r, sample_mentions: presentHits(r.sample_mentions, texts, encoding) }));
      return c.json({ ...answer, results, meta: { offsets: encoding } }, 200);
    },
  );
  return app;
}
