/**
 * A pool terminates a worker only outside native code (src/service/pool.ts): a thread terminated inside a native
 * call can abort the whole process. jieba's dictionary load (~1 s) and ONNX Runtime's session creation are native
 * work too, so a worker the pool has claimed for termination must not start them. (Each test file gets fresh
 * module state: jieba is not loaded yet here.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NATIVE_IDLE, NATIVE_STOPPING, SHARED_STATE_BYTES, STATE_NATIVE, WorkerStopping, claimForTermination, setSharedState } from '../../src/pipeline/budget.js';
import { loadUserDictionary, segment } from '../../src/pipeline/segment/jieba.js';
import { loadNerModel } from '../../src/pipeline/recognise/model/index.js';

describe('native work a stopping worker must not start', () => {
  afterEach(() => setSharedState(null));

  it("jieba's dictionary load is refused once the worker is claimed, and runs when it is not", () => {
    const buffer = new SharedArrayBuffer(SHARED_STATE_BYTES);
    const state = new Int32Array(buffer);
    setSharedState(buffer);
    expect(claimForTermination(state)).toBe(true);
    expect(() => segment('株洲市发改委')).toThrow(WorkerStopping);
    // the load did not happen: a user dictionary still takes part in the first load
    Atomics.store(state, STATE_NATIVE, NATIVE_IDLE);
    expect(loadUserDictionary([{ word: '中车株洲所', pos: 'nt' }])).toBe('load');
    expect(segment('中车株洲所').map((t) => [t.start, t.end])).toEqual([[0, 5]]);
    expect(Atomics.load(state, STATE_NATIVE)).toBe(NATIVE_IDLE);
  });

  it("ONNX Runtime's session creation is refused once the worker is claimed", async () => {
    const buffer = new SharedArrayBuffer(SHARED_STATE_BYTES);
    setSharedState(buffer);
    Atomics.store(new Int32Array(buffer), STATE_NATIVE, NATIVE_STOPPING);
    await expect(loadNerModel()).rejects.toThrow(WorkerStopping);
  });
});
