/** POST /v1/tags — tag suggestions for editors: the people, places, organisations and companies worth tagging, by salience. */
import { NAME_TYPES, type NameType } from '../../pipeline/entity-types.js';
import { createRoute } from '@hono/zod-openapi';
import { ArticleInput, TagsQuery, TagsResponse, type ExtractResponse } from '../../contract/schemas.js';
import { documentedBody, err, errors, json, jsonBody, routes } from '../openapi.js';
import type { Access } from '../middleware/authorize.js';
import type { Services } from '../services.js';
import { presentResult } from '../present.js';

/** Pick and shape the tags from an extraction result. */
export function suggestTags(result: ExtractResponse, opts: { limit: number; types: Set<string>; minSalience: number }): TagsResponse['tags'] {
  const mentionsById = new Map(result.mentions.map((m) => [m.id, m]));
  return result.entities
    .filter((e) => opts.types.has(e.type) && e.salience >= opts.minSalience)
    .sort((a, b) => b.salience - a.salience || b.confidence - a.confidence)
    .slice(0, opts.limit)
    .map((e) => ({
      entity: e.id,
      type: e.type as NameType,
      name: e.name,
      name_simplified: e.name_simplified,
      aliases: e.aliases,
      salience: e.salience,
      confidence: e.confidence,
      paragraphs: e.paragraphs.map((i) => ({ index: i, text: result.paragraphs[i]?.text ?? '' })),
      mentions: e.mentions.map((id) => mentionsById.get(id)!).map((m) => ({ start: m.start, end: m.end, text: m.text })),
      ...(e.role ? { role: e.role } : {}),
      ...(e.place ? { place: e.place } : {}),
    }));
}

/** Mounted at /v1/tags. */
export function tagsRoutes(services: Services, access: Access) {
  const app = routes();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Suggest tags for an article: entities ranked by salience',
      middleware: [access.extract, access.busy, jsonBody(services.config.MAX_BODY_BYTES)] as const,
      // the extractor validates the article, as for /v1/extract
      request: { query: TagsQuery, body: documentedBody(app, 'ArticleInput', ArticleInput) },
      responses: {
        200: json(TagsResponse, 'Tags, most salient first'),
        400: errors[400],
        413: err('Too large'),
        415: errors[415],
        422: errors[422],
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const req = services.extractor.parse(await c.req.json(), { tokens: q.tokens, boilerplate: q.boilerplate, engine: q.engine });
      const result = presentResult(await services.extractor.extract({ ...req, tokens: false }), q.encoding);
      const tags = suggestTags(result, {
        limit: q.limit ?? 10,
        types: new Set<string>(q.types ? q.types.split(',') : NAME_TYPES),
        minSalience: q.min_salience ?? 0,
      });
      return c.json({ ...(req.input.id !== undefined ? { id: req.input.id } : {}), tags, meta: result.meta }, 200);
    },
  );
  return app;
}
