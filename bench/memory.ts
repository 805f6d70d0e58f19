/**
 * Resident memory of the service as deployed by default (`src/main.ts`, EXTRACT_WORKERS = one per core,
 * the model engine): at rest, then after the worst inputs of bench/pathological.ts and the issue's crash
 * articles sent to /v1/extract (several stopped by the deadline), then at rest again. Also checks that the
 * process answers /healthz throughout.
 *
 *   npx tsx bench/memory.ts            (REQUEST_DEADLINE_MS=… to change the deadline; default the service's;
 *                                       MALLOC_ARENA_MAX=… to change glibc's arenas, default 2 as `npm start` sets)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';

const PORT = 18000 + Math.floor(Math.random() * 1000);
const dir = mkdtempSync(join(tmpdir(), 'memory-bench-'));
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  // MALLOC_ARENA_MAX as `npm start` and the Docker image set it (fewer glibc malloc arenas for the worker threads)
  env: { MALLOC_ARENA_MAX: '2', ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
let exited: number | null = null;
child.on('exit', (code, signal) => (exited = code ?? (signal ? 128 : -1)));

const rssMb = () => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};
const url = (p: string) => `http://127.0.0.1:${PORT}${p}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ready() {
  for (let i = 0; i < 600; i++) {
    if (exited !== null) throw new Error(`the service exited (${exited})`);
    const ok = await fetch(url('/readyz')).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(200);
  }
  throw new Error('the service did not become ready');
}

const S = '株洲市发改委主任刘海宾介绍，去年6月投产后，预计今年产值过8000万元，同比增长22.8%。';
const CASES: [string, Record<string, string>][] = [
  ["the issue's crash article (19,500 × one sentence, 897,000 chars)", { text: S.repeat(19_500) }],
  ['20,000 tiny paragraphs (株洲。)', { text: '株洲。\n'.repeat(20_000) }],
  ['a million repeated characters (株 × 1,000,000)', { text: '株'.repeat(1_000_000) }],
  ['one 560,000-character line of names, no sentence end', { text: ('株洲市发改委主任刘海宾介绍' + '，').repeat(40_000) }],
  ['500,000 latin letters', { text: 'a'.repeat(500_000) }],
  ['200,000 digits before 万元', { text: '1'.repeat(200_000) + '万元' }],
  ['100,000 numbers with units', { text: '3.5亿美元、22.8%、549个，'.repeat(8_000) }],
  ['HTML nested 10,000 deep', { html: '<div>'.repeat(10_000) + '株洲市发改委主任刘海宾' + '</div>'.repeat(10_000) }],
  ['HTML with 100,000 unclosed <b>', { html: '<b>'.repeat(100_000) + '株洲市发改委主任刘海宾' }],
  ['HTML with 50,000 entities', { html: '<p>' + '&amp;株'.repeat(50_000) + '</p>' }],
  ['UTF-8 bytes read as Latin-1 (294,000 characters)', { text: Buffer.from('株洲市发改委主任刘海宾介绍，'.repeat(7_000), 'utf8').toString('latin1') }],
];

try {
  await ready();
  await sleep(2000);
  const rest = rssMb();
  console.log(`cores ${cpus().length}; at rest: ${rest} MB`);
  let peak = rest;
  for (const [label, body] of CASES) {
    const t0 = performance.now();
    const res = await fetch(url('/v1/extract'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const j = (await res.json()) as { error?: { code: string } };
    const health = await fetch(url('/healthz')).then((r) => r.status, () => 'DOWN');
    const ok = await fetch(url('/v1/extract'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: S }) }).then((r) => r.status, () => 'DOWN');
    const rss = rssMb();
    peak = Math.max(peak, rss);
    console.log(`  ${label.padEnd(64)} ${res.status} ${(j.error?.code ?? '').padEnd(30)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s  healthz ${health}, ordinary ${ok}  rss ${rss} MB`);
  }
  await sleep(3000);
  console.log(`after the pathological inputs: ${rssMb()} MB (peak seen ${peak} MB); the service ${exited === null ? 'is up' : `exited (${exited})`}`);
} finally {
  child.kill('SIGTERM');
  await sleep(500);
  rmSync(dir, { recursive: true, force: true });
}
