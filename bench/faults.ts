/**
 * The fault scenario of tests/faults/restart.test.ts, with its story printed:
 * PostgreSQL restarted, then Redis restarted, in the middle of a BullMQ
 * ingestion job consumed by worker processes — how long each server was
 * down, how many articles were done around each restart, how long the job
 * took, what BullMQ recorded (failed attempts, stalls), and what the store
 * holds at the end (every article exactly once, with its mentions).
 *
 *   npm run bench:faults [-- --articles 80] [--workers 2] [--concurrency 2] [--delay 250] [--down 2000] [--json out.json]
 *
 * Starts its own throwaway PostgreSQL (initdb, as the `postgres` OS user) and
 * Redis (AOF) on free ports; the shared servers are not touched.
 */
import { writeFileSync } from 'node:fs';
import { missingTools, scenario } from '../tests/faults/scenario.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const num = (name: string) => (arg(name) === undefined ? undefined : Number(arg(name)));

const missing = missingTools();
if (missing) {
  console.error(`bench:faults needs PostgreSQL 15's server binaries and redis-server: ${missing}`);
  process.exit(2);
}

const s = scenario({
  articles: num('articles'),
  workers: num('workers'),
  concurrency: num('concurrency'),
  delayMs: num('delay'),
  downMs: num('down'),
  log: (l) => console.log(l),
});
const stop = () => void s.cleanup().finally(() => process.exit(130));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

let code = 0;
try {
  const r = await s.run();
  const ok =
    r.status.counts.done === r.articles &&
    r.status.counts.failed === 0 &&
    r.stored.articles === r.articles &&
    r.stored.duplicates === 0 &&
    r.stored.missing.length === 0 &&
    r.stored.withoutMentions === 0 &&
    r.stored.mentionCountMismatches === 0 &&
    r.stored.entityCounterMismatches === 0;
  const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log('');
  console.log(`PostgreSQL restart: ${r.postgres.midTransaction ? 'mid-transaction, ' : ''}down ${secs(r.postgres.downMs)} (stop ${r.postgres.stopMs} ms, held down, start ${r.postgres.startMs} ms); done ${r.postgres.doneBefore} → ${r.postgres.doneAfter} by the Redis restart`);
  console.log(`Redis restart:      down ${secs(r.redis.downMs)} (shutdown ${r.redis.stopMs} ms, held down, start ${r.redis.startMs} ms); ${r.redis.keysBefore} keys before, ${r.redis.keysAfter} after the AOF replay; done ${r.redis.doneBefore} → ${r.redis.doneAfter}`);
  console.log(`job ${r.job}: ${r.status.state}, counts ${JSON.stringify(r.status.counts)}, ${secs(r.totalMs)} from submit to the last article (submit ${r.submitMs} ms), ${r.status.throughput} articles/s`);
  console.log(`BullMQ events: ${JSON.stringify(r.events_stream)}; queue now ${JSON.stringify(r.bullmq)}`);
  console.log(
    `store: ${r.stored.articles} articles, ${r.stored.distinctCallerIds} distinct caller ids, ${r.stored.duplicates} duplicated, ${r.stored.missing.length} missing, ${r.stored.withoutMentions} without mentions, ${r.stored.mentionCountMismatches} mention-count mismatches, ${r.stored.entityCounterMismatches} entity-counter mismatches`,
  );
  console.log(`workers: ${r.workers.map((w) => `${w.pid} ${w.alive ? 'alive' : `exited ${w.exitCode}`}`).join(', ')}`);
  for (const w of r.workers) if (w.log.trim()) console.log(`worker ${w.pid} log:\n${w.log.trim()}`);
  console.log(`PostgreSQL log: ${r.pgLogErrors.length} ERROR/FATAL lines${r.pgLogErrors.length ? `, e.g.\n  ${[...new Set(r.pgLogErrors.map((l) => l.replace(/^.*?(ERROR|FATAL)/, '$1')))].slice(0, 5).join('\n  ')}` : ''}`);
  console.log(ok ? '\nOK: the job completed with every article stored exactly once' : '\nFAILED: see above');
  if (arg('json')) writeFileSync(arg('json')!, JSON.stringify(r, null, 2));
  if (!ok) code = 1;
} catch (e) {
  console.error(`FAILED: ${(e as Error).stack ?? e}`);
  code = 1;
} finally {
  await s.cleanup();
}
process.exit(code);
