/**
 * The API contract. These zod schemas validate requests, type the handlers
 * and generate the OpenAPI document: they are its single source.
 */
import { z } from '@hono/zod-openapi';
import { ENTITY_TYPES } from '../pipeline/doc.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A real calendar date (or date-time) in ISO 8601; returns the date part. */
export const IsoDate = z
  .string()
  .regex(ISO_DATE, 'expected an ISO date (YYYY-MM-DD) or date-time')
  .refine((s) => {
    const [, y, m, d] = ISO_DATE.exec(s)!;
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

export const MoneyValueSchema = z.object({ amount: z.number(), currency: z.string().length(3), approx: z.boolean().optional() }).openapi('MoneyValue');
export const PercentValueSchema = z.object({ value: z.number(), approx: z.boolean().optional() }).openapi('PercentValue');
export const QuantityValueSchema = z.object({ value: z.number(), unit: z.string(), approx: z.boolean().optional() }).openapi('QuantityValue');
export const DateValueSchema = z
  .object({
    start: z.string().nullable(),
    end: z.string().nullable(),
    grain: z.enum(['day', 'month', 'quarter', 'year']),
    vague: z.boolean().optional(),
  })
  .openapi('DateValue');
export const MentionValueSchema = z.union([MoneyValueSchema, PercentValueSchema, QuantityValueSchema, DateValueSchema]);

export const ParagraphSchema = z
  .object({ index: z.number().int(), start: z.number().int(), end: z.number().int(), text: z.string(), boilerplate: z.boolean() })
  .openapi('Paragraph');

export const MentionSchema = z
  .object({
    id: z.string(),
    entity: z.string(),
    type: EntityTypeSchema,
    text: z.string().openapi({ description: 'Always equal to `text.slice(start, end)` of the response text.' }),
    start: z.number().int(),
    end: z.number().int(),
    paragraph: z.number().int(),
    score: z.number(),
    value: MentionValueSchema.optional(),
  })
  .openapi('Mention');

export const EntitySchema = z
  .object({
    id: z.string(),
    type: EntityTypeSchema,
    name: z.string(),
    mentions: z.array(z.string()),
    paragraphs: z.array(z.number().int()),
    value: MentionValueSchema.optional(),
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
    paragraphs: z.array(ParagraphSchema),
    mentions: z.array(MentionSchema),
    entities: z.array(EntitySchema),
    tokens: z.array(TokenSchema).optional(),
    meta: z.object({
      engine: z.string(),
      model: z.string(),
      version: z.string(),
      timings_ms: z.record(z.string(), z.number()),
    }),
  })
  .openapi('ExtractResponse');
export type ExtractResponse = z.infer<typeof ExtractResponse>;

export const ExtractQuery = z.object({
  tokens: z.enum(['0', '1', 'true', 'false']).optional().openapi({ description: 'Include jieba tokens.' }),
  boilerplate: z.enum(['0', '1', 'true', 'false']).optional().openapi({ description: 'Also extract from boilerplate paragraphs.' }),
  engine: z.string().optional().openapi({ description: 'Name engine: `model` (default when installed) or `lexicon`.' }),
});

export const ErrorResponse = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .openapi('Error');
