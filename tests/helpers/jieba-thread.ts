/** A worker thread that segments with the service's jieba module, for tests of what threads share. */
import { parentPort } from 'node:worker_threads';
import { loadUserDictionary, segment } from '../../src/pipeline/segment/jieba.js';
import type { UserDictEntry } from '../../src/pipeline/segment/jieba.js';

type Request =
  | { id: number; op: 'segment'; text: string }
  | { id: number; op: 'userDictionary'; entries: UserDictEntry[] };

parentPort!.on('message', (m: Request) => {
  try {
    const result = m.op === 'segment' ? segment(m.text) : loadUserDictionary(m.entries);
    parentPort!.postMessage({ id: m.id, result });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: String(e) });
  }
});
parentPort!.postMessage({ ready: true });
