/** One extraction worker: loads the engines once, then runs extractions posted by the pool. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '../config.js';
import { loadEngines } from '../pipeline/recognise/engines/registry.js';
import { extractArticle } from './extract.js';
import type { ArticleInput } from '../contract/schemas.js';
import type { PoolJobOptions } from './pool.js';
import type { DictEntry } from '../pipeline/recognise/user-dictionary.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { Budget, DeadlineExceeded, TooComplex, WorkerStopping, setSharedState } from '../pipeline/budget.js';
import { settleHeap } from './settle-heap.js';

const port = parentPort!;
const data = workerData as { env: Record<string, string | undefined>; state?: SharedArrayBuffer };
const env = { ...process.env, ...data.env };
// shared with the pool: which job runs JavaScript, and whether the thread is inside native code
if (data.state) setSharedState(data.state);

try {
  const { engines } = await loadEngines(loadConfig(env));
  const pipeline = createPipeline({ engines });
  // warm the lazy resources (dictionaries, gazetteer, model session) before taking work
  for (const engine of engines.keys()) {
    await extractArticle(pipeline, { text: '株洲市发改委主任刘海宾介绍，去年6月投产，產值過8000萬元。', published: '2023-03-17' }, { engine });
  }
  port.on('message', async (m: { type: 'extract'; id: number; input: ArticleInput; opts: PoolJobOptions; deadlineMs?: number } | { type: 'dictionary'; entries: DictEntry[] }) => {
    if (m.type === 'dictionary') {
      pipeline.dictionary.set(m.entries);
      return;
    }
    try {
      if (!engines.has(m.opts.engine)) throw new Error(`engine ${m.opts.engine} is not loaded in the worker`);
      // the article's own processing time, checked between components and model chunks (cooperative deadline)
      const budget = m.deadlineMs ? new Budget(m.deadlineMs, m.id) : undefined;
      const result = await extractArticle(pipeline, m.input, { ...m.opts, budget });
      port.postMessage({ type: 'result', id: m.id, result });
    } catch (e) {
      if (e instanceof TooComplex) port.postMessage({ type: 'error', id: m.id, error: e.message, tooComplex: true });
      else if (e instanceof DeadlineExceeded) port.postMessage({ type: 'error', id: m.id, error: e.message, deadline: { ms: e.ms, usedMs: e.usedMs } });
      else port.postMessage({ type: 'error', id: m.id, error: (e as Error).message });
    }
  });
  settleHeap(); // the warm-up's garbage, collected before the worker reports ready
  port.postMessage({ type: 'ready', engines: [...engines.values()].map((e) => [e.name, e.model]) });
} catch (e) {
  // (a worker the pool stopped while it was starting refuses its native loads: that is no failure to report)
  if (!(e instanceof WorkerStopping)) port.postMessage({ type: 'init-error', error: String(e) });
}
