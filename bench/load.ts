/**
 * Load and memory of the running service (issue: production hardening).
 *  1. sustained load: autocannon at a fixed concurrency for --seconds against
 *     POST /v1/extract with a realistic article; requests/s, p50/p95/p99, errors;
 *  2. memory: resident memory of the server after 1,000 requests and after
 *     --requests (default 100,000) requests — it should stay within 10 %;
 *  3. mixed: --batches concurrent /v1/batch/extract streams of --batch-lines
 *     articles each, and meanwhile small /v1/extract requests one after
 *     another: their p50/p95 against the same requests on an idle service
 *     (`--mixed-only` runs just this part).
 * The server runs as a child process (`node --import tsx src/main.ts`) on a
 * loopback port with a temporary data directory.
 *
 *   npm run bench:load [-- --seconds 60 --connections 8 --requests 100000 --engine model --batches 4 --batch-lines 100 --mixed-only]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ROOT } from '../src/paths.js';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
}

const seconds = Number(arg('seconds', '60'));
const connections = Number(arg('connections', '8'));
const requests = Number(arg('requests', '100000'));
const engine = arg('engine', 'model');
const port = 20000 + Math.floor(Math.random() * 20000);

const ARTICLE =
  '2月27日至3月8日，2023湖南服饰博览会在株洲举行。欧微时尚集团股份有限公司董事长李玉龙告诉记者，疫情防控放开后，服饰交易持续上升。' +
  '株洲高新区新马金谷工业园，淳华氢能源科技(湖南)有限公司董事长谢曙正在谋划氢能科技产业园的布局。淳华氢能是2019年招引的湘商回归项目，去年6月投产后，预计今年产值过8000万元。' +
  '中车株洲所日前与株洲市政府签约，达产后年产值将超过100亿元。株洲市发改委主任刘海宾介绍，549个重点项目建档立卡，一季度完成投资227.6亿元，同比增长7.5%左右。';

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

async function waitReady(url: string) {
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the service did not become ready');
}

/** Run autocannon; also collect every response time, for percentiles autocannon does not print (p95). */
function run(opts: autocannon.Options): Promise<autocannon.Result & { times: number[] }> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, res) => (err ? reject(err) : resolve({ ...res, times })));
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  });
}

const SMALL = '株洲市发改委主任刘海宾介绍，预计今年产值过8000万元。';

/** Small requests one after another until `until` resolves (or `n` of them); their latencies in ms. */
async function smallRequests(url: string, opts: { n?: number; until?: Promise<unknown> }): Promise<number[]> {
  const times: number[] = [];
  let done = false;
  void opts.until?.then(() => (done = true));
  while (!done && (opts.n === undefined || times.length < opts.n)) {
    const t0 = performance.now();
    const r = await fetch(`${url}/v1/extract`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: SMALL }) });
    await r.arrayBuffer();
    times.push(performance.now() - t0);
  }
  return times;
}

/** One batch stream of `lines` articles; resolves with the number of result lines. */
async function batchStream(url: string, engine: string, lines: number): Promise<number> {
  const body = Array.from({ length: lines }, (_, i) => JSON.stringify({ id: `b${i}`, text: ARTICLE, published: '2023-03-17' })).join('\n');
  const r = await fetch(`${url}/v1/batch/extract?engine=${engine}`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
  if (!r.ok) throw new Error(`batch: HTTP ${r.status}`);
  return (await r.text()).split('\n').filter(Boolean).length;
}

async function mixed(url: string, engine: string, batches: number, lines: number) {
  await smallRequests(url, { n: 20 }); // warm-up
  const idle = await smallRequests(url, { n: 200 });
  const t0 = performance.now();
  const streams = Promise.all(Array.from({ length: batches }, () => batchStream(url, engine, lines)));
  const busy = await smallRequests(url, { until: streams });
  const results = await streams;
  const secs = (performance.now() - t0) / 1000;
  const total = results.reduce((a, b) => a + b, 0);
  const fmt = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms (n=${xs.length})`;
  console.log(`mixed: ${batches} batch streams × ${lines} articles of ${ARTICLE.length} chars (engine ${engine}) and small ${SMALL.length}-char requests one after another`);
  console.log(`  small requests, idle service:  ${fmt(idle)}`);
  console.log(`  small requests, during batches: ${fmt(busy)}`);
  console.log(`  batches: ${total} articles in ${secs.toFixed(1)} s (${(total / secs).toFixed(1)} articles/s)`);
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'zh-ner-load-'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ENGINE: engine, LOG_LEVEL: 'warn', MAX_QUEUE: '256' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(url);
    await mixed(url, engine, Number(arg('batches', '4')), Number(arg('batch-lines', '100')));
    if (process.argv.includes('--mixed-only')) return;
    const body = JSON.stringify({ text: ARTICLE, published: '2023-03-17' });
    const common = { url: `${url}/v1/extract?engine=${engine}`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body, connections };
    await run({ ...common, amount: 1000 }); // warm-up, and the first memory point
    const rss1k = rssMb(server.pid!);
    const load = await run({ ...common, duration: seconds });
    console.log(`sustained load: ${seconds} s, ${connections} connections, ${ARTICLE.length}-char article, engine ${engine}`);
    console.log(
      `  ${load.requests.average.toFixed(1)} req/s (${Math.round(load.requests.average * ARTICLE.length)} chars/s), ` +
        `latency p50 ${percentile(load.times, 50).toFixed(1)} ms p95 ${percentile(load.times, 95).toFixed(1)} ms p99 ${percentile(load.times, 99).toFixed(1)} ms, ` +
        `errors ${load.errors}, timeouts ${load.timeouts}, non-2xx ${load.non2xx}`,
    );
    const done = 1000 + load.requests.total;
    if (requests > done) await run({ ...common, amount: requests - done });
    const rssEnd = rssMb(server.pid!);
    console.log(`memory: RSS ${rss1k} MB after 1,000 requests, ${rssEnd} MB after ${Math.max(requests, done)} requests (${(((rssEnd - rss1k) / rss1k) * 100).toFixed(1)} %)`);
  } finally {
    server.kill('SIGTERM');
  }
}

await main();
