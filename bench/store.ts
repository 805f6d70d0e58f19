/**
 * Store benchmark: ingest rate and query latency for both stores on a
 * synthetic collection of news articles.
 *
 *   npm run bench:store [-- --articles 100000 --stores sqlite,postgres --concurrency 8]
 *
 * Needs ../shared/data/ner (the NER corpora); exits cleanly without it.
 * The articles are built from the corpora's sentences (MSRA, People's Daily
 * 1998, CLUENER2020): 3–6 paragraphs of 1–4 random sentences each, a random
 * publication date in 2019–2023 and one of 8 sources. Their extraction
 * results are built directly from the gold entity annotations (the NER
 * pipeline is not run 100,000 times): mentions at the annotated offsets,
 * entities grouped by type and name. Ingest goes through the repository's
 * write path (`ingest`, one transaction per article); query latencies are
 * measured through the repository too (no HTTP).
 *
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/test, in a schema `bench_store` that is
 * dropped first. SQLite: a fresh file under the OS temp folder.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openSqlite } from '../src/store/sqlite/index.js';
import { openPostgres } from '../src/store/postgres/index.js';
import type { Repository } from '../src/store/repository.js';
import type { ExtractResponse } from '../src/contract/schemas.js';
import { ROOT } from '../src/paths.js';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    stores: { type: 'string', default: 'sqlite,postgres' },
    concurrency: { type: 'string', default: '8' },
    queries: { type: 'string', default: '300' },
    seed: { type: 'string', default: '42' },
    /** PostgreSQL only: keep the collection of the previous run (schema bench_store) and time the queries again */
    'skip-ingest': { type: 'boolean', default: false },
  },
});
const N = Number(args.articles);
const QUERIES = Number(args.queries);
const CONCURRENCY = Number(args.concurrency);
const SKIP_INGEST = args['skip-ingest'] === true;

const NER = resolve(ROOT, '../shared/data/ner');
if (!existsSync(NER)) {
  console.log(`bench:store needs the NER corpora at ${NER} (../shared/data/ner); not found, nothing to do.`);
  process.exit(0);
}

// ---------------------------------------------------------------- corpus

const TYPE_MAP: Record<string, string> = {
  nr: 'PERSON', PER: 'PERSON', name: 'PERSON',
  ns: 'LOCATION', LOC: 'LOCATION', address: 'LOCATION',
  nt: 'ORG', ORG: 'ORG', organization: 'ORG', government: 'ORG',
  company: 'COMPANY',
  t: 'DATE',
};

interface Sentence {
  text: string;
  ents: { start: number; end: number; type: string; text: string }[];
}

function loadSentences(): Sentence[] {
  const files = ['msra/train.jsonl', 'peoples_daily_1998_pku/all.jsonl', 'cluener2020/train.jsonl'];
  const out: Sentence[] = [];
  for (const f of files) {
    const path = join(NER, f);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line) continue;
      const r = JSON.parse(line) as { text: string; entities: { start: number; end: number; type: string; text: string }[] };
      if (r.text.length < 8 || r.text.length > 300) continue;
      const ents = r.entities
        .filter((e) => TYPE_MAP[e.type] && e.text.trim().length > 0)
        .map((e) => ({ ...e, type: TYPE_MAP[e.type] }));
      out.push({ text: r.text, ents });
    }
  }
  return out;
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCES = ['xinhua', 'people', 'cctv', 'chinanews', 'thepaper', 'caixin', 'sina', 'hk01'];
const DAY0 = Date.UTC(2019, 0, 1);
const DAYS = 365 * 5;

/** One synthetic article and its extraction result, built from gold annotations. */
function makeArticle(i: number, sentences: Sentence[], rnd: () => number): { meta: { callerId: string; url: string; source: string }; result: ExtractResponse } {
  const paragraphs: ExtractResponse['paragraphs'] = [];
  const mentions: ExtractResponse['mentions'] = [];
  const groups = new Map<string, { id: string; type: string; name: string; mentions: string[]; paragraphs: Set<number> }>();
  let text = '';
  const nPara = 3 + Math.floor(rnd() * 4);
  for (let p = 0; p < nPara; p++) {
    if (p > 0) text += '\n';
    const pStart = text.length;
    const nSent = 1 + Math.floor(rnd() * 4);
    for (let s = 0; s < nSent; s++) {
      const sent = sentences[Math.floor(rnd() * sentences.length)];
      const off = text.length;
      text += sent.text;
      for (const e of sent.ents) {
        const key = e.type + '|' + e.text;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { id: `e${groups.size + 1}`, type: e.type, name: e.text, mentions: [], paragraphs: new Set() }));
        const id = `m${mentions.length + 1}`;
        mentions.push({ id, entity: g.id, type: e.type as never, text: e.text, start: off + e.start, end: off + e.end, paragraph: p, score: 1 });
        g.mentions.push(id);
        g.paragraphs.add(p);
      }
    }
    paragraphs.push({ index: p, start: pStart, end: text.length, text: text.slice(pStart), boilerplate: false });
  }
  const published = new Date(DAY0 + Math.floor(rnd() * DAYS) * 86_400_000).toISOString().slice(0, 10);
  const source = SOURCES[Math.floor(rnd() * SOURCES.length)];
  const result = {
    id: `bench-${i}`,
    url: `https://${source}.example/${published}/${i}.html`,
    title: sentences[Math.floor(rnd() * sentences.length)].text.slice(0, 30),
    text,
    script: 'simplified',
    published: { date: published, source: 'request' },
    paragraphs,
    mentions,
    entities: [...groups.values()].map((g) => ({
      id: g.id,
      type: g.type,
      name: g.name,
      name_simplified: g.name,
      aliases: [g.name],
      mentions: g.mentions,
      paragraphs: [...g.paragraphs],
      salience: 0.5,
      confidence: 1,
    })),
    meta: { engine: 'gold', model: 'gold annotations', version: 'bench', timings_ms: {} },
  } as unknown as ExtractResponse;
  return { meta: { callerId: `bench-${i}`, url: result.url!, source }, result };
}

// ---------------------------------------------------------------- measuring

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function timeQueries(name: string, inputs: unknown[], fn: (x: never) => Promise<unknown>) {
  for (const x of inputs.slice(0, Math.min(20, inputs.length))) await fn(x as never); // warm-up
  const ms: number[] = [];
  for (const x of inputs) {
    const t = performance.now();
    await fn(x as never);
    ms.push(performance.now() - t);
  }
  return { query: name, n: ms.length, p50: pct(ms, 50), p95: pct(ms, 95), max: Math.max(...ms) };
}

interface Row {
  store: string;
  articles: number;
  ingest_per_s: number;
  ingest_s: number;
  size_mb: number;
  queries: Awaited<ReturnType<typeof timeQueries>>[];
}

async function run(kind: 'sqlite' | 'postgres', sentences: Sentence[]): Promise<Row | null> {
  let store: Repository;
  let dir = '';
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = 'bench_store';
  if (kind === 'sqlite') {
    dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
    store = openSqlite(join(dir, 'store.db'));
  } else {
    const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      if (!SKIP_INGEST) await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } catch (e) {
      console.log(`postgres: not reachable at ${pgUrl} (${(e as Error).message}); skipped`);
      return null;
    } finally {
      await c.end().catch(() => undefined);
    }
    store = await openPostgres(pgUrl, { schema, max: CONCURRENCY + 2 });
  }

  const rnd = mulberry32(Number(args.seed));
  const names: { name: string; type: string }[] = [];
  const BATCH = 2000;
  let ingestMs = 0;
  const workers = kind === 'sqlite' ? 1 : CONCURRENCY;
  for (let done = 0; done < N; ) {
    const batch = Array.from({ length: Math.min(BATCH, N - done) }, (_, k) => makeArticle(done + k, sentences, rnd));
    for (const a of batch) {
      const e = a.result.entities[Math.floor(rnd() * a.result.entities.length)];
      if (e && names.length < 20_000 && e.type !== 'DATE') names.push({ name: e.name, type: e.type });
    }
    if (SKIP_INGEST && kind === 'postgres') {
      done += batch.length;
      continue;
    }
    const t = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < batch.length) {
          const a = batch[next++];
          await store.ingest(a.meta, a.result);
        }
      }),
    );
    ingestMs += performance.now() - t;
    done += batch.length;
    if (done % 20_000 === 0 || done === N) {
      process.stderr.write(`${kind}: ${done} articles, ${Math.round(done / (ingestMs / 1000))} articles/s\n`);
    }
  }

  // the counters maintained by ingest must equal the counts over the links
  const check = await (async () => {
    const sql = `SELECT COUNT(*) AS n FROM entities e LEFT JOIN (SELECT entity_id, COUNT(*) AS c, SUM(mention_count) AS m FROM article_entities GROUP BY entity_id) x
                 ON x.entity_id = e.id WHERE e.article_count <> COALESCE(x.c, 0) OR e.mention_count <> COALESCE(x.m, 0)`;
    if (kind === 'sqlite') {
      const db = new Database(join(dir, 'store.db'), { readonly: true });
      const n = (db.prepare(sql).get() as { n: number }).n;
      db.close();
      return Number(n);
    }
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`SET search_path = ${schema}, public`);
    const n = Number((await c.query(sql)).rows[0].n);
    await c.end();
    return n;
  })();
  process.stderr.write(`${kind}: ${check === 0 ? 'entity counters consistent' : `${check} entities with WRONG counters`}\n`);
  if (check !== 0) process.exitCode = 1;

  // statistics for the planner, as an operator would after a bulk load
  let sizeMb = 0;
  if (kind === 'sqlite') {
    const db = new Database(join(dir, 'store.db'));
    db.exec('ANALYZE');
    db.close();
    sizeMb = ['store.db', 'store.db-wal'].reduce((s, f) => s + (existsSync(join(dir, f)) ? statSync(join(dir, f)).size : 0), 0) / 1e6;
  } else {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`SET search_path = ${schema}, public`);
    await c.query('VACUUM (ANALYZE)'); // what autovacuum does in steady state: statistics and the visibility map (index-only scans)
    sizeMb = Number((await c.query(`SELECT SUM(pg_total_relation_size(c.oid)) AS s FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`, [schema])).rows[0].s) / 1e6;
    await c.end();
  }

  const qr = mulberry32(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(qr() * xs.length)];
  const qNames = Array.from({ length: QUERIES }, () => pick(names));
  const prefixes = qNames.map((n) => n.name.slice(0, Math.min(2, n.name.length - 1) || 1));
  const ids: string[] = [];
  for (const n of qNames) {
    const hit = (await store.searchEntities({ name: n.name, types: [n.type] }, 'articles', { limit: 1 })).items[0];
    if (hit) ids.push(hit.id);
  }
  const queries = [
    await timeQueries('entity search: name or alias (exact)', qNames, (n: { name: string }) => store.searchEntities({ name: n.name }, 'articles', { limit: 20 })),
    await timeQueries('entity search: prefix (1–2 chars), by article count', prefixes, (p: string) => store.searchEntities({ prefix: p }, 'articles', { limit: 20 })),
    await timeQueries('entity search: prefix + date range (counts in range)', prefixes, (p: string) =>
      store.searchEntities({ prefix: p, from: '2021-01-01', to: '2021-12-31' }, 'articles', { limit: 20 }),
    ),
    await timeQueries('entity search: substring (2 chars)', qNames.filter((n) => n.name.length >= 3), (n: { name: string }) =>
      store.searchEntities({ contains: n.name.slice(1, 3) }, 'articles', { limit: 20 }),
    ),
    await timeQueries('co-occurrence: entity detail (top 10 co-occurring + monthly series)', ids, (id: string) => store.getEntity(id, { bucket: 'month', top: 10 })),
    await timeQueries('co-occurrence: batch query, 5 names, pairs', Array.from({ length: Math.floor(QUERIES / 3) }, () => Array.from({ length: 5 }, () => pick(names).name)), (ns: string[]) =>
      store.query({ names: ns, limit: 0, pairs: true, bucket: null }),
    ),
    await timeQueries('mentions of an entity (first page of 50)', ids, (id: string) => store.entityMentions(id, {}, { limit: 50 })),
  ];
  const articles = await store.countArticles();
  await store.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  return { store: kind, articles, ingest_per_s: ingestMs ? N / (ingestMs / 1000) : NaN, ingest_s: ingestMs / 1000, size_mb: sizeMb, queries };
}

const t0 = performance.now();
const sentences = loadSentences();
console.log(`${sentences.length} corpus sentences (${sentences.filter((s) => s.ents.length).length} with entities) loaded in ${Math.round(performance.now() - t0)} ms`);
const rows: Row[] = [];
for (const kind of args.stores!.split(',') as ('sqlite' | 'postgres')[]) {
  const r = await run(kind, sentences);
  if (r) rows.push(r);
}

const f = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
console.log(`\n## Store benchmark: ${N} synthetic articles${rows.some((r) => r.store === 'postgres') ? `, PostgreSQL ingest with ${CONCURRENCY} concurrent writers` : ''}\n`);
console.log('| store | articles | ingest (articles/s) | ingest time (s) | size (MB) |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.store} | ${r.articles} | ${f(r.ingest_per_s)} | ${f(r.ingest_s)} | ${f(r.size_mb)} |`);
console.log('\n| query | ' + rows.map((r) => `${r.store} p50 (ms) | ${r.store} p95 (ms)`).join(' | ') + ' |');
console.log('|---|' + rows.map(() => '---|---|').join(''));
for (let i = 0; i < (rows[0]?.queries.length ?? 0); i++) {
  console.log(`| ${rows[0].queries[i].query} | ` + rows.map((r) => `${f(r.queries[i].p50)} | ${f(r.queries[i].p95)}`).join(' | ') + ' |');
}
