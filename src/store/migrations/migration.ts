/** A versioned schema migration, applied in order at open and recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
