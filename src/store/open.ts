/** Open the configured store: PostgreSQL when DATABASE_URL is set, else SQLite at `${DATA_DIR}/store.db`. */
import { join } from 'node:path';
import type { Repository } from './repository.js';
import { openSqlite } from './sqlite/index.js';
import { openPostgres } from './postgres/index.js';

export interface StoreConfig {
  DATA_DIR?: string;
  DATABASE_URL?: string;
}

export async function openStore(config: StoreConfig): Promise<Repository> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  const store = openSqlite(join(config.DATA_DIR ?? './data', 'store.db'));
  await store.migrateData();
  return store;
}

export type { Repository } from './repository.js';
