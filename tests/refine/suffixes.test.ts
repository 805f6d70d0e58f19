import { describe, expect, it } from 'vitest';
import { mergePlaceSuffixes, splitPlaceFromNamedSite, splitPlaceFromStreet, tagNamedFacilities } from '../../src/pipeline/refine/place-suffix.js';
import { segment } from '../../src/pipeline/segment/jieba.js';
import { cutCompanyBodies } from '../../src/pipeline/refine/company-body.js';
import { docWith, shown } from './helpers.js';

describe('refine-company-body (董事局)', () => {
  it("a Hong Kong company's 董事局 (its board) tags the company only", () => {
    const d = docWith('香港玉湖集团董事局主席出席', [['香港玉湖集团董事局', 'COMPANY']]);
    cutCompanyBodies(d);
    expect(shown(d)).toEqual(['香港玉湖集团/COMPANY']);
  });
  it("a bank's department tags the bank; a company's legal name and its institute written together are two", () => {
    const d = docWith('国家开发银行资金部负责人与航天科技集团有限公司航天推进技术研究院院长', [['国家开发银行资金部', 'COMPANY'], ['航天科技集团有限公司航天推进技术研究院', 'COMPANY']]);
    cutCompanyBodies(d);
    expect(shown(d)).toEqual(['国家开发银行/COMPANY', '航天科技集团有限公司/COMPANY', '航天推进技术研究院/ORG']);
  });
});

describe('refine-place-suffix', () => {
  it("a place's 超级工厂 and a port of entry (口岸) are one place", () => {
    const d = docWith('上海超级工厂累计交付，经霍尔果斯公路口岸出口', [['上海', 'LOCATION'], ['霍尔果斯公路', 'LOCATION']]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['上海超级工厂/LOCATION', '霍尔果斯公路口岸/LOCATION']);
  });
  it("a place's port is one place (青岛港, 湛江港); not Hong Kong's abbreviation nor 港口, 港股 (来港, 深港)", () => {
    const text = '青岛港与湛江港吞吐量增长，旅客来港消费，深港合作，青岛港口建设，港股上涨';
    const d = docWith(text, [['青岛', 'LOCATION']]);
    d.tokens = segment(text);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['青岛港/LOCATION', '湛江港/LOCATION']);
  });
  it('a place nothing is tagged on, followed by a body word, is that body (经广州海关监管); not an ordinary word', () => {
    const text = '经广州海关监管的货物，湘潭市人民政府印发，平安公安局';
    const d = docWith(text, []);
    d.tokens = segment(text);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['广州海关/ORG', '湘潭市人民政府/ORG']);
  });
  it('a place + government or committee word is one ORG', () => {
    const d = docWith('株洲市政府与岳阳市委、浏阳市人民政府和长沙市发改委联合发文', [
      ['株洲市', 'LOCATION'], ['岳阳', 'LOCATION'], ['市委', 'ORG'], ['浏阳市', 'LOCATION'], ['长沙市', 'LOCATION'],
    ]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['株洲市政府/ORG', '岳阳市委/ORG', '浏阳市人民政府/ORG', '长沙市发改委/ORG']);
  });
  it('a place + a department word is one ORG (四川公安, 长沙市卫健委, 岳麓区人民法院)', () => {
    const d = docWith('四川公安通报，长沙市卫健委和岳麓区人民法院发布', [['四川', 'LOCATION'], ['长沙市', 'LOCATION'], ['岳麓区', 'LOCATION']]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['四川公安/ORG', '长沙市卫健委/ORG', '岳麓区人民法院/ORG']);
  });
  it("a township's office, a clinic, a village's party branch, a Hong Kong police district and a border station are one ORG with the place", () => {
    const d = docWith('将军区公所、梨山卫生所、寨南村党支部、九龙城警区、黄大仙警区重案组与友谊关出入境边防检查站', [
      ['将军区', 'LOCATION'], ['梨山', 'LOCATION'], ['寨南村', 'LOCATION'], ['九龙城', 'LOCATION'], ['黄大仙', 'LOCATION'], ['友谊关', 'LOCATION'],
    ]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['将军区公所/ORG', '梨山卫生所/ORG', '寨南村党支部/ORG', '九龙城警区/ORG', '黄大仙警区重案组/ORG', '友谊关出入境边防检查站/ORG']);
  });
  it("a Taiwan school after its place is one ORG (吉安国中); a person's home town named as a site is a place (屈原故里)", () => {
    const d = docWith('吉安国中学生游览屈原故里', [['吉安', 'LOCATION'], ['屈原', 'PERSON']]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['吉安国中/ORG', '屈原故里/LOCATION']);
  });
  it('an autonomous prefecture after its place is one place (西双版纳傣族自治州), not a province before one (贵州省 + 黔东南苗族侗族自治州); a court cut after 地 is the court', () => {
    const d = docWith('西双版纳傣族自治州与贵州省黔东南苗族侗族自治州，桥头地检署起诉，顺河回族区', [
      ['西双版纳', 'LOCATION'], ['傣族自治州', 'LOCATION'], ['贵州省', 'LOCATION'], ['黔东南苗族侗族自治州', 'LOCATION'], ['桥头地', 'LOCATION'], ['顺河', 'LOCATION'],
    ]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['西双版纳傣族自治州/LOCATION', '贵州省/LOCATION', '黔东南苗族侗族自治州/LOCATION', '桥头地检署/ORG', '顺河回族区/LOCATION']);
  });
  it('a "place" that ends in a body\'s word is the body (内蒙古自治区文化和旅游厅); a generic place before one is not', () => {
    const d = docWith('内蒙古自治区文化和旅游厅发布数据', [['内蒙古自治区文化和旅游厅', 'LOCATION']]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['内蒙古自治区文化和旅游厅/ORG']);
  });
  it('a named facility tagged as its operator is a place (兴达电厂, 太平岭核电厂, 淡江大桥)', () => {
    const d = docWith('兴达电厂与太平岭核电厂、淡江大桥，台电公司', [['兴达电厂', 'COMPANY'], ['太平岭核电厂', 'ORG'], ['淡江大桥', 'ORG'], ['台电公司', 'COMPANY']]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['兴达电厂/LOCATION', '太平岭核电厂/LOCATION', '淡江大桥/LOCATION', '台电公司/COMPANY']);
  });
  it('a named facility the recogniser missed is a place; a kind of facility is not (城市广场, 人民公园)', () => {
    const text = '太平岭核电厂投产，淡江大桥通车，新建城市广场和人民公园';
    const d = docWith(text, []);
    d.tokens = segment(text);
    tagNamedFacilities(d);
    expect(shown(d)).toEqual(['太平岭核电厂/LOCATION', '淡江大桥/LOCATION']);
  });
  it('a place tagged before a facility word takes it in, also over two tokens or a kind of facility (湾仔海滨, 观塘海滨, 香港湿地公园)', () => {
    const text = '前往香港湿地公园及湾仔海滨、观塘海滨参观';
    const d = docWith(text, [['香港', 'LOCATION'], ['湾仔', 'LOCATION'], ['观塘', 'LOCATION']]);
    d.tokens = segment(text);
    tagNamedFacilities(d);
    expect(shown(d)).toEqual(['香港湿地公园/LOCATION', '湾仔海滨/LOCATION', '观塘海滨/LOCATION']);
  });
  it('a place before a site with a name of its own is two places; before a generic site word, one (杭州国际金融中心)', () => {
    const text = '荃湾沙咀道游乐场、大埔天后宫风水广场和杭州国际金融中心';
    const d = docWith(text, [['荃湾沙咀道游乐场', 'LOCATION'], ['大埔天后宫风水广场', 'LOCATION'], ['杭州国际金融中心', 'LOCATION']]);
    d.tokens = segment(text);
    splitPlaceFromNamedSite(d);
    expect(shown(d)).toEqual(['荃湾/LOCATION', '沙咀道游乐场/LOCATION', '大埔/LOCATION', '天后宫风水广场/LOCATION', '杭州国际金融中心/LOCATION']);
  });
  it("a place's seaside or its own station before a site names the site with it (观塘海滨花园, 珠海西站电子信息产业园)", () => {
    const text = '前往观塘海滨花园，珠海西站电子信息产业园一期';
    const d = docWith(text, [['观塘海滨花园', 'LOCATION'], ['珠海西站电子信息产业园', 'LOCATION']]);
    d.tokens = segment(text);
    splitPlaceFromNamedSite(d);
    expect(shown(d)).toEqual(['观塘海滨花园/LOCATION', '珠海西站电子信息产业园/LOCATION']);
  });
  it('a place + zone word is one LOCATION', () => {
    const d = docWith('株洲高新区和长沙经开区签约，落户衡阳经济技术开发区', [
      ['株洲', 'LOCATION'], ['长沙', 'LOCATION'], ['经开区', 'LOCATION'], ['衡阳', 'LOCATION'],
    ]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['株洲高新区/LOCATION', '长沙经开区/LOCATION', '衡阳经济技术开发区/LOCATION']);
  });
  it('a 区 that opens 区域 is no zone word (加路连山道 + 新区域法院)', () => {
    const d = docWith('工程包括加路连山道新区域法院大楼，湘江新区建设提速', [['加路连山道', 'LOCATION'], ['湘江', 'LOCATION']]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['加路连山道/LOCATION', '湘江新区/LOCATION']);
  });
  it("a place + scenic-area word is one LOCATION, but not a province's or a city's 景区", () => {
    const d = docWith('庐山风景名胜区和龙虎山景区、亚布力旅游度假区接待游客，长沙景区和湖南度假区也火爆', [
      ['庐山', 'LOCATION'], ['龙虎山', 'LOCATION'], ['亚布力', 'LOCATION'], ['长沙', 'LOCATION'], ['湖南', 'LOCATION'],
    ]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['庐山风景名胜区/LOCATION', '龙虎山景区/LOCATION', '亚布力旅游度假区/LOCATION', '长沙/LOCATION', '湖南/LOCATION']);
  });
  it("a party + 团 / 党团 / 立院党团 is its caucus, one ORG", () => {
    const d = docWith('国民党团与民众党立院党团协商，民进党表态', [['国民党', 'ORG'], ['民众党', 'ORG'], ['民进党', 'ORG']]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['国民党团/ORG', '民众党立院党团/ORG', '民进党/ORG']);
  });
  it('a place + 站 is its station; not 站长 or the verb 站在', () => {
    const d = docWith('何文田站和古洞站通车，株洲站长说，长沙站在前列', [['何文田', 'LOCATION'], ['古洞', 'LOCATION'], ['株洲', 'LOCATION'], ['长沙', 'LOCATION']]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['何文田站/LOCATION', '古洞站/LOCATION', '株洲/LOCATION', '长沙/LOCATION']);
  });
  it("a place's district court and prosecutors' office, as Taiwan's press shortens them, are one ORG", () => {
    const d = docWith('台中地院判决，新北地检起诉，台湾高院驳回', [['台中', 'LOCATION'], ['新北', 'LOCATION'], ['台湾', 'LOCATION']]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['台中地院/ORG', '新北地检/ORG', '台湾高院/ORG']);
  });
  it("a place's toll station, service area or expressway, with or without a direction, is one place", () => {
    const d = docWith('仪式在石楼东收费站举行，汾石高速公路通车，途经平遥服务区', [['石楼', 'LOCATION'], ['汾石', 'LOCATION'], ['平遥', 'LOCATION']]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['石楼东收费站/LOCATION', '汾石高速公路/LOCATION', '平遥服务区/LOCATION']);
  });
  it('a district before a street with a name of its own is two places; a road named after the district is one', () => {
    const text = '牛头角彩霞道住宅地，元朗攸壆路公屋，观塘道、屯门公路、香港仔隧道和沙田坳道';
    const d = docWith(text, [['牛头角彩霞道', 'LOCATION'], ['元朗攸壆路', 'LOCATION'], ['观塘道', 'LOCATION'], ['屯门公路', 'LOCATION'], ['香港仔隧道', 'LOCATION'], ['沙田坳道', 'LOCATION']]);
    d.region = { region: 'HK', source: 'request', reason: 'test' };
    splitPlaceFromStreet(d);
    expect(shown(d)).toEqual(['牛头角/LOCATION', '彩霞道/LOCATION', '元朗/LOCATION', '攸壆路/LOCATION', '观塘道/LOCATION', '屯门公路/LOCATION', '香港仔隧道/LOCATION', '沙田坳道/LOCATION']);
  });
  it('a subdistrict (街道) is no street after a place: 兴隆台街道 stays one', () => {
    const d = docWith('沈北新区兴隆台街道孟家台社区', [['兴隆台街道', 'LOCATION']]);
    splitPlaceFromStreet(d);
    expect(shown(d)).toEqual(['兴隆台街道/LOCATION']);
  });
  it('leaves a place alone when a longer mention reaches past the suffix', () => {
    const d = docWith('长沙新区建设公司成立', [['长沙', 'LOCATION'], ['新区建设公司', 'COMPANY']]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['长沙/LOCATION', '新区建设公司/COMPANY']);
  });
  it('a zone word after a zone is a part of it, not its name', () => {
    const d = docWith('湘江新区新片区建设提速', [['湘江新区', 'LOCATION']]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['湘江新区/LOCATION']);
  });
});

describe('refine-company-body', () => {
  it("a company's board or party committee tags the company only", () => {
    const d = docWith('宁德时代董事会审议通过，工商银行长沙分行党委书记出席', [
      ['宁德时代董事会', 'ORG'], ['工商银行长沙分行党委', 'ORG'],
    ]);
    cutCompanyBodies(d);
    expect(shown(d)).toEqual(['宁德时代/COMPANY', '工商银行长沙分行/COMPANY']);
  });
  it("a place's party committee stays an ORG", () => {
    const d = docWith('湘江新区党工委召开会议', [['湘江新区党工委', 'ORG']]);
    cutCompanyBodies(d);
    expect(shown(d)).toEqual(['湘江新区党工委/ORG']);
  });
  it("a company's site tags the company: after a region always, else when the company is known", () => {
    const d = docWith('唯品会华东运营总部、宁德时代新工厂、某某科技第二工厂、北京电力交易中心和天嘉宜化工厂', [
      ['唯品会华东运营总部', 'COMPANY'], ['宁德时代新工厂', 'COMPANY'], ['某某科技第二工厂', 'COMPANY'], ['北京电力交易中心', 'COMPANY'], ['天嘉宜化工厂', 'COMPANY'],
    ]);
    cutCompanyBodies(d);
    expect(shown(d)).toEqual(['唯品会/COMPANY', '宁德时代/COMPANY', '某某科技/COMPANY', '北京电力交易中心/COMPANY', '天嘉宜化工厂/COMPANY']);
  });
});

describe('a generic place before a government word', () => {
  it('tags nothing: 特区政府, 当地政府 name no particular government; 香港特区政府 is one ORG', () => {
    const d = docWith('特区政府和当地政府表示，香港特区政府将跟进', [['特区', 'LOCATION'], ['当地', 'LOCATION'], ['香港特区', 'LOCATION']]);
    mergePlaceSuffixes(d);
    expect(shown(d)).toEqual(['香港特区政府/ORG']);
  });
});
