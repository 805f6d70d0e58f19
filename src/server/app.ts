/**
 * The HTTP app: one sub-app per resource, mounted under its prefix (each
 * route declared once in its module, with its access and limits), one error
 * format, the OpenAPI document and a docs page.
 */
import { cors } from 'hono/cors';
import { observe } from './middleware/observe.js';
import { accessFor } from './middleware/authorize.js';
import { routes } from './openapi.js';
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
import { VERSION } from '../version.js';

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

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Chinese news entity extraction',
      version: VERSION,
      description:
        'Extracts people, places, organisations, companies, money, percentages, quantities and dates from Chinese news articles (simplified, traditional or mixed; dirty input welcome). Every mention satisfies `text.slice(start, end) === mention.text`.',
    },
  });
  app.get('/docs', (c) => c.html(DOCS_PAGE));
  return app;
}

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>API docs</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem}
pre{background:#f6f8fa;padding:1rem;overflow:auto}h2{border-bottom:1px solid #ddd}code{background:#f6f8fa}</style></head>
<body><h1>Chinese news entity extraction — API</h1>
<p>The machine-readable contract is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1, generated from the service's zod schemas).</p>
<div id="paths">Loading…</div>
<script>
fetch('/openapi.json').then(r=>r.json()).then(doc=>{
  const el=document.getElementById('paths'); el.innerHTML='';
  for (const [path, ops] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(ops)) {
    const h=document.createElement('h2'); h.textContent=method.toUpperCase()+' '+path; el.appendChild(h);
    const p=document.createElement('p'); p.textContent=op.summary||''; el.appendChild(p);
    const pre=document.createElement('pre'); pre.textContent=JSON.stringify({parameters:op.parameters,requestBody:op.requestBody,responses:op.responses},null,2); el.appendChild(pre);
  }
  const h=document.createElement('h2'); h.textContent='Schemas'; el.appendChild(h);
  const pre=document.createElement('pre'); pre.textContent=JSON.stringify(doc.components,null,2); el.appendChild(pre);
});
</script></body></html>`;
