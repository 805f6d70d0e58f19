/**
 * Word segmentation and POS tagging with nodejieba (cppjieba), mapped to exact
 * offsets in the string given.
 *
 * What nodejieba does with odd input (checked with fast-check, see tests):
 * - every character is returned, in order (whitespace, newlines, \r, \t,
 *   emoji/astral chars, U+FFFD, control chars each come back inside a word);
 * - lone UTF-16 surrogates come back as U+FFFD (same length 1), so we hand it a
 *   copy with lone surrogates replaced and align against that copy;
 * - long texts are fine (200k chars in ~0.25 s); it splits on punctuation itself.
 *
 * Output tags: jieba's ICTCLAS-style tags (n, v, nr, ns, nt, nz, j, x, eng, …),
 * except that we re-tag punctuation/symbols as `w` and digit runs as `m`, and
 * drop whitespace tokens (a gap between two tokens means whitespace).
 *
 * Limits: `load()` is done once per thread (lazily on first use). The loaded
 * dictionary (~115 MB of native memory) is shared by every thread of the
 * process that loads the same files (patches/nodejieba+3.5.8.patch), so the
 * extraction workers hold one copy. A user dictionary *file* (with
 * frequencies) can only take part in the load, so call `loadUserDictionary`
 * before the first `segment`; the thread then has a dictionary of its own.
 * Later calls fall back to `insertWord`, which ignores frequencies and adds
 * the word for every thread that shares the dictionary.
 */
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Token } from '../doc.js';
import { nativeSection } from '../budget.js';

interface TagResult {
  word: string;
  tag: string;
}
interface NodeJieba {
  load(opts?: { userDict?: string; idfDict?: string }): void;
  tag(s: string): TagResult[];
  insertWord(word: string, tag?: string): boolean;
  DEFAULT_USER_DICT: string;
}

const jieba = createRequire(import.meta.url)('nodejieba') as NodeJieba;

let loaded = false;

/**
 * jieba's load also reads its keyword-extraction table (idf.utf8: 6 MB, ~16 MB once loaded), which this service
 * never uses (it calls `tag` and `insertWord` only): a one-word table takes its place (cppjieba needs a non-empty one).
 * Where no file can be written (a read-only disk), jieba reads its own table: more memory, the same segmentation.
 */
function unusedIdf(): { idfDict?: string } {
  try {
    return { idfDict: dictFile('的 1.0\n', 'idf') };
  } catch {
    return {};
  }
}

/** (jieba's dictionary load, ~1 s of native code, is a native section: a pool never terminates a worker inside it) */
function ensureLoaded(): void {
  if (!loaded) {
    nativeSection(() => jieba.load(unusedIdf()));
    loaded = true;
  }
}

/** One user-dictionary entry, as in jieba's `word [freq] [pos]` lines. */
export interface UserDictEntry {
  word: string;
  freq?: number;
  pos?: string;
}

/** Parse jieba user-dictionary text (`word [freq] [pos]` per line, `#` comments). */
export function parseUserDictionary(text: string): UserDictEntry[] {
  const out: UserDictEntry[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [word, a, b] = line.split(/\s+/);
    if (a !== undefined && /^\d+$/.test(a)) out.push({ word, freq: Number(a), pos: b });
    else out.push({ word, pos: a });
  }
  return out;
}

function toLine(e: UserDictEntry): string {
  return [e.word, e.freq ?? '', e.pos ?? ''].filter((x) => x !== '').join(' ');
}

/**
 * Load a user dictionary (a file path or entries). Before the first `segment`
 * call it takes part in jieba's one-time load (frequencies honoured). After
 * that, words are added with `insertWord` (frequency ignored, jieba's default
 * user-word weight). Returns how the words were added.
 */
export function loadUserDictionary(src: string | UserDictEntry[]): 'load' | 'insertWord' {
  const entries = typeof src === 'string' ? parseUserDictionary(readFileSync(src, 'utf8')) : src;
  for (const e of entries) {
    if (!e.word || /\s/.test(e.word)) throw new Error(`invalid user dictionary word: ${JSON.stringify(e.word)}`);
  }
  if (!loaded) {
    // cppjieba accepts several user dictionaries separated by '|'.
    const file = dictFile(entries.map(toLine).join('\n') + '\n', 'user');
    nativeSection(() => jieba.load({ userDict: `${jieba.DEFAULT_USER_DICT}|${file}`, ...unusedIdf() }));
    loaded = true;
    return 'load';
  }
  nativeSection(() => {
    for (const e of entries) jieba.insertWord(e.word, e.pos);
  });
  return 'insertWord';
}

/**
 * A file with `text` for jieba's load. Named by its content in a directory only this user can write, so
 * threads that load the same user dictionary (USER_DICT, in every extraction worker) name the same files
 * and share one loaded dictionary; a private temporary file when there is no such directory.
 */
function dictFile(text: string, kind: 'user' | 'idf'): string {
  const name = `${kind}-${createHash('sha256').update(text).digest('hex').slice(0, 32)}.dict.utf8`;
  const uid = process.getuid?.();
  const dir = join(tmpdir(), `jieba-dicts-${uid ?? 'user'}`);
  try {
    try {
      mkdirSync(dir, { mode: 0o700 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const st = lstatSync(dir);
    if (!st.isDirectory() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o022) !== 0) throw new Error('not a private directory');
    const file = join(dir, name);
    if (!existsSync(file)) {
      const tmp = `${file}.${process.pid}.${threadId}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, file);
    }
    return file;
  } catch {
    const file = join(mkdtempSync(join(tmpdir(), 'jieba-')), name);
    writeFileSync(file, text);
    return file;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const WHITESPACE = /^\s+$/u;
const PUNCT = /^[\p{P}\p{S}\uFFFD]+$/u;
const DIGITS = /^[0-9]+(?:\.[0-9]+)?$/;

/** Segment and POS-tag `text`; offsets are JS string indices into `text`. */
export function segment(text: string): Token[] {
  if (!text) return [];
  ensureLoaded();
  const src = text.replace(LONE_SURROGATE, '\uFFFD');
  const tokens: Token[] = [];
  let pos = 0;
  // a native call: the pool does not terminate the thread inside it (src/pipeline/budget.ts)
  for (const { word, tag } of nativeSection(() => jieba.tag(src))) {
    let start = pos;
    if (!src.startsWith(word, pos)) {
      // Defensive: never observed, but never emit a wrong offset.
      start = src.indexOf(word, pos);
      if (start < 0) continue;
    }
    const end = start + word.length;
    pos = end;
    if (WHITESPACE.test(word)) continue;
    let p = tag;
    if (PUNCT.test(word)) p = 'w';
    else if (DIGITS.test(word)) p = 'm';
    tokens.push({ start, end, pos: p });
  }
  return tokens;
}
