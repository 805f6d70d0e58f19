import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { ndjsonLines, orderedMap } from '../../src/service/ndjson.js';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ MAX_BODY_BYTES: 10_000, ENGINE: 'lexicon' });
});

const enc = new TextEncoder();
function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(c) {
      if (i >= chunks.length) return c.close();
      const x = chunks[i++];
      c.enqueue(typeof x === 'string' ? enc.encode(x) : x);
    },
  });
}

const batch = (body: BodyInit, query = '') =>
  t.app.request(`/v1/batch/extract${query}`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body, duplex: 'half' } as RequestInit);

async function lines(res: Response) {
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('POST /v1/batch/extract', () => {
  it('streams results in input order; a bad line in the middle fails alone', async () => {
    const body = [
      JSON.stringify({ id: 'a', text: '株洲市发改委主任刘海宾介绍' }),
      '{"id": "b", "text": ',
      JSON.stringify({ id: 'c', text: 42 }),
      '',
      JSON.stringify({ id: 'd', text: '预计今年产值过8000万元', published: '2023-03-17' }),
    ].join('\n');
    const res = await batch(body);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const out = await lines(res);
    expect(out).toHaveLength(4);
    expect(out[0].id).toBe('a');
    expect((out[0].mentions as unknown[]).length).toBeGreaterThan(0);
    expect(out[1]).toMatchObject({ id: null, line: 2, error: { code: 'malformed_json' } });
    expect(out[2]).toMatchObject({ id: 'c', line: 3, error: { code: 'invalid_request' } });
    expect(out[3].id).toBe('d');
  });

  it('keeps order across many lines and chunk boundaries', async () => {
    const all = Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: String(i), text: `第${i}条：株洲市政府签约` })).join('\n') + '\n';
    const bytes = enc.encode(all);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 37) chunks.push(bytes.slice(i, i + 37)); // split inside characters and lines
    const out = await lines(await batch(streamOf(chunks)));
    expect(out.map((o) => o.id)).toEqual(Array.from({ length: 60 }, (_, i) => String(i)));
  });

  it('reports over-long and non-UTF-8 lines without failing the rest', async () => {
    const res = await batch(
      streamOf([
        JSON.stringify({ id: 'x', text: '株'.repeat(20_000) }) + '\n',
        new Uint8Array([0x7b, 0xff, 0xfe, 0x7d, 0x0a]),
        JSON.stringify({ id: 'y', text: '广州' }) + '\n',
      ]),
    );
    const out = await lines(res);
    expect(out[0]).toMatchObject({ line: 1, error: { code: 'line_too_long' } });
    expect(out[1]).toMatchObject({ line: 2, error: { code: 'invalid_utf8' } });
    expect(out[2].id).toBe('y');
  });

  it('415 for a body that is not NDJSON', async () => {
    const res = await t.app.request('/v1/batch/extract', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(res.status).toBe(415);
  });
});

describe('ndjson helpers', () => {
  it('reads lazily: a window of in-flight work, the rest unread until pulled', async () => {
    let produced = 0;
    const source = new ReadableStream<Uint8Array>({
      pull(c) {
        produced++;
        if (produced > 1000) return c.close();
        c.enqueue(enc.encode(`{"n":${produced}}\n`));
      },
    });
    const out = orderedMap(ndjsonLines(source, 1000), 4, async (l) => l);
    const first = await out.next();
    expect(first.value).toMatchObject({ n: 1 });
    expect(produced).toBeLessThan(20); // back-pressure: not the whole input
    await out.return(undefined);
  });
});
