/** Liveness and readiness. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Services } from '../services.js';

const Health = z.object({ status: z.string(), engines: z.array(z.string()).optional(), checks: z.record(z.string(), z.boolean()).optional() });

export function healthRoutes(services: Services) {
  const app = new OpenAPIHono();
  app.openAPIRegistry.registerPath(
    createRoute({ method: 'get', path: '/healthz', summary: 'The process is up', responses: { 200: { description: 'ok', content: { 'application/json': { schema: Health } } } } }),
  );
  app.openAPIRegistry.registerPath(
    createRoute({
      method: 'get',
      path: '/readyz',
      summary: 'The engines are loaded and the service can take work',
      responses: {
        200: { description: 'ready', content: { 'application/json': { schema: Health } } },
        503: { description: 'not ready', content: { 'application/json': { schema: Health } } },
      },
    }),
  );
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const wanted = services.config.ENGINE ?? services.extractor.defaultEngine;
    const engines = services.extractor.engineNames;
    const checks: Record<string, boolean> = { [`engine:${wanted}`]: engines.includes(wanted) };
    for (const [name, check] of Object.entries(services.readiness ?? {})) {
      checks[name] = await Promise.resolve()
        .then(check)
        .catch(() => false);
    }
    const ready = Object.values(checks).every(Boolean);
    return c.json({ status: ready ? 'ready' : 'not ready', engines, checks }, ready ? 200 : 503);
  });
  return app;
}
