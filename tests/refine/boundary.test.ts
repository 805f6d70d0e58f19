import { describe, expect, it } from 'vitest';
import { trimEdges } from '../../src/pipeline/refine/boundary.js';
import { segment } from '../../src/pipeline/segment/jieba.js';
import { docWith, runSegmented, shown } from './helpers.js';

/** Trim the given mentions of `text`, segmented as the pipeline segments it. */
const run = runSegmented(trimEdges);

describe('refine-boundary', () => {
  it('two three-character names written together are two people; one long name is not cut', () => {
    expect(run('何永贤麦美娟到场', [['何永贤麦美娟', 'PERSON']])).toEqual(['何永贤/PERSON', '麦美娟/PERSON']);
    expect(run('波尔卡诺娃获胜', [['波尔卡诺娃', 'PERSON']])).toEqual(['波尔卡诺娃/PERSON']);
  });
  it('a person cut one character short is the unknown word the segmenter reads (范冠一, 吴哲家, 和晓军); not a verb after a name (谭咏说)', () => {
    expect(run('副县长范冠一主持召开会议', [['范冠', 'PERSON']])).toEqual(['范冠一/PERSON']);
    expect(run('董事长吴哲家等一同出席', [['吴哲', 'PERSON']])).toEqual(['吴哲家/PERSON']);
    expect(run('局长和晓军生于1970年', [['晓军', 'PERSON']])).toEqual(['和晓军/PERSON']);
    expect(run('记者谭咏说', [['谭咏', 'PERSON']])).toEqual(['谭咏/PERSON']);
    expect(run('捐赠仪式上张翔致欢迎辞，总经理曾伟作了发言', [['张翔', 'PERSON'], ['曾伟', 'PERSON']])).toEqual(['张翔/PERSON', '曾伟/PERSON']);
    // (where the segmenter reads the name alone, it stays)
    expect(run('总监郭浩任职', [['郭浩', 'PERSON']])).toEqual(['郭浩/PERSON']);
  });
  it("a companion's or a neighbour's word before a place and a floor before a body are cut (联同东区, 近东岸公园, 十五楼市政署)", () => {
    expect(run('局长联同东区区议员到访，活动在近东岸公园主题区举行，地点为十五楼市政署培训中心', [['联同东区', 'LOCATION'], ['近东岸公园主题区', 'LOCATION'], ['十五楼市政署培训中心', 'ORG']])).toEqual([
      '东区/LOCATION', '东岸公园主题区/LOCATION', '市政署培训中心/ORG',
    ]);
    // (a one-character preposition the segmenter reads as one: `据国家统计局`; not a place's first character, `同江北`)
    expect(run('据国家统计局数据，同江北口岸', [['据国家统计局', 'ORG'], ['同江北', 'LOCATION']])).toEqual(['国家统计局/ORG', '同江北/LOCATION']);
  });
  it('a discourse marker opening a sentence is not part of a name (二是博彩公司, 此外腾讯, 其中华为)', () => {
    expect(run('二是博彩公司调整赔率，此外腾讯也发布公告，其中华为表现最好', [['二是博彩公司', 'COMPANY'], ['此外腾讯', 'COMPANY'], ['其中华为', 'COMPANY']])).toEqual([
      '博彩公司/COMPANY', '腾讯/COMPANY', '华为/COMPANY',
    ]);
  });
  it('words of place before a name and a legislator after a party are cut (介乎京士顿街, 民众党立委)', () => {
    expect(run('介乎京士顿街与百德新街之间，民众党立委黄国昌', [['介乎京士顿街', 'LOCATION'], ['民众党立委', 'ORG'], ['黄国昌', 'PERSON']])).toEqual(['京士顿街/LOCATION', '民众党/ORG', '黄国昌/PERSON']);
  });
  it("a dateline's closing bracket ends what comes before it; a district before its councillors", () => {
    expect(run('〔记者吴仁捷／新北报导〕新北市警三重分局表示，深水埗区议员及沙田区区议员出席', [['新北报导〕新北市警三重分局', 'ORG'], ['深水埗区', 'LOCATION'], ['沙田区区', 'LOCATION']])).toEqual(['新北市警三重分局/ORG', '深水埗/LOCATION', '沙田区/LOCATION']);
  });
  it("a leader's administration is the leader where the article names him (川普政府)", () => {
    expect(run('总统川普表示，川普政府设下例外，台北市政府回应', [['川普', 'PERSON'], ['川普政府', 'ORG'], ['台北市政府', 'ORG']])).toEqual(['川普/PERSON', '川普/PERSON', '台北市政府/ORG']);
  });
  it("a place's urban area is the place (大冶城区 → 大冶); a district whose name ends so stays (蕉城区)", () => {
    expect(run('在大冶城区购房，蕉城区投资', [['大冶城区', 'LOCATION'], ['蕉城区', 'LOCATION']])).toEqual(['大冶/LOCATION', '蕉城区/LOCATION']);
  });
  it("a university's campus in brackets is part of its name; the place inside gives way", () => {
    expect(run('毕业于中国地质大学（武汉），后入读中国石油大学(北京)', [['中国地质大学', 'ORG'], ['武汉', 'LOCATION'], ['中国石油大学', 'ORG']])).toEqual(['中国地质大学（武汉）/ORG', '中国石油大学(北京)/ORG']);
  });
  it('a term before a body is not part of its name (来届立法会)', () => {
    expect(run('来届立法会将审议，新一届特区政府上任', [['来届立法会', 'ORG'], ['新一届特区政府', 'ORG']])).toEqual(['立法会/ORG', '特区政府/ORG']);
  });
  it('a one-character word after a name is not part of it where it is a token of its own (玉山金在)', () => {
    const d = docWith('玉山金在10月获利大增', [['玉山金在', 'COMPANY']]);
    d.tokens = segment(d.norm.text);
    trimEdges(d);
    expect(shown(d)).toEqual(['玉山金/COMPANY']);
  });
  it('a parent and its subsidiary written together are two companies; a company named only by place and kind leaves its places', () => {
    const d = docWith('国泰君安全资子公司国泰君安证裕投资有限公司跟投,海通证券全资子公司。湖南长沙某食品有限公司', [
      ['国泰君安全资子公司国泰君安证裕投资有限公司', 'COMPANY'], ['海通证券全资子公司', 'COMPANY'], ['湖南长沙某食品有限公司', 'COMPANY'],
    ]);
    trimEdges(d);
    expect(shown(d)).toEqual(['国泰君安/COMPANY', '国泰君安证裕投资有限公司/COMPANY', '海通证券/COMPANY', '湖南/LOCATION', '长沙/LOCATION']);
    const s = docWith('新北市三峡警分局三峡派出所员警', [['新北市三峡警分局三峡派出所', 'ORG']]);
    trimEdges(s);
    expect(shown(s)).toEqual(['新北市三峡警分局/ORG', '三峡派出所/ORG']);
    const e = docWith('南京军区空军某部学兵与大连某公司', [['南京军区空军', 'ORG'], ['大连', 'COMPANY']]);
    trimEdges(e);
    expect(shown(e)).toEqual(['南京军区空军/ORG', '大连/LOCATION']);
  });
  it('the end of a constituency glued before its member is not part of the name (选区罗明才)', () => {
    const d = docWith('新北市第十二选区罗明才', [['区罗明才', 'PERSON']]);
    trimEdges(d);
    expect(shown(d)).toEqual(['罗明才/PERSON']);
  });
  it('an adverb glued after a four-character name is not part of it (欧阳伯权亦)', () => {
    const d = docWith('欧阳伯权亦表示,李亦出席', [['欧阳伯权亦', 'PERSON'], ['李亦', 'PERSON']]);
    trimEdges(d);
    expect(shown(d)).toEqual(['欧阳伯权/PERSON', '李亦/PERSON']);
  });
  it('an industry epithet before a company is not part of it (异质结龙头东方日升)', () => {
    expect(run('异质结龙头东方日升、芯片巨头英伟达发布公告', [['异质结龙头东方日升', 'COMPANY'], ['芯片巨头英伟达', 'COMPANY']])).toEqual(['东方日升/COMPANY', '英伟达/COMPANY']);
    expect(run('股东中华保险集团增资，控股股东华润集团', [['股东中华保险集团', 'COMPANY'], ['控股股东华润集团', 'COMPANY']])).toEqual(['中华保险集团/COMPANY', '华润集团/COMPANY']);
  });
  it('a verb or a preposition that introduces a name is trimmed off its edge; so is a body\'s website after it', () => {
    expect(run('我们希望小米加快布局，由它承运远洋航运集团的货物。根据农业部官网，证监会官方微博发布', [['希望小米', 'COMPANY'], ['承运远洋航运集团', 'COMPANY'], ['根据农业部官网', 'ORG'], ['证监会官方微博', 'ORG']])).toEqual(['小米/COMPANY', '远洋航运集团/COMPANY', '农业部/ORG', '证监会/ORG']);
  });
  it("a body's word written twice before 长 ends the body at the first (三峡分局 + 分局长, 发展局 + 局长)", () => {
    expect(run('新北市警三峡分局分局长许再周表示，发展局局长出席', [['三峡分局分局', 'ORG'], ['发展局局', 'ORG']])).toEqual(['三峡分局/ORG', '发展局/ORG']);
  });
  it('a place cut short inside a word the segmenter reads as one place starts with that word (藏高原 of 青藏高原)', () => {
    expect(run('认真实施青藏高原生态保护法', [['藏高原', 'LOCATION']])).toEqual(['青藏高原/LOCATION']);
    expect(run('认真实施青藏高原生态保护法', [['青', 'PERSON'], ['藏高原', 'LOCATION']])).toEqual(['青/PERSON', '藏高原/LOCATION']);
    expect(run('认真实施青藏高原生态保护法', [['青', 'LOCATION'], ['藏高原', 'LOCATION']])).toEqual(['青藏高原/LOCATION']);
    expect(run('我们走进首都北京', [['北京', 'LOCATION']])).toEqual(['北京/LOCATION']);
  });
  it('a lone 经 before a body is the preposition (经文化和旅游部数据中心测算); 经信委 keeps its 经', () => {
    expect(run('经文化和旅游部数据中心测算，市经信委表示，高新区、经开区', [['经文化和旅游部数据中心', 'ORG'], ['市经信委', 'ORG'], ['经开区', 'LOCATION']])).toEqual(['文化和旅游部数据中心/ORG', '市经信委/ORG', '经开区/LOCATION']);
  });
  it('leaves names whose edge tokens are verbs to jieba but name parts', () => {
    expect(run('工商银行湖北省分行发布公告', [['工商银行湖北省分行', 'COMPANY']])).toEqual(['工商银行湖北省分行/COMPANY']);
  });
  it('a stock code after a company and a photo credit after a media outlet are not part of the name', () => {
    const text = '新鸿基地产(00016)公布业绩,腾讯控股（0700.HK）上涨。（中央社资料照）新华社发 时代周报记者摄 证券时报网作者';
    const d = docWith(text, [['新鸿基地产(00016)', 'COMPANY'], ['腾讯控股（0700.HK）', 'COMPANY'], ['中央社资料照', 'ORG'], ['新华社发', 'ORG'], ['时代周报记者摄', 'ORG'], ['证券时报网作者', 'ORG']]);
    trimEdges(d);
    expect(shown(d)).toEqual(['新鸿基地产/COMPANY', '腾讯控股/COMPANY', '中央社/ORG', '新华社/ORG', '时代周报/ORG', '证券时报网/ORG']);
  });
  it('a stock code inside a company mention ends the name (日月光（3711）半導體公司 → 日月光)', () => {
    const text = '日月光（3711）半导体公司3日动土，王品(2727)集团公布营收';
    const d = docWith(text, [['日月光（3711）半导体公司', 'COMPANY'], ['王品(2727)集团', 'COMPANY']]);
    trimEdges(d);
    expect(shown(d)).toEqual(['日月光/COMPANY', '王品/COMPANY']);
  });
  it("a byline's reporter and place joined by a slash are not one person (王苡蘋╱高雄)", () => {
    const text = '记者王苡蘋╱高雄报导，李四/台北';
    const d = docWith(text, [['王苡蘋╱高雄', 'PERSON'], ['李四/台北', 'PERSON']]);
    trimEdges(d);
    expect(shown(d)).toEqual(['王苡蘋/PERSON', '李四/PERSON']);
  });
  it("a place's people are the place (台南人 → 台南), a place whose name ends in 人 is left alone", () => {
    const text = '身为台南人，成都人的习惯，仙人洞';
    const d = docWith(text, [['台南人', 'LOCATION'], ['成都人', 'LOCATION'], ['仙人洞', 'LOCATION']]);
    trimEdges(d);
    expect(shown(d)).toEqual(['台南/LOCATION', '成都/LOCATION', '仙人洞/LOCATION']);
  });
  it('a count of the companies just named is not glued to the last one', () => {
    const text = '中国船舶与中国重工两大集团完成合并，三大运营商';
    const d = docWith(text, [['中国重工两大集团', 'COMPANY'], ['三大运营商', 'COMPANY']]);
    trimEdges(d);
    expect(shown(d)).toEqual(['中国重工/COMPANY', '三大运营商/COMPANY']);
  });
  it('a dash or slash is never at the edge of a name', () => {
    const text = '中国—东盟自贸区与/长沙银行';
    const d = docWith(text, [['中国—', 'LOCATION'], ['/长沙银行', 'COMPANY']]);
    trimEdges(d);
    expect(shown(d)).toEqual(['中国/LOCATION', '长沙银行/COMPANY']);
  });
  it("a leader's title is cut off an organisation or a country", () => {
    const text = '英国首相访华，国务院国资委主任出席，英国首相办公室发表声明';
    const d = docWith(text, [['英国首相', 'ORG'], ['国务院国资委主任', 'ORG'], ['英国首相办公室', 'ORG']]);
    trimEdges(d);
    expect(shown(d)).toEqual(['英国/LOCATION', '国务院国资委/ORG', '英国首相办公室/ORG']);
  });
  it("a title is cut off a person's name", () => {
    expect(run('爱克科技董事长特助林柏舟表示，主任刘海宾介绍，书记员王某', [['特助林柏舟', 'PERSON'], ['主任刘海宾', 'PERSON'], ['书记员王某', 'PERSON']])).toEqual(['林柏舟/PERSON', '刘海宾/PERSON', '书记员王某/PERSON']);
  });
});
