import { describe, expect, it } from 'vitest';
import { mergeRegions } from '../../src/pipeline/refine/regions.js';
import { docWith, shown } from './helpers.js';

describe('refine-regions', () => {
  it('中国大陆 and 中国内地 are one place in mainland text too', () => {
    const d = docWith('Model Y在中国大陆的售价，中国内地及香港', [['中国', 'LOCATION', 0], ['中国', 'LOCATION', 15], ['香港', 'LOCATION']]);
    mergeRegions(d);
    expect(shown(d)).toEqual(['中国大陆/LOCATION', '中国内地/LOCATION', '香港/LOCATION']);
  });
  it('a region + 地区/区域 is one LOCATION, an administrative place + 地区 is not extended', () => {
    const d = docWith('珠三角地区的工厂与长沙地区的客户，以及长江中游区域', [
      ['珠三角', 'LOCATION'], ['长沙', 'LOCATION'], ['长江中游', 'LOCATION'],
    ]);
    mergeRegions(d);
    expect(shown(d)).toEqual(['珠三角地区/LOCATION', '长沙/LOCATION', '长江中游区域/LOCATION']);
  });
  it('中国 and a region written right after it are one place (中国香港, 中国台湾, 中国内地)', () => {
    const d = docWith('来自中国香港、中国台湾和中国内地的客商，中国和美国', [
      ['中国', 'LOCATION'], ['香港', 'LOCATION'], ['中国', 'LOCATION', 7], ['台湾', 'LOCATION'], ['中国', 'LOCATION', 12], ['内地', 'LOCATION'], ['中国', 'LOCATION', 20], ['美国', 'LOCATION'],
    ]);
    mergeRegions(d);
    expect(shown(d)).toEqual(['中国香港/LOCATION', '中国台湾/LOCATION', '中国内地/LOCATION', '中国/LOCATION', '美国/LOCATION']);
  });
  it('a compass region with 地区 is tagged even when nothing was', () => {
    const d = docWith('订单主要来自西北地区和东南地区。', []);
    mergeRegions(d);
    expect(shown(d)).toEqual(['西北地区/LOCATION', '东南地区/LOCATION']);
  });
  it('two regions of the world written as one are a place (销往欧美, 澳纽业务, 北上广); not fused with relations or people (美欧关系, 港澳台)', () => {
    const d = docWith('产品销往欧美及亚欧各地，澳纽业务回升，北上广与环渤海地区需求旺，美欧关系紧张，港澳台同胞到访', []);
    mergeRegions(d);
    expect(shown(d)).toEqual(['欧美/LOCATION', '亚欧/LOCATION', '澳纽/LOCATION', '北上广/LOCATION', '环渤海地区/LOCATION']);
  });
  it("China's economic regions written bare are places after the country, in a list of them and in 西部大开发; not a place's part", () => {
    const d = docWith('我国中西部投资加快，东部、中部和西部均增长，西部大开发提速；广东中东部、伦敦西部', []);
    mergeRegions(d);
    expect(shown(d)).toEqual(['中西部/LOCATION', '东部/LOCATION', '中部/LOCATION', '西部/LOCATION', '西部/LOCATION']);
  });
  it('fused multi-place regions are one LOCATION', () => {
    const d = docWith('京津冀与粤港澳大湾区的企业', [['京', 'LOCATION'], ['粤', 'LOCATION'], ['港', 'LOCATION'], ['澳大湾区', 'LOCATION']]);
    mergeRegions(d);
    expect(shown(d)).toEqual(['京津冀/LOCATION', '粤港澳大湾区/LOCATION']);
  });
  it('a new area whose official name begins with its province is one LOCATION; a city before a zone stays two', () => {
    const d = docWith('四川天府新区与成都高新区', [['四川', 'LOCATION'], ['天府新区', 'LOCATION'], ['成都', 'LOCATION'], ['高新区', 'LOCATION']]);
    mergeRegions(d);
    expect(shown(d)).toEqual(['四川天府新区/LOCATION', '成都/LOCATION', '高新区/LOCATION']);
  });
  it('a mention crossing the edge blocks the merge', () => {
    const d = docWith('京津冀协同公司成立', [['津冀协同公司', 'COMPANY']]);
    mergeRegions(d);
    expect(shown(d)).toEqual(['津冀协同公司/COMPANY']);
  });
});

describe('the mainland in Hong Kong, Macau and Taiwan text', () => {
  it('内地 and 大陆 as nouns are one LOCATION there, not in mainland text nor inside words', async () => {
    const { docWith, shown } = await import('./helpers.js');
    const text = '内地旅客增加,赴大陆投资,中国内地市场,大陆架和新大陆';
    const hk = docWith(text, [['中国内地', 'LOCATION']]);
    hk.region = { region: 'HK', source: 'text', reason: 'test' } as typeof hk.region;
    mergeRegions(hk);
    expect(shown(hk)).toEqual(['内地/LOCATION', '大陆/LOCATION', '中国内地/LOCATION']);
    const hk2 = docWith('来自中国内地的旅客', [['中国', 'LOCATION']]);
    hk2.region = { region: 'HK', source: 'text', reason: 'test' } as typeof hk2.region;
    mergeRegions(hk2);
    expect(shown(hk2)).toEqual(['中国内地/LOCATION']);
    const cn = docWith(text, [['中国内地', 'LOCATION']]);
    mergeRegions(cn);
    expect(shown(cn)).toEqual(['中国内地/LOCATION']);
  });
  it('not the fused 内地生 (mainland students), but 内地生产 and 内地生活', async () => {
    const { docWith, shown } = await import('./helpers.js');
    const mo = docWith('也会招收内地生，内地生产总值增长，在内地生活多年', []);
    mo.region = { region: 'MO', source: 'text', reason: 'test' } as typeof mo.region;
    mergeRegions(mo);
    expect(shown(mo)).toEqual(['内地/LOCATION', '内地/LOCATION']);
    expect(mo.mentions.map((m) => m.start)).toEqual([8, 18]);
  });
});

describe('a person that is exactly a place', () => {
  it("takes the place's type by its full name only", async () => {
    const { docWith, shown } = await import('./helpers.js');
    const d = docWith('何文田和铜锣湾一带,兴安表示', [['何文田', 'PERSON'], ['铜锣湾', 'PERSON'], ['兴安', 'PERSON']]);
    mergeRegions(d);
    expect(shown(d)).toEqual(['何文田/LOCATION', '铜锣湾/LOCATION', '兴安/PERSON']);
  });
  it('川渝 and 港澳 are regions (not 港澳办, nor 港澳居民, fused with its people); in Taiwan text 陆港 is the mainland and Hong Kong', () => {
    const d = docWith('川渝合作，港澳市场，港澳居民与国务院港澳办', []);
    mergeRegions(d);
    expect(shown(d)).toEqual(['川渝/LOCATION', '港澳/LOCATION']);
    expect(d.mentions[1].start).toBe(5); // the market's, not the residents'
    const tw = docWith('美国取代陆港成为最大出超来源，对陆港增13.2%', []);
    tw.region = { region: 'TW', source: 'request', reason: 'test' };
    mergeRegions(tw);
    expect(shown(tw)).toEqual(['陆港/LOCATION', '陆港/LOCATION']);
    const cn = docWith('建设国际陆港物流枢纽，陆港集团', []);
    mergeRegions(cn);
    expect(shown(cn)).toEqual([]);
  });
  it('於 or 于 read as a surname before a place: the place alone', () => {
    const d = docWith('新医院位於启德，于蔡甸区；于建华表示', [['於启德', 'PERSON'], ['于蔡甸区', 'PERSON'], ['于建华', 'PERSON']]);
    d.region = { region: 'HK', source: 'request', reason: 'test' };
    mergeRegions(d);
    expect(shown(d)).toEqual(['启德/LOCATION', '蔡甸区/LOCATION', '于建华/PERSON']);
  });
  it('中西部 and 东中西部 standing alone are China\'s regions; after a place they are its part', () => {
    const d = docWith('为襄阳打造中西部发展的中心城市，推动东中西部协调发展；广东中西部', [['襄阳', 'LOCATION'], ['中西', 'LOCATION'], ['广东', 'LOCATION']]);
    mergeRegions(d);
    expect(shown(d)).toEqual(['襄阳/LOCATION', '中西部/LOCATION', '东中西部/LOCATION', '广东/LOCATION']);
  });
});
