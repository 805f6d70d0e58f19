/** Versioned schema migrations, one list per dialect, applied in order at open and recorded in `schema_migrations`. */
export type { Migration } from './migration.js';
export { sqliteMigrations } from './sqlite.js';
export { postgresMigrations } from './postgres.js';
