/** SQLite: writers in different processes on one file store one copy of the same article, and keep the counts exact. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { openSqlite } from '../../src/store/sqlite/index.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'store-procs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('three processes writing the same article at once store it once', async () => {
  const file = join(dir, 'store.db');
  await openSqlite(file).close(); // migrate first
  const worker = join(import.meta.dirname, 'fixtures', 'ingest-worker.ts');
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const startAt = String(Date.now() + 4000);
  const outs = await Promise.all(['p1', 'p2', 'p3'].map((tag) => run(tsx, [worker, file, '15', tag, startAt], { timeout: 60_000 })));
  const statuses = outs.flatMap((o) => JSON.parse(o.stdout) as string[]);
  expect(statuses.filter((s) => s === 'created')).toHaveLength(1);
  const store = openSqlite(file);
  try {
    expect(await store.countArticles()).toBe(1 + 45);
    const liu = (await store.searchEntities({ name: '刘海宾' }, 'articles', { limit: 5 })).items;
    expect(liu).toHaveLength(1);
    expect(liu[0]).toMatchObject({ articles: 46, mentions: 46 });
  } finally {
    await store.close();
  }
});
