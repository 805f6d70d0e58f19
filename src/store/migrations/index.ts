/** Versioned schema migrations, one list per dialect, applied in order at open and recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
export { sqliteMigrations } from './sqlite.js';
export { postgresMigrations } from './postgres.js';
