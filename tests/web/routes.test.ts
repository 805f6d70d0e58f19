/** The pages and their assets: content types, caching, revalidation, nothing outside src/web. */
import { inProcessExtractor } from '../../src/service/extractor.js';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';

const app = createApp({ config: { MAX_BODY_BYTES: 1 << 20, MAX_TEXT_CHARS: 1000 }, extractor: inProcessExtractor(new Map(), { engine: 'lexicon' }) });

describe('web pages', () => {
  it('serves the editor and the research page as HTML that revalidates', async () => {
    for (const [path, marker] of [
      ['/', '/web/editor.js'],
      ['/research', '/web/research.js'],
    ]) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain(marker);
    }
  });

  it('serves assets with their content types, an ETag and 304 on a match', async () => {
    const types: Record<string, string> = { 'editor.js': 'text/javascript', 'common.js': 'text/javascript', 'research.js': 'text/javascript', 'app.css': 'text/css' };
    for (const [name, type] of Object.entries(types)) {
      const res = await app.request(`/web/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('cache-control')).toContain('max-age=');
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^".+"$/);
      const again = await app.request(`/web/${name}`, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
    }
  });

  it('serves nothing else', async () => {
    for (const path of ['/web/..%2Fserver%2Fapp.ts', '/web/../package.json', '/web/nope.js', '/web/', '/web/%2e%2e%2fpaths.ts']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
    }
  });

  it('never puts article text into innerHTML', async () => {
    for (const name of ['editor.js', 'research.js', 'common.js']) {
      const src = await (await app.request(`/web/${name}`)).text();
      expect(src, name).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});
