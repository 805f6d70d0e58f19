/**
 * The store at scale: PostgreSQL through `pg`. Migrations run at open under
 * an advisory lock; each write is one transaction on one pooled connection,
 * run again when it loses a race (unique violation, serialisation failure,
 * deadlock) so concurrent writers of the same article converge on one row.
 */
import pg from 'pg';
import { postgresMigrations } from '../migrations/postgres.js';
import type { StoreHooks } from '../repository.js';
import type { Db, Driver, Param } from '../sql/db.js';
import { RetryTransaction, SqlRepository } from '../sql/repository.js';

/** `?` → `$1, $2, …` (the store's SQL has no `?` inside literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const sqlCache = new Map<string, string>();
function toPg(sql: string): string {
  let s = sqlCache.get(sql);
  if (s === undefined) {
    s = numbered(sql);
    if (sqlCache.size < 5000) sqlCache.set(sql, s);
  }
  return s;
}

type Queryable = pg.Pool | pg.PoolClient;

function queryDb(q: Queryable): Db {
  return {
    dialect: 'postgres',
    async all<T>(sql: string, params: Param[] = []) {
      return (await q.query(toPg(sql), params)).rows as T[];
    },
    async get<T>(sql: string, params: Param[] = []) {
      return (await q.query(toPg(sql), params)).rows[0] as T | undefined;
    },
    async run(sql: string, params: Param[] = []) {
      return (await q.query(toPg(sql), params)).rowCount ?? 0;
    },
  };
}

const RETRY_CODES = new Set(['23505', '40001', '40P01']);

/**
 * The server is unreachable or dropped the connection (restart, failover, network): the statement may or may
 * not have run; worth trying again later (on a new connection), unlike a constraint or syntax error.
 */
export function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string') {
    // 08xxx connection exceptions; 57P01-57P03 admin/crash shutdown, cannot connect now (starting or stopping)
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(code)) return true;
  }
  const msg = (e as Error)?.message ?? '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(msg);
}
const MAX_ATTEMPTS = 8;

class PgDriver implements Driver {
  readonly dialect = 'postgres' as const;
  private readonly db: Db;

  constructor(private readonly pool: pg.Pool) {
    this.db = queryDb(pool);
  }

  poolStats() {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  all<T>(sql: string, params?: Param[]) {
    return this.db.all<T>(sql, params);
  }
  get<T>(sql: string, params?: Param[]) {
    return this.db.get<T>(sql, params);
  }
  run(sql: string, params?: Param[]) {
    return this.db.run(sql, params);
  }

  async tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      // The pool listens for errors only on idle clients. A connection that drops while checked out (the server
      // restarted: 57P01, then the socket ends) emits 'error' on the client, which would crash the process
      // without a listener; the query in flight rejects anyway, so record it and discard the client.
      let lost: Error | undefined;
      const onError = (e: Error) => {
        lost = e;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const out = await fn(queryDb(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        if (!lost && isConnectionError(e)) lost = e as Error;
        if (!lost) await client.query('ROLLBACK').catch(() => undefined);
        const code = (e as { code?: string }).code;
        const retry = e instanceof RetryTransaction || (code !== undefined && RETRY_CODES.has(code));
        if (!retry || attempt >= MAX_ATTEMPTS) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
      } finally {
        client.off('error', onError);
        // release(err) closes the client instead of returning a dead connection to the pool
        client.release(lost);
      }
    }
  }

  async close() {
    await this.pool.end();
  }
}

export interface PostgresOptions {
  /** a schema of its own (created if missing); default: the connection's search_path */
  schema?: string;
  hooks?: StoreHooks;
  max?: number;
}

const quoteIdent = (s: string) => '"' + s.replace(/"/g, '""') + '"';

async function migrate(pool: pg.Pool, schema: string | undefined) {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(727274001)');
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const { rows } = await client.query('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations');
      const current = Number(rows[0].v);
      for (const m of postgresMigrations) {
        if (m.version <= current) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw e;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(727274001)');
    }
  } finally {
    client.release();
  }
}

/** Open (migrating) the PostgreSQL store at `url`. */
export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<SqlRepository> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    ...(opts.schema ? { options: `-c search_path=${quoteIdent(opts.schema)},public` } : {}),
  });
  pool.on('error', () => undefined); // an idle client's connection dropped: the pool replaces it
  try {
    if (opts.schema) {
      // the schema must exist before search_path can point at it for the migration table
      const c = await pool.connect();
      try {
        await c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(opts.schema)}`);
      } finally {
        c.release();
      }
    }
    await migrate(pool, opts.schema);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }
  const repo = new SqlRepository(new PgDriver(pool), opts.hooks);
  try {
    await repo.migrateData();
  } catch (e) {
    await repo.close().catch(() => undefined);
    throw e;
  }
  return repo;
}
