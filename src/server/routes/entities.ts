/** Research queries over the stored collection: entity search, entity detail, an entity's mentions. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  EntityDetailQuery,
  EntityDetailSchema,
  EntityPage,
  EntitySearchQuery,
  ErrorResponse,
  MentionPage,
  MentionsQuery,
} from '../../contract/schemas.js';
import { ServiceError } from '../../contract/errors.js';
import { dateOf, entityFilterOf, guard, parseWith, requireStore } from '../store-access.js';
import type { Services } from '../services.js';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const err = (description: string) => json(ErrorResponse, description);
const IdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'e_3f2a9c0d1b7e6a5c4d3e' }) });

export function entityRoutes(services: Services) {
  const app = new OpenAPIHono();
  app.openAPIRegistry.registerPath(
    createRoute({
      method: 'get',
      path: '/v1/entities',
      summary: 'Search stored entities: by type, name or alias, prefix or substring (simplified/traditional-insensitive), date range, source; sorted; paged',
      request: { query: EntitySearchQuery },
      responses: { 200: json(EntityPage, 'A page of entities; pass `next_cursor` as `cursor` for the next'), 422: err('Invalid parameters or cursor') },
    }),
  );
  app.openAPIRegistry.registerPath(
    createRoute({
      method: 'get',
      path: '/v1/entities/{id}',
      summary: 'One entity: aliases, counts over time, top co-occurring entities',
      request: { params: IdParam, query: EntityDetailQuery },
      responses: { 200: json(EntityDetailSchema, 'The entity'), 404: err('No such entity') },
    }),
  );
  app.openAPIRegistry.registerPath(
    createRoute({
      method: 'get',
      path: '/v1/entities/{id}/mentions',
      summary: "An entity's mentions, each with its article, paragraph text and offsets",
      request: { params: IdParam, query: MentionsQuery },
      responses: { 200: json(MentionPage, 'A page of mentions'), 404: err('No such entity'), 422: err('Invalid parameters or cursor') },
    }),
  );

  app.get('/v1/entities', async (c) => {
    const store = requireStore(services);
    const q = parseWith(EntitySearchQuery, c.req.query());
    return c.json(await guard(() => store.searchEntities(entityFilterOf(q), q.sort, { limit: q.limit, cursor: q.cursor ?? null })));
  });

  app.get('/v1/entities/:id', async (c) => {
    const store = requireStore(services);
    const q = parseWith(EntityDetailQuery, c.req.query());
    const found = await store.getEntity(c.req.param('id'), {
      from: dateOf(q.from),
      to: dateOf(q.to),
      source: q.source,
      bucket: q.bucket,
      top: q.top,
      ...(q.co_type ? { coTypes: q.co_type.split(',') } : {}),
    });
    if (!found) throw new ServiceError('not_found', 'not_found', `no entity ${c.req.param('id')}`);
    return c.json(found);
  });

  app.get('/v1/entities/:id/mentions', async (c) => {
    const store = requireStore(services);
    const q = parseWith(MentionsQuery, c.req.query());
    const page = await guard(() =>
      store.entityMentions(c.req.param('id'), { from: dateOf(q.from), to: dateOf(q.to), source: q.source }, { limit: q.limit, cursor: q.cursor ?? null }),
    );
    if (!page) throw new ServiceError('not_found', 'not_found', `no entity ${c.req.param('id')}`);
    return c.json(page);
  });
  return app;
}
