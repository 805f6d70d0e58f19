/** POST /v1/extract — one article in, mentions and entities out. */
import { createRoute } from '@hono/zod-openapi';
import { ArticleInput, ExtractQuery, ExtractResponse } from '../../contract/schemas.js';
import { documentedBody, errors, json, jsonBody, routes } from '../openapi.js';
import type { Access } from '../middleware/authorize.js';
import type { Services } from '../services.js';
import { presentResult } from '../present.js';

/** Mounted at /v1/extract. */
export function extractRoutes(services: Services, access: Access) {
  const app = routes();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Extract people, places, organisations, companies, amounts and dates from one article',
      middleware: [access.extract, access.busy, jsonBody(services.config.MAX_BODY_BYTES)] as const,
      // the extractor validates the article (and its length), as for the CLI and the queue
      request: { query: ExtractQuery, body: documentedBody(app, 'ArticleInput', ArticleInput) },
      responses: {
        200: json(ExtractResponse, 'Mentions and entities; every offset refers to `text`'),
        400: errors[400],
        413: errors[413],
        415: errors[415],
        422: errors[422],
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(presentResult(await services.extractor.extract(services.extractor.parse(await c.req.json(), q)), q.encoding), 200);
    },
  );
  return app;
}
