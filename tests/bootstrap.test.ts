/** One start-up for every role: the queue worker and the CLI get the editors' dictionary from the store, as the server does. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrap, type Role } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { openSqlite } from '../src/store/sqlite/index.js';

const dir = mkdtempSync(join(tmpdir(), 'bootstrap-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bootstrap', () => {
  it.each<Role>(['worker', 'cli'])("the %s role applies the store's user dictionary", async (role) => {
    const dataDir = join(dir, role);
    const seed = openSqlite(join(dataDir, 'store.db'));
    await seed.putDictionary([{ name: '蓝海星辰', type: 'COMPANY', action: 'add', editor: 'test' }]);
    await seed.close();
    const config = loadConfig({ DATA_DIR: dataDir, ENGINE: 'lexicon', MODEL_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
    const runtime = await bootstrap(config, role, { workers: 0 });
    try {
      expect(runtime.jobs).toBeNull();
      const r = await runtime.extractor.extract(runtime.extractor.parse({ text: '蓝海星辰今年推出三款新品。' }));
      expect(r.mentions.map((m) => `${m.type}:${m.text}`)).toContain('COMPANY:蓝海星辰');
    } finally {
      await runtime.close();
    }
  });
});
