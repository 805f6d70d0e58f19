// Evaluate the shipped model from Node (the exact inference path the service uses) on prepared splits.
// Usage: [MODEL_DIR=…] [MODEL_HEAD=msra] npx tsx scripts/model-eval.ts [DATA_DIR=.device/evaldata] [splits...]
// DATA_DIR holds <split>.jsonl with {"text", "spans": [[start, end, TYPE]]} (written by training/prepare.py;
// xz -dc .device/data/<split>.jsonl.xz). Prints strict micro P/R/F per type and chars/s.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNerModel } from '../src/pipeline/recognise/model/index.js';

const dir = process.argv[2] ?? '.device/evaldata';
const splits = process.argv.slice(3).length
  ? process.argv.slice(3)
  : ['msra_dev', 'msra_test', 'pku_dev', 'pku_test', 'cluener_dev', 'weibo_dev', 'weibo_test', 'resume_dev', 'resume_test'];
const toBase: Record<string, string> = { PERSON: 'PER', LOCATION: 'LOC', ORG: 'ORG', COMPANY: 'ORG' };

const model = await loadNerModel(undefined, { head: process.env.MODEL_HEAD || undefined });
console.log(`model ${model.name} ${model.version}`);
for (const split of splits) {
  const recs = readFileSync(join(dir, `${split}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { text: string; spans: [number, number, string][] });
  const texts = recs.map((r) => r.text);
  const t0 = performance.now();
  const preds: Awaited<ReturnType<typeof model.predict>> = [];
  for (let i = 0; i < texts.length; i += 256) preds.push(...(await model.predict(texts.slice(i, i + 256))));
  const dt = (performance.now() - t0) / 1000;
  const nchars = texts.reduce((a, t) => a + t.length, 0);
  const row: Record<string, string> = {};
  for (const ty of ['PER', 'LOC', 'ORG', 'ALL']) {
    const gold = new Set<string>();
    const pred = new Set<string>();
    recs.forEach((r, i) => {
      for (const [s, e, t] of r.spans) {
        // prepare.py writes MSRA's nt as ORG/COMPANY (either: partial labels); scored as ORG, like COMPANY
        const b = t === 'COMPANY' || t === 'ORG/COMPANY' ? 'ORG' : t;
        if (ty === 'ALL' || b === ty) gold.add(`${i}:${s}:${e}:${b}`);
      }
      for (const p of preds[i]) {
        const b = toBase[p.type];
        if (ty === 'ALL' || b === ty) pred.add(`${i}:${p.start}:${p.end}:${b}`);
      }
    });
    let tp = 0;
    for (const g of gold) if (pred.has(g)) tp++;
    const P = pred.size ? tp / pred.size : 0;
    const R = gold.size ? tp / gold.size : 0;
    const F = P + R ? (2 * P * R) / (P + R) : 0;
    row[ty] = `${(100 * F).toFixed(2)} (P ${(100 * P).toFixed(1)} R ${(100 * R).toFixed(1)} n ${gold.size})`;
  }
  // COMPANY vs ORG on gold-typed spans when available (CLUENER carve)
  let compNote = '';
  if (recs.some((r) => r.spans.some((s) => s[2] === 'COMPANY'))) {
    let tp = 0, np = 0, ng = 0;
    recs.forEach((r, i) => {
      const g = new Set(r.spans.filter((s) => s[2] === 'COMPANY').map((s) => `${s[0]}:${s[1]}`));
      const p = new Set(preds[i].filter((s) => s.type === 'COMPANY').map((s) => `${s.start}:${s.end}`));
      ng += g.size; np += p.size;
      for (const x of p) if (g.has(x)) tp++;
    });
    const P = np ? tp / np : 0, R = ng ? tp / ng : 0;
    compNote = ` COMPANY strict F ${((200 * P * R) / Math.max(P + R, 1e-9)).toFixed(2)} (n ${ng})`;
  }
  console.log(`${split}: ALL ${row.ALL} | PER ${row.PER} | LOC ${row.LOC} | ORG ${row.ORG} | ${Math.round(nchars / dt)} chars/s${compNote}`);
}
