/**
 * Migrations whose SQL is the same for SQLite and PostgreSQL (3 on): both dialect lists end with these, so a
 * change to one can never leave the other behind.
 */
import type { Migration } from './migration.js';

export const portableMigrations: Migration[] = [
  {
    version: 3,
    name: 'article-list',
    sql: `
CREATE INDEX articles_updated ON articles (updated_at, id);
CREATE INDEX articles_source_id ON articles (source, id);
`,
  },
  {
    version: 4,
    name: 'value-keys',
    // amounts and dates keyed by their resolved value, no garbled aliases: the re-keying needs the store's
    // own code, so this records a task that SqlRepository.migrateData() runs (once) when the store opens
    sql: `
CREATE TABLE store_tasks (
  name TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  done_at TEXT
);
-- a store without articles has nothing to re-key
INSERT INTO store_tasks (name, created_at, done_at)
  SELECT 'value-keys', '1970-01-01T00:00:00.000Z', CASE WHEN EXISTS (SELECT 1 FROM articles) THEN NULL ELSE '1970-01-01T00:00:00.000Z' END;
`,
  },
  {
    version: 5,
    name: 'decision-revert',
    // a reject's scope (this article only, or the deny list), what a decision changed (JSON: the dictionary
    // entries it wrote with what they replaced; the entity and mentions a scoped reject took out), and its undoing
    sql: `
ALTER TABLE decisions ADD COLUMN scope TEXT;
ALTER TABLE decisions ADD COLUMN effects TEXT;
ALTER TABLE decisions ADD COLUMN reverted_at TEXT;
ALTER TABLE decisions ADD COLUMN reverted_by TEXT;
CREATE INDEX decisions_scoped ON decisions (article_id, action, scope);
`,
  },
];
