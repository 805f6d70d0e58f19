/** Liveness and readiness: open to all, at the root. */
import { createRoute, z } from '@hono/zod-openapi';
import { json, routes } from '../openapi.js';
import type { Services } from '../services.js';

const Health = z.object({ status: z.string(), engines: z.array(z.string()).optional(), checks: z.record(z.string(), z.boolean()).optional() });

/** Mounted at /. */
export function healthRoutes(services: Services) {
  const app = routes();
  app.openapi(createRoute({ method: 'get', path: '/healthz', summary: 'The process is up', responses: { 200: json(Health, 'ok') } }), (c) =>
    c.json({ status: 'ok' }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/readyz',
      summary: 'The engines are loaded and the service can take work',
      responses: { 200: json(Health, 'ready'), 503: json(Health, 'not ready') },
    }),
    async (c) => {
      const wanted = services.config.ENGINE ?? services.extractor.defaultEngine;
      const engines = services.extractor.engineNames;
      const checks: Record<string, boolean> = { [`engine:${wanted}`]: engines.includes(wanted) };
      for (const [name, check] of Object.entries(services.readiness ?? {})) {
        checks[name] = await Promise.resolve()
          .then(check)
          .catch(() => false);
      }
      const ready = Object.values(checks).every(Boolean);
      return ready ? c.json({ status: 'ready', engines, checks }, 200) : c.json({ status: 'not ready', engines, checks }, 503);
    },
  );
  return app;
}
