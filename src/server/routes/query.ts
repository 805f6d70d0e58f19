/** POST /v1/query — batch research questions over a list of names or entity ids. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { BatchQueryInput, BatchQueryResponse, ErrorResponse } from '../../contract/schemas.js';
import { readJsonBody } from '../body.js';
import { dateOf, guard, parseWith, requireStore } from '../store-access.js';
import type { Services } from '../services.js';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

export function queryRoutes(services: Services) {
  const app = new OpenAPIHono();
  app.openAPIRegistry.registerPath(
    createRoute({
      method: 'post',
      path: '/v1/query',
      summary: 'Batch questions: per name or entity id, counts, top articles, sample mentions, a date-bucketed series; co-occurrence of every pair',
      request: { body: { required: true, content: { 'application/json': { schema: BatchQueryInput } } } },
      responses: { 200: json(BatchQueryResponse, 'One result per name/id, in request order'), 422: json(ErrorResponse, 'Invalid query') },
    }),
  );
  app.post('/v1/query', async (c) => {
    const store = requireStore(services);
    const q = parseWith(BatchQueryInput, await readJsonBody(c, services.config.MAX_BODY_BYTES));
    return c.json(
      await guard(() =>
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
      ),
    );
  });
  return app;
}
