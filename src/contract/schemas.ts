/**
 * The API contract. These zod schemas validate requests, type the handlers
 * and generate the OpenAPI document: they are its single source.
 */
import { z } from '@hono/zod-openapi';
import { ENTITY_TYPES, NAME_TYPES } from '../pipeline/entity-types.js';
import { REGIONS } from '../pipeline/doc.js';
import { OFFSET_ENCODINGS, type OffsetEncoding } from './offsets.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A real calendar date (or date-time) in ISO 8601; returns the date part. */
export const IsoDate = z
  .string()
  .regex(ISO_DATE, 'expected an ISO date (YYYY-MM-DD) or date-time')
  .refine((s) => {
    const match = ISO_DATE.exec(s);
    if (!match) return true; // the regex check reports it
    const [, y, m, d] = match;
    const dt = new Date(Date.UTC(+y, +m - 1, +d));
    return dt.getUTCFullYear() === +y && dt.getUTCMonth() === +m - 1 && dt.getUTCDate() === +d;
  }, 'not a real calendar date')
  .openapi({ example: '2023-03-17' });

export const ArticleInput = z
  .object({
    text: z.string().optional().openapi({ description: 'Plain article text; offsets in the response refer to it unchanged.' }),
    html: z.string().optional().openapi({ description: 'An HTML page or snippet; its main text is extracted and returned as `text`.' }),
    title: z.string().max(1000).optional(),
    published: IsoDate.optional().openapi({ description: 'Publication date; relative dates are resolved against it.' }),
    id: z.string().max(512).optional().openapi({ description: "Caller's id, echoed back." }),
    url: z.string().max(4096).optional(),
    region: z
      .enum(REGIONS)
      .optional()
      .openapi({ description: 'Where the article was published (CN mainland, HK, TW, MO): what a bare 元 or 兆 means and how fiscal years run. Default: inferred from the text (the response says which was used and why).' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    const has = (s: string | undefined) => s !== undefined;
    if (has(v.text) === has(v.html)) {
      ctx.addIssue({ code: 'custom', message: 'send exactly one of `text` or `html`', path: ['text'] });
    } else if ((v.text ?? v.html ?? '').trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'the article is empty', path: [has(v.text) ? 'text' : 'html'] });
    }
  })
  .openapi('ArticleInput', { example: { text: '株洲市发改委主任刘海宾介绍，去年6月投产后，预计今年产值过8000万元。', published: '2023-03-17' } });
export type ArticleInput = z.infer<typeof ArticleInput>;

export const EntityTypeSchema = z.enum(ENTITY_TYPES).openapi('EntityType');

/** `?encoding=`: the unit of every offset in the response (see src/contract/offsets.ts). */
export const OffsetEncodingSchema = z.enum(OFFSET_ENCODINGS).openapi('OffsetEncoding', {
  description:
    'The unit of every `start`/`end` in a response: `UTF16` UTF-16 code units (JavaScript `text.slice(start, end)`, Java, C#; the default), `UTF32` Unicode code points (Python `text[start:end]`, Go runes), `UTF8` bytes of the UTF-8 text (`text.encode()[start:end]`, Go strings, Rust, C). They differ only when the text holds characters outside the BMP (𠮷, emoji) or, for UTF8, any non-ASCII character.',
});

export const EncodingQuery = z.object({
  encoding: OffsetEncodingSchema.default('UTF16').openapi({
    description: 'The unit of every offset in the response: UTF16 (JavaScript string indices, default), UTF32 (code points: Python `str` indices), UTF8 (byte offsets).',
  }),
});

const kindField = <K extends string>(k: K) =>
  z.literal(k).openapi({ description: `Always \`${k}\` (the mention's type): tells the value objects apart.` });

export const MoneyValueSchema = z
  .object({
    kind: kindField('MONEY'),
    amount: z.number().openapi({ description: 'In whole units of the currency; the low end of a range.' }),
    currency: z.string().length(3),
    amount_max: z.number().optional().openapi({ description: 'High end of a range (`80亿至90亿美元`).' }),
    approx: z.boolean().optional(),
  })
  .openapi('MoneyValue');
export const PercentValueSchema = z
  .object({
    kind: kindField('PERCENT'),
    value: z.number().openapi({ description: 'In percent (`三成` 30, `2‰` 0.2); the low end of a range.' }),
    value_max: z.number().optional(),
    unit: z.literal('percentage_point').optional().openapi({ description: 'Set for percentage points (`3个百分点`).' }),
    approx: z.boolean().optional(),
  })
  .openapi('PercentValue');
export const QuantityValueSchema = z
  .object({
    kind: kindField('QUANTITY'),
    value: z.number(),
    unit: z.string().openapi({ description: 'A symbol for physical units (`m`, `km2`, `kg`, `°C`, `kWh`), the measure word for counts (`个`, `台套`).' }),
    value_max: z.number().optional(),
    approx: z.boolean().optional(),
  })
  .openapi('QuantityValue');
export const DateValueSchema = z
  .object({
    kind: kindField('DATE'),
    start: z.string().nullable().openapi({ description: 'ISO date (`XXXX` for an unknown year); `YYYY-MM-DDTHH:MM` for date-times.' }),
    end: z.string().nullable().openapi({ description: 'Inclusive.' }),
    grain: z.enum(['minute', 'hour', 'day', 'week', 'month', 'quarter', 'halfyear', 'year', 'decade', 'century']),
    vague: z.boolean().optional(),
  })
  .openapi('DateValue');
/** A mention's resolved value, told apart by `kind` (equal to the mention's type). */
export const MentionValueSchema = z
  .discriminatedUnion('kind', [MoneyValueSchema, PercentValueSchema, QuantityValueSchema, DateValueSchema])
  .openapi('MentionValue', { description: 'The resolved value of an amount or a date; `kind` (= the mention type) says which.' });
export type MentionValue = z.infer<typeof MentionValueSchema>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A value as the pipeline makes it and the store keeps it: the response edge adds `kind` (src/server/present.ts). */
export type MentionValueData = DistributiveOmit<MentionValue, 'kind'>;
export const VALUE_KINDS = ['MONEY', 'PERCENT', 'QUANTITY', 'DATE'] as const;

export const ParagraphSchema = z
  .object({ index: z.number().int(), start: z.number().int(), end: z.number().int(), text: z.string(), boilerplate: z.boolean() })
  .openapi('Paragraph');

export const MentionSchema = z
  .object({
    id: z.string(),
    entity: z.string(),
    type: EntityTypeSchema,
    text: z.string().openapi({ description: 'Always equal to the response text between `start` and `end` in the response\'s offset unit (`meta.offsets`): `text.slice(start, end)` for UTF16.' }),
    start: z.number().int().openapi({ description: 'Start offset in the response text, in `meta.offsets` units.' }),
    end: z.number().int().openapi({ description: 'End offset (exclusive), in `meta.offsets` units.' }),
    paragraph: z.number().int(),
    score: z.number(),
    value: MentionValueSchema.optional(),
  })
  .openapi('Mention');

export const PlaceRefSchema = z.object({ code: z.string(), name: z.string() }).openapi('PlaceRef');
export const EntitySchema = z
  .object({
    id: z.string(),
    type: EntityTypeSchema,
    name: z.string().openapi({ description: 'Canonical name: the fullest clean form, in the article\'s script.' }),
    name_simplified: z.string().openapi({ description: 'The canonical name in simplified characters.' }),
    aliases: z.array(z.string()).openapi({ description: 'Other surface forms of this entity in the article.' }),
    mentions: z.array(z.string()),
    paragraphs: z.array(z.number().int()),
    value: MentionValueSchema.optional(),
    role: z
      .object({ title: z.string(), org: z.string().nullable(), org_name: z.string().nullable() })
      .optional()
      .openapi({ description: 'For people: the title or position next to the name, and the organisation entity it belongs to.' }),
    place: z
      .object({
        code: z.string().openapi({ description: 'GB/T 2260 code for Chinese divisions, ISO 3166-1 alpha-2 for countries' }),
        level: z.enum(['country', 'region', 'province', 'city', 'county']),
        name: z.string(),
        parents: z.array(PlaceRefSchema),
      })
      .optional(),
    salience: z.number().min(0).max(1).openapi({ description: 'How central the entity is to the article (frequency, spread, lead, title).' }),
    confidence: z.number().min(0).max(1),
  })
  .openapi('Entity');

export const TokenSchema = z.object({ text: z.string(), start: z.number().int(), end: z.number().int(), pos: z.string() }).openapi('Token');

export const ExtractResponse = z
  .object({
    id: z.string().optional(),
    url: z.string().optional(),
    title: z.string().nullable(),
    text: z.string(),
    script: z.enum(['simplified', 'traditional', 'mixed']),
    published: z
      .object({ date: z.string(), source: z.enum(['request', 'html', 'dateline']) })
      .nullable()
      .openapi({ description: 'The date relative dates were resolved against, and where it came from; null when none was found.' }),
    region: z
      .object({ code: z.enum(REGIONS), source: z.enum(['request', 'text', 'default']), reason: z.string() })
      .openapi('Region', { description: 'The region amounts and dates were read in: stated in the request, inferred from the text (with the cues found), or the mainland default.' }),
    text_policy: z
      .object({ action: z.literal('replaced_with_U+FFFD'), replaced: z.number().int(), fields: z.record(z.string(), z.number().int()) })
      .optional()
      .openapi('TextPolicy', {
        description: 'Present when the request held NUL characters or lone surrogates: each was replaced by U+FFFD, one code unit for one, so every offset is unchanged and the text stored is the text answered.',
      }),
    paragraphs: z.array(ParagraphSchema),
    mentions: z.array(MentionSchema),
    entities: z.array(EntitySchema),
    tokens: z.array(TokenSchema).optional(),
    meta: z.object({
      engine: z.string(),
      model: z.string(),
      version: z.string(),
      timings_ms: z.record(z.string(), z.number()),
      offsets: OffsetEncodingSchema,
    }),
  })
  .openapi('ExtractResponse');
/** The extraction result as the API answers it (offsets in the caller's unit, values with `kind`). */
export type ExtractResponseBody = z.infer<typeof ExtractResponse>;
type Body = ExtractResponseBody;
/**
 * The extraction result inside the service (pipeline, pool, store): UTF-16
 * offsets, values without `kind`. `present` (src/server/present.ts) turns it
 * into the `ExtractResponseBody` answered.
 */
export type ExtractResponse = Omit<Body, 'mentions' | 'entities' | 'meta'> & {
  mentions: (Omit<Body['mentions'][number], 'value'> & { value?: MentionValueData })[];
  entities: (Omit<Body['entities'][number], 'value'> & { value?: MentionValueData })[];
  meta: Omit<Body['meta'], 'offsets'> & { offsets?: OffsetEncoding };
};

export const ExtractQuery = z.object({
  encoding: EncodingQuery.shape.encoding,
  tokens: z.enum(['0', '1', 'true', 'false']).optional().openapi({ description: 'Include jieba tokens.' }),
  boilerplate: z.enum(['0', '1', 'true', 'false']).optional().openapi({ description: 'Also extract from boilerplate paragraphs.' }),
  engine: z.string().optional().openapi({ description: 'Name engine: `model` (default when installed) or `lexicon`.' }),
});

export const ErrorResponse = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .openapi('Error');

export const TagsQuery = ExtractQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: 'At most this many tags (default 10).' }),
  types: z
    .string()
    .regex(/^(PERSON|LOCATION|ORG|COMPANY)(,(PERSON|LOCATION|ORG|COMPANY))*$/, 'a comma-separated list of PERSON, LOCATION, ORG, COMPANY')
    .optional()
    .openapi({ description: 'Only these entity types (default: all four).' }),
  min_salience: z.coerce.number().min(0).max(1).optional(),
});

export const TagSchema = z
  .object({
    entity: z.string(),
    type: z.enum(NAME_TYPES),
    name: z.string(),
    name_simplified: z.string(),
    aliases: z.array(z.string()),
    salience: z.number(),
    confidence: z.number(),
    paragraphs: z.array(z.object({ index: z.number().int(), text: z.string() })),
    mentions: z.array(z.object({ start: z.number().int(), end: z.number().int(), text: z.string() })),
    role: EntitySchema.shape.role,
    place: EntitySchema.shape.place,
  })
  .openapi('Tag');

export const TagsResponse = z
  .object({
    id: z.string().optional(),
    tags: z.array(TagSchema),
    meta: ExtractResponse.shape.meta,
  })
  .openapi('TagsResponse');
export type TagsResponse = z.infer<typeof TagsResponse>;

// ---------------------------------------------------------------------------
// The store: stored articles, entities across articles, research queries.

const TypeList = z
  .string()
  .regex(/^[A-Z]+(,[A-Z]+)*$/, 'a comma-separated list of entity types')
  .refine((s) => s.split(',').every((t) => (ENTITY_TYPES as readonly string[]).includes(t)), `types are ${ENTITY_TYPES.join(', ')}`);
const NameParam = z.string().min(1).max(1000);

const Limit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);

export const StoreArticleInput = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    title: z.string().max(1000).optional(),
    published: IsoDate.optional(),
    id: z.string().max(512).optional().openapi({ description: "The caller's id: a second POST with the same id updates the stored article." }),
    url: z.string().max(4096).optional().openapi({ description: 'A second POST with the same url updates the stored article.' }),
    source: z.string().max(200).optional().openapi({ description: 'Where the article came from (a feed, a site); a filter in the research queries.' }),
  })
  .openapi('StoreArticleInput', {
    example: { id: 'xinhua-20230317-001', url: 'https://news.example/2023/03/17/1.html', source: 'xinhua', published: '2023-03-17', text: '株洲市发改委主任刘海宾介绍，去年6月投产后，预计今年产值过8000万元。' },
  });

export const StoredArticleMetaSchema = z
  .object({
    id: z.string().openapi({ description: 'The store\'s id of the article (a_…).' }),
    caller_id: z.string().nullable(),
    url: z.string().nullable(),
    source: z.string().nullable(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    content_hash: z.string().openapi({ description: 'SHA-256 of the article text: the same text sent again updates this article.' }),
    created_at: z.string(),
    updated_at: z.string(),
    entities: z.number().int(),
    mentions: z.number().int(),
  })
  .openapi('StoredArticleMeta');

export const IngestResponse = z
  .object({
    status: z.enum(['created', 'updated']),
    matched_by: z.enum(['id', 'url', 'content_hash']).nullable().openapi({ description: 'Which identifier found the stored article that was updated.' }),
    article: StoredArticleMetaSchema,
    result: ExtractResponse,
  })
  .openapi('IngestResponse');

export const StoredArticleResponse = z.object({ article: StoredArticleMetaSchema, result: ExtractResponse }).openapi('StoredArticle');

export const ArticleListQuery = z.object({
  source: z.string().max(200).optional().openapi({ description: 'Only articles from this source.' }),
  from: IsoDate.optional().openapi({ description: 'Only articles published on or after this date.' }),
  to: IsoDate.optional().openapi({ description: 'Only articles published on or before this date.' }),
  updated_since: z
    .string()
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'Only articles created or updated at or after this time (ISO 8601 date-time), e.g. the `updated_at` of the last article a sync saw.', example: '2023-03-17T00:00:00Z' }),
  url: z.string().max(4096).optional().openapi({ description: 'The article stored with this url (at most one).' }),
  caller_id: z.string().max(512).optional().openapi({ description: "The article stored with this caller's id (at most one)." }),
  sort: z
    .enum(['created', 'updated'])
    .default('created')
    .openapi({ description: '`created`: oldest first (store ids are time-ordered); `updated`: least recently updated first (with `updated_since`, an incremental sync).' }),
  limit: Limit(500, 50),
  cursor: z.string().max(20_000).optional().openapi({ description: '`next_cursor` of the previous page (opaque; only valid with the same `sort`).' }),
});

export const ArticlePage = z
  .object({ items: z.array(StoredArticleMetaSchema), next_cursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }) })
  .openapi('ArticlePage');

export const ArticleByUrlQuery = EncodingQuery.extend({ url: z.string().min(1).max(4096).openapi({ description: 'The url the article was stored with.' }) });

export const EntityFilterQuery = z.object({
  type: TypeList.optional().openapi({ description: 'Entity types, comma-separated (PERSON,LOCATION,ORG,COMPANY,MONEY,PERCENT,QUANTITY,DATE).' }),
  name: NameParam.optional().openapi({ description: 'Canonical name or any alias, exactly; simplified/traditional-insensitive.' }),
  prefix: NameParam.optional().openapi({ description: 'Canonical name or an alias starts with this; simplified/traditional-insensitive.' }),
  contains: NameParam.optional().openapi({ description: 'Canonical name or an alias contains this; simplified/traditional-insensitive.' }),
  from: IsoDate.optional().openapi({ description: 'Only articles published on or after this date (counts are over those articles).' }),
  to: IsoDate.optional().openapi({ description: 'Only articles published on or before this date.' }),
  source: z.string().max(200).optional(),
});


export const EntitySearchQuery = EntityFilterQuery.extend({
  sort: z.enum(['articles', 'mentions', 'name']).default('articles').openapi({ description: 'articles / mentions: most first; name: code-point order.' }),
  limit: Limit(500, 50),
  cursor: z.string().max(20_000).optional().openapi({ description: '`next_cursor` of the previous page.' }),
});

export const PlaceInfoSchema = z.object({ code: z.string(), level: z.union([z.string(), z.number()]).optional(), parents: z.unknown().optional() }).passthrough();

export const EntitySummarySchema = z
  .object({
    id: z.string(),
    type: z.string(),
    name: z.string(),
    name_simplified: z.string(),
    place: PlaceInfoSchema.nullable(),
    articles: z.number().int(),
    mentions: z.number().int(),
  })
  .openapi('StoredEntity');

export const EntityPage = z.object({ items: z.array(EntitySummarySchema), next_cursor: z.string().nullable() }).openapi('EntityPage');

export const EntityDetailQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  source: z.string().max(200).optional(),
  bucket: z.enum(['day', 'week', 'month']).default('month').openapi({ description: 'Period of the counts over time (week = ISO week, starting Monday).' }),
  top: z.coerce.number().int().min(0).max(200).default(20).openapi({ description: 'How many co-occurring entities.' }),
  co_type: TypeList.optional().openapi({ description: 'Types of the co-occurring entities (default PERSON,LOCATION,ORG,COMPANY).' }),
});

export const SeriesPointSchema = z.object({ period: z.string(), articles: z.number().int(), mentions: z.number().int() }).openapi('SeriesPoint');

export const EntityDetailSchema = EntitySummarySchema.extend({
  aliases: z.array(z.string()).openapi({ description: 'Every surface form seen.' }),
  first_published: z.string().nullable(),
  last_published: z.string().nullable(),
  series: z.array(SeriesPointSchema),
  cooccurring: z.array(z.object({ id: z.string(), type: z.string(), name: z.string(), articles: z.number().int() })),
}).openapi('StoredEntityDetail');

export const MentionsQuery = z.object({
  encoding: EncodingQuery.shape.encoding,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  source: z.string().max(200).optional(),
  limit: Limit(500, 50),
  cursor: z.string().max(20_000).optional(),
});

export const ArticleRefSchema = z
  .object({ id: z.string(), caller_id: z.string().nullable(), url: z.string().nullable(), title: z.string().nullable(), published: z.string().nullable(), source: z.string().nullable() })
  .openapi('ArticleRef');

export const MentionHitSchema = z
  .object({
    article: ArticleRefSchema,
    entity_id: z.string(),
    mention: z.object({
      id: z.string(),
      type: z.string(),
      text: z.string(),
      start: z.number().int().openapi({ description: 'Offset in the article text, in `meta.offsets` units.' }),
      end: z.number().int(),
      paragraph: z.number().int(),
      score: z.number(),
      value: MentionValueSchema.optional(),
    }),
    paragraph: z
      .object({ index: z.number().int(), start: z.number().int(), end: z.number().int(), text: z.string() })
      .nullable()
      .openapi({ description: 'The paragraph holding the mention (offsets in the article text, in `meta.offsets` units): with UTF16, `paragraph.text.slice(mention.start - paragraph.start, mention.end - paragraph.start) === mention.text`.' }),
  })
  .openapi('MentionHit');

/** What a response with offsets but no extraction result says about them. */
export const OffsetsMeta = z.object({ offsets: OffsetEncodingSchema }).openapi('OffsetsMeta');

export const MentionPage = z.object({ items: z.array(MentionHitSchema), next_cursor: z.string().nullable(), meta: OffsetsMeta }).openapi('MentionPage');

export const BatchQueryInput = z
  .object({
    names: z.array(NameParam).max(100).optional().openapi({ description: 'Names or aliases (simplified/traditional-insensitive); each may match several entities.' }),
    ids: z.array(z.string().max(100)).max(100).optional(),
    types: z.array(z.enum(ENTITY_TYPES)).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    source: z.string().max(200).optional(),
    bucket: z.enum(['day', 'week', 'month']).nullable().optional().openapi({ description: 'Add a date-bucketed series per name.' }),
    limit: z.number().int().min(0).max(100).default(10).openapi({ description: 'Top articles and sample mentions per name (0: counts only).' }),
    pairs: z.boolean().default(true).openapi({ description: 'Co-occurrence counts for every pair of names/ids.' }),
  })
  .strict()
  .refine((q) => (q.names?.length ?? 0) + (q.ids?.length ?? 0) > 0, 'send at least one name or id')
  .refine((q) => (q.names?.length ?? 0) + (q.ids?.length ?? 0) <= 100, 'at most 100 names and ids together')
  .openapi('BatchQuery', { example: { names: ['刘海宾', '株洲'], from: '2023-01-01', to: '2023-12-31', bucket: 'month', limit: 5, pairs: true } });

export const BatchQueryResponse = z
  .object({
    results: z.array(
      z.object({
        query: z.string(),
        kind: z.enum(['name', 'id']),
        entities: z.array(z.object({ id: z.string(), type: z.string(), name: z.string() })),
        articles: z.number().int(),
        mentions: z.number().int(),
        series: z.array(SeriesPointSchema).optional(),
        top_articles: z.array(ArticleRefSchema.extend({ mentions: z.number().int() })),
        sample_mentions: z.array(MentionHitSchema),
      }),
    ),
    pairs: z.array(z.object({ a: z.string(), b: z.string(), articles: z.number().int() })).optional(),
    meta: OffsetsMeta,
    totals: z
      .array(SeriesPointSchema)
      .optional()
      .openapi({ description: 'With `bucket`: every stored article per period (same `from`, `to`, `source`), to normalise the series by.' }),
  })
  .openapi('BatchQueryResult');

// ---------------------------------------------------------------------------
// Editors' decisions and the user dictionary (src/feedback).

/** An editor's decision on a stored article's tag, as recorded. */
export const DecisionSchema = z
  .object({
    id: z.string(),
    article_id: z.string(),
    action: z.enum(['accept', 'reject', 'retype', 'rename', 'add']),
    entity: z.string().nullable(),
    type: z.string().nullable(),
    name: z.string().nullable(),
    start: z.number().int().nullable(),
    end: z.number().int().nullable(),
    editor: z.string(),
    key_id: z.string().nullable().openapi({ description: 'the API key id, when authentication is on' }),
    created_at: z.string(),
    scope: z
      .enum(['article', 'never'])
      .nullable()
      .optional()
      .openapi({ description: 'For `reject`: `article` (not in this article: only its stored result changes) or `never` (the deny list)' }),
    reverted_at: z.string().nullable().optional().openapi({ description: 'When the decision was undone (its dictionary entries removed or restored, the stored result restored)' }),
    reverted_by: z.string().nullable().optional(),
  })
  .openapi('Decision');

/** A user-dictionary entry: a name (simplified) to add as a mention of `type`, or to deny as `type`. */
export const DictionaryEntrySchema = z
  .object({
    name: z.string().openapi({ description: 'simplified form' }),
    type: z.string(),
    action: z.enum(['add', 'deny']),
    editor: z.string().nullable().optional(),
    created_at: z.string().optional(),
    updated_at: z.string().optional(),
  })
  .openapi('DictionaryEntry');
