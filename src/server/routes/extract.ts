/** POST /v1/extract — one article in, mentions and entities out. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { ArticleInput, ErrorResponse, ExtractQuery, ExtractResponse } from '../../contract/schemas.js';
import { readJsonBody } from '../body.js';
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

export function extractRoutes(services: Services) {
  const app = new OpenAPIHono();
  app.openAPIRegistry.registerPath(extractRoute);
  app.post('/v1/extract', async (c) => {
    const body = await readJsonBody(c, services.config.MAX_BODY_BYTES);
    return c.json(await services.extractor.extract(services.extractor.parse(body, c.req.query())));
  });
  return app;
}
