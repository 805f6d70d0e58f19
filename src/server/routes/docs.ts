/**
 * GET /docs — the API reference (Swagger UI over /openapi.json), with its
 * script and stylesheet served by this server from the `swagger-ui-dist`
 * package: no CDN, so the page works offline. `tools/node_modules` is the
 * fallback location for a development checkout whose node_modules lacks it.
 */
import { Hono } from 'hono';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../../paths.js';

const ASSETS: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
};

/** The folder of swagger-ui-dist, or null when it is not installed. */
export function swaggerUiDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  } catch {
    const local = join(ROOT, 'tools', 'node_modules', 'swagger-ui-dist');
    return existsSync(join(local, 'package.json')) ? local : null;
  }
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Chinese news entity extraction — API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<style>body{margin:0}</style></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>
window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: false,
  presets: [SwaggerUIBundle.presets.apis], layout: 'BaseLayout' });
</script></body></html>`;

const FALLBACK = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>API reference</title></head>
<body><h1>Chinese news entity extraction — API</h1><p>The reference page needs the <code>swagger-ui-dist</code> package (<code>npm install</code>).
The contract is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p></body></html>`;

export function docsRoutes(opts: { dir?: string | null } = {}) {
  const app = new Hono();
  const dir = opts.dir === undefined ? swaggerUiDir() : opts.dir;
  const cache = new Map<string, Uint8Array>();
  app.get('/docs', (c) => c.html(dir ? PAGE : FALLBACK));
  app.get('/docs/assets/:name', (c) => {
    const name = c.req.param('name');
    // (own keys only: `/docs/assets/constructor` is no asset)
    const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!dir || !type) return c.json({ error: { code: 'not_found', message: `no asset ${name}` } }, 404);
    let body = cache.get(name);
    if (!body) cache.set(name, (body = new Uint8Array(readFileSync(join(dir, name)))));
    return c.body(body as unknown as ArrayBuffer, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
  return app;
}
