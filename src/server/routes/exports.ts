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
import { ByteWriter, parquetWriteRows } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer/src/types.js';
import type { Access } from '../middleware/authorize.js';
import type { Services } from '../services.js';
import { EncodingQuery } from '../../contract/schemas.js';
import { presentExportRows } from '../present.js';
import type { OffsetEncoding } from '../../contract/offsets.js';

const ENTITY_COLUMNS = ['id', 'type', 'name', 'name_simplified', 'place_code', 'articles', 'mentions'] as const;
const MENTION_COLUMNS = [
  'article_id',
  'article_caller_id',
  'article_title',
  'article_url',
  'published',
  'source',
  'entity_id',
  'entity_type',
  'entity_name',
  'place_code',
  'mention_id',
  'text',
  'start',
  'end',
  'paragraph',
  'score',
  'amount',
  'amount_max',
  'currency',
  'unit',
  'approx',
  'date_start',
  'date_end',
  'date_grain',
  'date_vague',
] as const satisfies readonly (keyof MentionExportRow)[];

/** Parquet column types (every column nullable). */
const PARQUET_TYPES: Record<string, BasicType> = {
  start: 'INT32',
  end: 'INT32',
  paragraph: 'INT32',
  articles: 'INT32',
  mentions: 'INT32',
  score: 'DOUBLE',
  amount: 'DOUBLE',
  amount_max: 'DOUBLE',
  approx: 'BOOLEAN',
  date_vague: 'BOOLEAN',
};

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

/**
 * Parquet, streamed: rows are pulled from the store one row group (5,000 rows) at a time and each finished
 * group's bytes go out before the next is read (the writer's flush waits while the client is behind).
 */
function parquetStream<T extends object>(rows: AsyncIterable<T>, columns: readonly string[], project: (row: T) => Record<string, unknown>): ReadableStream<Uint8Array> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let wake: (() => void) | null = null;
  let cancelled = false;
  const writer = new ByteWriter();
  const emit = () => {
    if (writer.index > 0) controller.enqueue(new Uint8Array(writer.buffer.slice(0, writer.index)));
    writer.index = 0;
  };
  const flushing = Object.assign(writer, {
    async flush() {
      emit();
      while (!cancelled && (controller.desiredSize ?? 1) <= 0) await new Promise<void>((r) => (wake = r));
      if (cancelled) throw new Error('export cancelled');
    },
    finish() {
      emit();
    },
  });
  async function* projected() {
    for await (const r of rows) yield project(r);
  }
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        void (async () => {
          try {
            await parquetWriteRows({
              writer: flushing,
              rows: projected(),
              columns: columns.map((name) => ({ name, type: PARQUET_TYPES[name] ?? 'STRING', nullable: true })),
              rowGroupSize: 5000,
            });
            controller.close();
          } catch (e) {
            if (!cancelled) controller.error(e);
          }
        })();
      },
      pull() {
        const w = wake;
        wake = null;
        w?.();
      },
      cancel() {
        cancelled = true;
        const w = wake;
        wake = null;
        w?.();
      },
    },
    { highWaterMark: 1 },
  );
}

const FILES = ['entities.jsonl', 'entities.csv', 'entities.parquet', 'mentions.jsonl', 'mentions.csv', 'mentions.parquet'] as const;
type ExportFile = (typeof FILES)[number];

const CONTENT_TYPES = { jsonl: 'application/x-ndjson', csv: 'text/csv', parquet: 'application/vnd.apache.parquet' } as const;
const formatOf = (file: ExportFile) => file.slice(file.lastIndexOf('.') + 1) as keyof typeof CONTENT_TYPES;

const ExportQuery = EntityFilterQuery.extend({
  bom: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .openapi({ description: 'CSV only: start with a UTF-8 byte order mark, so that Excel reads the file as UTF-8.' }),
});

const BOM = '\uFEFF';

/** Mounted at /v1/export: one route per file. */
export function exportRoutes(services: Services, access: Access) {
  const app = routes();
  const rows = (file: ExportFile, filter: EntityFilter, bom: boolean, encoding: OffsetEncoding): ReadableStream<Uint8Array> => {
    const store = requireStore(services);
    const format = formatOf(file);
    const head = (columns: readonly string[]) => (bom ? BOM : '') + csvLine([...columns]);
    if (file.startsWith('entities')) {
      const entities = store.exportEntities(filter);
      if (format === 'csv') return lineStream(entities, head(ENTITY_COLUMNS), (e) => csvLine(Object.values(entityRow(e))));
      if (format === 'parquet') return parquetStream(entities, ENTITY_COLUMNS, entityRow);
      return lineStream(entities, null, (e) => JSON.stringify(e) + '\n');
    }
    const mentions = presentExportRows(store, store.exportMentions(filter), encoding);
    if (format === 'csv') return lineStream(mentions, head(MENTION_COLUMNS), (m: MentionExportRow) => csvLine(MENTION_COLUMNS.map((k) => m[k])));
    if (format === 'parquet') return parquetStream(mentions, MENTION_COLUMNS, (m) => m as unknown as Record<string, unknown>);
    return lineStream(mentions, null, (m) => JSON.stringify(m) + '\n');
  };

  for (const file of FILES) {
    const format = formatOf(file);
    const described = { csv: 'CSV (RFC 4180, UTF-8, header row; `bom=1` for Excel)', jsonl: 'JSON Lines', parquet: 'Apache Parquet (one row group per 5,000 rows, Snappy)' }[format];
    app.openapi(
      createRoute({
        method: 'get',
        path: `/${file}`,
        summary: `Export ${file.startsWith('entities') ? 'entities' : 'mentions of entities (with article title, url, date, place code and normalised values)'} matching the filters of /v1/entities, streamed as ${described}`,
        middleware: [access.read, storeRequired(services)] as const,
        request: { query: file.startsWith('mentions') ? ExportQuery.merge(EncodingQuery) : ExportQuery },
        responses: {
          200: { description: 'The rows', content: { [CONTENT_TYPES[format]]: { schema: z.string() } } },
          422: err('Invalid filters'),
        },
      }),
      (c) => {
        const q = c.req.valid('query') as z.infer<typeof ExportQuery> & { encoding?: OffsetEncoding };
        const encoding = q.encoding ?? 'UTF16';
        const bom = format === 'csv' && (q.bom === '1' || q.bom === 'true');
        return streamed(
          c.body(rows(file, entityFilterOf(q), bom, encoding), 200, {
            'content-type': format === 'parquet' ? CONTENT_TYPES.parquet : `${CONTENT_TYPES[format]}; charset=utf-8`,
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
