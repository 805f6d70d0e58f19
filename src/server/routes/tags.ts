/** POST /v1/tags — tag suggestions for editors: the people, places, organisations and companies worth tagging, by salience. */
import { NAME_TYPES, type NameType } from '../../pipeline/entity-types.js';
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { ArticleInput, ErrorResponse, TagsQuery, TagsResponse, type ExtractResponse } from '../../contract/schemas.js';
import { readJsonBody } from '../body.js';
import { validationError } from '../../contract/errors.js';
import type { Services } from '../services.js';

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorResponse } } });

export const tagsRoute = createRoute({
  method: 'post',
  path: '/v1/tags',
  summary: 'Suggest tags for an article: entities ranked by salience',
  request: { query: TagsQuery, body: { required: true, content: { 'application/json': { schema: ArticleInput } } } },
  responses: {
    200: { description: 'Tags, most salient first', content: { 'application/json': { schema: TagsResponse } } },
    400: error('Malformed JSON'),
    413: error('Too large'),
    415: error('Not JSON, or not UTF-8'),
    422: error('Invalid fields'),
  },
});

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

export function tagsRoutes(services: Services) {
  const app = new OpenAPIHono();
  app.openAPIRegistry.registerPath(tagsRoute);
  app.post('/v1/tags', async (c) => {
    const body = await readJsonBody(c, services.config.MAX_BODY_BYTES);
    const q = TagsQuery.safeParse(c.req.query());
    if (!q.success) throw validationError(q.error);
    const req = services.extractor.parse(body, c.req.query());
    const result = await services.extractor.extract({ ...req, tokens: false });
    const tags = suggestTags(result, {
      limit: q.data.limit ?? 10,
      types: new Set<string>(q.data.types ? q.data.types.split(',') : NAME_TYPES),
      minSalience: q.data.min_salience ?? 0,
    });
    return c.json({ ...(req.input.id !== undefined ? { id: req.input.id } : {}), tags, meta: result.meta });
  });
  return app;
}
