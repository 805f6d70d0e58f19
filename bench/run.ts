/**
 * Speed and memory of the extraction pipeline, per engine:
 *  - throughput (chars/s, articles/s) over realistic news articles, one stream: the process's first pass
 *    (code still being compiled) and, after as many other articles, warm on articles it has not seen;
 *  - latency p50/p95/p99 for ~3,000-character articles;
 *  - resident memory after the run.
 * Articles: paragraphs of the CCTV news transcripts in ../shared/data/corpus
 * grouped into ~1,500-char articles, plus the seed fixture; a built-in sample
 * when ../shared is absent.
 *
 *   npm run bench [-- --engine model,lexicon] [--articles 200] [--json out.json]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { ROOT } from '../src/paths.js';
import { loadEngines } from '../src/pipeline/recognise/engines/registry.js';
import { loadConfig } from '../src/config.js';
import { extractArticle } from '../src/service/extract.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { ExtractPool } from '../src/service/pool.js';

const SHARED = join(ROOT, '..', 'shared');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const SAMPLE =
  '2月27日至3月8日，2023湖南服饰博览会在株洲举行。欧微时尚集团股份有限公司董事长李玉龙告诉记者，疫情防控放开后，服饰交易持续上升。' +
  '淳华氢能源科技(湖南)有限公司董事长谢曙正在谋划氢能科技产业园的布局，预计今年产值过8000万元。' +
  '中车株洲所日前与株洲市政府签约，达产后年产值将超过100亿元。株洲市发改委主任刘海宾介绍，549个重点项目建档立卡。\n';

function loadArticles(target: number, size: number): string[] {
  const part = join(SHARED, 'data', 'corpus', 'xwlb_chinadata', 'part-012.txt.xz');
  let lines: string[] = [];
  if (existsSync(part)) {
    lines = execFileSync('xz', ['-dc', part], { maxBuffer: 1 << 30 }).toString('utf8').split('\n').filter(Boolean);
  }
  const articles: string[] = [];
  if (lines.length) {
    let cur = '';
    for (const l of lines) {
      cur += l + '\n';
      if (cur.length >= size) {
        articles.push(cur);
        cur = '';
        if (articles.length >= target) break;
      }
    }
  }
  while (articles.length < target) articles.push(SAMPLE.repeat(Math.ceil(size / SAMPLE.length)));
  return articles;
}

const pctl = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** Resident memory after a full garbage collection (the child runs with --expose-gc). */
function rssAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().rss / 2 ** 20);
}

/** Measure one engine in this process (so its resident memory is its own). */
async function measure(name: string, n: number): Promise<Record<string, number> | null> {
  const { engines } = await loadEngines({ ...loadConfig(), ENGINE: name, ORT_THREADS: cpus().length });
  if (!engines.has(name)) return null;
  const pipeline = createPipeline({ engines });
  // the timed articles, then 2n others: n to warm the code on text it has not seen, n timed once warm
  const corpus = loadArticles(3 * n, 1500);
  const articles = corpus.slice(0, n);
  const warming = corpus.slice(n, 2 * n);
  const steady = corpus.slice(2 * n);
  const long = loadArticles(40, 3000);
  const fixture = join(SHARED, 'fixtures', '000_bf1e263cba28f34e.txt');
  if (existsSync(fixture)) articles.push(readFileSync(fixture, 'utf8'));
  const totalChars = articles.reduce((a, t) => a + t.length, 0);
  const extract = (text: string) => extractArticle(pipeline, { text, published: '2023-03-17' }, { engine: name });
  /** One article after another; the seconds the pass took. */
  const pass = async (texts: string[]) => {
    const t0 = performance.now();
    for (const a of texts) await extract(a);
    return (performance.now() - t0) / 1000;
  };
  // warm-up, including the dirty fixture: its first run builds the lazily loaded tables (mojibake character
  // frequencies, OpenCC) — seconds of one-off start-up that would otherwise be counted as throughput
  await pass([...articles.slice(0, 5), ...articles.slice(-1)]);
  const secs = await pass(articles);
  // The pass above is the first the process makes over real text: V8 is still compiling the hot paths (the
  // lexicon engine runs ~25 % faster once warm) and memoised lookups are still filling. A service runs warm, so
  // the steady figure times n articles it has not seen after n others: code warm, caches not built on them.
  await pass(warming);
  const steadyChars = steady.reduce((a, t) => a + t.length, 0);
  const steadySecs = await pass(steady);
  const lat: number[] = [];
  for (const a of long) lat.push((await pass([a])) * 1000);
  const r: Record<string, number> = {
    articles: articles.length,
    chars: totalChars,
    charsPerSec: Math.round(totalChars / secs),
    steadyCharsPerSec: Math.round(steadyChars / steadySecs),
    articlesPerSec: +(articles.length / secs).toFixed(1),
    p50ms: +pctl(lat, 50).toFixed(1),
    p95ms: +pctl(lat, 95).toFixed(1),
    p99ms: +pctl(lat, 99).toFixed(1),
    rssMb: rssAfterGc(),
  };
  // the service's way: a pool of worker threads fed concurrently — one worker whose ONNX Runtime
  // uses every core (the default), and one worker per core with one ONNX thread each
  for (const size of [1, cpus().length]) {
    const pool = new ExtractPool({ size, deadlineMs: 60_000, env: { ORT_THREADS: String(Math.max(1, Math.floor(cpus().length / size))) } });
    await pool.ready();
    // warm, as above: every worker compiles its own code and sees only its share, so the pool first runs the n
    // warming articles four times (a worker reaches the one-stream warm speed after ~400 articles)
    for (let k = 0; k < 4; k++) await Promise.all(warming.map((a) => pool.extract({ text: a, published: '2023-03-17' }, { engine: name })));
    const t0 = performance.now();
    await Promise.all(articles.map((a) => pool.extract({ text: a, published: '2023-03-17' }, { engine: name })));
    const poolSecs = (performance.now() - t0) / 1000;
    await pool.close();
    r[`pool${size}CharsPerSec`] = Math.round(totalChars / poolSecs);
    r[`pool${size}ArticlesPerSec`] = +(articles.length / poolSecs).toFixed(1);
  }
  return r;
}

async function main() {
  const child = process.argv.indexOf('--child');
  if (child >= 0) {
    const r = await measure(process.argv[child + 1], Number(arg('articles') ?? 200));
    process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
    return;
  }
  const wanted = (arg('engine') ?? 'model,lexicon').split(',');
  const n = arg('articles') ?? '200';
  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model}), node ${process.version}`);
  const results: Record<string, unknown> = {};
  for (const name of wanted) {
    const out = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/run.ts', '--child', name, '--articles', n], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } });
    const line = out.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    const r = line ? (JSON.parse(line.slice(7)) as Record<string, number> | null) : null;
    if (!r) {
      console.log(`SKIP engine ${name}: not loaded ${out.stderr.slice(-500)}`);
      continue;
    }
    results[name] = r;
    const k = cpus().length;
    console.log(
      `engine ${name.padEnd(8)} one stream: ${r.charsPerSec} chars/s (first pass), ${r.steadyCharsPerSec} chars/s warm, ${r.articlesPerSec} articles/s (${r.articles} articles, ${r.chars} chars); ` +
        `3k-char article latency p50 ${r.p50ms} ms, p95 ${r.p95ms} ms, p99 ${r.p99ms} ms; RSS ${r.rssMb} MB\n` +
        `                worker pool: 1 worker × ${k} ONNX threads ${r.pool1CharsPerSec} chars/s (${r.pool1ArticlesPerSec} articles/s); ` +
        `${k} workers × 1 thread ${r[`pool${k}CharsPerSec`]} chars/s (${r[`pool${k}ArticlesPerSec`]} articles/s)`,
    );
  }
  const out = arg('json');
  if (out) writeFileSync(out, JSON.stringify(results, null, 2));
}

await main();
