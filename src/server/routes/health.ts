/** Liveness and readiness. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Services } from '../services.js';

const Health = z.object({ status: z.string(), engines: z.array(z.string()).optional() });

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
  app.get('/readyz', (c) => {
    const ready = services.engines.has(services.defaultEngine);
    return c.json({ status: ready ? 'ready' : 'not ready', engines: [...services.engines.keys()] }, ready ? 200 : 503);
  });
  return app;
}
