/**
 * The response edge: what the service computed (UTF-16 offsets, values
 * without `kind`) turned into what the API answers — every `start`/`end` in
 * the caller's `?encoding=` (src/contract/offsets.ts), the unit stated in
 * `meta.offsets`, and each value object tagged with its `kind`. Every route
 * that answers offsets goes through here; nothing else converts them.
 */
import { offsetMap, type OffsetEncoding, type OffsetMap } from '../contract/offsets.js';
import { VALUE_KINDS, type ExtractResponse, type ExtractResponseBody, type MentionValue, type MentionValueData } from '../contract/schemas.js';
import type { MentionExportRow, MentionHit, Repository } from '../store/repository.js';
import type { z } from '@hono/zod-openapi';
import type { MentionHitSchema } from '../contract/schemas.js';

export type MentionHitBody = z.infer<typeof MentionHitSchema>;

/** `kind` for a value: the mention's type when it is a value type, else read from the value's shape (values stored by older versions). */
export function withKind(type: string, v: MentionValueData | MentionValue): MentionValue {
  if ('kind' in v && (VALUE_KINDS as readonly string[]).includes(v.kind)) return v as MentionValue;
  const kind = (VALUE_KINDS as readonly string[]).includes(type)
    ? (type as MentionValue['kind'])
    : 'currency' in v
      ? 'MONEY'
      : 'grain' in v
        ? 'DATE'
        : 'unit' in v && v.unit !== 'percentage_point'
          ? 'QUANTITY'
          : 'PERCENT';
  return { kind, ...v } as MentionValue;
}

/** One extraction result as answered, offsets in `encoding`. */
export function presentResult(r: ExtractResponse, encoding: OffsetEncoding): ExtractResponseBody {
  const map = offsetMap(r.text, encoding);
  const span = <T extends { start: number; end: number }>(s: T): T => ({ ...s, start: map(s.start), end: map(s.end) });
  return {
    ...r,
    paragraphs: r.paragraphs.map(span),
    mentions: r.mentions.map((m) => {
      const { value, ...rest } = span(m);
      return value ? { ...rest, value: withKind(m.type, value) } : rest;
    }),
    entities: r.entities.map((e) => {
      const { value, ...rest } = e;
      return value ? { ...rest, value: withKind(e.type, value) } : rest;
    }),
    ...(r.tokens ? { tokens: r.tokens.map(span) } : {}),
    meta: { ...r.meta, offsets: encoding },
  };
}

/** Mentions with their paragraphs, offsets in `encoding` (`texts`: each article's text, needed unless UTF16). */
export function presentHits(hits: MentionHit[], texts: Map<string, string>, encoding: OffsetEncoding): MentionHitBody[] {
  const maps = new Map<string, OffsetMap>();
  const mapOf = (articleId: string): OffsetMap => {
    let map = maps.get(articleId);
    if (!map) maps.set(articleId, (map = offsetMap(encoding === 'UTF16' ? '' : (texts.get(articleId) ?? ''), encoding)));
    return map;
  };
  return hits.map((h) => {
    const map = encoding === 'UTF16' ? (i: number) => i : mapOf(h.article.id);
    const { value, ...mention } = h.mention;
    return {
      ...h,
      mention: { ...mention, start: map(mention.start), end: map(mention.end), ...(value ? { value: withKind(mention.type, value) } : {}) },
      paragraph: h.paragraph ? { ...h.paragraph, start: map(h.paragraph.start), end: map(h.paragraph.end) } : null,
    };
  });
}

/** The texts of the articles of these hits, read only when the encoding needs them. */
export async function textsFor(store: Repository, articleIds: string[], encoding: OffsetEncoding): Promise<Map<string, string>> {
  return encoding === 'UTF16' || articleIds.length === 0 ? new Map() : store.articleTexts(articleIds);
}

/** `presentHits` with the texts read from the store. */
export async function presentHitsFrom(store: Repository, hits: MentionHit[], encoding: OffsetEncoding): Promise<MentionHitBody[]> {
  return presentHits(hits, await textsFor(store, hits.map((h) => h.article.id), encoding), encoding);
}

/** Export rows with offsets in `encoding`: rows are converted a batch at a time, reading the texts of each batch's articles once. */
export async function* presentExportRows(store: Repository, rows: AsyncIterable<MentionExportRow>, encoding: OffsetEncoding, batch = 1000): AsyncIterable<MentionExportRow> {
  if (encoding === 'UTF16') {
    yield* rows;
    return;
  }
  let pending: MentionExportRow[] = [];
  const flush = async function* () {
    const texts = await store.articleTexts(pending.map((r) => r.article_id));
    const maps = new Map<string, OffsetMap>();
    for (const r of pending) {
      let map = maps.get(r.article_id);
      if (!map) maps.set(r.article_id, (map = offsetMap(texts.get(r.article_id) ?? '', encoding)));
      yield { ...r, start: map(r.start), end: map(r.end) };
    }
    pending = [];
  };
  for await (const r of rows) {
    pending.push(r);
    if (pending.length >= batch) yield* flush();
  }
  if (pending.length) yield* flush();
}
