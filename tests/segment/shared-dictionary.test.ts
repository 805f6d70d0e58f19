/**
 * jieba's dictionary is loaded once per process and shared by the threads that load the same files
 * (patches/nodejieba+3.5.8.patch): extraction workers segment as one thread would, and a word inserted
 * in one thread is seen by it as before (and by the threads sharing its dictionary).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import type { Token } from '../../src/pipeline/doc.js';
import type { UserDictEntry } from '../../src/pipeline/segment/jieba.js';

const HELPER = new URL('../helpers/jieba-thread.ts', import.meta.url);

class JiebaThread {
  private worker: Worker;
  private next = 0;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly ready: Promise<void>;

  constructor() {
    this.worker = new Worker(
      `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(HELPER.href)}); })`,
      { eval: true },
    );
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('error', reject);
      this.worker.on('message', (m: { ready?: true; id: number; result?: unknown; error?: string }) => {
        if (m.ready) return resolve();
        const w = this.waiting.get(m.id)!;
        this.waiting.delete(m.id);
        if (m.error) w.reject(new Error(m.error));
        else w.resolve(m.result);
      });
    });
  }

  private call<T>(msg: Record<string, unknown>): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...msg, id });
    });
  }

  /** words with their tags */
  async show(text: string): Promise<string[]> {
    const tokens = await this.call<Token[]>({ op: 'segment', text });
    return tokens.map((t) => `${text.slice(t.start, t.end)}/${t.pos}`);
  }

  userDictionary(entries: UserDictEntry[]): Promise<'load' | 'insertWord'> {
    return this.call({ op: 'userDictionary', entries });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

const rssMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;

const TEXT = '株洲市发改委主任刘海宾介绍，去年6月投产后，预计今年产值过8000万元，同比增长22.8%。台積電在新竹科學園區擴產。';

describe('jieba dictionary shared by threads', () => {
  const threads: JiebaThread[] = [];
  const start = async () => {
    const t = new JiebaThread();
    threads.push(t);
    await t.ready;
    return t;
  };
  let a: JiebaThread;
  let b: JiebaThread;
  let growth: { first: number; second: number };
  let expected: string[];

  beforeAll(async () => {
    // the first thread loads the dictionary (~130 MB of native memory), the second reuses it
    let before = rssMb();
    a = await start();
    expected = await a.show(TEXT);
    const first = rssMb() - before;
    before = rssMb();
    b = await start();
    expect(await b.show(TEXT)).toEqual(expected);
    growth = { first, second: rssMb() - before };
  });

  afterAll(async () => {
    await Promise.all(threads.map((t) => t.terminate()));
  });

  it('two threads segment identically', async () => {
    const texts = [TEXT, '淳华氢能源科技有限公司在株洲新马金谷工业园投产', 'a  b\n\n中国\r\n 2023年,(湖南)\t😀人民\u3000x', '株'.repeat(5_000)];
    for (const text of texts) expect(await b.show(text)).toEqual(await a.show(text));
    // both at once
    const both = await Promise.all([a.show(TEXT.repeat(200)), b.show(TEXT.repeat(200))]);
    expect(both[1]).toEqual(both[0]);
  });

  it('the second thread does not load a second copy of the dictionary', () => {
    if (process.platform !== 'linux') return;
    expect(growth.first).toBeGreaterThan(100);
    expect(growth.second).toBeLessThan(80);
  });

  it('a word inserted in one thread is seen by it as before, and by the threads sharing its dictionary', async () => {
    expect(await a.show('株洲新马金谷工业园')).not.toContain('新马金谷/ns');
    expect(await a.userDictionary([{ word: '新马金谷', pos: 'ns' }])).toBe('insertWord');
    expect(await a.show('株洲新马金谷工业园')).toContain('新马金谷/ns');
    expect(await b.show('株洲新马金谷工业园')).toContain('新马金谷/ns');
    // a thread that starts later shares the dictionary as it is now
    const c = await start();
    expect(await c.show('株洲新马金谷工业园')).toContain('新马金谷/ns');
    // inserting a word again (every extraction worker is sent the editors' dictionary) changes nothing
    expect(await b.userDictionary([{ word: '新马金谷', pos: 'ns' }])).toBe('insertWord');
    expect(await c.show('株洲新马金谷工业园')).toEqual(await a.show('株洲新马金谷工业园'));
  });

  it('a thread that loads its own user dictionary file keeps it to itself', async () => {
    const d = new JiebaThread();
    threads.push(d);
    await d.ready;
    // before its first segment: takes part in the load, so this thread's dictionary files differ
    expect(await d.userDictionary([{ word: '淳华氢能源', freq: 1000, pos: 'nz' }])).toBe('load');
    expect((await d.show('淳华氢能源科技'))[0]).toBe('淳华氢能源/nz');
    expect((await a.show('淳华氢能源科技'))[0]).not.toBe('淳华氢能源/nz');
    // and the words inserted into the shared dictionary are not in its own
    expect(await d.show('株洲新马金谷工业园')).not.toContain('新马金谷/ns');
  });

  it('a thread that ends leaves the dictionary to the others', async () => {
    await a.terminate();
    threads.splice(threads.indexOf(a), 1);
    expect(await b.show(TEXT)).toEqual(expected);
    expect(await b.show('株洲新马金谷工业园')).toContain('新马金谷/ns');
  });
});

describe('a user dictionary loaded by several threads', () => {
  it('is one dictionary: they load the same file', async () => {
    const threads = [new JiebaThread(), new JiebaThread()];
    try {
      await Promise.all(threads.map((t) => t.ready));
      for (const t of threads) expect(await t.userDictionary([{ word: '淳华氢能源', freq: 1000, pos: 'nz' }, { word: '新马金谷', pos: 'ns' }])).toBe('load');
      for (const t of threads) expect(await t.show('淳华氢能源在株洲新马金谷')).toEqual(['淳华氢能源/nz', '在/p', '株洲/ns', '新马金谷/ns']);
      // shared: a word one inserts now, the other sees
      expect(await threads[0].userDictionary([{ word: '龙子怡', pos: 'nr' }])).toBe('insertWord');
      expect(await threads[1].show('龙子怡说')).toContain('龙子怡/nr');
    } finally {
      await Promise.all(threads.map((t) => t.terminate()));
    }
  });
});
