/**
 * The command line: `zh-news-ner <command> [options] INPUT`
 *
 *   ingest FILE|DIR|-   extract and store every article (a running service with --server, else locally)
 *   extract FILE|DIR|-  extract only; results as JSON Lines on stdout, in input order
 *   export              entities or mentions of the store as JSON Lines (or CSV from a server)
 *
 * Inputs: JSON Lines (the fields of POST /v1/articles per line), plain-text
 * or HTML files (one article per file, the relative path as its id), a
 * directory tree of both, or `-` for JSON Lines on stdin. Progress on stderr
 * (a bar on a terminal, a line every few seconds otherwise); `ingest` resumes
 * after Ctrl-C from `<INPUT>.progress`; a summary at the end.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { cpus } from 'node:os';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { countInput, readInput, type InputItem } from './input.js';
import { Progress, formatDuration } from './progress.js';
import { ResumeState } from './state.js';
import { orderedMap } from '../service/ndjson.js';
import { retryAfterMs } from './retry.js';
import type { ArticleInput } from '../contract/schemas.js';

const HELP = `zh-news-ner — Chinese news entity extraction

Usage:
  zh-news-ner ingest  FILE|DIR|-  [--server URL] [--engine model|lexicon] [--source NAME]
                                  [--concurrency N] [--state FILE | --no-resume] [--restart] [--json]
  zh-news-ner extract FILE|DIR|-  [--server URL] [--engine ...] [--concurrency N] [-o OUT]
  zh-news-ner export  [--server URL] [--what entities|mentions] [--format jsonl|csv] [--type T] [--source S] [-o OUT]

Inputs: JSON Lines (.jsonl/.ndjson/.json: one article per line, the fields of POST /v1/articles),
plain-text (.txt/.md) or HTML (.html) files (one article per file, its relative path as id),
a directory tree of these, or - (JSON Lines on stdin).

  --server URL       a running service (also ZH_NER_SERVER); without it the work is done in this process,
                     with the store of DATABASE_URL / DATA_DIR (--data-dir) and --workers extraction threads
  --api-key KEY      sent as a Bearer token (also ZH_NER_API_KEY)
  --state FILE       resume file (default INPUT.progress): items done are skipped on the next run
  --no-resume        neither read nor write a resume file;  --restart: forget it and start over
  --progress-interval MS   plain progress lines when stderr is not a terminal (default 5000)
  --json             print the summary as JSON on stdout
`;

class ItemError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly transient = false,
  ) {
    super(message);
  }
}

interface Backend {
  ingest(value: unknown): Promise<'created' | 'updated'>;
  extract(value: unknown): Promise<unknown>;
  close(): Promise<void>;
}

function remoteBackend(server: string, opts: { engine?: string; source?: string; apiKey?: string }): Backend {
  const base = server.replace(/\/+$/, '');
  const qs = opts.engine ? `?engine=${encodeURIComponent(opts.engine)}` : '';
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}) };
  async function post(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
    for (let attempt = 1; ; attempt++) {
      let status: number;
      let json: unknown;
      let retryAfter: string | null = null;
      try {
        const res = await fetch(`${base}${path}${qs}`, { method: 'POST', headers, body: JSON.stringify(body) });
        status = res.status;
        retryAfter = res.headers.get('retry-after');
        json = await res.json().catch(() => null);
      } catch (e) {
        if (attempt >= 5) throw new ItemError('unreachable', `${base}: ${(e as Error).message}`, true);
        await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
        continue;
      }
      if ((status === 503 || status === 429 || status >= 500) && attempt < 5) {
        // the server says when to come back (Retry-After: seconds or an HTTP date); else back off
        await new Promise((r) => setTimeout(r, retryAfterMs(retryAfter) ?? 200 * 2 ** attempt));
        continue;
      }
      if (status >= 400) {
        const e = (json as { error?: { code?: string; message?: string } } | null)?.error;
        throw new ItemError(e?.code ?? `http_${status}`, e?.message ?? `HTTP ${status}`, status >= 500 || status === 429);
      }
      return { status, json };
    }
  }
  const withSource = (v: unknown) =>
    opts.source && v && typeof v === 'object' && !Array.isArray(v) && !('source' in v) ? { ...(v as object), source: opts.source } : v;
  return {
    async ingest(value) {
      const r = await post('/v1/articles', withSource(value));
      return r.status === 201 ? 'created' : 'updated';
    },
    async extract(value) {
      if (value && typeof value === 'object' && 'source' in value) {
        const { source: _s, ...rest } = value as Record<string, unknown>;
        value = rest;
      }
      return (await post('/v1/extract', value)).json;
    },
    async close() {},
  };
}

async function localBackend(opts: { engine?: string; source?: string; workers: number; dataDir?: string }): Promise<Backend> {
  const { loadConfig } = await import('../config.js');
  const config = loadConfig({ ...process.env, ...(opts.dataDir ? { DATA_DIR: opts.dataDir } : {}), LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const { bootstrap } = await import('../bootstrap.js');
  const { toEntry } = await import('../jobs/processor.js');
  const { ServiceError } = await import('../contract/errors.js');
  const { StoreError } = await import('../store/repository.js');
  // the same start-up as the server's: extraction threads, the store and the editors' dictionary from it
  const runtime = await bootstrap(config, 'cli', { workers: opts.workers });
  const { extractor } = runtime;
  await extractor.ready();
  const engine = opts.engine ?? extractor.defaultEngine;
  const prepare = (value: unknown) => {
    const e = toEntry({ extractor }, 0, value, engine);
    if ('error' in e) throw new ItemError(e.error.code, e.error.message);
    return e;
  };
  const run = async (article: ArticleInput) => {
    try {
      return await extractor.extract({ input: article, engine, boilerplate: false, tokens: false });
    } catch (e) {
      if (e instanceof ServiceError) throw new ItemError(e.code, e.message);
      throw e;
    }
  };
  return {
    async ingest(value) {
      const e = prepare(value);
      const result = await run(e.article);
      try {
        const r = await runtime.store!.ingest({ callerId: e.article.id ?? null, url: e.article.url ?? null, source: e.source ?? opts.source ?? null }, result);
        return r.status;
      } catch (err) {
        if (err instanceof StoreError) throw new ItemError(err.code, err.message);
        throw err;
      }
    },
    async extract(value) {
      return run(prepare(value).article);
    },
    async close() {
      await runtime.close();
    },
  };
}

type Opts = Record<string, string | boolean | undefined>;

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      server: { type: 'string' },
      'api-key': { type: 'string' },
      engine: { type: 'string' },
      source: { type: 'string' },
      concurrency: { type: 'string' },
      workers: { type: 'string' },
      'data-dir': { type: 'string' },
      state: { type: 'string' },
      'no-resume': { type: 'boolean' },
      restart: { type: 'boolean' },
      'progress-interval': { type: 'string' },
      json: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      what: { type: 'string' },
      format: { type: 'string' },
      type: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function backendFor(o: Opts): Promise<Backend> {
  const server = (o.server as string | undefined) ?? process.env.ZH_NER_SERVER;
  if (server) return remoteBackend(server, { engine: o.engine as string, source: o.source as string, apiKey: (o['api-key'] as string) ?? process.env.ZH_NER_API_KEY });
  const workers = o.workers !== undefined ? Number(o.workers) : cpus().length;
  return localBackend({ engine: o.engine as string, source: o.source as string, workers, dataDir: o['data-dir'] as string });
}

function defaultConcurrency(o: Opts): number {
  if (o.concurrency) return Math.max(1, Number(o.concurrency));
  return o.server || process.env.ZH_NER_SERVER ? 8 : Math.max(2, 2 * (o.workers !== undefined ? Number(o.workers) : cpus().length));
}

interface Summary {
  command: string;
  input: string;
  total: number;
  created: number;
  updated: number;
  failed: number;
  skipped: number;
  interrupted: boolean;
  seconds: number;
  rate: number;
  failures: { key: string; code: string; message: string }[];
  state_file: string | null;
}

async function ingest(input: string, o: Opts): Promise<Summary> {
  const stateFile = o['no-resume'] || input === '-' ? null : ((o.state as string) ?? `${input.replace(/\/+$/, '')}.progress`);
  const state = new ResumeState(stateFile, Boolean(o.restart));
  const total = await countInput(input);
  const backend = await backendFor(o);
  const progress = new Progress({ total, label: 'ingest', intervalMs: o['progress-interval'] ? Number(o['progress-interval']) : undefined });
  const concurrency = defaultConcurrency(o);
  let created = 0;
  let updated = 0;
  const failures: Summary['failures'] = [];
  let stopping = false;
  const onSignal = () => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write('\ninterrupted: finishing the articles in flight (Ctrl-C again to quit at once)\n');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const inflight = new Set<Promise<void>>();
  const fail = (key: string, e: unknown) => {
    progress.failed++;
    const err = e instanceof ItemError ? e : new ItemError('internal', (e as Error)?.message ?? String(e));
    failures.push({ key, code: err.code, message: err.message });
  };
  try {
    for await (const item of readInput(input) as AsyncIterable<InputItem>) {
      if (stopping) break;
      if (state.has(item.key)) {
        progress.skipped++;
        continue;
      }
      if ('error' in item) {
        fail(item.key, new ItemError(item.error.code, item.error.message));
        continue;
      }
      while (inflight.size >= concurrency) await Promise.race(inflight);
      if (stopping) break;
      const p = backend
        .ingest(item.value)
        .then(
          (status) => {
            if (status === 'created') created++;
            else updated++;
            progress.done++;
            state.add(item.key);
          },
          (e) => fail(item.key, e),
        )
        .finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await backend.close();
  }
  const finished = !stopping && failures.length === 0;
  state.close(finished);
  return {
    command: 'ingest',
    input,
    total: total ?? progress.done + progress.failed + progress.skipped,
    created,
    updated,
    failed: failures.length,
    skipped: progress.skipped,
    interrupted: stopping,
    seconds: Math.round(progress.elapsed * 100) / 100,
    rate: Math.round(progress.rate * 10) / 10,
    failures,
    state_file: finished ? null : stateFile,
  };
}

async function extract(input: string, o: Opts): Promise<Summary> {
  const total = await countInput(input);
  const backend = await backendFor(o);
  const progress = new Progress({ total, label: 'extract', intervalMs: o['progress-interval'] ? Number(o['progress-interval']) : undefined });
  const out = o.output ? createWriteStream(o.output as string) : process.stdout;
  const failures: Summary['failures'] = [];
  let stopping = false;
  const onSignal = () => (stopping ? process.exit(130) : (stopping = true));
  process.on('SIGINT', onSignal);
  async function* items() {
    for await (const item of readInput(input)) {
      if (stopping) return;
      yield item;
    }
  }
  try {
    const results = orderedMap(items(), defaultConcurrency(o), async (item: InputItem) => {
      try {
        if ('error' in item) throw new ItemError(item.error.code, item.error.message);
        const r = await backend.extract(item.value);
        progress.done++;
        return r;
      } catch (e) {
        progress.failed++;
        const err = e instanceof ItemError ? e : new ItemError('internal', (e as Error)?.message ?? String(e));
        failures.push({ key: item.key, code: err.code, message: err.message });
        return { key: item.key, error: { code: err.code, message: err.message } };
      }
    });
    for await (const r of results) {
      if (!out.write(JSON.stringify(r) + '\n')) await new Promise((res) => out.once('drain', res));
    }
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    await backend.close();
    if (out !== process.stdout) await new Promise<void>((res) => (out as import('node:fs').WriteStream).end(() => res()));
  }
  return {
    command: 'extract',
    input,
    total: total ?? progress.done + progress.failed,
    created: 0,
    updated: 0,
    failed: failures.length,
    skipped: 0,
    interrupted: stopping,
    seconds: Math.round(progress.elapsed * 100) / 100,
    rate: Math.round(progress.rate * 10) / 10,
    failures,
    state_file: null,
  };
}

async function exportCmd(o: Opts): Promise<void> {
  const what = (o.what as string) ?? 'entities';
  const format = (o.format as string) ?? 'jsonl';
  if (!['entities', 'mentions'].includes(what) || !['jsonl', 'csv'].includes(format)) throw new Error('--what entities|mentions, --format jsonl|csv');
  const out = o.output ? createWriteStream(o.output as string) : process.stdout;
  const filter: Record<string, string> = {};
  if (o.type) filter.type = o.type as string;
  if (o.source) filter.source = o.source as string;
  const server = (o.server as string | undefined) ?? process.env.ZH_NER_SERVER;
  if (server) {
    const key = (o['api-key'] as string) ?? process.env.ZH_NER_API_KEY;
    const res = await fetch(`${server.replace(/\/+$/, '')}/v1/export/${what}.${format}?${new URLSearchParams(filter)}`, {
      headers: key ? { authorization: `Bearer ${key}` } : {},
    });
    if (!res.ok || !res.body) throw new Error(`export failed: HTTP ${res.status} ${await res.text()}`);
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), out, { end: out !== process.stdout });
    return;
  }
  if (format === 'csv') throw new Error('CSV exports come from a running service (--server); locally, use --format jsonl');
  const { loadConfig } = await import('../config.js');
  const { openStore } = await import('../store/open.js');
  const store = await openStore(loadConfig({ ...process.env, ...(o['data-dir'] ? { DATA_DIR: o['data-dir'] as string } : {}) }));
  try {
    const f = { ...(o.type ? { types: (o.type as string).split(',') } : {}), ...(o.source ? { source: o.source as string } : {}) };
    const rows = what === 'entities' ? store.exportEntities(f) : store.exportMentions(f);
    for await (const r of rows as AsyncIterable<unknown>) {
      if (!out.write(JSON.stringify(r) + '\n')) await new Promise((res) => out.once('drain', res));
    }
  } finally {
    await store.close();
    if (out !== process.stdout) await new Promise<void>((res) => (out as import('node:fs').WriteStream).end(() => res()));
  }
}

function printSummary(s: Summary, json: boolean) {
  if (json) process.stdout.write(JSON.stringify(s) + '\n');
  const parts = [
    s.command === 'ingest' ? `${s.created + s.updated} stored (${s.created} new, ${s.updated} updated)` : `${s.total - s.failed - s.skipped} extracted`,
    `${s.failed} failed`,
    ...(s.skipped ? [`${s.skipped} skipped (done in an earlier run)`] : []),
  ];
  const lines = [`${s.interrupted ? 'interrupted' : 'done'}: ${parts.join(', ')} in ${formatDuration(s.seconds)} (${s.rate}/s)`];
  for (const f of s.failures.slice(0, 20)) lines.push(`  ${f.key}: ${f.code}: ${f.message}`);
  if (s.failures.length > 20) lines.push(`  … and ${s.failures.length - 20} more`);
  if (s.state_file) lines.push(`run the same command again to resume (state: ${s.state_file})`);
  process.stderr.write(lines.join('\n') + '\n');
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parse(rest);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const o = parsed.values as Opts;
  if (o.help) {
    process.stdout.write(HELP);
    return 0;
  }
  try {
    if (command === 'export') {
      await exportCmd(o);
      return 0;
    }
    if (command !== 'ingest' && command !== 'extract') {
      process.stderr.write(`unknown command "${command}"\n\n${HELP}`);
      return 2;
    }
    const input = parsed.positionals[0];
    if (!input) {
      process.stderr.write(`${command}: give a FILE, a DIR or - (stdin)\n`);
      return 2;
    }
    const summary = command === 'ingest' ? await ingest(input, o) : await extract(input, o);
    printSummary(summary, Boolean(o.json) && command === 'ingest');
    return summary.interrupted ? 130 : summary.failed ? 1 : 0;
  } catch (e) {
    process.stderr.write(`${command}: ${(e as Error).message}\n`);
    return 1;
  }
}

const isMain = Boolean(process.argv[1]) && fileURLToPath(import.meta.url) === resolve(process.argv[1]!);
if (isMain || process.env.ZH_NER_CLI_MAIN === '1') {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`${(e as Error).stack ?? e}\n`);
      process.exit(1);
    },
  );
}
