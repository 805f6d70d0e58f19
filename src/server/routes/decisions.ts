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
import type { ArticleMeta, DecisionEffects, DictionaryEntry, StoredArticle } from '../../store/repository.js';
import type { ExtractResponse } from '../../contract/schemas.js';

type Entity = ExtractResponse['entities'][number];
type Mention = ExtractResponse['mentions'][number];

/** The stored article's identifiers, to store it again in place. */
const metaOf = (a: StoredArticle['article']): ArticleMeta => ({ callerId: a.caller_id, url: a.url, source: a.source });

/**
 * The result with a scoped reject's entity and mentions put back: the mentions that still fit the text (same
 * characters at the same offsets, not overlapping another mention); null when none does.
 */
export function withRestored(result: ExtractResponse, entity: Entity, mentions: Mention[]): ExtractResponse | null {
  const fits = mentions.filter(
    (m) => result.text.slice(m.start, m.end) === m.text && !result.mentions.some((x) => x.start < m.end && m.start < x.end),
  );
  if (!fits.length) return null;
  const taken = new Set(result.entities.map((e) => e.id));
  let eid = entity.id;
  for (let k = 2; taken.has(eid); k++) eid = `${entity.id}_${k}`;
  const ids = new Set(result.mentions.map((m) => m.id));
  const back = fits.map((m) => {
    let mid = m.id;
    for (let k = 2; ids.has(mid); k++) mid = `${m.id}_${k}`;
    ids.add(mid);
    return { ...m, id: mid, entity: eid };
  });
  return {
    ...result,
    entities: [...result.entities, { ...entity, id: eid, mentions: back.map((m) => m.id) }],
    mentions: [...result.mentions, ...back].sort((a, b) => a.start - b.start || a.end - b.end),
  };
}

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
    scope: z
      .enum(['article', 'never'])
      .optional()
      .openapi({
        description:
          'For `reject`: `article` — not in this article (the entity and its mentions leave this article\'s stored result, and stay out when it is stored again; no deny entry); `never` (default) — the deny list, for every later extraction',
      }),
  })
  .openapi('DecisionInput');

const RevertInput = z
  .object({ editor: z.string().trim().min(1).max(100).openapi({ description: 'who undid it', example: 'wang.li' }) })
  .openapi('DecisionRevertInput');

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
      const scoped = d.action === 'reject' && d.scope === 'article';
      if (scoped && !target) throw new ServiceError('invalid', 'invalid_decision', '`reject` in this article only needs an entity of the stored result');
      // reject and retype are about the entity's own name when the stored result has the entity
      const changes = scoped ? [] : dictionaryChanges({ ...d, name: target && (d.action === 'reject' || d.action === 'retype') ? undefined : name }, target);
      if (d.action === 'reject' && target && !scoped) {
        // every spelling the article used for the rejected entity
        for (const a of aliases) {
          const s = simplify(a);
          if (s && !changes.some((x) => x.name === s)) changes.push({ name: s, type: target.type, action: 'deny', editor: d.editor });
        }
      }
      // what the decision changes, with what it replaces: enough to undo it
      const effects: DecisionEffects = { dictionary: [] };
      for (const ch of changes) {
        const before = await store.getDictionaryEntry(ch.name, ch.type);
        effects.dictionary.push({ name: ch.name, type: ch.type, action: ch.action, previous: before ? { action: before.action, editor: before.editor ?? null } : null });
      }
      if (scoped) {
        const e = result.entities.find((x) => x.id === d.entity)!;
        effects.removed = { entity: e, mentions: result.mentions.filter((m) => m.entity === e.id) };
      }
      const decision = await store.addDecision(id, { ...input, scope: d.action === 'reject' ? (d.scope ?? 'never') : null, effects });
      if (!decision) throw new ServiceError('not_found', 'not_found', `no article ${id}`);
      if (scoped) {
        // stored again: the store leaves out what this article's scoped rejects name
        await store.ingest(metaOf(found.article), result);
      }
      await requireFeedback(services).put(changes);
      return c.json({ decision, dictionary: changes.map(({ name, type, action }) => ({ name, type, action })) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/decisions/{decision}/revert',
      summary:
        "Undo a decision: the dictionary entries it wrote are removed (or the entries they replaced put back, unless changed since); a reject in this article only comes back into the article's stored result",
      middleware: [access.write, storeRequired(services), jsonBody(services.config.MAX_BODY_BYTES)] as const,
      request: { params: ArticleId.extend({ decision: z.string().min(1).max(100).openapi({ param: { name: 'decision', in: 'path' }, example: 'd_0m3x2k1q0000c0ffee0d' }) }), body: body(RevertInput) },
      responses: {
        200: json(
          z.object({
            decision: DecisionSchema,
            dictionary: z.array(z.object({ name: z.string(), type: z.string(), outcome: z.enum(['removed', 'restored', 'kept']) })),
            restored: z.boolean().openapi({ description: 'the entity and mentions a scoped reject took out are back in the stored result' }),
          }),
          'Undone; `dictionary` says what became of each entry it had written (`kept`: changed since, left alone)',
        ),
        404: err('No such article or decision'),
        409: err('Already undone'),
      },
    }),
    async (c) => {
      const store = requireStore(services);
      const { id, decision: decisionId } = c.req.valid('param');
      const { editor } = c.req.valid('json');
      const d = await store.getDecision(id, decisionId);
      if (!d) throw new ServiceError('not_found', 'not_found', `article ${id} has no decision ${decisionId}`);
      if (d.reverted_at || !(await store.markReverted(d.id, editor))) throw new ServiceError('conflict', 'already_reverted', `decision ${decisionId} was already undone`);
      const feedback = requireFeedback(services);
      const outcomes: { name: string; type: string; outcome: 'removed' | 'restored' | 'kept' }[] = [];
      const restore: DictionaryEntry[] = [];
      for (const e of [...(d.effects?.dictionary ?? [])].reverse()) {
        const now = await store.getDictionaryEntry(e.name, e.type);
        if (!now || now.action !== e.action) {
          outcomes.push({ name: e.name, type: e.type, outcome: 'kept' });
        } else if (e.previous) {
          restore.push({ name: e.name, type: e.type, action: e.previous.action, editor: e.previous.editor });
          outcomes.push({ name: e.name, type: e.type, outcome: 'restored' });
        } else {
          await store.deleteDictionary(e.name, e.type);
          outcomes.push({ name: e.name, type: e.type, outcome: 'removed' });
        }
      }
      if (restore.length) await feedback.put(restore);
      else if (outcomes.some((o) => o.outcome === 'removed')) await feedback.reload();
      let restored = false;
      const removed = d.effects?.removed;
      if (removed) {
        const found = await store.getArticle(id);
        if (found) {
          const back = withRestored(found.result, removed.entity as Entity, removed.mentions as Mention[]);
          restored = back !== null;
          await store.ingest(metaOf(found.article), back ?? found.result);
        }
      }
      const after = await store.getDecision(id, decisionId);
      const { effects: _effects, ...decision } = after!;
      return c.json({ decision, dictionary: outcomes.reverse(), restored }, 200);
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
