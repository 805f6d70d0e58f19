/** One admission for every extraction: interactive before bulk, bounded interactive waiting, backpressure for bulk. */
import { describe, expect, it } from 'vitest';
import { Admission } from '../../src/service/admission.js';
import { inProcessExtractor } from '../../src/service/extractor.js';
import type { NameEngine } from '../../src/pipeline/recognise/engines/name-engine.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Admission', () => {
  it('gives a freed slot to a waiting interactive extraction before waiting bulk ones', async () => {
    const a = new Admission(1, 10);
    const order: string[] = [];
    const hold = await a.acquire('bulk');
    const bulk = [1, 2, 3].map((i) => a.run('bulk', async () => void order.push(`bulk${i}`)));
    const interactive = a.run('interactive', async () => void order.push('interactive'));
    expect(a.stats).toEqual({ running: 1, waiting: { interactive: 1, bulk: 3 } });
    hold();
    await Promise.all([...bulk, interactive]);
    expect(order).toEqual(['interactive', 'bulk1', 'bulk2', 'bulk3']);
    expect(a.stats).toEqual({ running: 0, waiting: { interactive: 0, bulk: 0 } });
  });

  it('refuses interactive extractions past the waiting bound, never bulk ones', async () => {
    const a = new Admission(1, 1);
    const hold = await a.acquire('interactive');
    const waiting = a.acquire('interactive');
    await expect(a.acquire('interactive')).rejects.toMatchObject({ kind: 'unavailable', code: 'overloaded' });
    const bulk = a.acquire('bulk');
    hold();
    (await waiting)();
    (await bulk)();
  });
});

describe('the extractor under a bulk load', () => {
  it('a small request waits for one slot, not behind the whole batch', async () => {
    const slow: NameEngine = { name: 'slow', model: 'slow', recognise: async () => (await sleep(20), []) };
    const ex = inProcessExtractor(new Map([['slow', slow]]), { engine: 'slow' });
    const req = ex.parse({ text: '株洲市发改委主任刘海宾介绍。' });
    const done: string[] = [];
    const bulk = Array.from({ length: 20 }, (_, i) => ex.extract(req, { priority: 'bulk' }).then(() => void done.push(`bulk${i}`)));
    await sleep(5);
    await ex.extract(req).then(() => void done.push('small'));
    await Promise.all(bulk);
    // only the bulk extraction holding the slot when the small one arrived finishes before it
    expect(done.indexOf('small')).toBeLessThanOrEqual(1);
    expect(done).toHaveLength(21);
  });
});
