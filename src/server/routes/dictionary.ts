/**
 * The user dictionary and deny list (src/feedback): `GET /v1/dictionary`
 * lists it, `POST` adds or replaces entries, `DELETE` removes one. Every
 * change is loaded into every extraction thread before the response.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { DictionaryEntrySchema, EntityTypeSchema } from '../../contract/schemas.js';
import { ServiceError } from '../../contract/errors.js';
import { requireFeedback, requireStore, storeRequired } from '../store-access.js';
import { simplify } from '../../store/keys.js';
import { body, err, json, jsonBody, routes } from '../openapi.js';
import type { Access } from '../middleware/authorize.js';
import type { Services } from '../services.js';

const EntryInput = z
  .object({
    name: z.string().trim().min(1).max(200).openapi({ example: '蓝海星辰科技' }),
    type: EntityTypeSchema,
    action: z.enum(['add', 'deny']).openapi({ description: '`add`: tag every exact occurrence as this type; `deny`: drop mentions of this name as this type' }),
    editor: z.string().trim().max(100).optional(),
  })
  .openapi('DictionaryEntryInput');

const PostBody = z.union([EntryInput, z.object({ entries: z.array(EntryInput).min(1).max(10_000) })]);
const ListQuery = z.object({ type: EntityTypeSchema.optional(), action: z.enum(['add', 'deny']).optional(), q: z.string().optional() });
const DeleteQuery = z.object({ name: z.string().min(1), type: EntityTypeSchema });

/** Mounted at /v1/dictionary. */
export function dictionaryRoutes(services: Services, access: Access) {
  const app = routes();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'The user dictionary and deny list that extraction applies',
      middleware: [access.read, storeRequired(services)] as const,
      request: { query: ListQuery },
      responses: {
        200: json(z.object({ entries: z.array(DictionaryEntrySchema) }), 'Entries by type, then name'),
        422: err('Invalid parameters'),
        503: err('No store configured'),
      },
    }),
    async (c) => {
      const store = requireStore(services);
      const q = c.req.valid('query');
      await requireFeedback(services).ready.catch(() => undefined);
      const s = q.q ? simplify(q.q) : null;
      const entries = (await store.listDictionary()).filter(
        (e) => (!q.type || e.type === q.type) && (!q.action || e.action === q.action) && (!s || e.name.includes(s)),
      );
      return c.json({ entries }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Add or replace entries (one per name and type); later extractions apply them',
      middleware: [access.write, storeRequired(services), jsonBody(services.config.MAX_BODY_BYTES)] as const,
      request: { body: body(PostBody) },
      responses: { 200: json(z.object({ entries: z.array(DictionaryEntrySchema) }), 'The entries as stored'), 422: err('Invalid entries') },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const list = 'entries' in input ? input.entries : [input];
      const entries = list.map((e) => ({ name: simplify(e.name), type: e.type, action: e.action, editor: e.editor ?? null }));
      if (entries.some((e) => !e.name)) throw new ServiceError('invalid', 'invalid_entry', 'a name is blank');
      await requireFeedback(services).put(entries);
      return c.json({ entries: entries.map(({ name, type, action, editor }) => ({ name, type, action, editor })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/',
      summary: 'Remove one entry',
      middleware: [access.write, storeRequired(services)] as const,
      request: { query: DeleteQuery },
      responses: { 204: { description: 'Removed' }, 404: err('No such entry') },
    }),
    async (c) => {
      const store = requireStore(services);
      const q = c.req.valid('query');
      const feedback = requireFeedback(services);
      if (!(await store.deleteDictionary(simplify(q.name), q.type))) throw new ServiceError('not_found', 'not_found', `no dictionary entry ${q.type} ${q.name}`);
      await feedback.reload();
      return c.body(null, 204);
    },
  );
  return app;
}
