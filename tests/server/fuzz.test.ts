/**
 * Hostile input: a corpus of nasty requests and a fast-check fuzz of raw
 * bodies. The service answers every one with a JSON body and a status that
 * fits (never a 500 where a 4xx belongs), and within a bounded time.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import type { ExtractResponse } from '../../src/contract/schemas.js';
import { cleanText } from '../../src/contract/text.js';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ MAX_BODY_BYTES: 8_000_000, MAX_TEXT_CHARS: 1_000_000, ENGINE: 'lexicon' });
});

async function expectJsonAnswer(res: Response, allowed: number[]) {
  expect(allowed, `status ${res.status}`).toContain(res.status);
  const body = await res.json();
  if (res.status >= 400) expect(body.error.code).toMatch(/^[a-z_]+$/);
  return body;
}

const raw = (body: Uint8Array | string, type = 'application/json') =>
  t.app.request('/v1/extract', { method: 'POST', headers: { 'content-type': type }, body: body as BodyInit });

describe('nasty corpus', () => {
  it('invalid UTF-8 bodies get 415', async () => {
    for (const bytes of [[0xff, 0xfe], [0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]]) {
      await expectJsonAnswer(await raw(new Uint8Array(bytes)), [415]);
    }
  });

  it('lone surrogates, NUL bytes and control characters in text are processed', async () => {
    for (const text of ['株洲\ud800市发改委', '\udc00\udc00刘海宾', '株洲\u0000市\u0000政府', '\u0001\u0002\u001f', '\ufeff株洲\u200b市', '\u202e株洲']) {
      const body = (await expectJsonAnswer(await t.post('/v1/extract', { text }), [200])) as ExtractResponse;
      // the text policy (src/contract/text.ts): NUL and lone surrogates come back as U+FFFD, one for one
      const sent = cleanText(text);
      expect(body.text).toBe(sent);
      expect(body.text).toHaveLength(text.length);
      for (const m of body.mentions) expect(sent.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('huge and odd numbers never become Infinity, NaN or a crash', async () => {
    const text = '9999999999999999999亿元，1e309元，9'.repeat(3) + '9'.repeat(400) + '万元，-0%，百分之九九九九九九九九九九九九，0.0000000001元';
    const body = (await expectJsonAnswer(await t.post('/v1/extract', { text }), [200])) as ExtractResponse;
    for (const m of body.mentions) {
      if (m.value && 'amount' in m.value) expect(Number.isFinite(m.value.amount)).toBe(true);
      if (m.value && 'value' in m.value && typeof m.value.value === 'number') expect(Number.isFinite(m.value.value)).toBe(true);
    }
  });

  it('impossible dates are not invented', async () => {
    const body = (await expectJsonAnswer(await t.post('/v1/extract', { text: '2月30日、13月、2023年2月29日、0月0日和32日举行', published: '2023-03-17' }), [200])) as ExtractResponse;
    for (const m of body.mentions.filter((x) => x.type === 'DATE')) {
      const v = m.value as { start: string | null };
      if (v.start) expect(new Date(v.start).toISOString().slice(0, 10)).toBe(v.start);
    }
    expect(body.mentions.some((m) => m.text.includes('2月30日'))).toBe(false);
  });

  it('JSON with duplicate keys, deep nesting, huge strings and odd shapes', async () => {
    await expectJsonAnswer(await raw('{"text": "株洲", "text": "广州"}'), [200]);
    await expectJsonAnswer(await raw('{"text": ' + '['.repeat(10_000) + ']'.repeat(10_000) + '}'), [400, 422]);
    await expectJsonAnswer(await raw('{"text": {"a": ' + '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_001) + '}'), [400, 422]);
    await expectJsonAnswer(await raw('null'), [422]);
    await expectJsonAnswer(await raw('"株洲"'), [422]);
    await expectJsonAnswer(await raw('{"text": "株洲", "published": "2023-13-45"}'), [422]);
    await expectJsonAnswer(await raw('{"text": "株洲", "published": "去年"}'), [422]);
    await expectJsonAnswer(await raw('{"__proto__": {"polluted": true}, "text": "株洲"}'), [422]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectJsonAnswer(await raw('{"text": "株洲"'), [400]);
    await expectJsonAnswer(await raw(''), [400]);
    await expectJsonAnswer(await raw('{"text": "株洲"}', 'text/plain'), [415]);
  });

  it('pathological HTML', async () => {
    const deep = '<div>'.repeat(10_000) + '株洲市发改委主任刘海宾' + '</div>'.repeat(10_000);
    const body = (await expectJsonAnswer(await t.post('/v1/extract', { html: deep }), [200])) as ExtractResponse;
    expect(body.text).toContain('刘海宾');
    await expectJsonAnswer(await t.post('/v1/extract', { html: '<p>' + '<b>株洲'.repeat(5000) }), [200]);
    await expectJsonAnswer(await t.post('/v1/extract', { html: '<script>'.repeat(1000) + 'x' }), [200, 422]);
    await expectJsonAnswer(await t.post('/v1/extract', { html: '<<<>>><!--<!--<![CDATA[' + '&#x110000;&#0;&#xD800;'.repeat(100) }), [200, 422]);
    await expectJsonAnswer(await t.post('/v1/extract', { html: '<p>' + '&amp;'.repeat(50_000) + '</p>' }), [200, 422]);
  });

  it('very long lines, a million repeated characters, thousands of tiny paragraphs', async () => {
    const cases = [
      '株'.repeat(1_000_000),
      ('株洲市发改委主任刘海宾介绍' + '，').repeat(20_000),
      '株洲。\n'.repeat(20_000),
      'a'.repeat(500_000),
      '1'.repeat(200_000) + '万元',
    ];
    for (const text of cases) {
      const t0 = performance.now();
      const body = (await expectJsonAnswer(await t.post('/v1/extract', { text }), [200])) as ExtractResponse;
      expect(body.text.length).toBe(text.length);
      expect(performance.now() - t0).toBeLessThan(60_000);
    }
  }, 300_000);
});

describe('fuzz', () => {
  it('random bodies never produce a 500', async () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ text: v })),
      fc.record({ text: fc.string(), html: fc.option(fc.string(), { nil: undefined }), published: fc.option(fc.string(), { nil: undefined }) }).map((r) => JSON.stringify(r)),
      fc.string({ unit: 'binary' }),
      fc.uint8Array({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(jsonish, fc.constantFrom('/v1/extract', '/v1/tags', '/v1/extract?tokens=1&boilerplate=1'), async (body, path) => {
        const res = await t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body as BodyInit });
        expect(res.status).toBeLessThan(500);
        await res.json();
      }),
      { numRuns: 300 },
    );
  });

  it('random query strings never produce a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('tokens', 'boilerplate', 'engine', 'limit', 'types', 'x'), fc.string()), async (q) => {
        const res = await t.post(`/v1/tags?${new URLSearchParams(q)}`, { text: '株洲市发改委主任刘海宾' });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });
});
