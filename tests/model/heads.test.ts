import { beforeAll, describe, expect, it } from 'vitest';
import { loadNerModel, type NerModel } from '../../src/pipeline/recognise/model/index.js';
import { loadEngines } from '../../src/pipeline/recognise/engines/registry.js';
import { loadConfig } from '../../src/config.js';
import { withModelCopy } from '../helpers/model-copy.js';

// models/ner carries one extra head over the news head's encoder (training/add_head.py, graft_head.py): `msra`, the
// 1998 People's Daily conventions, for measuring on that corpus. The service answers with the news head unless asked.
let news: NerModel;
let msra: NerModel;
beforeAll(async () => {
  news = await loadNerModel();
  msra = await loadNerModel(undefined, { head: 'msra' });
});

const show = (s: string, spans: Awaited<ReturnType<NerModel['predict']>>[number]) => spans.map((x) => `${s.slice(x.start, x.end)}/${x.type}`);

describe('extra output heads (models/ner/meta.json heads)', () => {
  it('a head names itself in the model name, so its answers are never mistaken for the news head\'s', () => {
    expect(news.name).toBe('bilstm-crf-softlex-h256');
    expect(msra.name).toBe('bilstm-crf-softlex-h256/msra');
    expect(msra.version).toBe(news.version);
  });

  it('the msra head answers in MSRA\'s conventions: no company type, and a city government is its city', async () => {
    const s = ['腾讯公司总部位于深圳。', '株洲市政府与中车株洲电力机车研究所签约'];
    const [a, b] = await news.predict(s);
    const [c, d] = await msra.predict(s);
    expect(show(s[0], a)).toEqual(['腾讯公司/COMPANY', '深圳/LOCATION']);
    expect(show(s[0], c)).toEqual(['腾讯公司/ORG', '深圳/LOCATION']);
    // ANNOTATION.md: a place + government is one ORG; MSRA tags the place alone
    expect(show(s[1], b)).toContain('株洲市政府/ORG');
    expect(show(s[1], d)).toContain('株洲/LOCATION');
    expect(show(s[1], d)).not.toContain('株洲市政府/ORG');
  });

  it('gives the same spans alone and inside a padded batch', async () => {
    // the msra head has a BiLSTM of its own (0.5.2): it reads each row's length, so padding never reaches a real position
    expect(msra.head?.session.inputNames).toEqual(expect.arrayContaining(['states', 'lengths']));
    const s = ['中美两国元首在北京会晤。', '好', '北京京东方科技集团股份有限公司在合肥投资建厂，董事长陈炎顺出席。'];
    const batch = await msra.predict(s);
    for (let i = 0; i < s.length; i++) {
      const [alone] = await msra.predict([s[i]]);
      expect(alone.map(({ start, end, type }) => ({ start, end, type }))).toEqual(batch[i].map(({ start, end, type }) => ({ start, end, type })));
    }
  });

  it('an unknown head is an error that lists the model\'s heads; only the model\'s own entries are heads', async () => {
    await expect(loadNerModel(undefined, { head: 'weibo' })).rejects.toThrow(/has no head "weibo" \(its extra heads: msra\)/);
    await expect(loadNerModel(undefined, { head: 'constructor' })).rejects.toThrow(/has no head "constructor"/);
  });

  it('a head needs the `states` output in every graph of the model: one without it is an error at load, not at the first request', async () => {
    await withModelCopy(async ({ dir, meta, writeMeta }) => {
      // a second "member" that is a real graph without `states` (the head's own graph: `states` in, `emissions` out)
      writeMeta({ ...meta, files: { ...meta.files, model: ['model.onnx', 'head.msra.onnx'] } });
      await expect(loadNerModel(dir, { head: 'msra' })).rejects.toThrow(/head "msra" needs a `states` output, which head\.msra\.onnx lacks/);
    });
  });

  it('MODEL_HEAD reaches the model engine, which names the head it answers with', async () => {
    const { engines } = await loadEngines({ ENGINE: 'model', MODEL_HEAD: 'msra', ORT_THREADS: 1 });
    expect(engines.get('model')?.model).toBe(`bilstm-crf-softlex-h256/msra@${news.version}`);
  });

  it('MODEL_HEAD comes from the environment; set but empty is unset, as for the other optional settings', () => {
    expect(loadConfig({ MODEL_HEAD: 'msra' }).MODEL_HEAD).toBe('msra');
    expect(loadConfig({ MODEL_HEAD: '' }).MODEL_HEAD).toBeUndefined();
    expect(loadConfig({}).MODEL_HEAD).toBeUndefined();
  });

  it('an unknown MODEL_HEAD stops the start instead of falling back to the lexicon engine', async () => {
    await expect(loadEngines({ ENGINE: 'model', MODEL_HEAD: 'nope', ORT_THREADS: 1 })).rejects.toThrow(/has no head "nope"/);
  });
});
