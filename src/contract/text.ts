/**
 * The text policy: what the service does with text that UTF-8 cannot hold.
 *
 * JSON lets a caller send two kinds of string that no store can keep as sent:
 * - a lone UTF-16 surrogate (`"\ud800"` without its pair): UTF-8 has no
 *   encoding for it — SQLite stored bytes ED A0 80 and read back three
 *   U+FFFD (so every offset after it moved by two), PostgreSQL refused it
 *   (22P02, 22021: an HTTP 500);
 * - NUL (`"\u0000"`): PostgreSQL refuses it in text and jsonb (22P05, 22021).
 *
 * Policy: each such code unit is replaced by U+FFFD (REPLACEMENT CHARACTER),
 * one code unit for one, so every UTF-16 offset the service gives (mentions,
 * paragraphs, tokens) stays valid, for the text as answered and as stored.
 * The replacement is applied at the edge (the HTTP layer calls
 * `applyTextPolicy` on each article and `cleanText` on each query parameter)
 * and says so in the response (`TextPolicyReport`); the store applies it too,
 * to whatever reaches it (src/store/sql/repository.ts), so no input can make
 * either store answer 500 and both stores give back the same text.
 *
 * Astral characters (a valid surrogate pair) and every other control
 * character are kept as sent.
 */

export const REPLACEMENT_CHARACTER = '\uFFFD';

/** NUL, a high surrogate not followed by a low one, a low surrogate not preceded by a high one. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSTORABLE_TEST = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Does `s` hold a NUL or a lone surrogate? */
export function hasUnstorable(s: string): boolean {
  return UNSTORABLE_TEST.test(s);
}

/** `s` with each NUL and lone surrogate replaced by U+FFFD (same length, same offsets). */
export function cleanText(s: string): string {
  return UNSTORABLE_TEST.test(s) ? s.replace(UNSTORABLE, REPLACEMENT_CHARACTER) : s;
}

/** `cleanText` and how many code units it replaced. */
export function cleanTextCounted(s: string): { text: string; replaced: number } {
  if (!UNSTORABLE_TEST.test(s)) return { text: s, replaced: 0 };
  let replaced = 0;
  const text = s.replace(UNSTORABLE, () => {
    replaced++;
    return REPLACEMENT_CHARACTER;
  });
  return { text, replaced };
}

/**
 * What `applyTextPolicy` changed, for the response: code units replaced by
 * U+FFFD per field (a JSON path such as `text`, `title`, `entities.3.name`).
 * Absent from a response when nothing was replaced.
 */
export interface TextPolicyReport {
  /** always 'replaced_with_U+FFFD' (one code unit for one: offsets are unchanged) */
  action: 'replaced_with_U+FFFD';
  /** total code units replaced */
  replaced: number;
  /** per field: code units replaced */
  fields: Record<string, number>;
}

/**
 * Apply the policy to every string (and object key) of a JSON value — an
 * article request, an extraction result, a dictionary entry. Returns the
 * value (the same object when nothing needed replacing, else a copy) and a
 * report, null when nothing was replaced.
 */
export function applyTextPolicy<T>(value: T): { value: T; report: TextPolicyReport | null } {
  const fields: Record<string, number> = {};
  let total = 0;
  const walk = (v: unknown, path: string): unknown => {
    if (typeof v === 'string') {
      const { text, replaced } = cleanTextCounted(v);
      if (replaced) {
        fields[path || '.'] = (fields[path || '.'] ?? 0) + replaced;
        total += replaced;
      }
      return text;
    }
    if (Array.isArray(v)) {
      let out: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const w = walk(v[i], path ? `${path}.${i}` : String(i));
        if (w !== v[i]) (out ??= v.slice())[i] = w;
      }
      return out ?? v;
    }
    if (v && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
      let out: Record<string, unknown> | null = null;
      for (const [k, x] of Object.entries(v)) {
        const key = cleanText(k);
        const w = walk(x, path ? `${path}.${key}` : key);
        if (w !== x || key !== k) {
          out ??= { ...(v as Record<string, unknown>) };
          if (key !== k) delete out[k];
          out[key] = w;
        }
      }
      return out ?? v;
    }
    return v;
  };
  const out = walk(value, '') as T;
  return { value: out, report: total ? { action: 'replaced_with_U+FFFD', replaced: total, fields } : null };
}

/** `applyTextPolicy` without the report. */
export function cleanDeep<T>(value: T): T {
  return applyTextPolicy(value).value;
}
