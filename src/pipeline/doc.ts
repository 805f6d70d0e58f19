/**
 * The document that flows through the pipeline. It owns the caller's text
 * (`text`, which every returned offset refers to) and a normalised view of it
 * (`norm`: pinyin removed, mojibake repaired, widths folded, simplified
 * script) with one offset map back. Pipeline steps annotate `norm`
 * coordinates; `toOriginal` maps a span back when the result is built.
 */
import { MappedText, type Span } from './mapped-text.js';
import { annotationLengthAt } from './normalise/pinyin.js';

export type { Span };

export type Script = 'simplified' | 'traditional' | 'mixed';

/** Where an article comes from: what a bare `元` or `兆` means, and Hong Kong fiscal years. */
export type Region = 'CN' | 'HK' | 'TW' | 'MO';
export const REGIONS: readonly Region[] = ['CN', 'HK', 'TW', 'MO'];

export interface RegionChoice {
  region: Region;
  /** `request`: stated by the caller; `text`: inferred from the article; `default`: no cue (mainland) */
  source: 'request' | 'text' | 'default';
  /** Human-readable reason, e.g. `港元 ×3, 港股 ×1; traditional script`. */
  reason: string;
}

import type { EntityType } from './entity-types.js';

export type { EntityType, NameType } from './entity-types.js';

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
  /** set by the `link` component: the mention's id, its entity and its paragraph */
  link?: MentionLink;
}

export interface MentionLink {
  id: string;
  entity: string;
  paragraph: number;
}

export interface EntityPlace {
  code: string;
  level: 'country' | 'region' | 'province' | 'city' | 'county';
  name: string;
  parents: { code: string; name: string }[];
}

export interface EntityRole {
  title: string;
  /** the organisation entity the role belongs to, when it stands next to it */
  org: string | null;
  org_name: string | null;
}

/** Mentions grouped into one thing the article talks about (set by the `link` component). */
export interface Entity {
  id: string;
  type: EntityType;
  /** canonical name: the fullest clean form (no pinyin, no mojibake), in the article's script */
  name: string;
  name_simplified: string;
  /** other surface forms seen in the article (clean, in the article's script) */
  aliases: string[];
  mentions: string[];
  paragraphs: number[];
  value?: MentionValue;
  role?: EntityRole;
  place?: EntityPlace;
  salience: number;
  /** mean confidence of the mentions */
  confidence: number;
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

/** Per-call options: they ride on the Doc, read-only, for every component to read. */
export interface DocOptions {
  /** the name engine to run (`lexicon`, `model`, …) */
  readonly engine: string;
  /** extract from boilerplate paragraphs too */
  readonly boilerplate: boolean;
  /** return jieba tokens */
  readonly tokens: boolean;
  /** the region the caller states (null: inferred from the text) */
  readonly region: Region | null;
}

/** Index of the first of `spans` (sorted by start) that starts at or after `pos` (binary search). */
function firstFrom(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  entities: Entity[] = [];
  /** set by the `region` component */
  region: RegionChoice = { region: 'CN', source: 'default', reason: 'not determined' };
  /** milliseconds per component */
  readonly timings: Record<string, number> = {};
  readonly options: Readonly<DocOptions>;

  constructor(text: string, init: { title?: string | null; options?: Partial<DocOptions> } = {}) {
    this.text = text;
    this.norm = MappedText.identity(text);
    this.title = init.title ?? null;
    this.options = Object.freeze({ engine: 'lexicon', boilerplate: false, tokens: false, region: null, ...init.options });
  }

  /** The paragraphs components work on: all with `options.boilerplate`, else those that are not boilerplate. */
  contentParagraphs(): Paragraph[] {
    return this.options.boilerplate ? this.paragraphs : this.paragraphs.filter((p) => !p.boilerplate);
  }

  /** The tokens wholly inside norm span [start, end), in order (tokens are sorted and disjoint: a binary search, not a scan). */
  tokensWithin(start: number, end: number): Token[] {
    const out: Token[] = [];
    for (let i = this.tokenIndexFrom(start); i < this.tokens.length && this.tokens[i].end <= end; i++) out.push(this.tokens[i]);
    return out;
  }

  /** The token that holds the non-empty norm span [start, end) whole, if one does. */
  tokenCovering(start: number, end: number): Token | undefined {
    const t = this.tokens[this.tokenIndexFrom(start + 1) - 1];
    return t && t.start <= start && t.end >= end ? t : undefined;
  }

  /** The sentence that holds norm position `pos`, if any (sentences are sorted and disjoint). */
  sentenceAt(pos: number): Sentence | undefined {
    const s = this.sentences[firstFrom(this.sentences, pos + 1) - 1];
    return s && s.start <= pos && pos < s.end ? s : undefined;
  }

  /** Index of the first token starting at or after norm position `pos`. */
  private tokenIndexFrom(pos: number): number {
    return firstFrom(this.tokens, pos);
  }

  /** Whether norm position `pos` lies in a paragraph components work on. */
  inContent(pos: number): boolean {
    return this.options.boilerplate || !this.paragraphs[this.paragraphAt(pos)]?.boilerplate;
  }

  /**
   * Map a span of `norm` to the caller's text. A pinyin annotation removed
   * right after the span's last character is inside the span (the contract:
   * `长(zhǎng)沙(shā)` is one mention, both annotations inside).
   */
  toOriginal(span: Span): Span {
    const o = this.norm.toOriginal(span.start, span.end);
    if (span.end <= span.start) return o;
    const next = span.end < this.norm.text.length ? this.norm.toOriginal(span.end, span.end + 1).start : this.text.length;
    if (next > o.end) {
      const n = annotationLengthAt(this.text, o.end);
      if (n > 0 && o.end + n <= next) return { start: o.start, end: o.end + n };
    }
    return o;
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
