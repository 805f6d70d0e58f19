/**
 * Production hardening: "PostgreSQL restarted and Redis restarted in the
 * middle of an ingestion job — the job completes with every article stored
 * exactly once". Throwaway PostgreSQL and Redis servers of the test's own
 * (free ports, a temporary directory; the shared 5432/6379 servers are never
 * touched), two `src/worker.ts` processes, a job of 80 articles;
 * PostgreSQL is shut down (fast) while an ingest transaction is open and
 * started again, then Redis (AOF) is shut down and started again. See
 * tests/faults/scenario.ts; `npm run bench:faults` prints the same run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { missingTools, scenario, type ScenarioReport } from './scenario.js';

const missing = missingTools();
if (missing && process.env.CI) throw new Error(`CI is set but the fault test cannot run: ${missing}`);
if (missing) console.warn(`[fault tests] PostgreSQL/Redis restart test SKIPPED: ${missing}`);

describe.skipIf(!!missing)('PostgreSQL and Redis restarted mid-job (throwaway servers)', () => {
  const s = missing ? null : scenario({ articles: 80, workers: 2, concurrency: 2, delayMs: 100, downMs: 2000, timeoutMs: 120_000 });
  afterAll(async () => {
    await s?.cleanup();
  }, 60_000);

  it('the job completes, every article stored exactly once with its mentions; the workers survive both restarts', async () => {
    const r: ScenarioReport = await s!.run();
    const summary = {
      events: r.events.map((e) => `+${e.t} ms ${e.what} (done ${e.done})`),
      bullmq: r.events_stream,
      stored: r.stored,
    };
    console.log(`[fault tests] ${JSON.stringify(summary, null, 1)}`);
    // the restarts happened mid-job
    expect(r.postgres.doneBefore).toBeGreaterThan(0);
    expect(r.postgres.doneBefore).toBeLessThan(r.articles);
    expect(r.redis.doneBefore).toBeLessThan(r.articles);
    expect(r.redis.keysAfter).toBeGreaterThan(0); // the queue came back from the AOF
    // both worker processes are still running (a dropped connection must not kill them)
    expect(r.workers.map((w) => [w.alive, w.exitCode])).toEqual(r.workers.map(() => [true, null]));
    // all done, none failed (transient store/Redis errors are waited out or retried to done)
    expect(r.status.state).toBe('completed');
    expect(r.status.counts).toEqual({ total: 80, queued: 0, done: 80, failed: 0 });
    expect(r.bullmq.failed).toBe(0);
    // the store: exactly the 80 caller ids, each once, each with its mentions, counters consistent
    expect(r.stored).toEqual({
      articles: 80,
      distinctCallerIds: 80,
      duplicates: 0,
      withoutMentions: 0,
      mentionCountMismatches: 0,
      entityCounterMismatches: 0,
      missing: [],
    });
  }, 150_000);
});
