/**
 * Offsets for every language. The service computes offsets as JavaScript
 * string indices (UTF-16 code units); a response can carry them in another
 * unit instead, chosen by the caller with `?encoding=` (as Google's
 * analyzeEntities `encodingType`):
 *
 * - `UTF16`: UTF-16 code units (JavaScript, Java, C#): `text.slice(start, end)`. The default.
 * - `UTF32`: Unicode code points (Python 3 `str`, Go `[]rune`, Rust `chars()`): `text[start:end]`.
 * - `UTF8`: bytes of the UTF-8 encoding (Go `string`, Rust `&str`, C): `text.encode()[start:end]`.
 *
 * Only the response edge converts (src/server/present.ts); everything inside
 * the service and the store stays in UTF-16.
 */

export const OFFSET_ENCODINGS = ['UTF16', 'UTF32', 'UTF8'] as const;
export type OffsetEncoding = (typeof OFFSET_ENCODINGS)[number];

/** Maps a UTF-16 index of one text to the same position in another unit. */
export type OffsetMap = (utf16Index: number) => number;

const identity: OffsetMap = (i) => i;
const HAS_SURROGATE = /[\ud800-\udfff]/;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * A function from a UTF-16 index of `text` to the index in `encoding`.
 * An index between the two halves of a surrogate pair maps to the start of
 * the pair (the service never makes such an index); indices outside the text
 * are clamped to it. Linear time and one table of `text.length + 1` entries,
 * built once per text; identity when the units agree for this text.
 */
export function offsetMap(text: string, encoding: OffsetEncoding): OffsetMap {
  if (encoding === 'UTF16') return identity;
  if (encoding === 'UTF32' && !HAS_SURROGATE.test(text)) return identity;
  if (encoding === 'UTF8' && !NON_ASCII.test(text)) return identity;
  const n = text.length;
  const table = new Float64Array(n + 1);
  let acc = 0;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    table[i] = acc;
    if (pair) table[i + 1] = acc;
    if (encoding === 'UTF32') acc += 1;
    // a lone surrogate is written as U+FFFD (3 bytes) by every UTF-8 encoder
    else acc += pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    i += pair ? 2 : 1;
  }
  table[n] = acc;
  return (i) => table[i <= 0 ? 0 : i >= n ? n : Math.floor(i)];
}

/** Length of `text` in `encoding`. */
export function lengthIn(text: string, encoding: OffsetEncoding): number {
  return offsetMap(text, encoding)(text.length);
}

/** `{start, end}` of a span of `text` in `encoding` (a copy; other fields kept). */
export function convertSpan<T extends { start: number; end: number }>(span: T, map: OffsetMap): T {
  return { ...span, start: map(span.start), end: map(span.end) };
}
