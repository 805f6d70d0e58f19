import { describe, expect, it } from 'vitest';
import { symbolsComponent } from '../../src/pipeline/refine/symbols.js';
import { abbreviationComponent, genericComponent, isGeneric } from '../../src/pipeline/refine/generic.js';
import { docWith, shown } from './helpers.js';

describe('refine-symbols', () => {
  it('leading symbols and emoji do not hide a name', () => {
    const d = docWith('★马化腾在深圳出席活动', [['★马化腾', 'PERSON'], ['深圳', 'LOCATION']]);
    symbolsComponent.run(d);
    expect(shown(d)).toEqual(['马化腾/PERSON', '深圳/LOCATION']);
  });
  it('a list marker or footnote number is not part of a name (❶vivo, ①小米, 华为²); decimal digits and Ⅱ are', () => {
    const d = docWith('❶vivo ①小米 华为² 3M 火炬之光Ⅱ', [['❶vivo', 'COMPANY'], ['①小米', 'COMPANY'], ['华为²', 'COMPANY'], ['3M', 'COMPANY'], ['火炬之光Ⅱ', 'ORG']]);
    symbolsComponent.run(d);
    expect(shown(d)).toEqual(['vivo/COMPANY', '小米/COMPANY', '华为/COMPANY', '3M/COMPANY', '火炬之光Ⅱ/ORG']);
  });
  it('drops a mention that is only symbols, keeps brackets that belong to the name', () => {
    const d = docWith('» 首页 > 株洲 《株洲日报》', [['»', 'ORG'], ['> 株洲', 'LOCATION'], ['《株洲日报》', 'ORG']]);
    symbolsComponent.run(d);
    expect(shown(d)).toEqual(['株洲/LOCATION', '《株洲日报》/ORG']);
  });
});

describe('refine-generic', () => {
  it('drops a generic reference read as a person (金控, 戈壁), keeps a person', () => {
    const d = docWith('金控获利创新高，戈壁治沙，王传福表示', [['金控', 'PERSON'], ['戈壁', 'PERSON'], ['王传福', 'PERSON']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['王传福/PERSON']);
  });
  it("drops a kind of zone before its body (开发区管委会, 园区党工委); keeps a named zone's (苏州工业园区管委会)", () => {
    const d = docWith('开发区管委会和园区党工委积极推进，苏州工业园区管委会也派人参加', [
      ['开发区管委会', 'ORG'], ['园区党工委', 'ORG'], ['苏州工业园区管委会', 'ORG'],
    ]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['苏州工业园区管委会/ORG']);
  });
  it('drops a road or a tunnel described by its lanes (双程三线隧道); keeps a named one (大榄涌隧道)', () => {
    const d = docWith('大榄涌隧道是南北行双程四线隧道，蓝地隧道是双程三线隧道', [
      ['大榄涌隧道', 'LOCATION'], ['双程四线隧道', 'LOCATION'], ['蓝地隧道', 'LOCATION'], ['双程三线隧道', 'LOCATION'],
    ]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['大榄涌隧道/LOCATION', '蓝地隧道/LOCATION']);
  });
  it('drops a kind of lender or bank (大量P2P公司, 网贷公司, 民营银行); keeps a named one (民生银行)', () => {
    const d = docWith('大量P2P公司倒闭，一些网贷公司涉嫌违法，首批民营银行获批，民生银行参与', [
      ['大量P2P公司', 'COMPANY'], ['网贷公司', 'COMPANY'], ['民营银行', 'COMPANY'], ['民生银行', 'COMPANY'],
    ]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['民生银行/COMPANY']);
  });
  it('drops 中华 before its people or culture and 犹太 before its people (中华民族, 犹太人); keeps 中华人民共和国 and 约旦河西岸', () => {
    const d = docWith('中华民族的中华文明，约旦河西岸犹太人定居点，依据中华人民共和国法律', [
      ['中华', 'LOCATION'], ['中华', 'LOCATION', 5], ['约旦河西岸', 'LOCATION'], ['犹太', 'LOCATION'], ['中华人民共和国', 'LOCATION'],
    ]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['约旦河西岸/LOCATION', '中华人民共和国/LOCATION']);
  });
  it("drops a technology's wave read as Inspur (AI浪潮) and Hong Kong's allowances (生果金, 长生津)", () => {
    const d = docWith('受惠AI浪潮，生果金和长生津上调，浪潮信息公布业绩', [['AI浪潮', 'COMPANY'], ['生果金', 'COMPANY'], ['长生津', 'COMPANY'], ['浪潮信息', 'COMPANY']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['浪潮信息/COMPANY']);
  });
  it('drops bare generic references', () => {
    const d = docWith('市委召开会议，公司和集团负责人到会，岳阳市委也派人参加', [
      ['市委', 'ORG'], ['公司', 'COMPANY'], ['集团', 'COMPANY'], ['岳阳市委', 'ORG'],
    ]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['岳阳市委/ORG']);
  });
  it('drops a storm\'s name wherever the article repeats it (台风杨柳, 杨柳台风, 苏迪勒台风)', () => {
    const d = docWith('杨柳台风逼近，杨柳暴风圈扩大，台风杜苏芮来袭，杨柳树下的李明', [['杨柳', 'PERSON'], ['杨柳', 'PERSON'], ['杜苏芮', 'PERSON'], ['李明', 'PERSON']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['李明/PERSON']);
  });
  it('drops kinds of land and water taken for places (盐湖, 山区), keeps named ones (察尔汗盐湖)', () => {
    const d = docWith('科考队向盐湖和山区出发，抵达察尔汗盐湖', [['盐湖', 'LOCATION'], ['山区', 'LOCATION'], ['察尔汗盐湖', 'LOCATION']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['察尔汗盐湖/LOCATION']);
  });
  it('drops kinds of company (上市公司, 全体上市公司, 物管公司, 外资企业), keeps named companies', () => {
    const d = docWith('全体上市公司和物管公司、外资企业及万科企业股份有限公司、中国平安保险集团', [
      ['全体上市公司', 'COMPANY'], ['物管公司', 'COMPANY'], ['外资企业', 'COMPANY'], ['万科企业股份有限公司', 'COMPANY'], ['中国平安保险集团', 'COMPANY'],
    ]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['万科企业股份有限公司/COMPANY', '中国平安保险集团/COMPANY']);
    const e = docWith('首单上市公司与上市柜公司、中国重工两大集团，公司控股子公司', [['首单上市公司', 'COMPANY'], ['上市柜公司', 'COMPANY'], ['两大集团', 'COMPANY'], ['公司控股子公司', 'COMPANY']]);
    genericComponent.run(e);
    expect(shown(e)).toEqual([]);
  });
  it('drops bus and insurance companies as kinds (专营巴士公司, 寿险公司), a sector of listed companies (主要乳企上市公司), the central government and a train service; keeps 九巴', () => {
    const d = docWith('专营巴士公司与九巴、寿险公司，主要乳企上市公司，中央政府开行中欧班列', [
      ['专营巴士公司', 'COMPANY'], ['九巴', 'COMPANY'], ['寿险公司', 'COMPANY'], ['主要乳企上市公司', 'COMPANY'], ['中央政府', 'ORG'], ['中欧班列', 'ORG'],
    ]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['九巴/COMPANY']);
  });
  it('drops railway, oil and utility companies as kinds (英国14家铁路公司, 石油公司, 电网公司); keeps 诺福克南方铁路公司', () => {
    const d = docWith('英国14家铁路公司罢工，诺福克南方铁路公司、石油公司和电网公司', [['铁路公司', 'COMPANY'], ['诺福克南方铁路公司', 'COMPANY'], ['石油公司', 'COMPANY'], ['电网公司', 'COMPANY']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['诺福克南方铁路公司/COMPANY']);
  });
  it("天文台 is Hong Kong's Observatory there and an observatory elsewhere; 考试院 Taiwan's Examination Yuan there", () => {
    const m = { start: 0, end: 3, type: 'ORG' as const, score: 0.8, source: 'test' };
    expect(isGeneric('天文台发出警告', m, 'HK')).toBe(false);
    expect(isGeneric('天文台建成', m, 'CN')).toBe(true);
    expect(isGeneric('考试院召开院会', m, 'TW')).toBe(false);
    expect(isGeneric('考试院发布', m, 'CN')).toBe(true);
  });
  it("a bare 海关 is Hong Kong's or Macao's customs there, and no body in a mainland article", () => {
    const m = { start: 0, end: 2, type: 'ORG' as const, score: 0.8, source: 'test' };
    expect(isGeneric('海关人员表示', m, 'HK')).toBe(false);
    expect(isGeneric('海关人员表示', m, 'MO')).toBe(false);
    expect(isGeneric('海关人员表示', m, 'CN')).toBe(true);
    const press = { start: 0, end: 3, type: 'ORG' as const, score: 0.8, source: 'test' };
    expect(isGeneric('新闻局表示', press, 'MO')).toBe(false);
    expect(isGeneric('新闻局表示', press, 'TW')).toBe(true);
    expect(isGeneric('国家队夺冠', { ...m, end: 3 }, 'CN')).toBe(true);
    // a name spelt like a property of every JavaScript object is just a name (it once threw: a 500 for the request)
    for (const word of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(isGeneric(word, { ...m, end: word.length, type: 'COMPANY' }, 'HK')).toBe(false);
    }
    expect(isGeneric('门市增加', { ...m, type: 'LOCATION' as const }, 'TW')).toBe(true);
  });
  it('drops a document cited by its short title (《公报》), keeps the body that issued it', () => {
    const d = docWith('国家卫生健康委发布统计公报。根据《公报》,我国医疗机构增加', [['国家卫生健康委', 'ORG'], ['公报', 'ORG']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['国家卫生健康委/ORG']);
  });
  it('drops a bare fire or police unit (消防局, 交警大队), keeps a named one', () => {
    const d = docWith('彰化县消防局表示，消防局与交警大队出动', [['彰化县消防局', 'ORG'], ['消防局', 'ORG'], ['交警大队', 'ORG']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['彰化县消防局/ORG']);
  });
  it("drops a sector's companies (A股半导体公司, 上述新茶饮公司, 双重上市公司) and sector words, keeps groups' short names (医药集团)", () => {
    const d = docWith('A股半导体公司、上述新茶饮公司和双重上市公司，新茶饮，医药集团、小米公司', [
      ['A股半导体公司', 'COMPANY'], ['上述新茶饮公司', 'COMPANY'], ['双重上市公司', 'COMPANY'], ['新茶饮', 'COMPANY'], ['医药集团', 'COMPANY'], ['小米公司', 'COMPANY'],
    ]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['医药集团/COMPANY', '小米公司/COMPANY']);
  });
  it('drops 中国 of a fixed political phrase (中国特色, 中国式), a level\'s congress committee and a foundry giant', () => {
    const d = docWith('中国特色社会主义，中国式现代化，中国经济，县人大常委会，晶圆代工大厂', [
      ['中国', 'LOCATION', 0], ['中国', 'LOCATION', 9], ['中国', 'LOCATION', 16], ['县人大常委会', 'ORG'], ['晶圆代工大厂', 'COMPANY'],
    ]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['中国/LOCATION']);
  });
  it("drops the place a currency's name begins with (澳门元, 新加坡元), not a place before 元朗", () => {
    const d = docWith('澳门元、港元及新加坡元的比重，澳门元朗', [['澳门', 'LOCATION', 0], ['新加坡', 'LOCATION'], ['澳门', 'LOCATION', 14]]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['澳门/LOCATION']);
  });
  it('drops a person the police do not name (邝某, 林某, 吴女) and a surname glued to a verb (吴坦承)', () => {
    const d = docWith('邝某及林某涉嫌盗窃，林某某，吴女今出庭，吴坦承犯案', [['邝某', 'PERSON'], ['林某', 'PERSON'], ['吴女今', 'PERSON'], ['吴坦承', 'PERSON']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual([]);
  });
  it("a country's side (毛方, 中方) is no person where the article names the country or it is a usual abbreviation; 卢方 the reporter is", () => {
    const d = docWith('毛里塔尼亚总统表示，毛方高度赞赏，中方愿意合作', [['毛里塔尼亚', 'LOCATION'], ['毛方', 'PERSON'], ['中方', 'PERSON']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['毛里塔尼亚/LOCATION']);
    const e = docWith('记者卢方报道，卢方表示', [['卢方', 'PERSON'], ['卢方', 'PERSON', 5]]);
    genericComponent.run(e);
    expect(shown(e)).toEqual(['卢方/PERSON', '卢方/PERSON']);
  });
  it("a level's examinations authority or party office names no particular one (省教育考试院, 区委文明办)", () => {
    const d = docWith('记者从省教育考试院获悉，市委宣传部发布', [['省教育考试院', 'ORG'], ['市委宣传部', 'ORG']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual([]);
  });
  it('a bearing of the sixteen-point compass is no place (台东的北北西方); 西北 before 地区 is', () => {
    const d = docWith('中心位置在台东的北北西方约30公里，西北地区，西北东部、西南东南等地', [['台东', 'LOCATION'], ['北北', 'LOCATION'], ['西北', 'LOCATION'], ['西北', 'LOCATION', 20], ['西南', 'LOCATION']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['台东/LOCATION', '西北/LOCATION', '西北/LOCATION', '西南/LOCATION']);
  });
  it('China and Africa fused (中非领导人) are no place; the forum keeps its name', () => {
    const d = docWith('中非领导人再次相聚，中非合作论坛北京峰会', [['中非', 'LOCATION'], ['中非合作论坛', 'ORG']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['中非合作论坛/ORG']);
  });
  it('drops two fused abbreviations (沪滇, 港澳, 中美) and 沙戈荒; keeps a place of that name (台中, 晋中, 苏澳) and 鲁中', () => {
    const d = docWith('沪滇协作、港澳居民、中美关系、沙戈荒基地，台中、晋中、苏澳与鲁中', [
      ['沪滇', 'LOCATION'], ['港澳', 'LOCATION'], ['中美', 'LOCATION'], ['沙戈荒', 'LOCATION'], ['台中', 'LOCATION'], ['晋中', 'LOCATION'], ['苏澳', 'LOCATION'], ['鲁中', 'LOCATION'],
    ]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['台中/LOCATION', '晋中/LOCATION', '苏澳/LOCATION', '鲁中/LOCATION']);
  });
  it('a city\'s one-character abbreviation pairs too, where the pair was read as a company or body (港深西部铁路); as a place it may be a town (深澳)', () => {
    const d = docWith('接驳港深西部铁路，深港合作，途经深澳渔港', [['港深', 'COMPANY'], ['深港', 'ORG'], ['深澳', 'LOCATION']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['深澳/LOCATION']);
  });
  it('kinds of firm and group, every ministry and a unit are generic (金控, 三合会, 各部会, 3奈米); two abbreviations fused as a "company" are none (台美关税)', () => {
    const d = docWith('金控获利报捷，警方打击三合会，各部会配合，3奈米订单塞爆，台美关税谈判，美系外资示警，入伍前是空军飞行员', [
      ['金控', 'COMPANY'], ['三合会', 'ORG'], ['各部会', 'ORG'], ['奈米', 'COMPANY'], ['台美', 'COMPANY'], ['美系外资', 'COMPANY'], ['空军', 'ORG'],
    ]);
    genericComponent.run(d);
    expect(shown(d)).toEqual([]);
  });
  it('中国 in 新中国 and 一个中国 names no place, nor a product in a town\'s title (中国茶叶之乡); 创新中国 and 中国 alone stay', () => {
    const d = docWith('新中国成立以来，坚持一个中国原则，安溪是中国茶叶之乡，创新中国建设，中国经济', [['中国', 'LOCATION'], ['中国', 'LOCATION', 10], ['茶叶', 'LOCATION'], ['中国', 'LOCATION', 28], ['中国', 'LOCATION', 33]]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['中国/LOCATION', '中国/LOCATION']);
    expect(d.mentions.map((m) => m.start)).toEqual([29, 34]);
  });
  it('keeps two regions of the world written as one noun (港澳市场, 欧美国家), not fused with their people (港澳居民)', () => {
    const d = docWith('供应港澳市场与欧美国家，港澳居民关注', [['港澳', 'LOCATION'], ['欧美', 'LOCATION'], ['港澳', 'LOCATION', 12]]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['港澳/LOCATION', '欧美/LOCATION']);
  });
  it('a kind of state organ after a place (辽宁检察机关) names the place only; bare, nothing', () => {
    const d = docWith('辽宁检察机关依法对其提起公诉，检察机关表示', [['辽宁检察机关', 'ORG'], ['检察机关', 'ORG']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['辽宁/LOCATION']);
  });
  it('drops kinds of bank (农商行, 城商行), a trading day taken for a name, and a surname with 嫌 (吕嫌: suspect Lü)', () => {
    const d = docWith('农商行与城商行，近3个交易日，吕嫌被捕', [['农商行', 'COMPANY'], ['城商行', 'COMPANY'], ['交易日', 'COMPANY'], ['吕嫌', 'PERSON']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual([]);
  });
  it('in a Taiwan article keeps a bare bureau the article is about (地政局), not a fire bureau or a press office (消防局, 新闻局)', () => {
    const d = docWith('地政局表示，消防局与新闻局配合，周休二日与陈情人', [['地政局', 'ORG'], ['消防局', 'ORG'], ['新闻局', 'ORG'], ['周休', 'PERSON'], ['陈情人', 'PERSON']]);
    d.region = { region: 'TW', source: 'request', reason: 'test' };
    genericComponent.run(d);
    expect(shown(d)).toEqual(['地政局/ORG']);
  });
  it('drops a word for a person that is no name (老翁, 事主, 男子), keeps a name', () => {
    const d = docWith('老翁接到电话，事主及男子报警，陈大文被捕', [['老翁', 'PERSON'], ['事主', 'PERSON'], ['男子', 'PERSON'], ['陈大文', 'PERSON']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['陈大文/PERSON']);
  });
  it('drops a surname alone as a person (李、邹), also before a form of address (王先生, 许县长), keeps full names', () => {
    const d = docWith('李、邹与何一度争执，王先生、许县长和邹家华出席', [['李', 'PERSON'], ['邹', 'PERSON'], ['何', 'PERSON'], ['王', 'PERSON'], ['许县长', 'PERSON'], ['邹家华', 'PERSON']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['邹家华/PERSON']);
  });
  it('drops local bodies named only by their level (省卫生厅, 市工商联, bare 统计局), keeps named and national ones', () => {
    const d = docWith('省卫生厅、市工商联和统计局会同湖南省卫生健康委员会、国家统计局、省政府驻上海办事处', [
      ['省卫生厅', 'ORG'], ['市工商联', 'ORG'], ['统计局', 'ORG'], ['湖南省卫生健康委员会', 'ORG'], ['国家统计局', 'ORG'], ['省政府驻上海办事处', 'ORG'],
    ]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['湖南省卫生健康委员会/ORG', '国家统计局/ORG', '省政府驻上海办事处/ORG']);
    const w = docWith('区党工委书记和湘江新区党工委', [['区党工委', 'ORG'], ['湘江新区党工委', 'ORG']]);
    genericComponent.run(w);
    expect(shown(w)).toEqual(['湘江新区党工委/ORG']);
    const g = docWith('市发展改革委和德州市发展改革委', [['市发展改革委', 'ORG'], ['德州市发展改革委', 'ORG']]);
    genericComponent.run(g);
    expect(shown(g)).toEqual(['德州市发展改革委/ORG']);
    const e = docWith('县委宣传部和市政府办公室发文，株洲市委宣传部转发', [['县委宣传部', 'ORG'], ['市政府办公室', 'ORG'], ['株洲市委宣传部', 'ORG']]);
    genericComponent.run(e);
    expect(shown(e)).toEqual(['株洲市委宣传部/ORG']);
    // Taiwan's bare department names, and bare congresses (`人大常委会`), name no particular one
    const f = docWith('市府新闻局与台中市新闻局、人大常委会、甘肃省人大常委会', [['新闻局', 'ORG'], ['台中市新闻局', 'ORG'], ['人大常委会', 'ORG'], ['甘肃省人大常委会', 'ORG']]);
    genericComponent.run(f);
    expect(shown(f)).toEqual(['台中市新闻局/ORG', '甘肃省人大常委会/ORG']);
    // a court, procuratorate or government after its level word only (`县人民检察院`), not a named one
    const c = docWith('县人民检察院、市中级人民法院和区人民政府，秭归县人民检察院', [['县人民检察院', 'ORG'], ['市中级人民法院', 'ORG'], ['区人民政府', 'ORG'], ['秭归县人民检察院', 'ORG']]);
    genericComponent.run(c);
    expect(shown(c)).toEqual(['秭归县人民检察院/ORG']);
  });
  it("drops a country's make (美系), a kind of factory (灯塔工厂) and Macao's casino kinds (衛星場, 博彩承批公司)", () => {
    const d = docWith('美系外资看好，灯塔工厂落地，卫星场由博彩承批公司经营，美国商会，为财险公司', [['美系', 'COMPANY'], ['灯塔工厂', 'COMPANY'], ['卫星场', 'LOCATION'], ['博彩承批公司', 'COMPANY'], ['美国商会', 'ORG'], ['为财险公司', 'COMPANY']]);
    genericComponent.run(d);
    expect(shown(d)).toEqual(['美国商会/ORG']);
  });
  it('drops single-character abbreviations fused into words, keeps standalone ones', () => {
    const d = docWith('中美贸易升温，湘企产品销往欧、美、日', [['中', 'LOCATION'], ['美', 'LOCATION'], ['湘', 'LOCATION'], ['欧', 'LOCATION'], ['美', 'LOCATION', 15], ['日', 'LOCATION', 17]]);
    abbreviationComponent.run(d);
    expect(shown(d)).toEqual(['欧/LOCATION', '美/LOCATION', '日/LOCATION']);
  });
  it('drops a direction listed among directions (西、中、东三条通道), keeps 中 among countries (中、美、日)', () => {
    const d = docWith('中欧班列构建了西、中、东三条通道，中、美、日等国', [['中', 'LOCATION', 9], ['中', 'LOCATION', 17], ['美', 'LOCATION'], ['日', 'LOCATION']]);
    abbreviationComponent.run(d);
    expect(shown(d)).toEqual(['中/LOCATION', '美/LOCATION', '日/LOCATION']);
  });
  it('keeps one-character surnames-as-people alone (PERSON is not touched)', () => {
    const d = docWith('老王说', [['王', 'PERSON']]);
    abbreviationComponent.run(d);
    expect(shown(d)).toEqual(['王/PERSON']);
  });
});
