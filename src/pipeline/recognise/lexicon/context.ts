/** Shared helpers: the text, its tokens, and fast position → token lookups. */
import type { NameType } from '../../entity-types.js';
import type { Token } from '../../doc.js';

export type LexiconType = NameType;

export interface LexiconMention {
  start: number;
  end: number;
  type: LexiconType;
  score: number;
}

export class Ctx {
  /** startAt[p]: index of the token starting at p, or -1. */
  readonly startAt: Int32Array;
  /** endAt[p]: index of the token ending at p, or -1. */
  readonly endAt: Int32Array;

  constructor(
    readonly text: string,
    readonly tokens: Token[],
  ) {
    this.startAt = new Int32Array(text.length + 1).fill(-1);
    this.endAt = new Int32Array(text.length + 1).fill(-1);
    tokens.forEach((t, i) => {
      this.startAt[t.start] = i;
      this.endAt[t.end] = i;
    });
  }

  word(i: number): string {
    const t = this.tokens[i];
    return this.text.slice(t.start, t.end);
  }

  /** A token starts or ends at `p` (or `p` is the text's start or end). */
  boundary(p: number): boolean {
    return p <= 0 || p >= this.text.length || this.startAt[p] >= 0 || this.endAt[p] >= 0;
  }

  /** Index of the token covering position p, or -1 (binary search). */
  tokenAt(p: number): number {
    const ts = this.tokens;
    let lo = 0;
    let hi = ts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ts[mid].end <= p) lo = mid + 1;
      else if (ts[mid].start > p) hi = mid - 1;
      else return mid;
    }
    return -1;
  }
}

/** Person tags used by jieba. */
export const isPersonTag = (pos: string) => pos === 'nr' || pos === 'nrt' || pos === 'nrfg' || pos === 'nr1' || pos === 'nr2';

/** CJK ideograph (BMP unified + extension A). */
export const isHan = (ch: string) => /[\u3400-\u9fff]/.test(ch);
