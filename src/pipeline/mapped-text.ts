/**
 * A string derived from an original string, with a map from every derived
 * position back to a range of the original. Normalisation steps never lose
 * offsets: they describe their changes as `Edit`s and `MappedText.edit`
 * composes the map, so any span of the derived text maps back to an exact
 * range of the caller's text.
 */

/** Replace `[start, end)` of the current derived text by `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /**
   * Where each new character came from, when a repair knows it (one span of
   * the current text per UTF-16 unit of `text`, inside `[start, end)`).
   * Without it, a replacement of another length maps every new character to
   * the whole replaced range.
   */
  origins?: Span[];
}

export interface Span {
  start: number;
  end: number;
}

export class MappedText {
  private constructor(
    /** The derived text. */
    readonly text: string,
    /** starts[i]: original index where derived char i begins. */
    private readonly starts: Int32Array,
    /** ends[i]: original index where derived char i ends (exclusive). */
    private readonly ends: Int32Array,
    /** Length of the original text. */
    readonly originalLength: number,
  ) {}

  static identity(text: string): MappedText {
    const n = text.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      starts[i] = i;
      ends[i] = i + 1;
    }
    return new MappedText(text, starts, ends, n);
  }

  /**
   * Apply non-overlapping edits (in any order) and return the new derived
   * text, still mapped to the same original. A replacement of the same length
   * maps character by character; otherwise every new character maps to the
   * whole original range of the replaced slice.
   */
  edit(edits: readonly Edit[]): MappedText {
    if (edits.length === 0) return this;
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    const parts: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    let pos = 0;
    const copy = (from: number, to: number) => {
      parts.push(this.text.slice(from, to));
      for (let i = from; i < to; i++) {
        starts.push(this.starts[i]);
        ends.push(this.ends[i]);
      }
    };
    for (const e of sorted) {
      if (e.start < pos || e.end < e.start || e.end > this.text.length) {
        throw new RangeError(`overlapping or out-of-range edit [${e.start}, ${e.end})`);
      }
      copy(pos, e.start);
      parts.push(e.text);
      if (e.origins && e.origins.length === e.text.length) {
        for (const o of e.origins) {
          if (o.start < e.start || o.end > e.end || o.end <= o.start) throw new RangeError('edit origin outside its range');
          starts.push(this.starts[o.start]);
          ends.push(this.ends[o.end - 1]);
        }
      } else if (e.text.length === e.end - e.start) {
        for (let i = e.start; i < e.end; i++) {
          starts.push(this.starts[i]);
          ends.push(this.ends[i]);
        }
      } else {
        let s: number;
        let t: number;
        if (e.start < e.end) {
          s = this.starts[e.start];
          t = this.ends[e.end - 1];
        } else {
          // Pure insertion: an empty point between its neighbours, except inside a
          // grouped replacement (neighbours share one range), where it joins the
          // group so that starts and ends both stay monotone.
          s = this.originalAt(e.start);
          t = e.start > 0 && e.start < this.text.length ? Math.max(s, this.ends[e.start - 1]) : s;
        }
        for (let i = 0; i < e.text.length; i++) {
          starts.push(s);
          ends.push(t);
        }
      }
      pos = e.end;
    }
    copy(pos, this.text.length);
    return new MappedText(parts.join(''), Int32Array.from(starts), Int32Array.from(ends), this.originalLength);
  }

  /** Original index at which derived position `i` (0..length) sits. */
  private originalAt(i: number): number {
    if (i < this.text.length) return this.starts[i];
    return this.text.length === 0 ? this.originalLength : this.ends[this.text.length - 1];
  }

  /** Map a derived span to the original span it came from. */
  toOriginal(start: number, end: number): Span {
    if (end <= start) {
      const at = this.originalAt(start);
      return { start: at, end: at };
    }
    let s = this.starts[start];
    let e = this.ends[end - 1];
    // Characters inside a grouped replacement may share one range: widen to cover all.
    for (let i = start; i < end; i++) {
      if (this.starts[i] < s) s = this.starts[i];
      if (this.ends[i] > e) e = this.ends[i];
    }
    return { start: s, end: e };
  }

  /**
   * Map an original span to the smallest derived span whose characters come
   * from it (derived characters are in original order). Returns an empty span
   * where nothing of the original range survived.
   */
  fromOriginal(start: number, end: number): Span {
    const n = this.text.length;
    // first derived char whose original end > start
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    const s = lo;
    // first derived char whose original start >= end
    lo = s;
    hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < end) lo = mid + 1;
      else hi = mid;
    }
    return { start: s, end: Math.max(s, lo) };
  }
}
