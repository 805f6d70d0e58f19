/** Research queries over the stored collection: entity search, entity detail, an entity's mentions. */
import { createRoute } from '@hono/zod-openapi';
import { EntityDetailQuery, EntityDetailSchema, EntityPage, EntitySearchQuery, MentionPage, MentionsQuery } from '../../contract/schemas.js';
import { ServiceError } from '../../contract/errors.js';
import { dateOf, entityFilterOf, guard, requireStore, storeRequired } from '../store-access.js';
import { IdParam, err, json, routes } from '../openapi.js';
import type { Access } from '../middleware/authorize.js';
import type { Services } from '../services.js';
import { presentHitsFrom } from '../present.js';

const EntityId = IdParam('e_3f2a9c0d1b7e6a5c4d3e');

/** Mounted at /v1/entities. */
export function entityRoutes(services: Services, access: Access) {
  const app = routes();
  // the store comes first: without one these answer 503 whatever the parameters
  const read = [access.read, storeRequired(services)];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'Search stored entities: by type, name or alias, prefix or substring (simplified/traditional-insensitive), date range, source; sorted; paged',
      middleware: read,
      request: { query: EntitySearchQuery },
      responses: { 200: json(EntityPage, 'A page of entities; pass `next_cursor` as `cursor` for the next'), 422: err('Invalid parameters or cursor') },
    }),
    async (c) => {
      const store = requireStore(services);
      const q = c.req.valid('query');
      return c.json(await guard(() => store.searchEntities(entityFilterOf(q), q.sort, { limit: q.limit, cursor: q.cursor ?? null })), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      summary: 'One entity: aliases, counts over time, top co-occurring entities',
      middleware: read,
      request: { params: EntityId, query: EntityDetailQuery },
      responses: { 200: json(EntityDetailSchema, 'The entity'), 404: err('No such entity') },
    }),
    async (c) => {
      const store = requireStore(services);
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const found = await store.getEntity(id, {
        from: dateOf(q.from),
        to: dateOf(q.to),
        source: q.source,
        bucket: q.bucket,
        top: q.top,
        ...(q.co_type ? { coTypes: q.co_type.split(',') } : {}),
      });
      if (!found) throw new ServiceError('not_found', 'not_found', `no entity ${id}`);
      return c.json(found, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/mentions',
      summary: "An entity's mentions, each with its article, paragraph text and offsets",
      middleware: read,
      request: { params: EntityId, query: MentionsQuery },
      responses: { 200: json(MentionPage, 'A page of mentions'), 404: err('No such entity'), 422: err('Invalid parameters or cursor') },
    }),
    async (c) => {
      const store = requireStore(services);
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const page = await guard(() => store.entityMentions(id, { from: dateOf(q.from), to: dateOf(q.to), source: q.source }, { limit: q.limit, cursor: q.cursor ?? null }));
      if (!page) throw new ServiceError('not_found', 'not_found', `no entity ${id}`);
      return c.json({ items: await presentHitsFrom(store, page.items, q.encoding), next_cursor: page.next_cursor, meta: { offsets: q.encoding } }, 200);
    },
  );
  return app;
}
