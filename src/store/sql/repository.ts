/**
 * The repository over SQL, shared by the SQLite and PostgreSQL stores: the
 * same statements (with `?` placeholders, portable SQL) run on both; the
 * drivers differ in transactions, placeholders and JSON columns.
 */
import { NAME_TYPES } from '../../pipeline/entity-types.js';
import { cleanDeep, cleanText } from '../../contract/text.js';
import type { ExtractResponse } from '../../contract/schemas.js';
import {
  contentHash,
  decodeCursor,
  encodeCursor,
  entityId,
  entityKey,
  likeEscape,
  MAX_CHAR,
  newArticleId,
  simplify,
  articleScopedKey,
  isGarbled,
  isValueType,
  valueIdentity,
  type ValueLike,
} from '../keys.js';
import {
  StoreError,
  type ArticleMeta,
  type ArticleFilter,
  type ArticleKey,
  type ArticleRef,
  type ArticleSort,
  type BatchItem,
  type BatchQuery,
  type BatchResult,
  type Bucket,
  type Decision,
  type DecisionEffects,
  type DecisionInput,
  type DictionaryEntry,
  type DetailOptions,
  type EntityDetail,
  type EntityFilter,
  type EntitySort,
  type EntitySummary,
  type IngestResult,
  type MatchedBy,
  type MentionExportRow,
  type MentionFilter,
  type MentionHit,
  type Page,
  type PageRequest,
  type PlaceInfo,
  type Repository,
  type SeriesPoint,
  type StoredArticle,
  type StoredArticleMeta,
  type StoreHooks,
} from '../repository.js';
import type { Db, Driver, Param } from './db.js';

/** Names longer than this are cut for keys and indexes (btree entries have a size limit). */
const MAX_NAME = 512;
/** Rows per multi-row INSERT. */
const INSERT_CHUNK = 200;
const EXPORT_BATCH = 1000;

/** Thrown inside a transaction to ask the driver to run it again (PostgreSQL: the row went away under us). */
export class RetryTransaction extends Error {}

type ResultEntity = ExtractResponse['entities'][number] & {
  name_simplified?: string;
  aliases?: string[];
  place?: PlaceInfo | null;
};

interface EntityRow {
  id: string;
  key: string;
  type: string;
  name: string;
  nameS: string;
  place: PlaceInfo | null;
  aliases: Set<string>;
  mentions: number;
}

const cut = (s: string) => (s.length > MAX_NAME ? s.slice(0, MAX_NAME) : s);
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
const num = (v: unknown) => Number(v ?? 0);

const cleanParams = (params?: Param[]) => params?.map((p) => (typeof p === 'string' ? cleanText(p) : p));

function cleanDb(db: Db): Db {
  return {
    dialect: db.dialect,
    all: (sql, params) => db.all(sql, cleanParams(params)),
    get: (sql, params) => db.get(sql, cleanParams(params)),
    run: (sql, params) => db.run(sql, cleanParams(params)),
  };
}

/** A driver whose every string parameter has had the text policy applied (NUL, lone surrogates → U+FFFD). */
export function withTextPolicy(driver: Driver): Driver {
  return {
    ...cleanDb(driver),
    tx: (fn) => driver.tx((db) => fn(cleanDb(db))),
    ...(driver.poolStats ? { poolStats: () => driver.poolStats!() } : {}),
    close: () => driver.close(),
  };
}

/** `(?, ?, …)` */
const marks = (n: number) => '(' + Array(n).fill('?').join(', ') + ')';

export class SqlRepository implements Repository {
  readonly dialect: 'sqlite' | 'postgres';
  protected readonly driver: Driver;

  constructor(
    driver: Driver,
    protected readonly hooks: StoreHooks = {},
  ) {
    // the text policy (src/contract/text.ts) on every parameter: no NUL or lone surrogate reaches either store
    this.driver = withTextPolicy(driver);
    this.dialect = driver.dialect;
  }

  poolStats() {
    return this.driver.poolStats?.() ?? { total: 0, idle: 0, waiting: 0 };
  }

  async close() {
    await this.driver.close();
  }

  private get forUpdate() {
    return this.dialect === 'postgres' ? ' FOR UPDATE' : '';
  }

  private async step(name: string) {
    await this.hooks.step?.(name);
  }

  private async insertMany(db: Db, head: string, rows: Param[][], tail = '') {
    if (rows.length === 0) return;
    const width = rows[0].length;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      await db.run(`${head} VALUES ${chunk.map(() => marks(width)).join(', ')}${tail}`, chunk.flat());
    }
  }

  // ---------------------------------------------------------------- writes

  /**
   * The stored entities of one extraction result (several result entities may be one stored entity), and the
   * stored entity of each mention. Names are one entity per type and simplified canonical name (or place code);
   * amounts and dates one per resolved value, whatever the words (`今年` in a 2023 article is the year 2023);
   * an unresolved or vague value is an entity of its article only. Garbled surface forms are never aliases.
   */
  private entitiesOf(result: ExtractResponse, articleId: string) {
    const byId = new Map<string, EntityRow>();
    const resultEntities = new Map<string, ResultEntity>();
    for (const e of result.entities as ResultEntity[]) resultEntities.set(e.id, e);
    const alias = (row: EntityRow, a: string | undefined) => {
      if (a && !isGarbled(a)) row.aliases.add(cut(a));
    };
    const rowFor = (key: string, type: string, name: string, nameS: string, place: PlaceInfo | null) => {
      const id = entityId(key);
      let row = byId.get(id);
      if (!row) byId.set(id, (row = { id, key, type, name: cut(name), nameS, place, aliases: new Set(), mentions: 0 }));
      return row;
    };
    const nameRow = (type: string, name: string, nameS: string | undefined, place: PlaceInfo | null | undefined) => {
      const ns = cut(nameS ? nameS.normalize('NFKC').trim() : simplify(name)) || cut(name);
      const code = place?.code ? String(place.code) : null;
      return rowFor(entityKey(type, ns, code), type, name, ns, code ? { ...place!, code } : null);
    };
    const valueRow = (type: string, value: unknown, surface: string) => {
      const v = valueIdentity(type, value as ValueLike);
      if (v) return rowFor(v.key, type, v.name, v.name, null);
      const ns = cut(simplify(surface)) || cut(surface);
      return rowFor(articleScopedKey(type, articleId, ns), type, surface, ns, null);
    };
    const byLocal = new Map<string, EntityRow>();
    for (const e of resultEntities.values()) {
      if (isValueType(e.type)) continue; // by their mentions' values
      const row = nameRow(e.type, e.name, e.name_simplified, e.place);
      alias(row, e.name);
      for (const a of e.aliases ?? []) alias(row, a);
      byLocal.set(e.id, row);
    }
    const ofMention: EntityRow[] = [];
    for (const m of result.mentions) {
      const e = resultEntities.get(m.entity);
      let row: EntityRow | undefined;
      if (isValueType(m.type)) row = valueRow(m.type, m.value ?? e?.value, e && e.type === m.type && !m.value && !e.value ? e.name : m.text);
      else {
        row = byLocal.get(m.entity);
        if (!row) byLocal.set(m.entity, (row = nameRow(m.type, m.text, undefined, null)));
      }
      alias(row, m.text);
      row.mentions++;
      ofMention.push(row);
    }
    return { ofMention, entities: [...byId.values()].filter((r) => r.mentions > 0 || !isValueType(r.type)).sort((a, b) => (a.id < b.id ? -1 : 1)) };
  }

  async ingest(meta: ArticleMeta, resultAsGiven: ExtractResponse): Promise<IngestResult> {
    // the text policy on the result before anything is derived from it (the stored JSON too: jsonb refuses
    // \u0000 and lone-surrogate escapes); one code unit for one, so every offset in it stays valid
    let result = cleanDeep(resultAsGiven);
    const callerId = meta.callerId ?? null;
    const url = meta.url ?? null;
    const hash = contentHash(result.text);
    const published = result.published?.date ?? null;

    return this.driver.tx(async (db) => {
      const now = new Date().toISOString();
      await this.step('match');
      const found = await db.all<{ id: string; caller_id: string | null; url: string | null; source: string | null; created_at: string }>(
        'SELECT id, caller_id, url, source, created_at FROM articles WHERE caller_id = ? OR url = ? OR content_hash = ?',
        [callerId, url, hash],
      );
      let matchedBy: MatchedBy | null = null;
      let existing = callerId !== null ? found.find((r) => r.caller_id === callerId) : undefined;
      if (existing) matchedBy = 'id';
      if (!existing && url !== null && (existing = found.find((r) => r.url === url))) matchedBy = 'url';
      if (!existing && (existing = found[0])) matchedBy = 'content_hash';
      const others = found.filter((r) => r.id !== existing?.id);
      if (others.length > 0) {
        throw new StoreError('conflict', 'the article\'s id, url or content already belong to different stored articles', {
          matched: existing!.id,
          conflicting: others.map((r) => r.id),
        });
      }
      const source = meta.source ?? existing?.source ?? null;
      const row = {
        caller_id: callerId ?? existing?.caller_id ?? null,
        url: url ?? existing?.url ?? null,
      };
      const delta = new Map<string, { a: number; m: number }>();
      const id = existing ? existing.id : newArticleId();
      if (existing) {
        // editors' "not in this article" rejects hold for every later version of the article (undone: they no longer do)
        const rejected = await db.all<{ type: string; name: string }>(
          "SELECT type, name FROM decisions WHERE article_id = ? AND action = 'reject' AND scope = 'article' AND reverted_at IS NULL",
          [id],
        );
        if (rejected.length) result = withoutEntities(result, rejected);
      }
      const resultJson = JSON.stringify(result);
      const { ofMention, entities } = this.entitiesOf(result, id);
      await this.step('article');
      if (existing) {
        const locked = await db.get(`SELECT id FROM articles WHERE id = ?${this.forUpdate}`, [id]);
        if (!locked) throw new RetryTransaction('the article was deleted concurrently');
        for (const r of await db.all<{ entity_id: string; mention_count: number }>(
          'SELECT entity_id, mention_count FROM article_entities WHERE article_id = ?',
          [id],
        )) {
          delta.set(r.entity_id, { a: -1, m: -num(r.mention_count) });
        }
        await this.deleteContents(db, id);
        await db.run(
          `UPDATE articles SET caller_id = ?, url = ?, content_hash = ?, source = ?, title = ?, published = ?, entity_count = ?, mention_count = ?, updated_at = ?, result = ? WHERE id = ?`,
          [row.caller_id, row.url, hash, source, result.title, published, entities.length, result.mentions.length, now, resultJson, id],
        );
      } else {
        await db.run(
          `INSERT INTO articles (id, caller_id, url, content_hash, source, title, published, entity_count, mention_count, created_at, updated_at, result)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [id, row.caller_id, row.url, hash, source, result.title, published, entities.length, result.mentions.length, now, now, resultJson],
        );
      }

      await this.step('entities');
      await this.insertMany(
        db,
        'INSERT INTO entities (id, key, type, name, name_simplified, place_code, place, article_count, mention_count, created_at)',
        entities.map((e) => [e.id, e.key, e.type, e.name, e.nameS, e.place?.code ?? null, e.place ? JSON.stringify(e.place) : null, 0, 0, now]),
        ' ON CONFLICT (id) DO NOTHING',
      );
      await this.step('aliases');
      await this.insertMany(
        db,
        'INSERT INTO entity_aliases (entity_id, alias, alias_simplified)',
        entities.flatMap((e) => [...e.aliases].map((a) => [e.id, a, cut(simplify(a)) || a])),
        ' ON CONFLICT (entity_id, alias) DO NOTHING',
      );
      await this.step('article_entities');
      await this.insertMany(
        db,
        'INSERT INTO article_entities (article_id, entity_id, entity_type, mention_count, published, source)',
        entities.map((e) => [id, e.id, e.type, e.mentions, published, source]),
      );
      await this.step('paragraphs');
      await this.insertMany(
        db,
        'INSERT INTO paragraphs (article_id, idx, start_off, end_off, boilerplate, text)',
        result.paragraphs.map((p) => [id, p.index, p.start, p.end, p.boilerplate ? 1 : 0, p.text]),
      );
      await this.step('mentions');
      await this.insertMany(
        db,
        'INSERT INTO mentions (article_id, seq, mention_id, entity_id, type, text, start_off, end_off, paragraph, score, value, published, source)',
        result.mentions.map((m, i) => [
          id,
          i,
          m.id,
          ofMention[i].id,
          m.type,
          m.text,
          m.start,
          m.end,
          m.paragraph,
          m.score,
          m.value ? JSON.stringify(m.value) : null,
          published,
          source,
        ]),
      );
      await this.step('counters');
      for (const e of entities) {
        const d = delta.get(e.id) ?? { a: 0, m: 0 };
        delta.set(e.id, { a: d.a + 1, m: d.m + e.mentions });
      }
      await this.applyDeltas(db, delta);
      await this.step('commit');
      const article: StoredArticleMeta = {
        id,
        caller_id: row.caller_id,
        url: row.url,
        source,
        title: result.title,
        published,
        content_hash: hash,
        created_at: existing?.created_at ?? now,
        updated_at: now,
        entities: entities.length,
        mentions: result.mentions.length,
      };
      return { status: existing ? ('updated' as const) : ('created' as const), matched_by: matchedBy, article };
    });
  }

  /**
   * Data migrations that need the store's own code, recorded as tasks by the schema migrations and run once
   * when the store opens (src/store/open.ts). `value-keys` (schema v3): every article holding an amount or a
   * date is stored again from its stored result (its entities re-derived: amounts and dates by value), the
   * old name-keyed amount/date entities left without articles are removed, and garbled aliases are dropped.
   * Safe to run twice and from two processes at once (each step is idempotent).
   */
  async migrateData(): Promise<{ rekeyed: number; aliasesDropped: number }> {
    const out = { rekeyed: 0, aliasesDropped: 0 };
    const pending = await this.driver.all<{ name: string }>('SELECT name FROM store_tasks WHERE done_at IS NULL');
    if (!pending.some((t) => t.name === 'value-keys')) return out;
    const types = ['MONEY', 'PERCENT', 'QUANTITY', 'DATE'];
    let after = '';
    for (;;) {
      const ids = await this.driver.all<{ article_id: string }>(
        `SELECT DISTINCT article_id FROM mentions WHERE type IN ${marks(types.length)} AND article_id > ? ORDER BY article_id LIMIT ?`,
        [...types, after, EXPORT_BATCH],
      );
      for (const { article_id } of ids) {
        const r = await this.driver.get('SELECT caller_id, url, source, result FROM articles WHERE id = ?', [article_id]);
        if (!r) continue;
        const result = json(r.result) as ExtractResponse;
        // matched by the caller's id, url or content: the same article, updated in place
        await this.ingest({ callerId: (r.caller_id as string) ?? null, url: (r.url as string) ?? null, source: (r.source as string) ?? null }, result);
        out.rekeyed++;
      }
      if (ids.length < EXPORT_BATCH) break;
      after = ids[ids.length - 1].article_id;
    }
    await this.driver.tx(async (db) => {
      const orphan = `SELECT e.id FROM entities e WHERE e.type IN ${marks(types.length)} AND e.article_count <= 0
        AND NOT EXISTS (SELECT 1 FROM article_entities ae WHERE ae.entity_id = e.id) AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)`;
      await db.run(`DELETE FROM entity_aliases WHERE entity_id IN (${orphan})`, types);
      await db.run(`DELETE FROM entities WHERE id IN (${orphan})`, types);
    });
    // garbled aliases (U+FFFD, mojibake), in keyset batches
    let last: [string, string] = ['', ''];
    for (;;) {
      const rows = await this.driver.all<{ entity_id: string; alias: string }>(
        'SELECT entity_id, alias FROM entity_aliases WHERE entity_id > ? OR (entity_id = ? AND alias > ?) ORDER BY entity_id, alias LIMIT ?',
        [last[0], last[0], last[1], EXPORT_BATCH],
      );
      const bad = rows.filter((r) => isGarbled(r.alias));
      if (bad.length) {
        await this.driver.tx(async (db) => {
          for (const b of bad) out.aliasesDropped += await db.run('DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ?', [b.entity_id, b.alias]);
        });
      }
      if (rows.length < EXPORT_BATCH) break;
      last = [rows[rows.length - 1].entity_id, rows[rows.length - 1].alias];
    }
    await this.driver.tx((db) => db.run("UPDATE store_tasks SET done_at = ? WHERE name = 'value-keys'", [new Date().toISOString()]));
    return out;
  }

  /** Add article/mention count deltas to entities, in id order (a stable lock order). */
  private async applyDeltas(db: Db, delta: Map<string, { a: number; m: number }>) {
    const rows = [...delta.entries()].filter(([, d]) => d.a !== 0 || d.m !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      // a single-table UPDATE (no join): under PostgreSQL's READ COMMITTED, a row updated concurrently is
      // re-read and the increment applied to its latest version (an UPDATE … FROM (VALUES …) join lost increments)
      const when = chunk.map(() => 'WHEN ? THEN CAST(? AS INTEGER)').join(' ');
      await db.run(
        `UPDATE entities SET article_count = article_count + CASE id ${when} ELSE 0 END,
                             mention_count = mention_count + CASE id ${when} ELSE 0 END
         WHERE id IN ${marks(chunk.length)}`,
        [...chunk.flatMap(([id, d]) => [id, d.a]), ...chunk.flatMap(([id, d]) => [id, d.m]), ...chunk.map(([id]) => id)],
      );
    }
  }

  private async deleteContents(db: Db, id: string) {
    await db.run('DELETE FROM mentions WHERE article_id = ?', [id]);
    await db.run('DELETE FROM paragraphs WHERE article_id = ?', [id]);
    await db.run('DELETE FROM article_entities WHERE article_id = ?', [id]);
  }

  async deleteArticle(id: string): Promise<boolean> {
    return this.driver.tx(async (db) => {
      const found = await db.get(`SELECT id FROM articles WHERE id = ?${this.forUpdate}`, [id]);
      if (!found) return false;
      const delta = new Map<string, { a: number; m: number }>();
      for (const r of await db.all<{ entity_id: string; mention_count: number }>(
        'SELECT entity_id, mention_count FROM article_entities WHERE article_id = ?',
        [id],
      )) {
        delta.set(r.entity_id, { a: -1, m: -num(r.mention_count) });
      }
      await this.deleteContents(db, id);
      await db.run('DELETE FROM decisions WHERE article_id = ?', [id]);
      await db.run('DELETE FROM articles WHERE id = ?', [id]);
      await this.applyDeltas(db, delta);
      return true;
    });
  }

  // ----------------------------------------------------------------- reads

  private metaOf(r: Record<string, unknown>): StoredArticleMeta {
    return {
      id: r.id as string,
      caller_id: (r.caller_id as string) ?? null,
      url: (r.url as string) ?? null,
      source: (r.source as string) ?? null,
      title: (r.title as string) ?? null,
      published: (r.published as string) ?? null,
      content_hash: r.content_hash as string,
      created_at: r.created_at as string,
      updated_at: r.updated_at as string,
      entities: num(r.entity_count),
      mentions: num(r.mention_count),
    };
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    return this.getArticleBy('id', id);
  }

  async getArticleBy(key: ArticleKey, value: string): Promise<StoredArticle | null> {
    const column = ({ id: 'id', caller_id: 'caller_id', url: 'url' } as const)[key];
    const r = await this.driver.get(`SELECT * FROM articles WHERE ${column} = ?`, [value]);
    if (!r) return null;
    return { article: this.metaOf(r), result: json(r.result) as ExtractResponse };
  }

  async listArticles(f: ArticleFilter, sort: ArticleSort, page: PageRequest): Promise<Page<StoredArticleMeta>> {
    const where: string[] = [];
    const params: Param[] = [];
    const eq = (column: string, v: string | undefined) => {
      if (v === undefined) return;
      where.push(`${column} = ?`);
      params.push(v);
    };
    eq('source', f.source);
    eq('url', f.url);
    eq('caller_id', f.callerId);
    if (f.from !== undefined) {
      where.push('published >= ?');
      params.push(f.from);
    }
    if (f.to !== undefined) {
      where.push('published <= ?');
      params.push(f.to);
    }
    if (f.updatedSince !== undefined) {
      where.push('updated_at >= ?');
      params.push(f.updatedSince);
    }
    // keyset paging on a unique, stable key: (updated_at, id) or id (time-ordered store ids)
    if (page.cursor) {
      if (sort === 'updated') {
        const [u, id] = decodeCursor(page.cursor, 2);
        where.push('(updated_at > ? OR (updated_at = ? AND id > ?))');
        params.push(String(u), String(u), String(id));
      } else {
        const [id] = decodeCursor(page.cursor, 1);
        where.push('id > ?');
        params.push(String(id));
      }
    }
    params.push(page.limit + 1);
    const rows = await this.driver.all(
      `SELECT id, caller_id, url, source, title, published, content_hash, created_at, updated_at, entity_count, mention_count
       FROM articles ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY ${sort === 'updated' ? 'updated_at, id' : 'id'} LIMIT ?`,
      params,
    );
    const items = rows.slice(0, page.limit).map((r) => this.metaOf(r));
    const last = items[items.length - 1];
    const next = rows.length > page.limit && last ? encodeCursor(sort === 'updated' ? [last.updated_at, last.id] : [last.id]) : null;
    return { items, next_cursor: next };
  }

  async articleTexts(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const text = this.dialect === 'postgres' ? "result->>'text'" : "json_extract(result, '$.text')";
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += INSERT_CHUNK) {
      const chunk = unique.slice(i, i + INSERT_CHUNK);
      for (const r of await this.driver.all<{ id: string; text: string }>(`SELECT id, ${text} AS text FROM articles WHERE id IN ${marks(chunk.length)}`, chunk)) {
        out.set(r.id, r.text);
      }
    }
    return out;
  }

  async ping(): Promise<boolean> {
    try {
      await this.driver.get('SELECT 1 AS ok');
      return true;
    } catch {
      return false;
    }
  }

  async countArticles(): Promise<number> {
    const r = await this.driver.get<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM articles');
    return num(r?.n);
  }

  /** WHERE conditions on `e` (entities) for the name and type parts of a filter. */
  private entityConds(f: EntityFilter, where: string[], params: Param[]) {
    if (f.types?.length) {
      where.push(`e.type IN ${marks(f.types.length)}`);
      params.push(...f.types);
    }
    if (f.name !== undefined) {
      const s = cut(simplify(f.name));
      where.push('e.id IN (SELECT id FROM entities WHERE name_simplified = ? UNION SELECT entity_id FROM entity_aliases WHERE alias_simplified = ?)');
      params.push(s, s);
    }
    if (f.prefix !== undefined) {
      const s = cut(simplify(f.prefix));
      where.push(
        'e.id IN (SELECT id FROM entities WHERE name_simplified >= ? AND name_simplified < ? UNION SELECT entity_id FROM entity_aliases WHERE alias_simplified >= ? AND alias_simplified < ?)',
      );
      params.push(s, s + MAX_CHAR, s, s + MAX_CHAR);
    }
    if (f.contains !== undefined) {
      const s = '%' + likeEscape(cut(simplify(f.contains))) + '%';
      where.push(
        "e.id IN (SELECT id FROM entities WHERE name_simplified LIKE ? ESCAPE '\\' UNION SELECT entity_id FROM entity_aliases WHERE alias_simplified LIKE ? ESCAPE '\\')",
      );
      params.push(s, s);
    }
  }

  /** WHERE conditions on a table with denormalised `published` and `source` columns. */
  private dateConds(alias: string, f: { from?: string; to?: string; source?: string }, where: string[], params: Param[]) {
    if (f.from !== undefined) {
      where.push(`${alias}.published >= ?`);
      params.push(f.from);
    }
    if (f.to !== undefined) {
      where.push(`${alias}.published <= ?`);
      params.push(f.to);
    }
    if (f.source !== undefined) {
      where.push(`${alias}.source = ?`);
      params.push(f.source);
    }
  }

  private summaryOf(r: Record<string, unknown>): EntitySummary {
    return {
      id: r.id as string,
      type: r.type as string,
      name: r.name as string,
      name_simplified: r.name_simplified as string,
      place: r.place ? (json(r.place) as PlaceInfo) : null,
      articles: num(r.articles),
      mentions: num(r.mentions),
    };
  }

  async searchEntities(f: EntityFilter, sort: EntitySort, page: PageRequest): Promise<Page<EntitySummary>> {
    const where: string[] = [];
    const params: Param[] = [];
    this.entityConds(f, where, params);
    const filtered = f.from !== undefined || f.to !== undefined || f.source !== undefined;
    const cursor = page.cursor ? decodeCursor(page.cursor, 2) : null;
    let sql: string;
    if (!filtered) {
      where.push('e.article_count > 0');
      const key = sort === 'articles' ? 'e.article_count' : sort === 'mentions' ? 'e.mention_count' : 'e.name_simplified';
      if (cursor) {
        where.push(sort === 'name' ? `(${key} > ? OR (${key} = ? AND e.id > ?))` : `(${key} < ? OR (${key} = ? AND e.id > ?))`);
        params.push(cursor[0] as Param, cursor[0] as Param, cursor[1] as Param);
      }
      sql = `SELECT e.id, e.type, e.name, e.name_simplified, e.place, e.article_count AS articles, e.mention_count AS mentions
        FROM entities e WHERE ${where.join(' AND ')}
        ORDER BY ${key}${sort === 'name' ? '' : ' DESC'}, e.id LIMIT ?`;
    } else {
      this.dateConds('ae', f, where, params);
      const key = sort === 'articles' ? 'COUNT(*)' : sort === 'mentions' ? 'SUM(ae.mention_count)' : 'e.name_simplified';
      let having = '';
      if (cursor && sort === 'name') {
        // not an aggregate: narrows the scan instead of filtering groups
        where.push(`(${key} > ? OR (${key} = ? AND e.id > ?))`);
        params.push(cursor[0] as Param, cursor[0] as Param, cursor[1] as Param);
      } else if (cursor) {
        having = `HAVING (${key} < ? OR (${key} = ? AND e.id > ?))`;
        params.push(cursor[0] as Param, cursor[0] as Param, cursor[1] as Param);
      }
      sql = `SELECT e.id, e.type, e.name, e.name_simplified, e.place, CAST(COUNT(*) AS INTEGER) AS articles, CAST(SUM(ae.mention_count) AS INTEGER) AS mentions
        FROM entities e JOIN article_entities ae ON ae.entity_id = e.id
        WHERE ${where.join(' AND ')}
        GROUP BY e.id ${having}
        ORDER BY ${key}${sort === 'name' ? '' : ' DESC'}, e.id LIMIT ?`;
    }
    params.push(page.limit + 1);
    const rows = (await this.driver.all(sql, params)).map((r) => this.summaryOf(r));
    const more = rows.length > page.limit;
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    const next = more && last ? encodeCursor([sort === 'articles' ? last.articles : sort === 'mentions' ? last.mentions : last.name_simplified, last.id]) : null;
    return { items, next_cursor: next };
  }

  async getEntity(id: string, o: DetailOptions): Promise<EntityDetail | null> {
    const e = await this.driver.get('SELECT id, type, name, name_simplified, place FROM entities WHERE id = ?', [id]);
    if (!e) return null;
    const aliases = (await this.driver.all<{ alias: string }>('SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias', [id])).map(
      (r) => r.alias,
    );
    const where = ['ae.entity_id = ?'];
    const params: Param[] = [id];
    this.dateConds('ae', o, where, params);
    const days = await this.driver.all<{ published: string | null; a: number; m: number }>(
      `SELECT ae.published, CAST(COUNT(*) AS INTEGER) AS a, CAST(SUM(ae.mention_count) AS INTEGER) AS m
       FROM article_entities ae WHERE ${where.join(' AND ')} GROUP BY ae.published`,
      params,
    );
    let articles = 0;
    let mentions = 0;
    for (const d of days) {
      articles += num(d.a);
      mentions += num(d.m);
    }
    const dated = days.filter((d) => d.published).map((d) => d.published as string).sort();
    // co-occurrence: group the other entities of the same articles first, then name the top ones
    const coTypes = o.coTypes ?? [...NAME_TYPES];
    const coWhere = [...where, 'a2.entity_id <> ?'];
    const coParams = [...params, id];
    if (coTypes.length) {
      coWhere.push(`a2.entity_type IN ${marks(coTypes.length)}`);
      coParams.push(...coTypes);
    }
    coParams.push(o.top);
    const top = o.top > 0
      ? await this.driver.all<{ id: string; articles: number }>(
          `SELECT a2.entity_id AS id, CAST(COUNT(*) AS INTEGER) AS articles
           FROM article_entities ae JOIN article_entities a2 ON a2.article_id = ae.article_id
           WHERE ${coWhere.join(' AND ')}
           GROUP BY a2.entity_id ORDER BY COUNT(*) DESC, a2.entity_id LIMIT ?`,
          coParams,
        )
      : [];
    const named = new Map<string, { type: string; name: string }>();
    if (top.length) {
      for (const r of await this.driver.all<{ id: string; type: string; name: string }>(
        `SELECT id, type, name FROM entities WHERE id IN ${marks(top.length)}`,
        top.map((t) => t.id),
      )) {
        named.set(r.id, r);
      }
    }
    const co = top.map((t) => ({ id: t.id, type: named.get(t.id)?.type ?? '', name: named.get(t.id)?.name ?? '', articles: num(t.articles) }));
    return {
      ...this.summaryOf({ ...e, articles, mentions }),
      aliases,
      first_published: dated[0] ?? null,
      last_published: dated[dated.length - 1] ?? null,
      series: series(
        days.map((d) => ({ published: d.published, articles: num(d.a), mentions: num(d.m) })),
        o.bucket,
      ),
      cooccurring: co.map((r) => ({ id: r.id, type: r.type, name: r.name, articles: num(r.articles) })),
    };
  }

  private hitOf(r: Record<string, unknown>): MentionHit {
    return {
      article: {
        id: r.article_id as string,
        caller_id: (r.caller_id as string) ?? null,
        url: (r.url as string) ?? null,
        title: (r.title as string) ?? null,
        published: (r.published as string) ?? null,
        source: (r.source as string) ?? null,
      },
      entity_id: r.entity_id as string,
      mention: {
        id: r.mention_id as string,
        type: r.type as string,
        text: r.text as string,
        start: num(r.start_off),
        end: num(r.end_off),
        paragraph: num(r.paragraph),
        score: num(r.score),
        ...(r.value ? { value: json(r.value) } : {}),
      },
      paragraph:
        r.p_text !== null && r.p_text !== undefined
          ? { index: num(r.paragraph), start: num(r.p_start), end: num(r.p_end), text: r.p_text as string }
          : null,
    };
  }

  private async mentionRows(entityIds: string[], f: MentionFilter, limit: number, after: [string, number] | null) {
    const where = [`m.entity_id IN ${marks(entityIds.length)}`];
    const params: Param[] = [...entityIds];
    this.dateConds('m', f, where, params);
    if (after) {
      where.push('(m.article_id > ? OR (m.article_id = ? AND m.seq > ?))');
      params.push(after[0], after[0], after[1]);
    }
    params.push(limit);
    return this.driver.all(
      `SELECT m.article_id, m.seq, m.mention_id, m.entity_id, m.type, m.text, m.start_off, m.end_off, m.paragraph, m.score, m.value,
              a.caller_id, a.url, a.title, a.published, a.source, p.start_off AS p_start, p.end_off AS p_end, p.text AS p_text
       FROM mentions m JOIN articles a ON a.id = m.article_id
       LEFT JOIN paragraphs p ON p.article_id = m.article_id AND p.idx = m.paragraph
       WHERE ${where.join(' AND ')}
       ORDER BY m.article_id, m.seq LIMIT ?`,
      params,
    );
  }

  async entityMentions(id: string, f: MentionFilter, page: PageRequest): Promise<Page<MentionHit> | null> {
    const e = await this.driver.get('SELECT id FROM entities WHERE id = ?', [id]);
    if (!e) return null;
    const after = page.cursor ? (decodeCursor(page.cursor, 2) as [string, number]) : null;
    const rows = await this.mentionRows([id], f, page.limit + 1, after);
    const more = rows.length > page.limit;
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return { items: items.map((r) => this.hitOf(r)), next_cursor: more && last ? encodeCursor([last.article_id, num(last.seq)]) : null };
  }

  async query(q: BatchQuery): Promise<BatchResult> {
    const typeCond = q.types?.length ? ` AND e.type IN ${marks(q.types.length)}` : '';
    const items: { item: BatchItem; ids: string[] }[] = [];
    for (const name of q.names ?? []) {
      const s = cut(simplify(name));
      const ents = await this.driver.all<{ id: string; type: string; name: string }>(
        `SELECT e.id, e.type, e.name FROM entities e
         WHERE e.id IN (SELECT id FROM entities WHERE name_simplified = ? UNION SELECT entity_id FROM entity_aliases WHERE alias_simplified = ?)${typeCond}
         ORDER BY e.article_count DESC, e.id`,
        [s, s, ...(q.types ?? [])],
      );
      items.push({ item: emptyItem(name, 'name', ents), ids: ents.map((e) => e.id) });
    }
    for (const id of q.ids ?? []) {
      const ents = await this.driver.all<{ id: string; type: string; name: string }>('SELECT e.id, e.type, e.name FROM entities e WHERE e.id = ?', [id]);
      items.push({ item: emptyItem(id, 'id', ents), ids: ents.map((e) => e.id) });
    }
    const allIds = [...new Set(items.flatMap((i) => i.ids))];
    // article-level rows for every entity asked about: counts, series and pairs from one read
    const byEntity = new Map<string, { article: string; published: string | null; mentions: number }[]>();
    for (let i = 0; i < allIds.length; i += INSERT_CHUNK) {
      const chunk = allIds.slice(i, i + INSERT_CHUNK);
      const where = [`ae.entity_id IN ${marks(chunk.length)}`];
      const params: Param[] = [...chunk];
      this.dateConds('ae', q, where, params);
      for (const r of await this.driver.all<{ article_id: string; entity_id: string; published: string | null; mention_count: number }>(
        `SELECT ae.article_id, ae.entity_id, ae.published, ae.mention_count FROM article_entities ae WHERE ${where.join(' AND ')}`,
        params,
      )) {
        let list = byEntity.get(r.entity_id);
        if (!list) byEntity.set(r.entity_id, (list = []));
        list.push({ article: r.article_id, published: r.published, mentions: num(r.mention_count) });
      }
    }
    const articleSets: Set<string>[] = [];
    for (const { item, ids } of items) {
      const perArticle = new Map<string, { published: string | null; mentions: number }>();
      for (const id of ids) {
        for (const r of byEntity.get(id) ?? []) {
          const p = perArticle.get(r.article);
          if (p) p.mentions += r.mentions;
          else perArticle.set(r.article, { published: r.published, mentions: r.mentions });
        }
      }
      item.articles = perArticle.size;
      for (const p of perArticle.values()) item.mentions += p.mentions;
      if (q.bucket) {
        item.series = series(
          [...perArticle.values()].map((p) => ({ published: p.published, articles: 1, mentions: p.mentions })),
          q.bucket,
        );
      }
      articleSets.push(new Set(perArticle.keys()));
      if (q.limit > 0 && ids.length > 0) {
        const where = [`ae.entity_id IN ${marks(ids.length)}`];
        const params: Param[] = [...ids];
        this.dateConds('ae', q, where, params);
        params.push(q.limit);
        const top = await this.driver.all(
          `SELECT a.id, a.caller_id, a.url, a.title, a.published, a.source, CAST(SUM(ae.mention_count) AS INTEGER) AS mentions
           FROM article_entities ae JOIN articles a ON a.id = ae.article_id
           WHERE ${where.join(' AND ')}
           GROUP BY a.id ORDER BY SUM(ae.mention_count) DESC, a.id LIMIT ?`,
          params,
        );
        item.top_articles = top.map((r) => ({ ...refOf(r), mentions: num(r.mentions) }));
        item.sample_mentions = (await this.mentionRows(ids, q, q.limit, null)).map((r) => this.hitOf(r));
      }
    }
    const out: BatchResult = { results: items.map((i) => i.item) };
    if (q.bucket) {
      // every article per period, to normalise by (the same date range and source)
      const where: string[] = [];
      const params: Param[] = [];
      this.dateConds('a', q, where, params);
      const days = await this.driver.all<{ published: string | null; n: number; m: number }>(
        `SELECT a.published, CAST(COUNT(*) AS INTEGER) AS n, CAST(SUM(a.mention_count) AS INTEGER) AS m FROM articles a
         ${where.length ? 'WHERE ' + where.join(' AND ') : ''} GROUP BY a.published`,
        params,
      );
      out.totals = series(
        days.map((d) => ({ published: d.published, articles: num(d.n), mentions: num(d.m) })),
        q.bucket,
      );
    }
    if (q.pairs) {
      out.pairs = [];
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const [small, large] = articleSets[i].size <= articleSets[j].size ? [articleSets[i], articleSets[j]] : [articleSets[j], articleSets[i]];
          let n = 0;
          for (const a of small) if (large.has(a)) n++;
          out.pairs.push({ a: items[i].item.query, b: items[j].item.query, articles: n });
        }
      }
      out.pairs.sort((x, y) => y.articles - x.articles);
    }
    return out;
  }

  // ------------------------------------------------ editors' decisions, user dictionary

  async addDecision(articleId: string, d: DecisionInput): Promise<Decision | null> {
    return this.driver.tx(async (db) => {
      const found = await db.get(`SELECT id FROM articles WHERE id = ?${this.forUpdate}`, [articleId]);
      if (!found) return null;
      const row: Decision = {
        // time-ordered like article ids, so decisions made in the same millisecond keep their order
        id: 'd_' + newArticleId().slice(2),
        article_id: articleId,
        action: d.action,
        entity: d.entity ?? null,
        type: d.type ?? null,
        name: d.name ?? null,
        start: d.start ?? null,
        end: d.end ?? null,
        editor: d.editor,
        key_id: d.key_id ?? null,
        created_at: new Date().toISOString(),
        scope: d.action === 'reject' ? (d.scope ?? 'never') : null,
        reverted_at: null,
        reverted_by: null,
      };
      await db.run(
        'INSERT INTO decisions (id, article_id, action, entity, type, name, start_off, end_off, editor, key_id, created_at, scope, effects) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [row.id, articleId, row.action, row.entity, row.type, row.name, row.start, row.end, row.editor, row.key_id, row.created_at, row.scope ?? null, d.effects ? JSON.stringify(d.effects) : null],
      );
      return row;
    });
  }

  async getDecision(articleId: string, decisionId: string): Promise<(Decision & { effects: DecisionEffects | null }) | null> {
    const r = await this.driver.get('SELECT * FROM decisions WHERE article_id = ? AND id = ?', [articleId, decisionId]);
    if (!r) return null;
    return { ...this.decisionOf(r), effects: r.effects ? (json(r.effects) as DecisionEffects) : null };
  }

  async markReverted(decisionId: string, by: string): Promise<boolean> {
    return this.driver.tx(
      async (db) => (await db.run('UPDATE decisions SET reverted_at = ?, reverted_by = ? WHERE id = ? AND reverted_at IS NULL', [new Date().toISOString(), by, decisionId])) > 0,
    );
  }

  async getDictionaryEntry(name: string, type: string): Promise<DictionaryEntry | null> {
    const r = await this.driver.get('SELECT name, type, action, editor, created_at, updated_at FROM dictionary WHERE name = ? AND type = ?', [cut(name), type]);
    return r
      ? { name: r.name as string, type: r.type as string, action: r.action as DictionaryEntry['action'], editor: (r.editor as string) ?? null, created_at: r.created_at as string, updated_at: r.updated_at as string }
      : null;
  }

  async listDecisions(articleId: string): Promise<Decision[]> {
    const rows = await this.driver.all('SELECT * FROM decisions WHERE article_id = ? ORDER BY created_at, id', [articleId]);
    return rows.map((r) => this.decisionOf(r));
  }

  private decisionOf(r: Record<string, unknown>): Decision {
    return {
      id: r.id as string,
      article_id: r.article_id as string,
      action: r.action as Decision['action'],
      entity: (r.entity as string) ?? null,
      type: (r.type as string) ?? null,
      name: (r.name as string) ?? null,
      start: r.start_off === null || r.start_off === undefined ? null : num(r.start_off),
      end: r.end_off === null || r.end_off === undefined ? null : num(r.end_off),
      editor: r.editor as string,
      key_id: (r.key_id as string) ?? null,
      created_at: r.created_at as string,
      scope: (r.scope as Decision['scope']) ?? null,
      reverted_at: (r.reverted_at as string) ?? null,
      reverted_by: (r.reverted_by as string) ?? null,
    };
  }

  async listDictionary(): Promise<DictionaryEntry[]> {
    const rows = await this.driver.all('SELECT name, type, action, editor, created_at, updated_at FROM dictionary ORDER BY type, name');
    return rows.map((r) => ({
      name: r.name as string,
      type: r.type as string,
      action: r.action as DictionaryEntry['action'],
      editor: (r.editor as string) ?? null,
      created_at: r.created_at as string,
      updated_at: r.updated_at as string,
    }));
  }

  async putDictionary(entries: DictionaryEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.driver.tx(async (db) => {
      const now = new Date().toISOString();
      for (const e of entries) {
        await db.run(
          `INSERT INTO dictionary (name, type, action, editor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (name, type) DO UPDATE SET action = excluded.action, editor = excluded.editor, updated_at = excluded.updated_at`,
          [cut(e.name), e.type, e.action, e.editor ?? null, now, now],
        );
      }
    });
  }

  async deleteDictionary(name: string, type: string): Promise<boolean> {
    return this.driver.tx(async (db) => (await db.run('DELETE FROM dictionary WHERE name = ? AND type = ?', [name, type])) > 0);
  }

  async *exportEntities(f: EntityFilter): AsyncIterable<EntitySummary> {
    let cursor: string | null = null;
    do {
      const page: Page<EntitySummary> = await this.searchEntities(f, 'name', { limit: EXPORT_BATCH, cursor });
      yield* page.items;
      cursor = page.next_cursor;
    } while (cursor);
  }

  async *exportMentions(f: EntityFilter): AsyncIterable<MentionExportRow> {
    let after: [string, number] | null = null;
    for (;;) {
      const where: string[] = [];
      const params: Param[] = [];
      this.entityConds(f, where, params);
      this.dateConds('m', f, where, params);
      if (after) {
        where.push('(m.article_id > ? OR (m.article_id = ? AND m.seq > ?))');
        params.push(after[0], after[0], after[1]);
      }
      params.push(EXPORT_BATCH);
      const rows = await this.driver.all(
        `SELECT m.article_id, m.seq, a.caller_id, a.title, a.url, m.published, m.source, m.entity_id, e.type AS entity_type, e.name AS entity_name,
                e.place_code, m.mention_id, m.text, m.start_off, m.end_off, m.paragraph, m.score, m.value
         FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id
         ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
         ORDER BY m.article_id, m.seq LIMIT ?`,
        params,
      );
      for (const r of rows) {
        yield {
          article_id: r.article_id as string,
          article_caller_id: (r.caller_id as string) ?? null,
          article_title: (r.title as string) ?? null,
          article_url: (r.url as string) ?? null,
          published: (r.published as string) ?? null,
          source: (r.source as string) ?? null,
          entity_id: r.entity_id as string,
          entity_type: r.entity_type as string,
          entity_name: r.entity_name as string,
          place_code: (r.place_code as string) ?? null,
          mention_id: r.mention_id as string,
          text: r.text as string,
          start: num(r.start_off),
          end: num(r.end_off),
          paragraph: num(r.paragraph),
          score: num(r.score),
          ...valueColumns(r.value ? (json(r.value) as ValueLike) : null),
        };
      }
      if (rows.length < EXPORT_BATCH) return;
      const last = rows[rows.length - 1];
      after = [last.article_id as string, num(last.seq)];
    }
  }
}

/** The result without the entities of these types and simplified names, and without their mentions. */
export function withoutEntities(result: ExtractResponse, drop: { type: string | null; name: string | null }[]): ExtractResponse {
  const gone = new Set(drop.map((d) => `${d.type}|${d.name}`));
  const ids = new Set(result.entities.filter((e) => gone.has(`${e.type}|${e.name_simplified}`)).map((e) => e.id));
  if (!ids.size) return result;
  return { ...result, entities: result.entities.filter((e) => !ids.has(e.id)), mentions: result.mentions.filter((m) => !ids.has(m.entity)) };
}

/** A mention value as flat export columns (null where it does not apply). */
export function valueColumns(v: ValueLike | null) {
  const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  const isDate = !!v && 'grain' in v;
  const isMoney = !!v && 'currency' in v;
  return {
    amount: !v || isDate ? null : n(isMoney ? v.amount : v.value),
    amount_max: !v || isDate ? null : n(isMoney ? v.amount_max : v.value_max),
    currency: isMoney ? (v!.currency ?? null) : null,
    unit: !v || isDate || isMoney ? null : (v.unit ?? '%'),
    approx: !v || isDate ? null : Boolean(v.approx),
    date_start: isDate ? (v!.start ?? null) : null,
    date_end: isDate ? (v!.end ?? null) : null,
    date_grain: isDate ? (v!.grain ?? null) : null,
    date_vague: isDate ? Boolean(v!.vague) : null,
  };
}

function emptyItem(query: string, kind: 'name' | 'id', entities: { id: string; type: string; name: string }[]): BatchItem {
  return { query, kind, entities, articles: 0, mentions: 0, top_articles: [], sample_mentions: [] };
}

function refOf(r: Record<string, unknown>): ArticleRef {
  return {
    id: r.id as string,
    caller_id: (r.caller_id as string) ?? null,
    url: (r.url as string) ?? null,
    title: (r.title as string) ?? null,
    published: (r.published as string) ?? null,
    source: (r.source as string) ?? null,
  };
}

/** The bucket a YYYY-MM-DD date falls in: the day, the Monday of its ISO week, or YYYY-MM. */
export function bucketOf(date: string, bucket: Bucket): string {
  if (bucket === 'day') return date;
  if (bucket === 'month') return date.slice(0, 7);
  const d = new Date(date + 'T00:00:00Z');
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

/** Date-bucketed counts (rows without a date are left out), in period order. */
export function series(rows: { published: string | null; articles: number; mentions: number }[], bucket: Bucket): SeriesPoint[] {
  const out = new Map<string, SeriesPoint>();
  for (const r of rows) {
    if (!r.published) continue;
    const period = bucketOf(r.published, bucket);
    const p = out.get(period);
    if (p) {
      p.articles += r.articles;
      p.mentions += r.mentions;
    } else out.set(period, { period, articles: r.articles, mentions: r.mentions });
  }
  return [...out.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
}
