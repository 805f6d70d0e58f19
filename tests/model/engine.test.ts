/**
 * The `model` engine inside the service: traditional and mixed input reaches
 * the model as simplified through the offset map, and its spans come back in
 * the caller's characters at exact offsets; long articles are windowed by
 * sentence, never truncated.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngines } from '../../src/pipeline/recognise/engines/registry.js';
import { extractWith } from '../helpers/extract.js';
import type { NameEngine } from '../../src/pipeline/recognise/engines/name-engine.js';

let engine: NameEngine;
beforeAll(async () => {
  const { engines } = await loadEngines({ ENGINE: 'model' });
  engine = engines.get('model')!;
  expect(engine, 'the shipped model loads').toBeDefined();
});

describe('model engine', () => {
  it('finds the same names in simplified and traditional text, at the caller’s offsets', async () => {
    const simplified = '株洲市发改委主任刘海宾介绍，淳华氢能源科技(湖南)有限公司董事长谢曙在广州签约。';
    const traditional = '株洲市發(fā)改委主任劉海賓介紹，淳華氫能源科技(湖南)有限公司董事長謝曙在廣州簽約。';
    const a = await extractWith(engine, { text: simplified });
    const b = await extractWith(engine, { text: traditional });
    const names = (r: typeof a) => r.entities.filter((e) => ['PERSON', 'LOCATION', 'ORG', 'COMPANY'].includes(e.type)).map((e) => `${e.type}:${e.name_simplified}`);
    expect(names(b)).toEqual(names(a));
    expect(names(a)).toEqual(expect.arrayContaining(['PERSON:刘海宾', 'PERSON:谢曙', 'COMPANY:淳华氢能源科技(湖南)有限公司']));
    for (const m of b.mentions) expect(traditional.slice(m.start, m.end)).toBe(m.text);
    expect(b.mentions.find((m) => m.type === 'PERSON' && m.text === '劉海賓')).toBeDefined();
    expect(b.mentions.find((m) => m.text.startsWith('株洲市發(fā)改委'))?.type).toBe('ORG');
  });

  it('windows a long article by sentence and finds names in its last sentence', async () => {
    const filler = '会议强调要加快推进重点项目建设。'.repeat(400);
    const text = filler + '董事长李玉龙告诉记者，公司将在广州新设研发中心。';
    const r = await extractWith(engine, { text });
    const li = r.mentions.find((m) => m.text === '李玉龙');
    expect(li?.type).toBe('PERSON');
    expect(li!.start).toBe(text.indexOf('李玉龙'));
  });
});

describe('model chunks and deadlines', () => {
  it('cuts a sentence longer than a model chunk into chunk-sized pieces before batching, so deadlines are checked between them', async () => {
    const { windowed, batching, MODEL_CHUNK_CHARS } = await import('../../src/pipeline/recognise/engines/model.js');
    const calls: number[][] = [];
    const fake = {
      name: 'fake',
      version: '0',
      async predict(sentences: string[]) {
        calls.push(sentences.map((s) => s.length));
        return sentences.map((s) => (s.startsWith('株洲') ? [{ start: 0, end: 2, type: 'LOCATION', score: 0.9 }] : []));
      },
    };
    const model = windowed(batching(fake), MODEL_CHUNK_CHARS);
    const long = '株洲' + '株'.repeat(3 * MODEL_CHUNK_CHARS);
    const [spans] = await model.predict([long]);
    expect(calls.length).toBeGreaterThanOrEqual(4); // one model call per chunk
    for (const c of calls) for (const n of c) expect(n).toBeLessThanOrEqual(MODEL_CHUNK_CHARS);
    expect(spans).toEqual([{ start: 0, end: 2, type: 'LOCATION', score: 0.9 }]);
  });
});

describe('names component', () => {
  it('drops a PERSON an engine gives over a digit, so the share under it stays (逾7成)', async () => {
    const text = '获校务会议代表逾7成同意票,校长陈文章续任。';
    const fake: NameEngine = {
      name: 'fake-digit',
      model: 'fake',
      async recognise() {
        const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type: 'PERSON' as const, score: 0.9, source: 'fake' });
        return [at('逾7成'), at('陈文章')];
      },
    };
    const r = await extractWith(fake, { text, published: '2025-12-13' });
    expect(r.mentions.map((m) => `${m.text}/${m.type}`)).toEqual(['7成/PERCENT', '陈文章/PERSON']);
  });
});
