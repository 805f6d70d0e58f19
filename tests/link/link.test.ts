import { describe, expect, it } from 'vitest';
import { Doc, type EntityType, type NormMention } from '../../src/pipeline/doc.js';
import { isAlias } from '../../src/pipeline/link/aliases.js';
import { linkEntities, resolvePlace } from '../../src/pipeline/link/entities.js';
import { addShortForms, nameCore } from '../../src/pipeline/link/short-forms.js';
import { salience } from '../../src/pipeline/link/salience.js';
import { normalise } from '../../src/pipeline/normalise/index.js';
import { paragraphs } from '../../src/pipeline/structure/paragraphs.js';
import { sentences } from '../../src/pipeline/structure/sentences.js';
import { segmentStep } from '../../src/pipeline/segment/step.js';

/** A doc with hand-placed mentions (by their text, in order of appearance). */
function docWith(text: string, spans: [string, EntityType][], title?: string): Doc {
  const doc = new Doc(text, { title });
  normalise(doc);
  paragraphs(doc);
  sentences(doc);
  segmentStep(doc);
  let from = 0;
  const ms: NormMention[] = [];
  for (const [s, type] of spans) {
    const at = doc.norm.text.indexOf(s, from);
    if (at < 0) throw new Error(`${s} not in text`);
    ms.push({ start: at, end: at + s.length, type, score: 0.9, source: 'test' });
    from = at + s.length;
  }
  doc.mentions = ms;
  return doc;
}

describe('aliases', () => {
  it.each([
    ['淳华氢能', 'COMPANY', '淳华氢能源科技(湖南)有限公司', 'COMPANY'],
    ['中车株洲所', 'ORG', '中车株洲电力机车研究所', 'ORG'],
    ['株洲高新区', 'LOCATION', '株洲国家高新技术产业开发区', 'LOCATION'],
    ['谢董事长', 'PERSON', '谢曙', 'PERSON'],
    ['淳华氢能', 'ORG', '淳华氢能源科技(湖南)有限公司', 'COMPANY'],
  ] as const)('%s is an alias of %s', (short, st, long, lt) => {
    expect(isAlias(short, st, long, lt)).toBe(true);
  });
  it.each([
    ['株洲', 'LOCATION', '株洲市政府', 'ORG'], // a place inside an organisation's name
    ['株洲', 'ORG', '株洲市政府', 'ORG'], // a bare place name is not the organisation
    ['李永亮', 'PERSON', '李玉龙', 'PERSON'], // two people sharing a surname
    ['李', 'PERSON', '李玉龙', 'PERSON'],
    ['湖南', 'LOCATION', '湖北', 'LOCATION'],
    ['中车', 'ORG', '中国中车', 'ORG'], // does not keep the leading characters
    ['株洲', 'LOCATION', '株洲清水塘产业新城', 'LOCATION'], // both real places? (the first is) — not merged by abbreviation
  ] as const)('%s is not an alias of %s', (short, st, long, lt) => {
    expect(isAlias(short, st, long, lt)).toBe(false);
  });

  it('merges short and full forms in an article, keeps the fullest clean name and the aliases', () => {
    const doc = docWith('淳華氫能源科技(湖南)有限公司董事長謝曙正在謀劃。淳華氫能是2019年招引的項目。謝董事長信心滿滿。', [
      ['淳华氢能源科技(湖南)有限公司', 'COMPANY'],
      ['谢曙', 'PERSON'],
    ]);
    addShortForms(doc);
    linkEntities(doc);
    const entities = doc.entities;
    const company = entities.find((e) => e.type === 'COMPANY')!;
    expect(company.name).toBe('淳華氫能源科技(湖南)有限公司');
    expect(company.name_simplified).toBe('淳华氢能源科技(湖南)有限公司');
    expect(company.aliases).toEqual(['淳華氫能']);
    expect(company.mentions).toHaveLength(2);
    const person = entities.find((e) => e.type === 'PERSON')!;
    expect(person.name).toBe('謝曙');
    expect(person.aliases).toEqual([]); // a surname + title is no mention (the contract tags the name only)
    expect(person.mentions).toHaveLength(1);
    expect(person.role).toEqual({ title: '董事長', org: company.id, org_name: company.name }); // in the article's script
  });

  it('does not merge two people with the same surname, nor a surname + title that is ambiguous', () => {
    const doc = docWith('记者李永亮报道，董事长李玉龙说。李董事长表示。', [
      ['李永亮', 'PERSON'],
      ['李玉龙', 'PERSON'],
    ]);
    addShortForms(doc);
    linkEntities(doc);
    const entities = doc.entities;
    expect(entities.filter((e) => e.type === 'PERSON').map((e) => e.name)).toEqual(['李永亮', '李玉龙']);
    expect(doc.mentions.some((m) => doc.norm.text.slice(m.start, m.end) === '李董事长')).toBe(false);
  });

  it('keeps a place apart from an organisation named after it, and merges 株洲 with 株洲市', () => {
    const doc = docWith('中车株洲所日前与株洲市政府签约，在株洲建设产业园。株洲市将受益。', [
      ['中车株洲所', 'ORG'],
      ['株洲市政府', 'ORG'],
      ['株洲', 'LOCATION'],
      ['株洲市', 'LOCATION'],
    ]);
    linkEntities(doc);
    const entities = doc.entities;
    const places = entities.filter((e) => e.type === 'LOCATION');
    expect(places).toHaveLength(1);
    expect(places[0].name).toBe('株洲市');
    expect(places[0].place?.code).toBe('430200');
    expect(entities.filter((e) => e.type === 'ORG')).toHaveLength(2);
  });

  it('strips legal suffixes and parentheses for the core name', () => {
    expect(nameCore('淳华氢能源科技(湖南)有限公司')).toBe('淳华氢能源科技');
    expect(nameCore('欧微时尚集团股份有限公司')).toBe('欧微时尚');
  });
});

describe('roles', () => {
  it('attaches the title and the organisation right before a person', () => {
    const doc = docWith('株洲市发改委主任刘海宾介绍，记者李永亮报道。', [
      ['株洲市发改委', 'ORG'],
      ['刘海宾', 'PERSON'],
      ['李永亮', 'PERSON'],
    ]);
    linkEntities(doc);
    const entities = doc.entities;
    const org = entities.find((e) => e.name === '株洲市发改委')!;
    expect(entities.find((e) => e.name === '刘海宾')!.role).toEqual({ title: '主任', org: org.id, org_name: '株洲市发改委' });
    expect(entities.find((e) => e.name === '李永亮')!.role).toEqual({ title: '记者', org: null, org_name: null });
  });
});

describe('places', () => {
  it('resolves administrative divisions at every level with their parents', () => {
    expect(resolvePlace('湖南')).toMatchObject({ code: '430000', level: 'province', parents: [] });
    expect(resolvePlace('株洲')).toMatchObject({ code: '430200', level: 'city', parents: [{ code: '430000' }] });
    expect(resolvePlace('攸县')).toMatchObject({ code: '430223', level: 'county', parents: [{ code: '430000' }, { code: '430200' }] });
    expect(resolvePlace('广州市')?.code).toBe('440100');
  });
  it('gives foreign countries their ISO 3166 code', () => {
    expect(resolvePlace('德国')).toMatchObject({ code: 'DE', level: 'country' });
  });
  it('leaves ambiguous names unresolved', () => {
    // 朝阳区 exists in Beijing and in Changchun
    expect(resolvePlace('朝阳区')).toBeUndefined();
  });
});

describe('salience', () => {
  it('grows with frequency, spread, lead position and the title', () => {
    const base = { mentionCount: 1, paragraphRanks: [5], contentParagraphs: 10, inTitle: false };
    const s = salience(base);
    expect(salience({ ...base, mentionCount: 5 })).toBeGreaterThan(s);
    expect(salience({ ...base, paragraphRanks: [5, 6, 7] })).toBeGreaterThan(s);
    expect(salience({ ...base, paragraphRanks: [0] })).toBeGreaterThan(s);
    expect(salience({ ...base, inTitle: true })).toBeGreaterThan(s);
    expect(salience({ mentionCount: 100, paragraphRanks: [0, 1, 2, 3, 4], contentParagraphs: 5, inTitle: true })).toBeLessThanOrEqual(1);
  });
  it('ranks the article subject first', () => {
    const doc = docWith(
      '株洲加速经济复苏\n株洲市发改委主任刘海宾介绍了株洲的项目。\n广州也有项目。\n株洲企业按下快进键，株洲产值增长。',
      [
        ['株洲', 'LOCATION'],
        ['株洲市发改委', 'ORG'],
        ['刘海宾', 'PERSON'],
        ['株洲', 'LOCATION'],
        ['广州', 'LOCATION'],
        ['株洲', 'LOCATION'],
        ['株洲', 'LOCATION'],
      ],
      '株洲加速经济复苏',
    );
    linkEntities(doc);
    const entities = doc.entities.sort((a, b) => b.salience - a.salience);
    expect(entities[0].name).toBe('株洲');
    expect(entities.at(-1)!.name).toBe('广州');
  });
});
