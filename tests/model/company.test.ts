import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CompanyStage, companyFeatures } from '../../src/pipeline/recognise/model/company.js';

// The second stage shipped with models up to 0.2.0 (a tagger without COMPANY tags); 0.3.0 tags COMPANY itself, and
// a model folder with a company.json (an older model, or your own) still gets the stage.
const spec = JSON.parse(readFileSync(new URL('../fixtures/company-stage-0.2.0.json', import.meta.url), 'utf8'));

describe('COMPANY vs ORG stage (models up to 0.2.0)', () => {
  const stage = new CompanyStage(spec);
  const isCo = (s: string) => stage.isCompany(s, 0, s.length);

  it('ships the measured-better variant with its dev scores', () => {
    expect(spec.kind).toBe('char-ngram-logreg');
    expect(spec.dev['suffix-rules']).toBeDefined();
  });

  it('separates companies from government bodies and other organisations', () => {
    for (const s of ['阿里巴巴集团控股有限公司', '中国银行', '华为技术有限公司', '万科企业股份有限公司', '腾讯公司']) expect(isCo(s), s).toBe(true);
    for (const s of ['国务院', '外交部', '北京大学', '中国红十字会', '株洲市人民政府']) expect(isCo(s), s).toBe(false);
  });

  it('uses context characters around the span', () => {
    const f = companyFeatures('据新华社报道', 1, 4);
    expect(f).toContain('lc:据');
    expect(f).toContain('rc:报');
    expect(f).toContain('suf:华社');
  });

  it('suffix-rules fallback', () => {
    const rules = new CompanyStage({ kind: 'suffix-rules', suffixes: ['有限公司', '集团'] });
    expect(rules.isCompany('甲乙有限公司', 0, 6)).toBe(true);
    expect(rules.isCompany('甲乙委员会', 0, 5)).toBe(false);
  });
});
