/**
 * POST /v1/batch/extract — NDJSON in, NDJSON out, streamed both ways: one
 * article per line (the fields of /v1/extract), one result per line in input
 * order, or `{id, line, error}` for a line that fails; one bad line never
 * fails the rest. A bounded window of lines is in flight, and the input is
 * read only as fast as the output is consumed, so memory stays flat.
 *
 * Admission: at most MAX_BATCH_STREAMS streams are open (more → 503 with
 * Retry-After), and every line is a `bulk` extraction, which waits behind
 * single requests. At shutdown a stream stops taking lines, finishes those in
 * flight and ends with a `shutting_down` error line, never a cut connection.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ExtractQuery, ExtractResponse } from '../../contract/schemas.js';
import { ServiceError } from '../../contract/errors.js';
import { ndjsonLines, ndjsonStream, orderedMap, type Line } from '../../service/ndjson.js';
import { err, routes, streamed } from '../openapi.js';
import type { Access } from '../middleware/authorize.js';
import type { Services } from '../services.js';
import { presentResult } from '../present.js';

export const BatchErrorLine = z
  .object({ id: z.string().nullable(), line: z.number().int(), error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('BatchErrorLine');

function errorLine(line: number, id: string | null, e: unknown) {
  if (e instanceof ServiceError) return { id, line, error: { code: e.code, message: e.message } };
  return { id, line, error: { code: 'internal', message: (e as Error)?.message ?? 'extraction failed' } };
}

/** The lines of a stream until `stop` fires (the lines already read still finish). */
async function* untilStopped(lines: AsyncGenerator<Line>, stop: AbortSignal | undefined, seen: (l: Line) => void): AsyncGenerator<Line> {
  for await (const l of lines) {
    if (stop?.aborted) {
      await lines.return(undefined);
      return;
    }
    seen(l);
    yield l;
  }
}

/** Mounted at /v1/batch. */
export function batchRoutes(services: Services, access: Access) {
  const app = routes();
  let openStreams = 0;
  app.openapi(
    createRoute({
      method: 'post',
      path: '/extract',
      middleware: [access.extract] as const,
      summary: 'Extract many articles: NDJSON in (one /v1/extract body per line), NDJSON out in input order',
      request: {
        query: ExtractQuery,
        body: { required: true, content: { 'application/x-ndjson': { schema: z.string().openapi({ description: 'one JSON article per line' }) } } },
      },
      responses: {
        200: {
          description: 'One line per input line: an extraction result, or an error line',
          content: { 'application/x-ndjson': { schema: z.union([ExtractResponse, BatchErrorLine]) } },
        },
        415: err('Not NDJSON'),
      },
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/(x-ndjson|ndjson|jsonl|x-jsonlines|json-seq)\b/i.test(type)) {
        throw new ServiceError('unsupported_media', 'unsupported_media_type', 'send one JSON article per line with Content-Type: application/x-ndjson');
      }
      const body = c.req.raw.body;
      if (!body) throw new ServiceError('bad_request', 'empty_body', 'the request body is empty');
      const query = c.req.valid('query');
      const maxStreams = services.config.MAX_BATCH_STREAMS ?? 8;
      if (openStreams >= maxStreams) {
        c.header('Retry-After', '1');
        throw new ServiceError('unavailable', 'overloaded', `${maxStreams} batch streams are open; retry later`);
      }
      openStreams++;
      const window = Math.max(2, services.extractor.parallelism * 2);
      const stopping = services.stopping;
      let lastLine = 0;
      const lines = untilStopped(ndjsonLines(body, services.config.MAX_BODY_BYTES), stopping, (l) => (lastLine = l.n));
      const results = orderedMap(lines, window, async (l: Line) => {
        if ('error' in l) {
          const message = l.error === 'line_too_long' ? `the line is longer than ${services.config.MAX_BODY_BYTES} bytes` : 'the line is not valid UTF-8';
          return { id: null, line: l.n, error: { code: l.error, message } };
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(l.text);
        } catch (e) {
          return { id: null, line: l.n, error: { code: 'malformed_json', message: (e as Error).message } };
        }
        const id = typeof (parsed as { id?: unknown })?.id === 'string' ? (parsed as { id: string }).id : null;
        try {
          const req = services.extractor.parse(parsed, query);
          return presentResult(await services.extractor.extract(req, { priority: 'bulk' }), query.encoding);
        } catch (e) {
          return errorLine(l.n, id, e);
        }
      });
      async function* withClosingLine() {
        try {
          yield* results;
          if (stopping?.aborted) {
            yield { id: null, line: lastLine + 1, error: { code: 'shutting_down', message: `the service is shutting down: lines after ${lastLine} were not read; send them again` } };
          }
        } finally {
          openStreams--;
        }
      }
      return streamed(c.body(ndjsonStream(withClosingLine()), 200, { 'content-type': 'application/x-ndjson; charset=utf-8' }));
    },
  );
  return app;
}
