import { beforeAll, describe, expect, it } from 'vitest';
import { Featurizer, loadNerModel, normText, type NerModel } from '../../src/pipeline/recognise/model/index.js';
import { withModelCopy } from '../helpers/model-copy.js';

let model: NerModel;
beforeAll(async () => {
  model = await loadNerModel();
});

const show = (s: string, spans: Awaited<ReturnType<NerModel['predict']>>[number]) =>
  spans.map((x) => `${s.slice(x.start, x.end)}/${x.type}`);

describe('default NER model (models/ner)', () => {
  it('loads with a name and version', () => {
    expect(model.name).toMatch(/bilstm/);
    expect(model.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('tags companies itself (one label set with COMPANY) and the contract\'s standalone place abbreviations', async () => {
    const s = ['比亚迪董事长王传福说，基地建成后将销往欧、美、日等地。'];
    const [a] = await model.predict(s);
    expect(show(s[0], a)).toEqual(['比亚迪/COMPANY', '王传福/PERSON', '欧/LOCATION', '美/LOCATION', '日/LOCATION']);
  });

  it('finds people, places, organisations and companies in known sentences', async () => {
    const s = [
      '董事长李玉龙告诉记者',
      '株洲市政府与中车株洲电力机车研究所签约',
      '阿里巴巴集团控股有限公司与国务院发展研究中心在北京签署协议',
    ];
    const [a, b, c] = await model.predict(s);
    expect(show(s[0], a)).toEqual(['李玉龙/PERSON']);
    // the contract: a government named by its place is one ORG (0.2.0, trained on MSRA alone, said 株洲/LOCATION)
    expect(show(s[1], b)).toContain('株洲市政府/ORG');
    expect(show(s[1], b).some((x) => x.startsWith('中车株洲电力机车研究所/'))).toBe(true);
    expect(show(s[2], c)).toEqual(['阿里巴巴集团控股有限公司/COMPANY', '国务院发展研究中心/ORG', '北京/LOCATION']);
    for (const x of [...a, ...b, ...c]) {
      expect(x.score).toBeGreaterThan(0);
      expect(x.score).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it('handles empty input, empty strings and full-width latin/digits', async () => {
    expect(await model.predict([])).toEqual([]);
    const [e, w] = await model.predict(['', '２０２４年李玉龙在ＩＢＭ北京分公司工作']);
    expect(e).toEqual([]);
    expect(show('２０２４年李玉龙在ＩＢＭ北京分公司工作', w)).toContain('李玉龙/PERSON');
  });

  it('gives the same spans alone and inside a padded, sorted batch (scores within the int8 model\'s noise)', async () => {
    const s = ['董事长李玉龙告诉记者', '国务院总理在北京会见了来访的法国总统马克龙和英国首相', '好'];
    const batch = await model.predict(s);
    for (let i = 0; i < s.length; i++) {
      const [alone] = await model.predict([s[i]]);
      expect(alone.map(({ start, end, type }) => ({ start, end, type }))).toEqual(batch[i].map(({ start, end, type }) => ({ start, end, type })));
      alone.forEach((x, k) => expect(Math.abs(x.score - batch[i][k].score)).toBeLessThan(1e-3));
    }
  });

  it('answers an article the same whether or not another article is in flight (the engine never mixes articles in a call)', async () => {
    const { batching } = await import('../../src/pipeline/recognise/engines/model.js');
    const a = ['董事长李玉龙告诉记者', '好'];
    const b = ['国务院总理在北京会见了来访的法国总统马克龙和英国首相，ＩＢＭ２０２４年营收６２７．５亿美元'];
    const [ra, rb] = [await model.predict(a), await model.predict(b)];
    const m = batching(model);
    const [xa, xb] = await Promise.all([m.predict(a), m.predict(b)]);
    // exact, scores included: the int8 LSTM quantises activations per call, so a shared call would shift them
    expect(xa).toEqual(ra);
    expect(xb).toEqual(rb);
  });

  it('windows a very long sentence: no truncation, valid offsets, entities found everywhere', async () => {
    const unit = '董事长李玉龙告诉记者，';
    const long = unit.repeat(120); // 1320 chars > maxLength
    const [spans] = await model.predict([long]);
    let last = 0;
    for (const x of spans) {
      expect(x.start).toBeGreaterThanOrEqual(last);
      expect(x.end).toBeGreaterThan(x.start);
      expect(x.end).toBeLessThanOrEqual(long.length);
      last = x.end;
    }
    const people = spans.filter((x) => x.type === 'PERSON' && long.slice(x.start, x.end) === '李玉龙');
    expect(people.length).toBe(120);
    expect(people[people.length - 1].end).toBe(long.length - 5);
  });

  it('lexicon features are the documented 16-bit B/M/E/S x any/nr/ns/nt masks', () => {
    const f = new Featurizer(new Map(), new Map(), new Map([['北京', 1 | 4], ['北', 1], ['京', 1], ['北京市', 5]]));
    const bits = f.lexBits('北京市');
    // 北: B(any, ns) + S(any); 京: E(any, ns of 北京) + M(any, ns of 北京市) + S(any); 市: E(any, ns)
    expect(bits[0]).toBe((1 << 0) | (1 << 2) | (1 << 12));
    expect(bits[1]).toBe((1 << 8) | (1 << 10) | (1 << 4) | (1 << 6) | (1 << 12));
    expect(bits[2]).toBe((1 << 8) | (1 << 10));
    expect(normText('ＡＢｃ１２　')).toBe('abc12 ');
  });
});

describe('default NER model: arbitrary input', () => {
  it('returns well-formed, ordered, in-range spans for any string (property)', async () => {
    const fc = (await import('fast-check')).default;
    const alphabet = [...'李王张北京上海市省公司集团银行部委员会在和与的。，！？ 《》（）abcXYZ0129', '😀', '\u3000', 'Ａ', '１'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.constantFrom(...alphabet), { maxLength: 400 }).map((a) => a.join('')), { maxLength: 6 }), async (sents) => {
        const out = await model.predict(sents);
        expect(out.length).toBe(sents.length);
        out.forEach((spans, i) => {
          let last = 0;
          for (const x of spans) {
            expect(['PERSON', 'LOCATION', 'ORG', 'COMPANY']).toContain(x.type);
            expect(x.start).toBeGreaterThanOrEqual(last);
            expect(x.end).toBeGreaterThan(x.start);
            expect(x.end).toBeLessThanOrEqual(sents[i].length);
            expect(Number.isFinite(x.score)).toBe(true);
            last = x.end;
          }
        });
      }),
      { numRuns: 25 },
    );
  });
});

describe('ensemble members (meta.files.model as a list)', () => {
  it('averages the members’ emissions: the model listed twice gives exactly the single model’s spans and scores', async () => {
    const { cpSync } = await import('node:fs');
    const { join } = await import('node:path');
    await withModelCopy(async ({ dir, meta, writeMeta }) => {
      const first = Array.isArray(meta.files.model) ? meta.files.model[0] : meta.files.model;
      cpSync(join(dir, first), join(dir, 'member-copy.onnx'));
      // only the first member: the reference
      writeMeta({ ...meta, files: { ...meta.files, model: first } });
      const single = await loadNerModel(dir);
      writeMeta({ ...meta, files: { ...meta.files, model: [first, 'member-copy.onnx'] } });
      const twice = await loadNerModel(dir);
      const s = ['董事长李玉龙告诉记者', '株洲市政府与中车株洲电力机车研究所签约，新华社北京电'];
      const a = await single.predict(s);
      const b = await twice.predict(s);
      expect(b.map((x) => x.map(({ start, end, type }) => ({ start, end, type })))).toEqual(
        a.map((x) => x.map(({ start, end, type }) => ({ start, end, type }))),
      );
      b.flat().forEach((x, i) => expect(x.score).toBeCloseTo(a.flat()[i].score, 5));
    });
  });
});
