import { describe, expect, it } from 'vitest';
import { isLatinNonName, latinComponent } from '../../src/pipeline/refine/latin.js';
import { docWith, shown } from './helpers.js';

const dropped = (text: string, spans: Parameters<typeof docWith>[1]) => {
  const d = docWith(text, spans);
  return d.mentions.filter((m) => isLatinNonName(text, m)).map((m) => text.slice(m.start, m.end));
};

describe('refine-latin', () => {
  it('a number and a dash before a firm\'s Latin name belong to it (7-ELEVEN)', () => {
    const d = docWith('台湾7-ELEVEN营收，3-D打印', [['ELEVEN', 'COMPANY']]);
    latinComponent.run(d);
    expect(shown(d)).toEqual(['7-ELEVEN/COMPANY']);
  });
  it("a file's name and a stock exchange's code before a number are no names (image.png, SH:601669); a firm called so elsewhere stays", () => {
    const d = docWith('photo_01.JPG 中国中冶(SH:601618)与SH公司合作', [['photo_01.JPG', 'COMPANY'], ['SH', 'COMPANY'], ['SH', 'COMPANY', 20]]);
    latinComponent.run(d);
    expect(shown(d)).toEqual(['SH/COMPANY']);
    expect(d.mentions[0].start).toBe(29); // the one before 公司
  });
  it('a "person" with a one-letter word is a product (Model Y); a person with initials or full names stays', () => {
    expect(dropped('Model Y在中国的售价，Elon Musk表示', [['Model Y', 'PERSON'], ['Elon Musk', 'PERSON']])).toEqual(['Model Y']);
  });
  it('drops lower-case words, cut words and multi-word capitals; keeps firms and places', () => {
    expect(
      dropped('报道《green energy rises》称，Global Research与BYD、hellobike及货轮OCEAN STAR抵达NOVO LAND', [
        ['green', 'COMPANY'], ['obal', 'COMPANY'], ['BYD', 'COMPANY'], ['hellobike', 'COMPANY'], ['OCEAN STAR', 'COMPANY'], ['NOVO LAND', 'LOCATION'], ['Research', 'COMPANY'],
      ]),
    ).toEqual(['green', 'obal', 'OCEAN STAR']);
  });
  it("drops an emoji's short code between colons (a forum repost's :memo:), keeps a name after a colon", () => {
    expect(dropped(':memo: 今日收评 :rocket: 英伟达：NVIDIA发布', [['memo', 'PERSON'], ['rocket', 'COMPANY'], ['NVIDIA', 'COMPANY']])).toEqual(['memo', 'rocket']);
  });
  it('drops terms of business and technology reporting, keeps short firm names', () => {
    expect(
      dropped('EBITDA增长，每百万token降价，CEO表示，vivo与TCL、IDC数据显示', [
        ['EBITDA', 'COMPANY'], ['token', 'COMPANY'], ['CEO', 'ORG'], ['vivo', 'COMPANY'], ['TCL', 'COMPANY'], ['IDC', 'COMPANY'],
      ]),
    ).toEqual(['EBITDA', 'token', 'CEO']);
  });
});

describe('refine-latin: web addresses', () => {
  it('a web address is no name of any type; the outlet after it stays', () => {
    const d = docWith('来源：www.thepaper.cn 澎湃新闻，见news.sina.com.cn', [['www.thepaper.cn', 'ORG'], ['澎湃新闻', 'ORG'], ['news.sina.com.cn', 'COMPANY']]);
    latinComponent.run(d);
    expect(shown(d)).toEqual(['澎湃新闻/ORG']);
  });
});
