/** A Hugging Face token-classification model dropped in with MODEL_DIR runs behind the same engine. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/paths.js';
import { batching, createModelEngine, windowed } from '../../src/pipeline/recognise/engines/model.js';
import { extractWith } from '../helpers/extract.js';
import type { NerModel } from '../../src/pipeline/recognise/model/index.js';

describe('drop-in Hugging Face model', () => {
  it('serves the tiny HF fixture as the model engine, with exact offsets', async () => {
    const engine = await createModelEngine(join(ROOT, 'tests', 'fixtures', 'tiny-hf-ner'));
    expect(engine.model).toMatch(/^hf:/);
    const text = '株洲市發改委主任劉海賓介紹。' + '很長的句子'.repeat(200);
    const r = await extractWith(engine, { text });
    for (const m of r.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('windows long sentences for a fixed-size model, never truncating', async () => {
    const seen: string[] = [];
    const fake: NerModel = {
      name: 'fake',
      version: '1',
      async predict(ss) {
        seen.push(...ss);
        return ss.map((s) => (s.includes('谢曙') ? [{ start: s.indexOf('谢曙'), end: s.indexOf('谢曙') + 2, type: 'PERSON' as const, score: 1 }] : []));
      },
    };
    const s = '甲'.repeat(950) + '谢曙';
    const [spans, empty] = await windowed(fake, 400).predict([s, '']);
    expect(seen.map((x) => x.length)).toEqual([400, 400, 152, 0]);
    expect(spans).toEqual([{ start: 950, end: 952, type: 'PERSON', score: 1 }]);
    expect(empty).toEqual([]);
  });
});

describe('batching of articles in flight', () => {
  it('serves the calls of one event-loop turn one article per model call (shortest first) and splits the results back', async () => {
    const calls: string[][] = [];
    const fake: NerModel = {
      name: 'fake',
      version: '1',
      async predict(ss) {
        calls.push(ss);
        return ss.map((s) => [{ start: 0, end: s.length, type: 'ORG' as const, score: 1 }]);
      },
    };
    const m = batching(fake);
    const [a, b] = await Promise.all([m.predict(['甲乙', '丙丁']), m.predict(['戊己'])]);
    // an article's sentences never share a model call with another article's: the int8 model quantises its
    // activations per call, so sharing would make one article's answer depend on another
    expect(calls).toEqual([['戊己'], ['甲乙', '丙丁']]);
    expect(a.map((x) => x[0].end)).toEqual([2, 2]);
    expect(b.map((x) => x[0].end)).toEqual([2]);
    await m.predict(['庚']);
    expect(calls).toHaveLength(3);
  });
});
