/** One extraction worker: loads the engines once, then runs extractions posted by the pool. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '../config.js';
import { loadEngines } from '../pipeline/recognise/engines.js';
import { extractArticle } from './extract.js';
import type { ArticleInput } from '../server/schemas.js';
import type { PoolJobOptions } from './pool.js';
import { setUserDictionary, type DictEntry } from '../feedback/dictionary.js';
import { Budget, DeadlineExceeded, TooComplex, setSharedState } from '../pipeline/budget.js';

const port = parentPort!;
const data = workerData as { env: Record<string, string | undefined>; state?: SharedArrayBuffer };
const env = { ...process.env, ...data.env };
// shared with the pool: which job runs JavaScript, and whether the thread is inside native code
if (data.state) setSharedState(data.state);

try {
  const { engines } = await loadEngines(loadConfig(env));
  // warm the lazy resources (dictionaries, gazetteer, model session) before taking work
  for (const engine of engines.values()) {
    await extractArticle({ text: '株洲市发改委主任刘海宾介绍，去年6月投产，產值過8000萬元。', published: '2023-03-17' }, { engine });
  }
  port.on('message', async (m: { type: 'extract'; id: number; input: ArticleInput; opts: PoolJobOptions; deadlineMs?: number } | { type: 'dictionary'; entries: DictEntry[] }) => {
    if (m.type === 'dictionary') {
      setUserDictionary(m.entries);
      return;
    }
    try {
      const engine = engines.get(m.opts.engine);
      if (!engine) throw new Error(`engine ${m.opts.engine} is not loaded in the worker`);
      // the article's own processing time, checked between steps and model chunks (cooperative deadline)
      const budget = m.deadlineMs ? new Budget(m.deadlineMs, m.id) : undefined;
      const result = await extractArticle(m.input, { engine, boilerplate: m.opts.boilerplate, tokens: m.opts.tokens, budget });
      port.postMessage({ type: 'result', id: m.id, result });
    } catch (e) {
      if (e instanceof TooComplex) port.postMessage({ type: 'error', id: m.id, error: e.message, tooComplex: true });
      else if (e instanceof DeadlineExceeded) port.postMessage({ type: 'error', id: m.id, error: e.message, deadline: { ms: e.ms, usedMs: e.usedMs } });
      else port.postMessage({ type: 'error', id: m.id, error: (e as Error).message });
    }
  });
  port.postMessage({ type: 'ready', engines: [...engines.values()].map((e) => [e.name, e.model]) });
} catch (e) {
  port.postMessage({ type: 'init-error', error: String(e) });
}
