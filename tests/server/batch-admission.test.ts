/** Batch streams: bounded in number (503 + Retry-After beyond), and a shutdown ends a stream with a closing line, not a cut connection. */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { inProcessExtractor } from '../../src/service/extractor.js';
import { lexiconEngine } from '../../src/pipeline/recognise/engines/lexicon.js';

const enc = new TextEncoder();
const line = (i: number) => enc.encode(JSON.stringify({ id: `a${i}`, text: `株洲市发改委主任刘海宾介绍，第${i}号项目产值过8000万元。` }) + '\n');

/** A request body that sends `first` lines now and the rest only when `more()` is called. */
function trickle(first: number, total: number) {
  let sent = 0;
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const body = new ReadableStream<Uint8Array>({
    async pull(c) {
      if (sent === first) await gate;
      if (sent >= total) return c.close();
      c.enqueue(line(sent++));
    },
  });
  return { body, more: release };
}

function app(stopping?: AbortSignal) {
  const config = { MAX_BODY_BYTES: 100_000, MAX_TEXT_CHARS: 100_000, MAX_BATCH_STREAMS: 1 };
  return createApp({ config, extractor: inProcessExtractor(new Map([['lexicon', lexiconEngine]]), { engine: 'lexicon' }), stopping });
}
const post = (a: ReturnType<typeof app>, body: BodyInit) =>
  a.request('/v1/batch/extract', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body, duplex: 'half' } as RequestInit);

describe('batch admission', () => {
  it('answers 503 with Retry-After when MAX_BATCH_STREAMS streams are open, and admits again once one closes', async () => {
    const a = app();
    const first = trickle(3, 5);
    const open = await post(a, first.body);
    expect(open.status).toBe(200);
    const reader = open.body!.getReader();
    await reader.read(); // the first result: the stream is open and waiting for more input
    const refused = await post(a, line(9));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('overloaded');
    first.more();
    while (!(await reader.read()).done);
    const again = await post(a, line(10));
    expect(again.status).toBe(200);
    expect((await again.text()).trim().split('\n')).toHaveLength(1);
  });

  it('at shutdown, stops reading, finishes the lines in flight and ends with a shutting_down line', async () => {
    const stop = new AbortController();
    const a = app(stop.signal);
    const t = trickle(3, 50);
    const res = await post(a, t.body);
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    let text = '';
    while (text.split('\n').filter(Boolean).length < 2) text += dec.decode((await reader.read()).value);
    stop.abort();
    t.more();
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += dec.decode(r.value);
    const out = text.trim().split('\n').map((l) => JSON.parse(l) as { id?: string; error?: { code: string } });
    expect(out.length).toBeLessThan(50);
    expect(out.at(-1)!.error?.code).toBe('shutting_down');
    expect(out.slice(0, -1).every((o) => !o.error)).toBe(true);
  });
});
