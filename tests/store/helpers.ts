/** Store factories for the shared suite (SQLite in a temp file; PostgreSQL in a schema of its own) and result fixtures. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PG_URL, probePg } from '../helpers/pg.js';
import { openSqlite } from '../../src/store/sqlite/index.js';
import { openPostgres } from '../../src/store/postgres/index.js';
import type { Repository, StoreHooks } from '../../src/store/repository.js';
import type { ExtractResponse } from '../../src/contract/schemas.js';

export { PG_URL };

const pgError = await probePg();
if (pgError) {
  if (process.env.TEST_DATABASE_URL) throw new Error(`TEST_DATABASE_URL is set but PostgreSQL is not reachable: ${pgError}`);
  console.warn(`[store tests] PostgreSQL tests SKIPPED: no server reachable at ${PG_URL} (${pgError}); set TEST_DATABASE_URL to run them`);
}
export const pgAvailable = pgError === null;

export interface StoreFactory {
  name: 'sqlite' | 'postgres';
  available: boolean;
  /** a fresh, empty store */
  open(hooks?: StoreHooks): Promise<Repository>;
  /** a second handle on the same store (another connection / pool) */
  reopen(hooks?: StoreHooks): Promise<Repository>;
  cleanup(): Promise<void>;
}

let seq = 0;

export function sqliteFactory(): StoreFactory {
  const dirs: string[] = [];
  let file = '';
  return {
    name: 'sqlite',
    available: true,
    async open(hooks) {
      const dir = mkdtempSync(join(tmpdir(), 'store-test-'));
      dirs.push(dir);
      file = join(dir, 'store.db');
      return openSqlite(file, { hooks });
    },
    async reopen(hooks) {
      return openSqlite(file, { hooks });
    },
    async cleanup() {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

export function postgresFactory(): StoreFactory {
  const schemas: string[] = [];
  let schema = '';
  return {
    name: 'postgres',
    available: pgAvailable,
    async open(hooks) {
      schema = `t_${process.pid}_${Date.now().toString(36)}_${seq++}`;
      schemas.push(schema);
      return openPostgres(PG_URL, { schema, hooks, max: 8 });
    },
    async reopen(hooks) {
      return openPostgres(PG_URL, { schema, hooks, max: 8 });
    },
    async cleanup() {
      if (!pgAvailable) return;
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
      await c.end();
    },
  };
}

export const factories = [sqliteFactory, postgresFactory];

export interface FixtureEntity {
  name: string;
  type?: string;
  /** surface forms to find in the text (default: the name) */
  surfaces?: string[];
  place?: { code: string; level?: string; parents?: string[] };
  name_simplified?: string;
}

/** A plausible extraction result: paragraphs split on newlines, a mention for every occurrence of every surface form. */
export function makeResult(text: string, ents: FixtureEntity[], opts: { title?: string; published?: string; id?: string; url?: string } = {}): ExtractResponse {
  const paragraphs: ExtractResponse['paragraphs'] = [];
  let off = 0;
  for (const [index, line] of text.split('\n').entries()) {
    paragraphs.push({ index, start: off, end: off + line.length, text: line, boilerplate: false });
    off += line.length + 1;
  }
  const mentions: ExtractResponse['mentions'] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([s, e]) => b <= s || a >= e);
  const entities: ExtractResponse['entities'] = [];
  ents.forEach((e, k) => {
    const eid = `e${k + 1}`;
    const ids: string[] = [];
    const paras = new Set<number>();
    for (const s of e.surfaces ?? [e.name]) {
      for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + s.length)) {
        if (!free(i, i + s.length)) continue;
        taken.push([i, i + s.length]);
        const paragraph = paragraphs.findIndex((p) => i >= p.start && i < p.end);
        const id = `m${mentions.length + 1}`;
        mentions.push({ id, entity: eid, type: (e.type ?? 'PERSON') as never, text: s, start: i, end: i + s.length, paragraph, score: 0.9 });
        ids.push(id);
        paras.add(paragraph);
      }
    }
    entities.push({
      id: eid,
      type: (e.type ?? 'PERSON') as never,
      name: e.name,
      mentions: ids,
      paragraphs: [...paras],
      ...(e.place ? { place: e.place } : {}),
      ...(e.name_simplified ? { name_simplified: e.name_simplified } : {}),
    } as ExtractResponse['entities'][number]);
  });
  mentions.sort((a, b) => a.start - b.start);
  return {
    ...(opts.id ? { id: opts.id } : {}),
    ...(opts.url ? { url: opts.url } : {}),
    title: opts.title ?? null,
    text,
    script: 'simplified',
    published: opts.published ? { date: opts.published, source: 'request' } : null,
    paragraphs,
    mentions,
    entities,
    meta: { engine: 'test', model: 'test', version: '0', timings_ms: {} },
  };
}
