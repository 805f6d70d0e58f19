/** SQLite schema. Names compare by code point (BINARY), so prefix search is an index range. */
import type { Migration } from './migration.js';
import { portableMigrations } from './portable.js';

export const sqliteMigrations: Migration[] = [
  {
    version: 1,
    name: 'init',
    sql: `
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  caller_id TEXT UNIQUE,
  url TEXT UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  source TEXT,
  title TEXT,
  published TEXT,
  entity_count INTEGER NOT NULL,
  mention_count INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  result TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_source ON articles (source, published);

CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  name_simplified TEXT NOT NULL,
  place_code TEXT,
  place TEXT,
  article_count INTEGER NOT NULL DEFAULT 0,
  mention_count INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX entities_name ON entities (name_simplified);
CREATE INDEX entities_articles ON entities (article_count DESC, id);
CREATE INDEX entities_place_code ON entities (place_code) WHERE place_code IS NOT NULL;

CREATE TABLE entity_aliases (
  entity_id TEXT NOT NULL REFERENCES entities (id),
  alias TEXT NOT NULL,
  alias_simplified TEXT NOT NULL,
  PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_simplified ON entity_aliases (alias_simplified, entity_id);

CREATE TABLE article_entities (
  article_id TEXT NOT NULL REFERENCES articles (id),
  entity_id TEXT NOT NULL REFERENCES entities (id),
  entity_type TEXT NOT NULL,
  mention_count INTEGER NOT NULL,
  published TEXT,
  source TEXT,
  PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities (entity_id, published, article_id, mention_count);

CREATE TABLE paragraphs (
  article_id TEXT NOT NULL REFERENCES articles (id),
  idx INTEGER NOT NULL,
  start_off INTEGER NOT NULL,
  end_off INTEGER NOT NULL,
  boilerplate INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE mentions (
  article_id TEXT NOT NULL REFERENCES articles (id),
  seq INTEGER NOT NULL,
  mention_id TEXT NOT NULL,
  entity_id TEXT NOT NULL REFERENCES entities (id),
  type TEXT NOT NULL,
  text TEXT NOT NULL,
  start_off INTEGER NOT NULL,
  end_off INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  score REAL NOT NULL,
  value TEXT,
  published TEXT,
  source TEXT,
  PRIMARY KEY (article_id, seq)
);
CREATE INDEX mentions_entity ON mentions (entity_id, article_id, seq);
`,
  },
  {
    version: 2,
    name: 'decisions-dictionary',
    sql: `
CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT,
  type TEXT,
  name TEXT,
  start_off INTEGER,
  end_off INTEGER,
  editor TEXT NOT NULL,
  key_id TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX decisions_article ON decisions (article_id, created_at, id);

CREATE TABLE dictionary (
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  action TEXT NOT NULL,
  editor TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (name, type)
);
`,
  },
  ...portableMigrations,
];
