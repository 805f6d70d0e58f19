/**
 * The fuzz suite against both stores: arbitrary text (lone surrogates, NUL, astral characters, control
 * characters, quotes and SQL metacharacters) in articles, titles, ids, query parameters and dictionary
 * names never answers 500, and every stored mention still slices out of the stored text.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { inProcessExtractor } from '../../src/service/extractor.js';
import { loadEngines } from '../../src/pipeline/recognise/engines/registry.js';
import type { NameEngine } from '../../src/pipeline/recognise/engines/name-engine.js';
import type { Repository } from '../../src/store/repository.js';
import { factories } from './helpers.js';

let engines: ReadonlyMap<string, NameEngine>;
beforeAll(async () => {
  ({ engines } = await loadEngines({ ENGINE: 'lexicon' }));
});

/** Strings from the corners of UTF-16: lone surrogates, NUL, astral pairs, controls, SQL and LIKE metacharacters. */
const nasty = fc.array(
  fc.oneof(
    fc.constantFrom('\ud800', '\udfff', '\u0000', '\u0001', '𠮷', '😀', "'", '"', '%', '_', '\\', ';', '--', '株洲', '刘海宾', '8000万元', '\n', '\u3000'),
    fc.string({ maxLength: 4 }),
  ),
  { maxLength: 12 },
).map((parts) => parts.join(''));

/** Percent-encode the UTF-8 bytes (a lone surrogate becomes U+FFFD, as any client library sends it). */
const enc = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

describe.each(factories.map((f) => f()))('$name store: fuzzed input over HTTP', (factory) => {
  let store: Repository;
  let call: (method: string, path: string, body?: unknown) => Promise<Response>;
  beforeEach(async (ctx) => {
    if (!factory.available) return ctx.skip();
    store = await factory.open();
    const app = createApp({ config: { MAX_BODY_BYTES: 1_000_000, MAX_TEXT_CHARS: 100_000 }, extractor: inProcessExtractor(engines, { engine: 'lexicon' }), store });
    call = (method, path, body) =>
      app.request(path, { method, ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });
  });
  afterEach(async () => {
    await store?.close();
  });
  afterAll(() => factory.cleanup());

  it('stores any article and answers every query without a 500; stored mentions slice out of the stored text', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, nasty, async (text, title, q) => {
        const body = { text: `株洲市发改委主任刘海宾介绍${text}，今年产值过8000万元。`, title: title || undefined, id: `fz-${q}`.slice(0, 200) };
        const put = await call('POST', '/v1/articles', body);
        expect(put.status, await put.clone().text()).toBeLessThan(500);
        if (put.status < 300) {
          const stored = (await put.json()) as { article: { id: string }; result: { text: string } };
          const got = (await (await call('GET', `/v1/articles/${enc(stored.article.id)}`)).json()) as {
            result: { text: string; mentions: { start: number; end: number; text: string }[] };
          };
          for (const m of got.result.mentions) expect(got.result.text.slice(m.start, m.end)).toBe(m.text);
        }
        // and bytes that are not UTF-8 at all: an encoded surrogate, NUL
        for (const path of [`/v1/entities?contains=${enc(q)}`, `/v1/entities?name=${enc(q)}`, `/v1/entities?prefix=${enc(q)}`, '/v1/entities?contains=%ED%A0%80', '/v1/entities?name=a%00b']) {
          expect((await call('GET', path)).status, path).toBeLessThan(500);
        }
        const dict = await call('POST', '/v1/dictionary', { name: q || 'x', type: 'ORG', action: 'add' });
        expect(dict.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});
