/**
 * The store: articles with their extraction results, entities across
 * articles, and the research queries over the whole collection. One async
 * interface, two implementations (SQLite embedded, PostgreSQL at scale) that
 * share their SQL through `SqlRepository` and differ only in the driver and
 * the migrations.
 */
import type { ExtractResponse } from '../contract/schemas.js';

export type StoreDialect = 'sqlite' | 'postgres';

/** What a pipeline sends besides the extraction result. */
export interface ArticleMeta {
  /** the caller's own id */
  callerId?: string | null;
  url?: string | null;
  source?: string | null;
}

export interface StoredArticleMeta {
  id: string;
  caller_id: string | null;
  url: string | null;
  source: string | null;
  title: string | null;
  published: string | null;
  content_hash: string;
  created_at: string;
  updated_at: string;
  entities: number;
  mentions: number;
}

export type MatchedBy = 'id' | 'url' | 'content_hash';

export interface IngestResult {
  status: 'created' | 'updated';
  /** which identifier found the existing article (null when created) */
  matched_by: MatchedBy | null;
  article: StoredArticleMeta;
}

export interface StoredArticle {
  article: StoredArticleMeta;
  result: ExtractResponse;
}

export interface EntityFilter {
  /** entity types (any of) */
  types?: string[];
  /** exact canonical name or alias (simplified/traditional-insensitive) */
  name?: string;
  /** canonical name or alias starts with (simplified/traditional-insensitive) */
  prefix?: string;
  /** canonical name or alias contains (simplified/traditional-insensitive) */
  contains?: string;
  /** published date range, inclusive, YYYY-MM-DD */
  from?: string;
  to?: string;
  source?: string;
}

export type EntitySort = 'articles' | 'mentions' | 'name';

export interface PageRequest {
  limit: number;
  cursor?: string | null;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface PlaceInfo {
  code: string;
  level?: string | number;
  parents?: unknown;
}

export interface EntitySummary {
  id: string;
  type: string;
  name: string;
  name_simplified: string;
  place: PlaceInfo | null;
  articles: number;
  mentions: number;
}

export type Bucket = 'day' | 'week' | 'month';

export interface SeriesPoint {
  period: string;
  articles: number;
  mentions: number;
}

export interface CoEntity {
  id: string;
  type: string;
  name: string;
  articles: number;
}

export interface EntityDetail extends EntitySummary {
  aliases: string[];
  first_published: string | null;
  last_published: string | null;
  series: SeriesPoint[];
  cooccurring: CoEntity[];
}

export interface DetailOptions {
  from?: string;
  to?: string;
  source?: string;
  bucket: Bucket;
  top: number;
  /** types of the co-occurring entities (default: the name types) */
  coTypes?: string[];
}

export interface ArticleRef {
  id: string;
  caller_id: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  source: string | null;
}

export interface MentionHit {
  article: ArticleRef;
  entity_id: string;
  mention: { id: string; type: string; text: string; start: number; end: number; paragraph: number; score: number; value?: unknown };
  paragraph: { index: number; start: number; end: number; text: string } | null;
}

export interface MentionFilter {
  from?: string;
  to?: string;
  source?: string;
}

export interface BatchQuery {
  names?: string[];
  ids?: string[];
  types?: string[];
  from?: string;
  to?: string;
  source?: string;
  bucket?: Bucket | null;
  /** articles and mentions listed per name (0 = counts only) */
  limit: number;
  pairs: boolean;
}

export interface BatchItem {
  query: string;
  kind: 'name' | 'id';
  entities: { id: string; type: string; name: string }[];
  articles: number;
  mentions: number;
  series?: SeriesPoint[];
  top_articles: (ArticleRef & { mentions: number })[];
  sample_mentions: MentionHit[];
}

export interface BatchResult {
  results: BatchItem[];
  pairs?: { a: string; b: string; articles: number }[];
}

/** Export rows (flat, CSV-friendly). */
export interface MentionExportRow {
  article_id: string;
  article_caller_id: string | null;
  article_url: string | null;
  published: string | null;
  source: string | null;
  entity_id: string;
  entity_type: string;
  entity_name: string;
  mention_id: string;
  text: string;
  start: number;
  end: number;
  paragraph: number;
  score: number;
}

/** An editor's decision on an article's tag (the editor page; `src/feedback`). */
export type DecisionAction = 'accept' | 'reject' | 'retype' | 'rename' | 'add';

export interface DecisionInput {
  action: DecisionAction;
  /** the result entity the decision is about (absent for `add`) */
  entity?: string | null;
  /** the entity type (the new type for `retype`) */
  type?: string | null;
  /** the name (the new name for `rename`; the span's text for `add`) */
  name?: string | null;
  /** the span, for `add` */
  start?: number | null;
  end?: number | null;
  editor: string;
  /** the API key that made it, when authentication is on */
  key_id?: string | null;
}

export interface Decision {
  id: string;
  article_id: string;
  action: DecisionAction;
  entity: string | null;
  type: string | null;
  name: string | null;
  start: number | null;
  end: number | null;
  editor: string;
  key_id: string | null;
  created_at: string;
}

/** A user-dictionary entry: a name (simplified) to add as a mention of `type`, or to deny as `type`. */
export interface DictionaryEntry {
  name: string;
  type: string;
  action: 'add' | 'deny';
  editor?: string | null;
  created_at?: string;
  updated_at?: string;
}

/** Test hooks: `step` is called at each step of an ingest transaction (throw to simulate a crash). */
export interface StoreHooks {
  step?: (name: string) => void | Promise<void>;
}

export interface Repository {
  readonly dialect: StoreDialect;
  ingest(meta: ArticleMeta, result: ExtractResponse): Promise<IngestResult>;
  getArticle(id: string): Promise<StoredArticle | null>;
  deleteArticle(id: string): Promise<boolean>;
  countArticles(): Promise<number>;
  /** the database answers (readiness) */
  ping(): Promise<boolean>;
  searchEntities(filter: EntityFilter, sort: EntitySort, page: PageRequest): Promise<Page<EntitySummary>>;
  getEntity(id: string, opts: DetailOptions): Promise<EntityDetail | null>;
  entityMentions(id: string, filter: MentionFilter, page: PageRequest): Promise<Page<MentionHit> | null>;
  query(q: BatchQuery): Promise<BatchResult>;
  /** all entities matching the filter, in batches (for streamed exports) */
  exportEntities(filter: EntityFilter): AsyncIterable<EntitySummary>;
  /** all mentions of entities matching the filter, in batches */
  exportMentions(filter: EntityFilter): AsyncIterable<MentionExportRow>;
  /** record an editor's decision on a stored article (null when there is no such article) */
  addDecision(articleId: string, d: DecisionInput): Promise<Decision | null>;
  /** an article's decisions, oldest first */
  listDecisions(articleId: string): Promise<Decision[]>;
  /** the user dictionary, by type then name */
  listDictionary(): Promise<DictionaryEntry[]>;
  /** add or replace entries (one per name and type) */
  putDictionary(entries: DictionaryEntry[]): Promise<void>;
  /** remove an entry; false when there was none */
  deleteDictionary(name: string, type: string): Promise<boolean>;
  /** Connection-pool figures, for stores that pool connections (PostgreSQL). */
  poolStats?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

/** A bad request detected by the store (e.g. the article's identifiers point at two stored articles, a bad cursor). */
export class StoreError extends Error {
  constructor(
    readonly code: 'conflict' | 'bad_cursor' | 'not_found',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
