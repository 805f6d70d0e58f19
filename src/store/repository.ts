/**
 * The store: articles with their extraction results, entities across
 * articles, and the research queries over the whole collection. One async
 * interface, two implementations (SQLite embedded, PostgreSQL at scale) that
 * share their SQL through `SqlRepository` and differ only in the driver and
 * the migrations.
 */
import type { z } from '@hono/zod-openapi';
import type {
  ArticleRefSchema,
  BatchQueryResponse,
  DecisionSchema,
  DictionaryEntrySchema,
  EntityDetailSchema,
  EntitySummarySchema,
  ExtractResponse,
  IngestResponse,
  MentionHitSchema,
  PlaceInfoSchema,
  SeriesPointSchema,
  StoredArticleMetaSchema,
  MentionValueData,
} from '../contract/schemas.js';

export type StoreDialect = 'sqlite' | 'postgres';

/** What a pipeline sends besides the extraction result. */
export interface ArticleMeta {
  /** the caller's own id */
  callerId?: string | null;
  url?: string | null;
  source?: string | null;
}

// The shapes the API answers are the contract's schemas (src/contract/schemas.ts); the store's types are derived from them.

export type StoredArticleMeta = z.infer<typeof StoredArticleMetaSchema>;

/** which identifier found the existing article (null when created) */
export type MatchedBy = NonNullable<IngestResult['matched_by']>;

export type IngestResult = Omit<z.infer<typeof IngestResponse>, 'result'>;

/** A stored article and its extraction result (as the service keeps it: UTF-16 offsets, values without `kind`). */
export interface StoredArticle {
  article: StoredArticleMeta;
  result: ExtractResponse;
}

/** Filters of the article list (`GET /v1/articles`); every one optional, all must hold. */
export interface ArticleFilter {
  source?: string;
  /** published date range, inclusive, YYYY-MM-DD */
  from?: string;
  to?: string;
  /** updated at or after this ISO time (`updated_at >= since`) */
  updatedSince?: string;
  url?: string;
  callerId?: string;
}

/** `created`: oldest first (the store ids are time-ordered); `updated`: least recently updated first. */
export type ArticleSort = 'created' | 'updated';

/** The identifiers an article can be found by. */
export type ArticleKey = 'id' | 'caller_id' | 'url';

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

/** the place an entity resolved to, as stored (its other fields kept) */
export type PlaceInfo = z.infer<typeof PlaceInfoSchema>;

export type EntitySummary = z.infer<typeof EntitySummarySchema>;

export type Bucket = 'day' | 'week' | 'month';

export type SeriesPoint = z.infer<typeof SeriesPointSchema>;

export type CoEntity = EntityDetail['cooccurring'][number];

export type EntityDetail = z.infer<typeof EntityDetailSchema>;

export interface DetailOptions {
  from?: string;
  to?: string;
  source?: string;
  bucket: Bucket;
  top: number;
  /** types of the co-occurring entities (default: the name types) */
  coTypes?: string[];
}

export type ArticleRef = z.infer<typeof ArticleRefSchema>;

type MentionHitBody = z.infer<typeof MentionHitSchema>;
/** A mention with its article and paragraph, as the store reads it (UTF-16 offsets, a value without `kind`). */
export type MentionHit = Omit<MentionHitBody, 'mention'> & { mention: Omit<MentionHitBody['mention'], 'value'> & { value?: MentionValueData } };

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

type BatchBody = z.infer<typeof BatchQueryResponse>;

export type BatchItem = Omit<BatchBody['results'][number], 'sample_mentions'> & { sample_mentions: MentionHit[] };

/** The answer to a batch query, as the store reads it (the route adds `meta`). */
export interface BatchResult {
  results: BatchItem[];
  pairs?: BatchBody['pairs'];
  totals?: BatchBody['totals'];
}

/** Export rows (flat, CSV-friendly). */
export interface MentionExportRow {
  article_id: string;
  article_caller_id: string | null;
  article_title: string | null;
  article_url: string | null;
  published: string | null;
  source: string | null;
  entity_id: string;
  entity_type: string;
  entity_name: string;
  /** the place's division code (GB/T 2260, ISO 3166-1) for places that resolved to one */
  place_code: string | null;
  mention_id: string;
  text: string;
  start: number;
  end: number;
  paragraph: number;
  score: number;
  /** the normalised number: money in whole units of `currency`, a percentage, a quantity in `unit`; low end of a range */
  amount: number | null;
  amount_max: number | null;
  currency: string | null;
  /** `%` or `percentage_point` for percentages, the unit of a quantity */
  unit: string | null;
  approx: boolean | null;
  /** a date's resolved range (ISO, inclusive) and grain */
  date_start: string | null;
  date_end: string | null;
  date_grain: string | null;
  date_vague: boolean | null;
}

/** An editor's decision on an article's tag (the editor page; `src/feedback`). */
export type DecisionAction = Decision['action'];

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
  /** for `reject`: this article only, or never (the deny list) */
  scope?: 'article' | 'never' | null;
  /** what the decision changed, kept to undo it */
  effects?: DecisionEffects | null;
}

/** What a decision changed: enough to undo it. */
export interface DecisionEffects {
  /** dictionary entries written, each with the entry it replaced (null: there was none) */
  dictionary: { name: string; type: string; action: 'add' | 'deny'; previous: { action: 'add' | 'deny'; editor: string | null } | null }[];
  /** a reject of this article only: the entity and the mentions taken out of the stored result */
  removed?: { entity: unknown; mentions: unknown[] } | null;
}

export type Decision = z.infer<typeof DecisionSchema>;

/** A user-dictionary entry: a name (simplified) to add as a mention of `type`, or to deny as `type`. */
export type DictionaryEntry = z.infer<typeof DictionaryEntrySchema>;

/** Test hooks: `step` is called at each step of an ingest transaction (throw to simulate a crash). */
export interface StoreHooks {
  step?: (name: string) => void | Promise<void>;
}

export interface Repository {
  readonly dialect: StoreDialect;
  ingest(meta: ArticleMeta, result: ExtractResponse): Promise<IngestResult>;
  getArticle(id: string): Promise<StoredArticle | null>;
  /** the article whose `key` (store id, caller id or url) is `value` */
  getArticleBy(key: ArticleKey, value: string): Promise<StoredArticle | null>;
  /** stored articles (metadata only) matching the filter, in a stable order, keyset-paged */
  listArticles(filter: ArticleFilter, sort: ArticleSort, page: PageRequest): Promise<Page<StoredArticleMeta>>;
  /** the texts of these articles, by id (those that exist) */
  articleTexts(ids: string[]): Promise<Map<string, string>>;
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
  /** one decision with what it changed (null when the article has no such decision) */
  getDecision(articleId: string, decisionId: string): Promise<(Decision & { effects: DecisionEffects | null }) | null>;
  /** mark a decision undone; false when it already was */
  markReverted(decisionId: string, by: string): Promise<boolean>;
  /** one dictionary entry, or null */
  getDictionaryEntry(name: string, type: string): Promise<DictionaryEntry | null>;
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
