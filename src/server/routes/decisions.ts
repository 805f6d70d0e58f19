/**
 * Editors' decisions on a stored article's tags: `POST /v1/articles/:id/decisions`
 * records one (who, when) and feeds the user dictionary (src/feedback);
 * `GET /v1/articles/:id/decisions` lists them, oldest first.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { DecisionSchema, EntityTypeSchema } from '../../contract/schemas.js';
import { ServiceError } from '../../contract/errors.js';
import { requireFeedback, requireStore, storeRequired } from '../store-access.js';
import { IdParam, body, err, json, jsonBody, routes } from '../openapi.js';
import type { Access } from '../middleware/authorize.js';
import { simplify } from '../../store/keys.js';
import { dictionaryChanges, type DecisionTarget } from '../../feedback/service.js';
import type { Services } from '../services.js';

const ArticleId = IdParam('a_0m3x2k1q9c0ffee0ddba11');

export const DecisionInputSchema = z
  .object({
    action: z.enum(['accept', 'reject', 'retype', 'rename', 'add']).openapi({ description: 'accept or reject a tag, change its type or name, or tag a missed span' }),
    entity: z.string().min(1).max(100).optional().openapi({ description: 'the result entity id (`e3`); not for `add`' }),
    type: EntityTypeSchema.optional().openapi({ description: 'the new type (retype), the type of a new span (add)' }),
    name: z.string().min(1).max(200).optional().openapi({ description: 'the new name (rename)' }),
    start: z.number().int().min(0).optional().openapi({ description: 'span start in the article text (add)' }),
    end: z.number().int().min(1).optional().openapi({ description: 'span end (add)' }),
    editor: z.string().trim().min(1).max(100).openapi({ description: 'who decided', example: 'wang.li' }),
  })
  .openapi('DecisionInput');

const DictChange = z.object({ name: z.string(), type: z.string(), action: z.enum(['add', 'deny']) });

/** Mounted at /v1/articles, beside the article routes. */
export function decisionRoutes(services: Services, access: Access) {
  const app = routes();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/decisions',
      summary: "Record an editor's decision on a tag (accept, reject, retype, rename, or add a missed span); it feeds the user dictionary",
      middleware: [access.write, storeRequired(services), jsonBody(services.config.MAX_BODY_BYTES)] as const,
      request: { params: ArticleId, body: body(DecisionInputSchema) },
      responses: {
        201: json(z.object({ decision: DecisionSchema, dictionary: z.array(DictChange) }), 'Recorded; `dictionary` lists the entries it added or changed'),
        404: err('No such article'),
        422: err('Invalid fields, unknown entity, or a span outside the text'),
        503: err('No store configured'),
      },
    }),
    async (c) => {
      const store = requireStore(services);
      const { id } = c.req.valid('param');
      const d = c.req.valid('json');
      const found = await store.getArticle(id);
      if (!found) throw new ServiceError('not_found', 'not_found', `no article ${id}`);
      const { result } = found;
      let target: DecisionTarget | null = null;
      let aliases: string[] = [];
      let name = d.name;
      if (d.action === 'add') {
        if (d.start === undefined || d.end === undefined || !d.type) throw new ServiceError('invalid', 'invalid_decision', '`add` needs start, end and type');
        if (d.end <= d.start || d.end > result.text.length) throw new ServiceError('invalid', 'invalid_span', `the span ${d.start}–${d.end} is not inside the text`);
        name = result.text.slice(d.start, d.end).trim();
        if (!name) throw new ServiceError('invalid', 'invalid_span', 'the span is blank');
      } else {
        const e = d.entity !== undefined ? result.entities.find((x) => x.id === d.entity) : undefined;
        if (e) {
          target = { type: e.type, name_simplified: e.name_simplified };
          aliases = e.aliases;
        } else if (d.entity !== undefined && !(d.name && d.type)) {
          throw new ServiceError('invalid', 'unknown_entity', `article ${id} has no entity ${d.entity}`);
        } else if (d.entity === undefined && !(d.name && d.type)) {
          throw new ServiceError('invalid', 'invalid_decision', `\`${d.action}\` needs an entity, or a name and a type`);
        }
        if (d.action === 'retype' && !d.type) throw new ServiceError('invalid', 'invalid_decision', '`retype` needs the new type');
        if (d.action === 'rename' && !d.name) throw new ServiceError('invalid', 'invalid_decision', '`rename` needs the new name');
      }
      const input = {
        action: d.action,
        entity: d.entity ?? null,
        type: d.type ?? target?.type ?? null,
        name: name ?? target?.name_simplified ?? null,
        start: d.start ?? null,
        end: d.end ?? null,
        editor: d.editor,
        key_id: c.get('apiKey')?.id ?? null,
      };
      const decision = await store.addDecision(id, input);
      if (!decision) throw new ServiceError('not_found', 'not_found', `no article ${id}`);
      // reject and retype are about the entity's own name when the stored result has the entity
      const changes = dictionaryChanges({ ...d, name: target && (d.action === 'reject' || d.action === 'retype') ? undefined : name }, target);
      if (d.action === 'reject' && target) {
        // every spelling the article used for the rejected entity
        for (const a of aliases) {
          const s = simplify(a);
          if (s && !changes.some((x) => x.name === s)) changes.push({ name: s, type: target.type, action: 'deny', editor: d.editor });
        }
      }
      await requireFeedback(services).put(changes);
      return c.json({ decision, dictionary: changes.map(({ name, type, action }) => ({ name, type, action })) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/decisions',
      summary: "An article's decisions, oldest first",
      middleware: [access.read] as const,
      request: { params: ArticleId },
      responses: { 200: json(z.object({ decisions: z.array(DecisionSchema) }), 'The decisions'), 404: err('No such article') },
    }),
    async (c) => {
      const store = requireStore(services);
      const { id } = c.req.valid('param');
      if (!(await store.getArticle(id))) throw new ServiceError('not_found', 'not_found', `no article ${id}`);
      return c.json({ decisions: await store.listDecisions(id) }, 200);
    },
  );
  return app;
}
