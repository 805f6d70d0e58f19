import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractPool, DeadlineExceeded } from '../../src/service/pool.js';
import { extractWith } from '../helpers/extract.js';
import { lexiconEngine } from '../../src/pipeline/recognise/engines/lexicon.js';

describe('extraction worker pool', () => {
  let pool: ExtractPool;
  beforeAll(async () => {
    pool = new ExtractPool({ size: 2, deadlineMs: 4000, env: { ENGINE: 'lexicon' } });
    await pool.ready();
  });
  afterAll(() => pool.close());

  const input = { text: '株洲市发改委主任刘海宾介绍，去年6月投产后，预计今年产值过8000万元。', published: '2023-03-17' };

  it('gives the same result as in-process extraction', async () => {
    const [a, b] = await Promise.all([pool.extract(input, { engine: 'lexicon' }), extractWith(lexiconEngine, input)]);
    expect(a.mentions).toEqual(b.mentions);
    expect(a.entities).toEqual(b.entities);
  });

  it('runs many jobs across workers', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => pool.extract({ ...input, id: String(i) }, { engine: 'lexicon' })));
    expect(results.map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => String(i)));
  });

  // 1,000,000 characters: MAX_TEXT_CHARS, the most the service passes to the pool
  it('stops a job past its deadline, replaces the worker and keeps serving', async () => {
    const slow = pool.extract({ text: '株洲'.repeat(500_000) }, { engine: 'lexicon' });
    await expect(slow).rejects.toBeInstanceOf(DeadlineExceeded);
    const after = await pool.extract(input, { engine: 'lexicon' });
    expect(after.mentions.length).toBeGreaterThan(3);
    expect(pool.size).toBe(2);
  });

  it('rejects an unknown engine without losing the worker', async () => {
    await expect(pool.extract(input, { engine: 'nope' })).rejects.toThrow(/not loaded/);
    expect((await pool.extract(input, { engine: 'lexicon' })).mentions.length).toBeGreaterThan(0);
  });

  it('drains queued and running jobs on a graceful close', async () => {
    const p = new ExtractPool({ size: 1, deadlineMs: 10_000, env: { ENGINE: 'lexicon' } });
    await p.ready();
    const jobs = Array.from({ length: 4 }, (_, i) => p.extract({ ...input, id: String(i) }, { engine: 'lexicon' }));
    await p.close({ drain: true });
    expect((await Promise.all(jobs)).map((r) => r.id)).toEqual(['0', '1', '2', '3']);
    await expect(p.extract(input, { engine: 'lexicon' })).rejects.toThrow(/closed/);
  });

  it('gives the other jobs of a worker stopped for a deadline back to the queue', async () => {
    const p = new ExtractPool({ size: 1, jobsPerWorker: 2, deadlineMs: 3000, env: { ENGINE: 'lexicon' } });
    await p.ready();
    const slow = p.extract({ text: '株洲'.repeat(500_000) }, { engine: 'lexicon' });
    const fast = p.extract(input, { engine: 'lexicon' });
    await expect(slow).rejects.toBeInstanceOf(DeadlineExceeded);
    expect((await fast).mentions.length).toBeGreaterThan(3);
    await p.close();
  });
});
