/**
 * Streamed exports: GET /v1/export/{entities,mentions}.{jsonl,csv}, with the
 * filters of /v1/entities. Rows come from the store in keyset batches and go
 * out as they come, so an export of any size holds one batch in memory.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { EntityFilterQuery } from '../../contract/schemas.js';
import { ServiceError } from '../../contract/errors.js';
import { entityFilterOf, requireStore, storeRequired } from '../store-access.js';
import { err, routes, streamed } from '../openapi.js';
import type { EntitySummary, EntityFilter, MentionExportRow } from '../../store/repository.js';
import type { Access } from '../middleware/authorize.js';
import type { Services } from '../services.js';
import { EncodingQuery } from '../../contract/schemas.js';
import { presentExportRows } from '../present.js';
import type { OffsetEncoding } from '../../contract/offsets.js';

const ENTITY_COLUMNS = ['id', 'type', 'name', 'name_simplified', 'place_code', 'articles', 'mentions'] as const;
const MENTION_COLUMNS = [
  'article_id',
  'article_caller_id',
  'article_url',
  'published',
  'source',
  'entity_id',
  'entity_type',
  'entity_name',
  'mention_id',
  'text',
  'start',
  'end',
  'paragraph',
  'score',
] as const;

/** One CSV field (RFC 4180): quoted when it holds a quote, comma, CR/LF or edge spaces. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

const csvLine = (values: unknown[]) => values.map(csvField).join(',') + '\r\n';

function entityRow(e: EntitySummary): Record<(typeof ENTITY_COLUMNS)[number], unknown> {
  return { id: e.id, type: e.type, name: e.name, name_simplified: e.name_simplified, place_code: e.place?.code ?? null, articles: e.articles, mentions: e.mentions };
}

/** A byte stream of lines from an async iterable, pulled as the client reads. */
function lineStream<T>(rows: AsyncIterable<T>, header: string | null, line: (row: T) => string): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const it = rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk = '';
      if (!started && header) chunk += header;
      started = true;
      for (let n = 0; n < 200; n++) {
        const r = await it.next();
        if (r.done) {
          if (chunk) controller.enqueue(enc.encode(chunk));
          controller.close();
          return;
        }
        chunk += line(r.value);
      }
      controller.enqueue(enc.encode(chunk));
    },
    async cancel() {
      await it.return?.();
    },
  });
}

const FILES = ['entities.jsonl', 'entities.csv', 'mentions.jsonl', 'mentions.csv'] as const;

/** Mounted at /v1/export: one route per file. */
export function exportRoutes(services: Services, access: Access) {
  const app = routes();
  const rows = (file: (typeof FILES)[number], filter: EntityFilter, encoding: OffsetEncoding): ReadableStream<Uint8Array> => {
    const store = requireStore(services);
    const csv = file.endsWith('.csv');
    if (file.startsWith('entities')) {
      return csv
        ? lineStream(store.exportEntities(filter), csvLine([...ENTITY_COLUMNS]), (e) => csvLine(Object.values(entityRow(e))))
        : lineStream(store.exportEntities(filter), null, (e) => JSON.stringify(e) + '\n');
    }
    const mentions = presentExportRows(store, store.exportMentions(filter), encoding);
    return csv
      ? lineStream(mentions, csvLine([...MENTION_COLUMNS]), (m: MentionExportRow) => csvLine(MENTION_COLUMNS.map((k) => m[k])))
      : lineStream(mentions, null, (m) => JSON.stringify(m) + '\n');
  };

  for (const file of FILES) {
    const csv = file.endsWith('.csv');
    app.openapi(
      createRoute({
        method: 'get',
        path: `/${file}`,
        summary: `Export ${file.startsWith('entities') ? 'entities' : 'mentions of entities'} matching the filters of /v1/entities, streamed as ${csv ? 'CSV (RFC 4180, UTF-8, header row)' : 'JSON Lines'}`,
        middleware: [access.read, storeRequired(services)] as const,
        request: { query: file.startsWith('mentions') ? EntityFilterQuery.merge(EncodingQuery) : EntityFilterQuery },
        responses: {
          200: { description: 'The rows', content: { [csv ? 'text/csv' : 'application/x-ndjson']: { schema: z.string() } } },
          422: err('Invalid filters'),
        },
      }),
      (c) => {
        const q = c.req.valid('query') as z.infer<typeof EntityFilterQuery> & { encoding?: OffsetEncoding };
        const encoding = q.encoding ?? 'UTF16';
        return streamed(
          c.body(rows(file, entityFilterOf(q), encoding), 200, {
            'content-type': csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
            ...(file.startsWith('mentions') ? { 'x-offset-encoding': encoding } : {}),
            'content-disposition': `attachment; filename="${file}"`,
            'cache-control': 'no-store',
          }),
        );
      },
    );
  }

  // not a route of the contract: names no export, and says which exist
  app.get('/:file', access.read, (c) => {
    throw new ServiceError('not_found', 'not_found', `no export ${c.req.param('file')}; available: ${FILES.join(', ')}`);
  });
  return app;
}
