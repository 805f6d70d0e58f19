/**
 * The document that flows through the pipeline. It owns the caller's text
 * (`text`, which every returned offset refers to) and a normalised view of it
 * (`norm`: pinyin removed, mojibake repaired, widths folded, simplified
 * script) with one offset map back. Pipeline steps annotate `norm`
 * coordinates; `toOriginal` maps a span back when the result is built.
 */
import { MappedText, type Span } from './mapped-text.js';

export type { Span };

export type Script = 'simplified' | 'traditional' | 'mixed';

export const ENTITY_TYPES = ['PERSON', 'LOCATION', 'ORG', 'COMPANY', 'MONEY', 'PERCENT', 'QUANTITY', 'DATE'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export type NameType = 'PERSON' | 'LOCATION' | 'ORG' | 'COMPANY';

export interface MoneyValue {
  amount: number;
  currency: string;
  /** high end of a range (`80亿至90亿美元`); `amount` is the low end */
  amount_max?: number;
  approx?: boolean;
}
export interface PercentValue {
  value: number;
  /** high end of a range (`30%-50%`) */
  value_max?: number;
  /** set for percentage points (`提高3个百分点`) */
  unit?: 'percentage_point';
  approx?: boolean;
}
export interface QuantityValue {
  value: number;
  unit: string;
  /** high end of a range (`3至5公里`) */
  value_max?: number;
  approx?: boolean;
}
export type DateGrain =
  | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'halfyear' | 'year' | 'decade' | 'century';
export interface DateValue {
  /** ISO `YYYY-MM-DD` (end inclusive), `YYYY-MM-DDTHH:MM` for date-times, `XXXX` for an unknown year */
  start: string | null;
  end: string | null;
  grain: DateGrain;
  vague?: boolean;
}
export type MentionValue = MoneyValue | PercentValue | QuantityValue | DateValue;

/** A recognised mention, in `norm` coordinates. */
export interface NormMention extends Span {
  type: EntityType;
  score: number;
  /** which recogniser produced it (model, lexicon, amounts, dates) */
  source: string;
  value?: MentionValue;
}

export interface Paragraph extends Span {
  index: number;
  boilerplate: boolean;
}

export interface Sentence extends Span {
  paragraph: number;
}

export interface Token extends Span {
  pos: string;
}

export type PublishedSource = 'request' | 'html' | 'dateline';

export interface DocOptions {
  boilerplate: boolean;
  tokens: boolean;
  engine: string;
}

export class Doc {
  /** The text every returned offset refers to (the caller's text, or the text extracted from HTML). */
  readonly text: string;
  /** Normalised view of `text`, with the map back. */
  norm: MappedText;
  title: string | null;
  /** ISO date (YYYY-MM-DD) relative dates are resolved against, and where it came from. */
  published: string | null = null;
  publishedSource: PublishedSource | null = null;
  script: Script = 'simplified';
  /** Unrecoverable garbled runs, in norm coordinates: no mention may overlap them. */
  garbled: Span[] = [];
  paragraphs: Paragraph[] = [];
  sentences: Sentence[] = [];
  tokens: Token[] = [];
  mentions: NormMention[] = [];
  readonly timings: Record<string, number> = {};

  constructor(text: string, opts: { title?: string | null } = {}) {
    this.text = text;
    this.norm = MappedText.identity(text);
    this.title = opts.title ?? null;
  }

  /** Map a span of `norm` to the caller's text. */
  toOriginal(span: Span): Span {
    return this.norm.toOriginal(span.start, span.end);
  }

  /** Index of the paragraph holding norm position `pos`. */
  paragraphAt(pos: number): number {
    const ps = this.paragraphs;
    let lo = 0;
    let hi = ps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ps[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return ps.length ? ps[lo].index : 0;
  }
}
