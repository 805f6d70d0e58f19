import { describe, expect, it } from 'vitest';
import { lookupPlace, shortForms } from '../../../src/pipeline/lang/zh/gazetteer.js';

describe('gazetteer', () => {
  it('finds provinces, cities and counties by full and short name, with parents', () => {
    expect(lookupPlace('湖南省')[0]).toEqual({ code: '430000', name: '湖南省', level: 'province', parents: [] });
    expect(lookupPlace('湖南')[0].code).toBe('430000');
    expect(lookupPlace('株洲')[0]).toEqual({ code: '430200', name: '株洲市', level: 'city', parents: [{ code: '430000', name: '湖南省' }] });
    expect(lookupPlace('攸县')[0]).toEqual({
      code: '430223',
      name: '攸县',
      level: 'county',
      parents: [
        { code: '430000', name: '湖南省' },
        { code: '430200', name: '株洲市' },
      ],
    });
    expect(lookupPlace('醴陵')[0].name).toBe('醴陵市');
    expect(lookupPlace('肇庆')[0].code).toBe('441200');
  });

  it('returns every place an ambiguous short name can mean, full names first', () => {
    const chaoyang = lookupPlace('朝阳').map((p) => p.code);
    expect(chaoyang).toEqual(expect.arrayContaining(['211300', '110105', '220104']));
    expect(lookupPlace('吉林').map((p) => p.level)).toEqual(['province', 'city']);
    expect(lookupPlace('朝阳区')[0].name).toBe('朝阳区');
  });

  it('derives short forms', () => {
    expect(shortForms('湘西土家族苗族自治州', 'city')).toEqual(['湘西']);
    expect(shortForms('广西壮族自治区', 'province')).toEqual(['广西']);
    expect(shortForms('攸县', 'county')).toEqual([]);
    expect(shortForms('株洲经济开发区', 'county')).toEqual([]);
    expect(shortForms('克孜勒苏柯尔克孜自治州', 'city')).toEqual(['克孜勒苏']);
  });

  it('covers Hong Kong/Macao/Taiwan, countries, world cities and regions', () => {
    expect(lookupPlace('香港')[0].code).toBe('810000');
    expect(lookupPlace('德国')[0]).toEqual({ code: 'DE', name: '德国', level: 'country', parents: [] });
    expect(lookupPlace('纽约')[0]).toEqual({ code: 'US:纽约', name: '纽约', level: 'city', parents: [{ code: 'US', name: '美国' }] });
    expect(lookupPlace('欧洲')[0].level).toBe('region');
    expect(lookupPlace('发展')).toEqual([]);
  });
  it('knows Hong Kong and Macao districts and Hong Kong areas', () => {
    expect(lookupPlace('元朗')[0]).toMatchObject({ name: '元朗区', level: 'county', parents: [{ name: '香港特别行政区' }, { name: '新界' }] });
    expect(lookupPlace('铜锣湾')[0].parents[0].name).toBe('香港特别行政区');
    expect(lookupPlace('嘉模堂区')[0].parents[0].name).toBe('澳门特别行政区');
    expect(lookupPlace('东区')).toEqual([]); // two-character districts are too generic to index
  });
});
