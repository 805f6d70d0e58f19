/**
 * The HTTP app: one sub-app per resource, mounted under its prefix (each
 * route declared once in its module, with its access and limits), one error
 * format, the OpenAPI document and a docs page.
 */
import { cors } from 'hono/cors';
import { observe } from './middleware/observe.js';
import { accessFor } from './middleware/authorize.js';
import { registerAccess, routes } from './openapi.js';
import { registry, setGaugeSources } from '../observability/metrics.js';
import { errorResponse } from './errors.js';
import { extractRoutes } from './routes/extract.js';
import { healthRoutes } from './routes/health.js';
import { tagsRoutes } from './routes/tags.js';
import { batchRoutes } from './routes/batch.js';
import { articleRoutes } from './routes/articles.js';
import { entityRoutes } from './routes/entities.js';
import { queryRoutes } from './routes/query.js';
import { exportRoutes } from './routes/exports.js';
import { jobRoutes } from './routes/jobs.js';
import { decisionRoutes } from './routes/decisions.js';
import { dictionaryRoutes } from './routes/dictionary.js';
import { webRoutes } from './routes/web.js';
import { feedbackFor } from '../feedback/service.js';
import type { Services } from './services.js';
import { describeOperations, documentConfig } from './openapi-doc.js';
import { docsRoutes } from './routes/docs.js';

export function createApp(given: Services) {
  // the editors' dictionary: bootstrap brings it; an app built on a bare store (tests) makes its own
  const services: Services = { ...given, feedback: given.feedback ?? (given.store ? feedbackFor(given) : null) };
  const app = routes();
  app.onError(errorResponse);
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404));

  app.use('*', observe);
  const origins = services.config.CORS_ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean);
  if (origins?.length) app.use('/v1/*', cors({ origin: origins.includes('*') ? '*' : origins, exposeHeaders: ['X-Request-Id', 'Retry-After'] }));
  // the API keys' scopes, the shared rate limiter and concurrency limit, as each route declares them
  const access = accessFor(services);
  registerAccess(access);

  const { jobs, extractor, store } = services;
  setGaugeSources({
    queueDepth: jobs ? () => jobs.depth() : undefined,
    extractionPending: () => extractor.pending,
    dbPool: store?.poolStats ? () => store.poolStats!() : undefined,
  });
  app.get('/metrics', async (c) => c.body(await registry.metrics(), 200, { 'content-type': registry.contentType }));
  app.route('/', healthRoutes(services));
  app.route('/v1/extract', extractRoutes(services, access));
  app.route('/v1/tags', tagsRoutes(services, access));
  app.route('/v1/batch', batchRoutes(services, access));
  app.route('/v1/articles', articleRoutes(services, access));
  app.route('/v1/articles', decisionRoutes(services, access));
  app.route('/v1/entities', entityRoutes(services, access));
  app.route('/v1/query', queryRoutes(services, access));
  app.route('/v1/export', exportRoutes(services, access));
  app.route('/v1/jobs', jobRoutes(services, access));
  app.route('/v1/dictionary', dictionaryRoutes(services, access));
  // the editor's and the researchers' pages (src/web)
  app.route('/', webRoutes());
  services.feedback?.ready.catch(() => undefined);

  // operationId, tags, security and the shared errors of every route, read from the routes' access middleware
  describeOperations(app);
  app.doc31('/openapi.json', documentConfig(app));
  // the reference page (Swagger UI, served from node_modules: works offline)
  app.route('/', docsRoutes());
  return app;
}
