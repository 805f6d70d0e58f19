/**
 * The editor's page (`GET /`), the researchers' search page (`GET /research`)
 * and their static assets (`GET /web/*`): plain HTML, CSS and ES modules
 * from `src/web/`, no build step. Assets are read once, served with their
 * content type, an ETag and a short cache lifetime (pages revalidate).
 */
import { Hono } from 'hono';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ROOT } from '../../paths.js';

export const WEB_DIR = join(ROOT, 'src', 'web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

interface Asset {
  body: Uint8Array;
  type: string;
  etag: string;
}

/** Every file directly in `dir` (no subfolders, no dotfiles): the only names `/web/*` can serve. */
function loadAssets(dir: string): Map<string, Asset> {
  const out = new Map<string, Asset>();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const type = TYPES[extname(name)];
    if (!type || name.startsWith('.') || !statSync(join(dir, name)).isFile()) continue;
    const body = new Uint8Array(readFileSync(join(dir, name)));
    out.set(name, { body, type, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"` });
  }
  return out;
}

export function webRoutes(opts: { dir?: string } = {}) {
  const app = new Hono();
  let assets: Map<string, Asset> | null = null;
  const get = (name: string) => (assets ??= loadAssets(opts.dir ?? WEB_DIR)).get(name);

  const serve = (name: string, cache: string) => (c: import('hono').Context) => {
    const a = get(name);
    if (!a) return c.json({ error: { code: 'not_found', message: `no asset ${name}` } }, 404);
    const headers = {
      'content-type': a.type,
      'cache-control': cache,
      etag: a.etag,
      'x-content-type-options': 'nosniff',
    };
    if (c.req.header('if-none-match') === a.etag) return c.body(null, 304, headers);
    return c.body(a.body as unknown as ArrayBuffer, 200, headers);
  };
  const page = (name: string) => serve(name, 'no-cache');

  app.get('/', page('index.html'));
  app.get('/research', page('research.html'));
  app.get('/web/:name', (c) => serve(c.req.param('name'), 'public, max-age=300, must-revalidate')(c));
  return app;
}
