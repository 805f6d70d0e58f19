/**
 * What the CLI reads: JSON Lines (one article per line: the fields of
 * POST /v1/articles), plain-text or HTML files (one article per file), a
 * directory tree of both, or stdin (`-`, JSON Lines). Every item has a stable
 * key (`3` for line 3 of a file, `dir/a.txt` or `dir/b.jsonl:3` in a tree),
 * used to resume after an interruption. Text and HTML files may be in any
 * encoding (GBK, Big5, UTF-16 …: decode.ts).
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { basename, extname, join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import { decodeFile, UndecodableFile } from './decode.js';

export type InputItem = { key: string; value: unknown } | { key: string; error: { code: string; message: string } };

const JSONL = new Set(['.jsonl', '.ndjson', '.json']);
const TEXT = new Set(['.txt', '.text', '.md']);
const HTML = new Set(['.html', '.htm']);

export const isJsonl = (p: string) => JSONL.has(extname(p).toLowerCase());
const isArticleFile = (p: string) => JSONL.has(extname(p).toLowerCase()) || TEXT.has(extname(p).toLowerCase()) || HTML.has(extname(p).toLowerCase());

async function* lines(stream: Readable, prefix: string): AsyncGenerator<InputItem> {
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    const key = `${prefix}${n}`;
    try {
      yield { key, value: JSON.parse(line) };
    } catch (e) {
      yield { key, error: { code: 'malformed_json', message: (e as Error).message } };
    }
  }
}

/** Files of a tree, sorted, hidden files and the CLI's own state files skipped. */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.endsWith('.progress')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && isArticleFile(p)) out.push(p);
  }
  return out;
}

/** A text or HTML file as an article, decoded from whatever encoding it was saved in (see decode.ts). */
async function fileItem(path: string, key: string): Promise<InputItem> {
  const html = HTML.has(extname(path).toLowerCase());
  try {
    const { text } = decodeFile(await readFile(path), { html });
    return { key, value: html ? { id: key, html: text } : { id: key, text } };
  } catch (e) {
    if (e instanceof UndecodableFile) return { key, error: { code: e.code, message: e.message } };
    throw e;
  }
}

/** The items of an input: `-` (stdin, JSON Lines), a file, or a directory tree. */
export async function* readInput(input: string): AsyncGenerator<InputItem> {
  if (input === '-') {
    yield* lines(process.stdin, '');
    return;
  }
  const s = await stat(input);
  if (s.isDirectory()) {
    for (const file of await walk(input)) {
      const rel = relative(input, file).split('\\').join('/');
      if (isJsonl(file)) yield* lines(createReadStream(file), `${rel}:`);
      else yield await fileItem(file, rel);
    }
  } else if (isJsonl(input)) {
    yield* lines(createReadStream(input), '');
  } else {
    yield await fileItem(input, basename(input));
  }
}

/** How many items an input holds (a quick pass: non-blank lines and article files); null for stdin. */
export async function countInput(input: string): Promise<number | null> {
  if (input === '-') return null;
  const countLines = async (file: string) => {
    let n = 0;
    const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const line of rl) if (line.trim()) n++;
    return n;
  };
  const s = await stat(input);
  if (!s.isDirectory()) return isJsonl(input) ? countLines(input) : 1;
  let n = 0;
  for (const f of await walk(input)) n += isJsonl(f) ? await countLines(f) : 1;
  return n;
}
