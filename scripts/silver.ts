/**
 * Self-training data (issue "A model trained for today's news"): label corpus lines with the whole service —
 * the model engine plus the name rules of refine/ — and keep the lines it is confident about.
 *
 *   npx tsx scripts/silver.ts POOL.txt OUT.jsonl [--min-score 0.9] [--model models/ner]
 *
 * POOL.txt is `ID<TAB>text` per line (training/annotation_pool.py draws it, never from the evaluation set's
 * ranges nor from the annotated pools). A line is kept when every name mention has a score of at least
 * --min-score (the model's mean marginal probability over the span; rule-made mentions carry their own
 * scores) — lines without names are kept too, so the silver data also teaches what is not a name. OUT.jsonl
 * gets `{"id","text","spans":[[start,end,TYPE]]}` with TYPE in PERSON/LOCATION/ORG/COMPANY; training/prepare.py
 * reads it as the `silver` corpus ($NER_BUILD/silver/silver.jsonl).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { loadEngines } from '../src/pipeline/recognise/engines/registry.js';
import { loadConfig } from '../src/config.js';
import { extractArticle } from '../src/service/extract.js';
import { isNameType } from '../src/pipeline/entity-types.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  const [pool, out] = process.argv.slice(2).filter((a) => !a.startsWith('--')).slice(0, 2);
  if (!pool || !out) throw new Error('usage: silver.ts POOL.txt OUT.jsonl [--min-score 0.9]');
  const minScore = Number(arg('min-score', '0.9'));
  const config = { ...loadConfig(), ENGINE: 'model' as const, ...(process.argv.includes('--model') ? { MODEL_DIR: arg('model', '') } : {}) };
  const { engines } = await loadEngines(config);
  const pipeline = createPipeline({ engines });
  const lines = readFileSync(pool, 'utf8').split('\n').filter(Boolean);
  const rows: string[] = [];
  let kept = 0;
  let names = 0;
  for (const line of lines) {
    const tab = line.indexOf('\t');
    const id = line.slice(0, tab);
    const text = line.slice(tab + 1);
    const r = await extractArticle(pipeline, { text }, { engine: 'model' });
    const ms = r.mentions.filter((m) => isNameType(m.type));
    if (ms.some((m) => m.score < minScore)) continue;
    kept++;
    names += ms.length;
    rows.push(JSON.stringify({ id, text, spans: ms.map((m) => [m.start, m.end, m.type]) }));
  }
  writeFileSync(out, rows.join('\n') + '\n');
  console.log(`${lines.length} lines, ${kept} kept (every name scored >= ${minScore}), ${names} names`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
