/**
 * The embedded store: SQLite through better-sqlite3, WAL, one file. Writes go
 * through one connection, one transaction at a time (BEGIN IMMEDIATE, so
 * other processes on the same file wait their turn); reads use a second
 * connection and see only committed data.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { sqliteMigrations } from '../migrations/sqlite.js';
import type { StoreHooks } from '../repository.js';
import type { Db, Driver, Param } from '../sql/db.js';
import { SqlRepository } from '../sql/repository.js';

type Conn = Database.Database;

function connDb(conn: Conn): Db {
  // prepared statements, reused (the store's SQL comes from a small set of shapes)
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let st = cache.get(sql);
    if (!st) {
      if (cache.size >= 1000) cache.clear();
      st = conn.prepare(sql);
      cache.set(sql, st);
    }
    return st;
  };
  return {
    dialect: 'sqlite',
    async all<T>(sql: string, params: Param[] = []) {
      return prepare(sql).all(...params) as T[];
    },
    async get<T>(sql: string, params: Param[] = []) {
      return prepare(sql).get(...params) as T | undefined;
    },
    async run(sql: string, params: Param[] = []) {
      return prepare(sql).run(...params).changes;
    },
  };
}

function configure(conn: Conn) {
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 10000');
  conn.pragma('cache_size = -65536'); // 64 MiB of pages: index pages stay hot during ingest
}

function migrate(conn: Conn) {
  conn.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const apply = conn.transaction(() => {
    const row = conn.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number };
    for (const m of sqliteMigrations) {
      if (m.version <= row.v) continue;
      conn.exec(m.sql);
      conn.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }
  });
  apply.immediate();
}

/**
 * Write transactions per database file in this process, one at a time: two
 * handles on one file would otherwise block each other inside one thread
 * (other processes wait on SQLite's own lock, `busy_timeout`).
 */
const queues = new Map<string, { tail: Promise<unknown>; users: number }>();

class SqliteDriver implements Driver {
  readonly dialect = 'sqlite' as const;
  private readonly read: Db;
  private readonly write: Db;
  private readonly lane: { tail: Promise<unknown>; users: number };

  constructor(
    private readonly file: string,
    private readonly writer: Conn,
    private readonly reader: Conn,
  ) {
    let lane = queues.get(file);
    if (!lane) queues.set(file, (lane = { tail: Promise.resolve(), users: 0 }));
    lane.users++;
    this.lane = lane;
    this.read = connDb(reader);
    this.write = connDb(writer);
  }

  all<T>(sql: string, params?: Param[]) {
    return this.read.all<T>(sql, params);
  }
  get<T>(sql: string, params?: Param[]) {
    return this.read.get<T>(sql, params);
  }
  run(sql: string, params?: Param[]) {
    return this.write.run(sql, params);
  }

  tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const next = this.lane.tail.then(async () => {
      this.writer.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(this.write);
        this.writer.exec('COMMIT');
        return out;
      } catch (e) {
        if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
        throw e;
      }
    });
    this.lane.tail = next.catch(() => undefined);
    return next;
  }

  async close() {
    await this.lane.tail;
    if (--this.lane.users === 0) queues.delete(this.file);
    this.reader.close();
    this.writer.close();
  }
}

export interface SqliteOptions {
  hooks?: StoreHooks;
}

/** Open (creating and migrating) the SQLite store in `file`. */
export function openSqlite(file: string, opts: SqliteOptions = {}): SqlRepository {
  if (file === ':memory:') throw new Error('the SQLite store needs a file (readers use a second connection)');
  file = resolve(file);
  mkdirSync(dirname(file), { recursive: true });
  const writer = new Database(file);
  configure(writer);
  migrate(writer);
  const reader = new Database(file);
  configure(reader);
  reader.pragma('query_only = ON');
  return new SqlRepository(new SqliteDriver(file, writer, reader), opts.hooks);
}
