/**
 * One full garbage collection right after start-up warm-up: loading the dictionaries, gazetteer and model
 * leaves ~35–40 MB of garbage per process that V8 would otherwise keep for tens of seconds of idleness, and
 * `bench/memory.ts` reads the service at rest 2 s after it is ready. `gc` is reached through a new context
 * after exposing it (`--expose-gc` only adds that function; nothing else changes). Without it (a runtime
 * that refuses the flag) the heap settles by itself, later.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function settleHeap(): boolean {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (() => void) | undefined;
    if (typeof gc !== 'function') return false;
    gc();
    return true;
  } catch {
    return false;
  }
}
