/** Keys, ids, hashes, cursors and name normalisation shared by both stores. */
import { createHash, randomBytes } from 'node:crypto';
import { toSimplifiedConverter } from '../pipeline/normalise/opencc.js';
import { StoreError } from './repository.js';

/** Simplified form of a name (traditional → simplified, NFKC, trimmed). */
export function simplify(s: string): string {
  return toSimplifiedConverter()(s.normalize('NFKC').trim());
}

export function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** The identity of an entity across articles: the place code, else type + simplified canonical name. */
export function entityKey(type: string, nameSimplified: string, placeCode?: string | null): string {
  return placeCode ? `${type}|code:${placeCode}` : `${type}|${nameSimplified}`;
}

export function entityId(key: string): string {
  return 'e_' + sha256(key).slice(0, 20);
}

let lastMs = 0;
let seqInMs = 0;

/** Time-ordered article ids (lexicographic order = creation order within a process; ms + sequence + random). */
export function newArticleId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    seqInMs = 0;
  } else seqInMs++;
  return 'a_' + lastMs.toString(36).padStart(9, '0') + seqInMs.toString(36).padStart(4, '0') + randomBytes(5).toString('hex');
}

export function contentHash(text: string): string {
  return sha256(text.normalize('NFC'));
}

/** Opaque cursor: base64url of the sort key and the id. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
  } catch {
    /* fall through */
  }
  throw new StoreError('bad_cursor', 'the cursor is not valid for this query');
}

/** Escape LIKE wildcards; use with `ESCAPE '\'`. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** The largest code point: `x >= p AND x < p + MAX_CHAR` is a prefix range under code-point (binary) collation. */
export const MAX_CHAR = '\u{10FFFF}';
