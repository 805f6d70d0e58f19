/**
 * The OpenAPI document as clients need it: every operation with an
 * `operationId` and `tags`, the security it takes (bearer or X-API-Key) and
 * the errors it can answer (401/403 for a key, 429 for the rate limiter, 503
 * when the store, the queue or the extraction slots are unavailable), added
 * to the routes' own declarations from the access middleware each route
 * declares, so that the document follows the code.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { errors } from './openapi.js';
import { VERSION } from '../version.js';

/** `"<method> <path>"` → operationId and tag. Every operation of the app is listed (a test checks it). */
export const OPERATIONS: Record<string, { id: string; tag: string }> = {
  'get /healthz': { id: 'getHealth', tag: 'Health' },
  'get /readyz': { id: 'getReadiness', tag: 'Health' },
  'post /v1/extract': { id: 'extract', tag: 'Extraction' },
  'post /v1/tags': { id: 'suggestTags', tag: 'Extraction' },
  'post /v1/batch/extract': { id: 'extractBatch', tag: 'Extraction' },
  'post /v1/articles': { id: 'ingestArticle', tag: 'Articles' },
  'get /v1/articles': { id: 'listArticles', tag: 'Articles' },
  'get /v1/articles/by-url': { id: 'getArticleByUrl', tag: 'Articles' },
  'get /v1/articles/{id}': { id: 'getArticle', tag: 'Articles' },
  'delete /v1/articles/{id}': { id: 'deleteArticle', tag: 'Articles' },
  'post /v1/articles/{id}/decisions': { id: 'addDecision', tag: 'Editorial' },
  'get /v1/articles/{id}/decisions': { id: 'listDecisions', tag: 'Editorial' },
  'post /v1/articles/{id}/decisions/{decision}/revert': { id: 'revertDecision', tag: 'Editorial' },
  'get /v1/entities': { id: 'searchEntities', tag: 'Research' },
  'get /v1/entities/{id}': { id: 'getEntity', tag: 'Research' },
  'get /v1/entities/{id}/mentions': { id: 'listEntityMentions', tag: 'Research' },
  'post /v1/query': { id: 'queryEntities', tag: 'Research' },
  'get /v1/export/entities.jsonl': { id: 'exportEntitiesJsonl', tag: 'Exports' },
  'get /v1/export/entities.csv': { id: 'exportEntitiesCsv', tag: 'Exports' },
  'get /v1/export/mentions.jsonl': { id: 'exportMentionsJsonl', tag: 'Exports' },
  'get /v1/export/mentions.csv': { id: 'exportMentionsCsv', tag: 'Exports' },
  'get /v1/export/entities.parquet': { id: 'exportEntitiesParquet', tag: 'Exports' },
  'get /v1/export/mentions.parquet': { id: 'exportMentionsParquet', tag: 'Exports' },
  'post /v1/jobs': { id: 'createJob', tag: 'Jobs' },
  'get /v1/jobs/{id}': { id: 'getJob', tag: 'Jobs' },
  'post /v1/jobs/{id}/retry': { id: 'retryJob', tag: 'Jobs' },
  'get /v1/dictionary': { id: 'listDictionary', tag: 'Editorial' },
  'post /v1/dictionary': { id: 'putDictionary', tag: 'Editorial' },
  'delete /v1/dictionary': { id: 'deleteDictionaryEntry', tag: 'Editorial' },
};

export const TAGS = [
  { name: 'Extraction', description: 'Extract entities from articles without storing them: one article, tag suggestions, NDJSON batches.' },
  { name: 'Articles', description: 'Extract and store articles (idempotent on the caller id, url or text); find them by the store id, the caller id or the url; list them.' },
  { name: 'Research', description: 'Queries over the stored collection: entity search, entity detail with co-occurrence, mentions, batch questions.' },
  { name: 'Exports', description: 'Streamed exports of entities and mentions (JSON Lines, CSV).' },
  { name: 'Jobs', description: 'Bulk ingestion through the job queue.' },
  { name: 'Editorial', description: "Editors' decisions on tags and the user dictionary they feed." },
  { name: 'Health', description: 'Liveness and readiness.' },
];

interface RouteDef {
  method: string;
  path: string;
  operationId?: string;
  tags?: string[];
  responses: Record<string, unknown>;
}

/** Add operationId, tags and the 503 to every route of `app` (call after mounting every route; security comes from `routes()` in openapi.ts). */
export function describeOperations(app: OpenAPIHono) {
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== 'route') continue;
    const route = def.route as unknown as RouteDef;
    const key = `${route.method} ${route.path}`;
    const op = OPERATIONS[key];
    route.operationId ??= op?.id ?? key.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : ''));
    route.tags ??= [op?.tag ?? 'Other'];
    // every /v1 route needs the store, the queue or an extraction slot, and says so with a 503 and Retry-After
    if (route.path.startsWith('/v1/')) route.responses['503'] ??= errors[503];
  }
}

/** The document's top: info, servers, tags, security schemes. */
export function documentConfig(app: OpenAPIHono) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key as a bearer token: `Authorization: Bearer <key>` (when the server has API keys configured).',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKeyHeader', {
    type: 'apiKey',
    in: 'header',
    name: 'X-API-Key',
    description: 'The same API key in the `X-API-Key` header.',
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chinese news entity extraction',
      version: VERSION,
      description:
        'Extracts people, places, organisations, companies, money, percentages, quantities and dates from Chinese news articles (simplified, traditional or mixed; dirty input welcome), stores them and answers research queries. Offsets: every `start`/`end` is in the unit chosen with `?encoding=` — `UTF16` (JavaScript string indices, the default), `UTF32` (code points: Python `str` indices) or `UTF8` (byte offsets) — and the response states it (`meta.offsets`); the mention text is always the response text between them.',
      license: { name: 'MIT', identifier: 'MIT' },
      contact: { name: 'zh-news-ner maintainers' },
    },
    servers: [{ url: '/', description: 'The server this document is served by' }],
    tags: TAGS,
  };
}
