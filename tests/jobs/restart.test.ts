/**
 * The in-process queue across a real restart: the server (src/main.ts, no
 * REDIS_URL) is killed with SIGKILL mid-job, started again on the same
 * DATA_DIR, and finishes the job; the store holds every article once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../src/paths.js';
import Database from 'better-sqlite3';
import { articles, waitFor } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'jobs-restart-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

// the embedded setup: no PostgreSQL, no Redis
const env = { ...process.env };
delete env.DATABASE_URL;
delete env.REDIS_URL;

function startServer(): Promise<{ child: ChildProcess; base: string; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...env,
      DATA_DIR: dir,
      PORT: '0',
      HOST: '127.0.0.1',
      ENGINE: 'lexicon',
      MODEL_DIR: '/nonexistent',
      EXTRACT_WORKERS: '0',
      QUEUE_CONCURRENCY: '2',
      QUEUE_TEST_DELAY_MS: '40',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exited = new Promise((r) => child.on('exit', r));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /"port":(\d+)[^\n]*"msg":"listening"/.exec(out);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}`, exited });
    });
    child.stderr!.on('data', (d) => (out += d));
    void exited.then(() => reject(new Error(`server exited before listening: ${out}`)));
  });
}

describe('in-process queue across a server restart', () => {
  it('SIGKILL mid-job, restart: the job completes, every article stored once', async () => {
    let server = await startServer();
    const body = articles(40).map((a) => JSON.stringify(a)).join('\n') + '\n';
    const res = await fetch(`${server.base}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const status = async () => (await (await fetch(`${server.base}/v1/jobs/${id}`)).json()) as { state: string; counts: Record<string, number> };
    await waitFor(async () => (await status()).counts.done! >= 8, 30_000, '8 articles done', 20);
    server.child.kill('SIGKILL');
    await server.exited;

    server = await startServer();
    const before = await status();
    expect(before.counts.done).toBeGreaterThanOrEqual(8);
    expect(before.counts.done).toBeLessThan(40);
    const s = await waitFor(async () => {
      const st = await status();
      return st.state === 'completed' ? st : null;
    }, 30_000, 'the restarted server to finish the job');
    expect(s.counts).toEqual({ total: 40, queued: 0, done: 40, failed: 0 });
    server.child.kill('SIGTERM');
    await server.exited;
    const db = new Database(join(dir, 'store.db'), { readonly: true });
    try {
      const rows = db.prepare('SELECT caller_id, COUNT(*) AS n FROM articles GROUP BY caller_id ORDER BY caller_id').all() as { caller_id: string; n: number }[];
      expect(rows).toHaveLength(40);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      expect(new Set(rows.map((r) => r.caller_id))).toEqual(new Set(articles(40).map((a) => a.id)));
    } finally {
      db.close();
    }
  });
});
