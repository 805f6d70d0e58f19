/**
 * The CLI as a user runs it (a child process through bin/zh-news-ner.js):
 * against a temporary service on a random port (ingest with a bad line,
 * Ctrl-C then resume, extract, export), and locally without a server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../../src/server/app.js';
import { openSqlite } from '../../src/store/sqlite/index.js';
import { ROOT } from '../../src/paths.js';
import { Progress, formatDuration } from '../../src/cli/progress.js';
import type { Repository } from '../../src/store/repository.js';
import { articles, services, waitFor } from '../jobs/helpers.js';
import iconv from 'iconv-lite';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], opts: { env?: Record<string, string>; onStart?: (kill: (s: NodeJS.Signals) => void) => void } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'zh-news-ner.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ENGINE: 'lexicon', MODEL_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    opts.onStart?.((s) => child.kill(s));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
let store: Repository;
let server: ServerType;
let base: string;
let delayMs = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
  store = openSqlite(join(dir, 'server-store.db'));
  const app = createApp({ ...services, store });
  // a slow service, when asked, so that Ctrl-C lands mid-run
  server = serve({ port: 0, hostname: '127.0.0.1', fetch: async (req: Request) => (delayMs && (await new Promise((r) => setTimeout(r, delayMs))), app.fetch(req)) });
  await new Promise<void>((r) => server.once('listening', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const jsonl = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

describe('CLI against a running service', () => {
  it('ingests JSON Lines with a bad line, prints a summary, keeps a resume file only while something is left', async () => {
    const file = join(dir, 'batch.jsonl');
    const rows: unknown[] = articles(8).map((a) => ({ ...a, id: `cli-${a.id}` }));
    rows.splice(2, 0, '{"text": "not closed', { text: '' });
    writeFileSync(file, jsonl(rows));
    const r = await cli(['ingest', file, '--server', base, '--json', '--concurrency', '3', '--progress-interval', '100']);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(s).toMatchObject({ total: 10, created: 8, updated: 0, failed: 2, skipped: 0, interrupted: false });
    expect(s.failures.map((f: { key: string; code: string }) => [f.key, f.code])).toEqual(
      expect.arrayContaining([
        ['3', 'malformed_json'],
        ['4', 'invalid_request'],
      ]),
    );
    expect(r.stderr).toMatch(/ingest: \d+\/10 [\d.]+\/s ETA/); // plain progress lines (stderr is not a TTY)
    expect(r.stderr).toContain('done: 8 stored (8 new, 0 updated), 2 failed');
    expect(existsSync(`${file}.progress`)).toBe(true); // failures left: the next run retries only them
    // fix the bad lines and run again: only they are sent
    rows[2] = { id: 'cli-fixed-1', text: '湘潭市市长在长沙会见谢曙。' };
    rows[3] = { id: 'cli-fixed-2', text: '岳阳市委书记刘海宾出席会议。' };
    writeFileSync(file, jsonl(rows));
    const again = await cli(['ingest', file, '--server', base, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout.trim())).toMatchObject({ created: 2, failed: 0, skipped: 8 });
    expect(existsSync(`${file}.progress`)).toBe(false);
    expect(await store.countArticles()).toBe(10);
  });

  it('stops cleanly on Ctrl-C and resumes where it stopped: every article stored once', async () => {
    const file = join(dir, 'resume.jsonl');
    writeFileSync(file, jsonl(articles(40).map((a) => ({ ...a, id: `res-${a.id}`, text: `${a.text}（续）` }))));
    const before = await store.countArticles();
    delayMs = 60;
    const first = await cli(['ingest', file, '--server', base, '--json', '--concurrency', '2'], {
      onStart: (kill) =>
        void waitFor(async () => existsSync(`${file}.progress`) && readFileSync(`${file}.progress`, 'utf8').split('\n').length > 6, 20_000, 'progress').then(() =>
          kill('SIGINT'),
        ),
    });
    delayMs = 0;
    expect(first.code).toBe(130);
    const s1 = JSON.parse(first.stdout.trim());
    expect(s1.interrupted).toBe(true);
    expect(s1.created, JSON.stringify(s1) + first.stderr).toBeGreaterThan(4);
    expect(s1.created).toBeLessThan(40);
    expect(readFileSync(`${file}.progress`, 'utf8').trim().split('\n')).toHaveLength(s1.created);
    const second = await cli(['ingest', file, '--server', base, '--json']);
    expect(second.code).toBe(0);
    const s2 = JSON.parse(second.stdout.trim());
    expect(s2).toMatchObject({ skipped: s1.created, created: 40 - s1.created, updated: 0, failed: 0 });
    expect((await store.countArticles()) - before).toBe(40);
  });

  it('extracts to JSON Lines in input order, and exports the store', async () => {
    const file = join(dir, 'extract.jsonl');
    writeFileSync(file, jsonl(articles(5).map((a) => ({ ...a, id: `ex-${a.id}` }))));
    const r = await cli(['extract', file, '--server', base, '--concurrency', '3']);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['ex-art-1', 'ex-art-2', 'ex-art-3', 'ex-art-4', 'ex-art-5']);
    expect(out[0].entities.length).toBeGreaterThan(0);
    const e = await cli(['export', '--server', base, '--what', 'entities', '--format', 'csv']);
    expect(e.code).toBe(0);
    expect(e.stdout.split('\n')[0]).toContain('name');
    expect(e.stdout).toContain('刘海宾');
  });
});

describe('CLI without a server', () => {
  it('ingests a directory tree (text files and JSON Lines) into the local store, then exports it', async () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    writeFileSync(join(tree, 'a.txt'), '株洲市发改委主任刘海宾介绍，今年产值过8000万元。');
    writeFileSync(join(tree, 'sub', 'b.txt'), '谢曙在长沙会见李玉龙。');
    writeFileSync(join(tree, 'sub', 'c.jsonl'), jsonl(articles(3)));
    writeFileSync(join(tree, 'notes.bin'), 'ignored');
    const dataDir = join(dir, 'local-data');
    const r = await cli(['ingest', tree, '--workers', '0', '--data-dir', dataDir, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ total: 5, created: 5, failed: 0 });
    const local = openSqlite(join(dataDir, 'store.db'));
    expect(await local.countArticles()).toBe(5);
    await local.close();
    const e = await cli(['export', '--data-dir', dataDir, '--what', 'entities']);
    expect(e.code).toBe(0);
    const names = e.stdout.trim().split('\n').map((l) => JSON.parse(l).name);
    expect(names).toEqual(expect.arrayContaining(['刘海宾', '谢曙']));
  });

  it("extracts locally with the editors' dictionary of the local store (as the server does)", async () => {
    const dataDir = join(dir, 'dict-data');
    mkdirSync(dataDir, { recursive: true });
    const local = openSqlite(join(dataDir, 'store.db'));
    await local.putDictionary([{ name: '蓝海星辰', type: 'COMPANY', action: 'add', editor: 'test' }]);
    await local.close();
    const file = join(dir, 'dict.jsonl');
    writeFileSync(file, jsonl([{ text: '蓝海星辰今年推出三款新品。', published: '2023-03-17' }]));
    for (const workers of ['0', '1']) {
      const r = await cli(['extract', file, '--workers', workers, '--data-dir', dataDir]);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout.trim());
      expect(out.mentions.map((m: { type: string; text: string }) => `${m.type}:${m.text}`)).toContain('COMPANY:蓝海星辰');
    }
  });

  it('reads GBK and Big5 files, and counts an undecodable file as a failure, not as an extraction', async () => {
    const tree = join(dir, 'encodings');
    mkdirSync(tree, { recursive: true });
    writeFileSync(join(tree, 'gbk.txt'), iconv.encode('株洲市发改委主任刘海宾介绍，今年产值过8000万元。', 'gbk'));
    writeFileSync(join(tree, 'big5.txt'), iconv.encode('台北市長蔣萬安昨天表示，預算增加五億元。', 'big5'));
    writeFileSync(join(tree, 'broken.txt'), Buffer.from('\uFFFD'.repeat(50), 'utf8'));
    const r = await cli(['ingest', tree, '--workers', '0', '--data-dir', join(dir, 'enc-data'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ total: 3, created: 2, failed: 1 });
    const e = await cli(['extract', join(tree, 'gbk.txt'), '--workers', '0', '--data-dir', join(dir, 'enc-data')]);
    expect(e.code, e.stderr).toBe(0);
    expect(JSON.parse(e.stdout.trim()).mentions.map((m: { text: string }) => m.text)).toContain('刘海宾');
  });

  it('explains its usage', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage:');
  });
});

describe('progress', () => {
  it('prints a bar on a terminal and plain lines otherwise', () => {
    const out: string[] = [];
    const stream = { write: (s: string) => out.push(s), columns: 100 } as unknown as NodeJS.WritableStream;
    const p = new Progress({ total: 10, label: 'ingest', tty: true, stream });
    p.done = 5;
    expect(p.line()).toMatch(/^ingest \[#+-+\] 5\/10 [\d.]+\/s ETA \S+ elapsed/);
    p.stop();
    expect(out.join('')).toContain('\r');
    const q = new Progress({ total: null, label: 'ingest', tty: false, stream });
    q.done = 3;
    expect(q.line()).toMatch(/^ingest: 3 [\d.]+\/s ETA \?/);
    q.stop();
    expect(formatDuration(3725)).toBe('1h02m');
    expect(formatDuration(65)).toBe('1m05s');
  });
});
