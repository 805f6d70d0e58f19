/**
 * Entity-level evaluation. First the modern-news set in this repository
 * (eval/news: `news-dev` for choices, `news-test` reported; all eight types,
 * strict and overlap, value accuracy; see scripts/eval-news.ts), then strict
 * span + type precision / recall / F1 per type for every name engine on the
 * NER corpora in ../shared/data/ner (skipped with a message when they are
 * absent). Each sentence runs through the whole
 * pipeline as a one-paragraph article, so normalisation and the offset map are
 * part of what is measured.
 *
 *   npm run eval [-- --engine lexicon,model] [--dataset news-dev,msra-test,…] [--dev] [--limit N] [--without component,…] [--head msra] [--json out.json] [--errors out.jsonl]
 * `--dev` runs only the dev sets (for choices); the test sets are for the final table. `--head NAME` reads one of the
 * model's extra output heads (models/ner/meta.json `heads`: another corpus's conventions) instead of its news head,
 * and leaves out the components that apply ANNOTATION.md's conventions (the refine rules and short forms), which that
 * corpus does not follow; `--with-refine` keeps them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { ROOT } from '../src/paths.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { refineComponents } from '../src/pipeline/refine/index.js';
import { loadEngines } from '../src/pipeline/recognise/engines/registry.js';
import { loadConfig } from '../src/config.js';
import { DATASETS, type Gold, type Sentence } from './eval-datasets.js';
import { evaluateNews, printNews, readNewsSplit } from './eval-news.js';

const DATA = join(ROOT, '..', 'shared', 'data', 'ner');

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const prf = (c: Counts) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const config = loadConfig();
  const head = arg('head') ?? config.MODEL_HEAD;
  const { engines } = await loadEngines({ ...config, ENGINE: 'model', MODEL_HEAD: head });
  const modelEngine = engines.get('model');
  if (head && !modelEngine) throw new Error('--head: the model did not load (see the warning above)');
  if (modelEngine) console.log(`model engine: ${modelEngine.model}`);
  // --without a,b: leave pipeline components out, to measure what each adds
  const without = arg('without')?.split(',') ?? [];
  if (head && !process.argv.includes('--with-refine')) {
    const contract = [...refineComponents().map((c) => c.name), 'short-forms'];
    without.push(...contract);
    console.log(`head ${head}: without the contract's conventions (${contract.join(', ')}); --with-refine keeps them`);
  }
  // (createPipeline refuses a name no component has: a typo, or `short-forms` renamed, would measure the whole pipeline)
  const pipeline = createPipeline({ engines, without });
  const wanted = (arg('engine') ?? [...engines.keys()].join(',')).split(',');
  const limit = Number(arg('limit') ?? Infinity);
  const only = arg('dataset')?.split(',');
  const results: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const split of ['dev', 'test'] as const) {
    const name = `news-${split}`;
    if (only && !only.includes(name)) continue;
    if (process.argv.includes('--dev') && split !== 'dev') continue;
    const articles = readNewsSplit(split)?.slice(0, limit);
    if (!articles?.length) {
      console.log(`SKIP ${name}: eval/news/${split}.jsonl missing (npx tsx scripts/news-set.ts builds it)`);
      continue;
    }
    for (const engineName of wanted) {
      if (!engines.has(engineName)) continue;
      const r = await evaluateNews(pipeline, engineName, articles, errors);
      printNews(name, engineName, r);
      results[`${name}/${engineName}`] = r;
    }
  }
  if (!existsSync(DATA)) {
    console.log(`SKIP: ${DATA} is missing — the NER corpora live in ../shared/data/ner (see README).`);
    finish(results, errors);
    return;
  }
  for (const ds of DATASETS) {
    if (only && !only.includes(ds.name)) continue;
    if (process.argv.includes('--dev') && !ds.dev) continue;
    const file = join(DATA, ds.file);
    if (!existsSync(file)) {
      console.log(`SKIP ${ds.name}: ${file} missing`);
      continue;
    }
    let sentences = ds.select(readJsonl(file)).slice(0, limit);
    if (ds.traditional) sentences = toTraditional(sentences);
    for (const engineName of wanted) {
      const engine = engines.get(engineName);
      if (!engine) {
        console.log(`SKIP engine ${engineName}: not loaded`);
        continue;
      }
      const perType = new Map<string, Counts>();
      const bump = (t: string, k: keyof Counts) => {
        const c = perType.get(t) ?? { tp: 0, fp: 0, fn: 0 };
        c[k]++;
        perType.set(t, c);
      };
      const t0 = performance.now();
      let chars = 0;
      for (const s of sentences) {
        chars += s.text.length;
        const doc = await pipeline.run({ text: s.text, published: ds.published ?? null }, { engine: engineName, boilerplate: true });
        const pred = new Set<string>();
        for (const m of doc.mentions) {
          const type = ds.mapPredicted(m.type);
          if (!type) continue;
          const o = doc.toOriginal(m);
          pred.add(`${o.start}:${o.end}:${type}`);
        }
        const gold = new Set(s.entities.map((e) => `${e.start}:${e.end}:${e.type}`));
        const fn = [...gold].filter((g) => !pred.has(g));
        const fp = [...pred].filter((p) => !gold.has(p));
        for (const g of gold) bump(g.split(':')[2], pred.has(g) ? 'tp' : 'fn');
        for (const p of fp) bump(p.split(':')[2], 'fp');
        if (fn.length || fp.length) {
          const show = (k: string) => {
            const [a, b, t] = k.split(':');
            return `${s.text.slice(Number(a), Number(b))}/${t}@${a}`;
          };
          errors.push(JSON.stringify({ dataset: ds.name, engine: engineName, text: s.text, missed: fn.map(show), spurious: fp.map(show) }));
        }
      }
      const secs = (performance.now() - t0) / 1000;
      const all: Counts = { tp: 0, fp: 0, fn: 0 };
      const rows: Record<string, unknown> = {};
      console.log(`\n${ds.name} — engine ${engineName} — ${sentences.length} sentences, ${Math.round(chars / secs)} chars/s`);
      console.log('type        P      R      F1     gold');
      for (const [t, c] of [...perType].sort()) {
        all.tp += c.tp;
        all.fp += c.fp;
        all.fn += c.fn;
        const m = prf(c);
        rows[t] = { ...m, gold: c.tp + c.fn };
        console.log(`${t.padEnd(10)} ${pct(m.p)} ${pct(m.r)} ${pct(m.f1)} ${String(c.tp + c.fn).padStart(6)}`);
      }
      const micro = prf(all);
      console.log(`${'micro'.padEnd(10)} ${pct(micro.p)} ${pct(micro.r)} ${pct(micro.f1)} ${String(all.tp + all.fn).padStart(6)}`);
      if (ds.note) console.log(`  note: ${ds.note}`);
      results[`${ds.name}/${engineName}`] = { micro, perType: rows, sentences: sentences.length, charsPerSec: chars / secs };
    }
  }
  finish(results, errors);
}

function finish(results: Record<string, unknown>, errors: string[]) {
  const out = arg('json');
  if (out) writeFileSync(out, JSON.stringify(results, null, 2));
  const errorsOut = arg('errors');
  if (errorsOut) writeFileSync(errorsOut, errors.join('\n') + '\n');
}

const pct = (x: number) => (x * 100).toFixed(2).padStart(6);

function readJsonl(file: string): Gold[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Gold);
}

/** OpenCC simplified → traditional copies; sentences whose length changes are dropped (offsets must hold). */
function toTraditional(sentences: Sentence[]): Sentence[] {
  const s2t = OpenCC.Converter({ from: 'cn', to: 'hk' });
  const out: Sentence[] = [];
  let dropped = 0;
  for (const s of sentences) {
    const t = s2t(s.text);
    if (t.length !== s.text.length) {
      dropped++;
      continue;
    }
    out.push({ text: t, entities: s.entities });
  }
  if (dropped) console.log(`  (${dropped} sentences changed length under s2t and were left out)`);
  return out;
}

await main();
