// Model-only throughput from Node: chars/s of loadNerModel().predict (features + ONNX + Viterbi + marginals +
// company stage) on 2 intra-op threads (NER_THREADS), batches of 256 sentences, best and median of N runs.
// On a shared box wall-clock rates swing with other jobs; the CPU-time rate is the steadier figure.
// Usage: npx tsx scripts/model-speed.ts [JSONL with {"text"} per line = .device/evaldata/msra_test.jsonl] [runs=7]
import { readFileSync } from 'node:fs';
import { loadNerModel } from '../src/pipeline/recognise/model/index.js';

const file = process.argv[2] ?? '.device/evaldata/msra_test.jsonl';
const runs = Number(process.argv[3] ?? 7);
const texts = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
const n = texts.reduce((a, t) => a + t.length, 0);
const model = await loadNerModel();
await model.predict(texts.slice(0, 300));
const rates: number[] = [];
const cpuRates: number[] = [];
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < texts.length; i += 256) await model.predict(texts.slice(i, i + 256));
  const c = process.cpuUsage(c0);
  rates.push(n / ((performance.now() - t0) / 1000));
  cpuRates.push(n / ((c.user + c.system) / 1e6));
}
cpuRates.sort((a, b) => a - b);
rates.sort((a, b) => a - b);
console.log(
  `${model.name}: ${texts.length} sentences, ${n} chars; chars/s best ${Math.round(rates[rates.length - 1])}, median ${Math.round(rates[Math.floor(rates.length / 2)])} (threads ${process.env.NER_THREADS ?? 2}); ` +
    `chars per process CPU-second median ${Math.round(cpuRates[Math.floor(cpuRates.length / 2)])} (load-independent; with 1 thread ≈ idle 1-core chars/s)`,
);
