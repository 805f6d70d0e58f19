/** The minimal driver both stores implement; SQL is written with `?` placeholders. */
export type Param = string | number | null;

export interface Db {
  readonly dialect: 'sqlite' | 'postgres';
  all<T = Record<string, unknown>>(sql: string, params?: Param[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: Param[]): Promise<T | undefined>;
  /** returns the number of rows changed */
  run(sql: string, params?: Param[]): Promise<number>;
}

export interface Driver extends Db {
  /** run `fn` in one write transaction (serialised per store for SQLite; retried on unique/serialisation conflicts for PostgreSQL) */
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /** connection-pool figures, where the driver pools connections */
  poolStats?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}
