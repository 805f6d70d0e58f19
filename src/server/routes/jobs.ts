/**
 * Bulk ingestion jobs: POST /v1/jobs (NDJSON body or a JSON list; answered
 * at once with a job id), GET /v1/jobs/:id (state, counts, throughput, ETA,
 * failures with reasons), POST /v1/jobs/:id/retry (queue the failures again).
 * The articles are extracted and stored by the queue's consumers: the server
 * itself with the in-process queue, `npm run worker` processes with BullMQ.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { readJsonBody } from '../body.js';
import { ServiceError } from '../../contract/errors.js';
import { ndjsonLines } from '../../service/ndjson.js';
import { entriesFromLines, toEntry } from '../../jobs/processor.js';
import type { JobQueue, SubmitEntry } from '../../jobs/types.js';
import { IdParam, documentedBody, err, json, routes } from '../openapi.js';
import type { Access } from '../middleware/authorize.js';
import type { Services } from '../services.js';

const JobQuery = z.object({
  engine: z.string().optional().openapi({ description: 'Name engine for every article: `model` (default when installed) or `lexicon`.' }),
  source: z.string().max(200).optional().openapi({ description: 'Default `source` for articles that give none.' }),
});
const JobId = IdParam('j_mbx3k2a1x7q2k9pz');

export const JobSubmitted = z
  .object({ id: z.string(), total: z.number().int(), rejected: z.number().int(), status_url: z.string() })
  .openapi('JobSubmitted');

const ItemErrorSchema = z.object({ code: z.string(), message: z.string() });
export const JobStatusSchema = z
  .object({
    id: z.string(),
    state: z.enum(['queued', 'running', 'completed', 'completed_with_failures']),
    engine: z.string(),
    counts: z.object({ total: z.number().int(), queued: z.number().int(), done: z.number().int(), failed: z.number().int() }),
    created_at: z.string(),
    started_at: z.string().nullable(),
    finished_at: z.string().nullable(),
    throughput: z.number().nullable().openapi({ description: 'articles finished per second since the first was taken' }),
    eta_s: z.number().nullable().openapi({ description: 'seconds until the last article is finished, at that rate' }),
    failures: z.array(z.object({ line: z.number().int(), id: z.string().nullable(), error: ItemErrorSchema, retryable: z.boolean() })),
  })
  .openapi('JobStatus');

const SubmitBody = z
  .union([
    z.array(z.unknown()),
    z.object({ articles: z.array(z.unknown()), source: z.string().max(200).optional() }),
  ])
  .openapi('JobSubmitBody', { description: 'A list of articles (the fields of POST /v1/articles), or `{articles, source}`.' });

function requireJobs(services: Services): JobQueue {
  if (!services.jobs) throw new ServiceError('unavailable', 'jobs_unavailable', 'no job queue is configured for this server');
  return services.jobs;
}

/** Mounted at /v1/jobs. */
export function jobRoutes(services: Services, access: Access) {
  const app = routes();
  // the queue comes first: without one these answer 503 whatever the request
  const jobsRequired: MiddlewareHandler = async (_c, next) => {
    requireJobs(services);
    await next();
  };
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Submit a batch of articles for extraction and storage; answered at once with a job id',
      middleware: [access.write, jobsRequired] as const,
      request: {
        query: JobQuery,
        // read by the handler: NDJSON streamed line by line, or JSON with ten times the body limit
        body: {
          required: true,
          content: {
            'application/x-ndjson': { schema: z.string().openapi({ description: 'one JSON article per line (the fields of POST /v1/articles)' }) },
            'application/json': documentedBody(app, 'JobSubmitBody', SubmitBody).content['application/json'],
          },
        },
      },
      responses: {
        202: json(JobSubmitted, 'Queued; lines that are not valid articles are recorded as failed (`rejected`) and the rest still run'),
        400: err('Malformed JSON or no articles'),
        413: err('A JSON body over the limit (send NDJSON for large batches)'),
        415: err('Neither NDJSON nor JSON'),
        422: err('Unknown engine'),
        503: err('No job queue configured'),
      },
    }),
    async (c) => {
      const jobs = requireJobs(services);
      const q = c.req.valid('query');
      const engine = q.engine ?? services.extractor.defaultEngine;
      const available = services.extractor.engineNames;
      if (!available.includes(engine)) throw new ServiceError('invalid', 'unknown_engine', `unknown engine "${engine}"; available: ${available.join(', ')}`);
      const type = c.req.header('content-type') ?? '';
      let entries: AsyncIterable<SubmitEntry> | SubmitEntry[];
      let source = q.source ?? null;
      if (/^application\/(x-ndjson|ndjson|jsonl|x-jsonlines)\b/i.test(type)) {
        const body = c.req.raw.body;
        if (!body) throw new ServiceError('bad_request', 'empty_body', 'the request body is empty');
        entries = entriesFromLines(services, ndjsonLines(body, services.config.MAX_BODY_BYTES), engine);
      } else if (/^application\/json\b/i.test(type)) {
        const body = await readJsonBody(c, services.config.MAX_BODY_BYTES * 10);
        const parsed = SubmitBody.safeParse(body);
        if (!parsed.success) throw new ServiceError('bad_request', 'invalid_body', 'send a list of articles or {"articles": [...]}');
        const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.articles;
        if (!Array.isArray(parsed.data) && parsed.data.source) source = source ?? parsed.data.source;
        entries = list.map((a, i) => toEntry(services, i + 1, a, engine));
      } else {
        throw new ServiceError('unsupported_media', 'unsupported_media_type', 'send NDJSON (Content-Type: application/x-ndjson) or a JSON list of articles');
      }
      const out = await jobs.submit(entries, { engine, source });
      if (out.total === 0) throw new ServiceError('bad_request', 'empty_job', 'the batch holds no articles');
      const url = `/v1/jobs/${out.id}`;
      return c.json({ ...out, status_url: url }, 202, { location: url });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      summary: 'A job: state, counts (queued, done, failed), throughput, ETA and the failures with their reasons',
      middleware: [access.read, jobsRequired] as const,
      request: { params: JobId, query: z.object({ failures: z.string().regex(/^\d+$/).optional().openapi({ description: 'failures listed (default 100)' }) }) },
      responses: { 200: json(JobStatusSchema, 'The job'), 404: err('No such job') },
    }),
    async (c) => {
      const jobs = requireJobs(services);
      const { id } = c.req.valid('param');
      const n = Number(c.req.valid('query').failures ?? 100);
      const status = await jobs.status(id, { failures: Number.isFinite(n) ? Math.min(Math.max(0, Math.floor(n)), 10_000) : 100 });
      if (!status) throw new ServiceError('not_found', 'not_found', `no job ${id}`);
      return c.json(status, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/retry',
      summary: 'Queue the failed articles of a job again (those rejected at submission excepted)',
      middleware: [access.write, jobsRequired] as const,
      request: { params: JobId },
      responses: { 202: json(z.object({ id: z.string(), requeued: z.number().int() }).openapi('JobRetried'), 'Queued again'), 404: err('No such job') },
    }),
    async (c) => {
      const jobs = requireJobs(services);
      const { id } = c.req.valid('param');
      const r = await jobs.retry(id);
      if (!r) throw new ServiceError('not_found', 'not_found', `no job ${id}`);
      return c.json({ id, ...r }, 202);
    },
  );
  return app;
}
