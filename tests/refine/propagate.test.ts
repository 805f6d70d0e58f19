import { describe, expect, it } from 'vitest';
import { propagateNames } from '../../src/pipeline/refine/propagate.js';
import { docWith, shown } from './helpers.js';
import { segment } from '../../src/pipeline/segment/jieba.js';

describe('refine-propagate', () => {
  it('tags the other occurrences of a recognised name', () => {
    const d = docWith('比亚迪发布新车。业内认为比亚迪的销量还会增长。', [['比亚迪', 'COMPANY']]);
    d.tokens = [];
    propagateNames(d);
    expect(shown(d)).toEqual(['比亚迪/COMPANY', '比亚迪/COMPANY']);
    expect(d.mentions[1].source).toBe('propagated');
  });
  it("a company's or a body's Latin name in brackets after it is a mention too, and is propagated; not a term (CEO)", () => {
    const text = '联华电子（UMC）与思爱普(SAP)合作，UMC股价上涨，首席执行官(CEO)表示';
    const d = docWith(text, [['联华电子', 'COMPANY'], ['思爱普', 'COMPANY']]);
    d.tokens = [];
    propagateNames(d);
    expect(shown(d)).toEqual(['联华电子/COMPANY', 'UMC/COMPANY', '思爱普/COMPANY', 'SAP/COMPANY', 'UMC/COMPANY']);
  });
  it("a district named with its level is not spread over its councillors' title (深水埗 + 区议员)", () => {
    const d = docWith('探访沙田区和深水埗区。联同深水埗区议员出席', [['深水埗区', 'LOCATION'], ['深水埗', 'LOCATION', 12]]);
    d.tokens = [];
    propagateNames(d);
    expect(shown(d)).toEqual(['深水埗区/LOCATION', '深水埗/LOCATION']);
  });
  it('two-character names only at token boundaries, never over another mention', () => {
    const text = '株洲人说，株洲很美，株洲市政府表态';
    const d = docWith(text, [['株洲', 'LOCATION', 5], ['株洲市政府', 'ORG']]);
    d.tokens = [
      { start: 0, end: 3, pos: 'n' },
      { start: 5, end: 7, pos: 'ns' },
    ];
    propagateNames(d);
    expect(shown(d)).toEqual(['株洲/LOCATION', '株洲市政府/ORG']);
  });
  it('a longer name of the article replaces the shorter names wholly inside its other occurrences', () => {
    const text = '海光信息和中科曙光发布公告。海光信息拟换股吸收合并。长沙银行在长沙，长沙银行放贷';
    const d = docWith(text, [['海光', 'COMPANY'], ['中科曙光', 'COMPANY'], ['海光信息', 'COMPANY', 14], ['长沙', 'LOCATION'], ['长沙', 'LOCATION', 30], ['长沙银行', 'COMPANY', 33]]);
    d.tokens = [];
    propagateNames(d);
    expect(shown(d)).toEqual(['海光信息/COMPANY', '中科曙光/COMPANY', '海光信息/COMPANY', '长沙银行/COMPANY', '长沙/LOCATION', '长沙银行/COMPANY']);
  });
  it('a zone after a zone does not take over the zone (湘江新区 + 新片区)', () => {
    const text = '湘江新区新片区揭牌，湘江新区将建设';
    const d = docWith(text, [['湘江新区新片区', 'LOCATION'], ['湘江新区', 'LOCATION', 9]]);
    d.tokens = [];
    propagateNames(d);
    expect(shown(d)).toEqual(['湘江新区新片区/LOCATION', '湘江新区/LOCATION']);
  });
  it('a name never ends inside a word the segmenter knows', async () => {
    const { segment } = await import('../../src/pipeline/segment/jieba.js');
    const text = '民众党提出延会案。民众党团提案指出';
    const d = docWith(text, [['民众党', 'ORG']]);
    d.tokens = segment(text);
    propagateNames(d);
    expect(shown(d)).toEqual(['民众党/ORG']);
  });
  it('a "place" that is a common noun no gazetteer knows is not spread (龙眼); a country whose name is one is (刚果)', () => {
    const text = '高州石硖龙眼主产区举行龙眼嘉年华，果农把龙眼运出去。刚果（金）与刚果代表出席';
    const d = docWith(text, [['龙眼', 'LOCATION'], ['刚果', 'LOCATION']]);
    d.tokens = segment(text);
    propagateNames(d);
    expect(shown(d)).toEqual(['龙眼/LOCATION', '刚果/LOCATION', '刚果/LOCATION']);
  });
});
