import { describe, expect, it } from 'vitest';
import { applyCompanies, typeOfName } from '../../src/pipeline/refine/companies.js';
import { segmentStep } from '../../src/pipeline/segment/step.js';
import { docWith, shown } from './helpers.js';

/** The mentions after refine-companies over `text`, in an article of `region` where one is given. */
const run = (text: string, spans: Parameters<typeof docWith>[1], region?: 'HK' | 'MO' | 'TW' | 'CN') => {
  const d = docWith(text, spans);
  if (region) d.region = { region, source: 'request', reason: 'test' };
  segmentStep(d);
  applyCompanies(d);
  return shown(d);
};

describe('refine-companies', () => {
  it("a name that is also a common phrase is the company before its governing body (中国石化党组, ANNOTATION.md's 宁德时代董事会)", () => {
    expect(run('中国石化党组召开会议', [['中国', 'LOCATION']])).toEqual(['中国石化/COMPANY']);
    expect(run('中国石化行业协会召开会议', [])).toEqual([]);
  });
  it('a listed name that ends in a fixed phrase\'s 中国 is none (时代中国 of 新时代中国特色); solar power is no company', () => {
    expect(run('新闻联播推出《学习贯彻习近平新时代中国特色社会主义思想主题教育》专栏', [['习近平', 'PERSON']])).toEqual(['习近平/PERSON']);
    expect(run('宁波口岸电动载人汽车、太阳能电池、锂电池出口分别增长', [])).toEqual([]);
    expect(run('时代中国公布业绩，股价上涨', [])).toEqual(['时代中国/COMPANY']);
  });
  it('a brand read with its stores as one place is the company (瑞幸门店)', () => {
    expect(run('瑞幸门店数量突破2万家', [['瑞幸门店', 'LOCATION']])).toEqual(['瑞幸/COMPANY']);
  });
  it('tags a listed company that nothing covers', () => {
    expect(run('据悉，中石化将在当地新建一座加油站。', [])).toEqual(['中石化/COMPANY']);
  });
  it("a listed body written with its head's title is tagged before the title (交通部长, 发展局局长); a bare 部长 is no body", () => {
    expect(run('交通部长李明表示，发展局局长张华出席，部长随后离开', [['李明', 'PERSON'], ['张华', 'PERSON']])).toEqual(['交通部/ORG', '李明/PERSON', '发展局/ORG', '张华/PERSON']);
  });
  it("Hong Kong's bodies by the names its press uses (O记, 新社联, 死因庭)", () => {
    expect(run('O记人员拘捕两人，新社联代表出席，案件交死因庭研讯', [])).toEqual(['O记/ORG', '新社联/ORG', '死因庭/ORG']);
  });
  it('international organisations by their Latin acronyms and Chinese names are ORG (OECD, NBA, 国际能源署)', () => {
    expect(run('OECD与国际能源署发布报告，NBA中国赛开打', [])).toEqual(['OECD/ORG', '国际能源署/ORG', 'NBA/ORG']);
  });
  it('convenience stores and a guide by their brands (7-ELEVEN, 米其林); 7-11 only where the sentence is about business', () => {
    expect(run('全台7-ELEVEN门市加强备货，米其林推荐餐厅', [])).toEqual(['7-ELEVEN/COMPANY', '米其林/COMPANY']);
    expect(run('比分7-11落后', [])).toEqual([]);
  });
  it("Taiwan's professional baseball league and its teams are organisations (中华职棒, 中信兄弟, 乐天桃猿队), not their owners", () => {
    expect(run('中华职棒总冠军赛由中信兄弟对阵乐天桃猿队', [['中信', 'COMPANY'], ['乐天桃猿', 'LOCATION']])).toEqual(['中华职棒/ORG', '中信兄弟/ORG', '乐天桃猿队/ORG']);
  });
  it("a region's body by a name that is generic elsewhere is tagged in that region's articles only (海关 in Hong Kong, 新闻局 in Macao)", () => {
    expect(run('两名旅客被海关截查，案件交高院审理', [], 'HK')).toEqual(['海关/ORG', '高院/ORG']);
    expect(run('新闻局今日公布，检察院已立案', [], 'MO')).toEqual(['新闻局/ORG', '检察院/ORG']);
    expect(run('据海关统计，省高院通报，检察院已立案', [], 'CN')).toEqual([]);
  });
  it('a listed company jieba glued to a conjunction before it or a verb after it (及美团, 大摩指)', () => {
    expect(run('中芯国际(0981)及美团(3690)分别升1.39%。大摩指，外资流入增多', [['中芯国际', 'COMPANY']])).toEqual([
      '中芯国际/COMPANY',
      '美团/COMPANY',
      '大摩/COMPANY',
    ]);
    // (not a name whose first character closes a place with a one-character word before it: `台中共有`, `中东航点`)
    expect(run('台中共有5项荣获六都第一，未来布局中东航点', [])).toEqual([]);
    // (the longest listed name, where the segmenter glued the market's verb to its last character: `台积电冲`)
    expect(run('更多新闻：台积电冲568元创14个月新高', [])).toEqual(['台积电/COMPANY']);
  });
  it('the commonest words among company names need a company word after them or another company in the sentence', () => {
    expect(run('跨境投资、现代服务业项目陆续签约', [])).toEqual([]);
    // another company in the sentence does not make the common word a company where a noun follows it
    expect(run('项目涉及现代服务业，签约企业有一汽解放、玲珑轮胎', [['一汽解放', 'COMPANY'], ['玲珑轮胎', 'COMPANY']])).toEqual(['一汽解放/COMPANY', '玲珑轮胎/COMPANY']);
    expect(run('现代和起亚在华投资新建工厂', [['起亚', 'COMPANY']])).toEqual(['现代/COMPANY', '起亚/COMPANY']);
    expect(run('现代汽车在华投资新建工厂', [])).toEqual(['现代汽车/COMPANY']);
    expect(run('比亚迪、理想和蔚来的销量均上升', [['比亚迪', 'COMPANY'], ['蔚来', 'COMPANY']])).toEqual(['比亚迪/COMPANY', '理想/COMPANY', '蔚来/COMPANY']);
  });
  it('a name with revenue, a board or a results briefing is a company, and so is every mention of it', () => {
    // (a name on no list: `联强` is a listed company now; each mention at its own offset)
    expect(run('鼎元今天召开法人说明会，副总裁杜书全表示，鼎元2025年营收4112亿元，鼎元受惠于AI。', [['鼎元', 'PERSON', 0], ['杜书全', 'PERSON'], ['鼎元', 'PERSON', 21], ['鼎元', 'PERSON', 37]])).toEqual([
      '鼎元/COMPANY', '杜书全/PERSON', '鼎元/COMPANY', '鼎元/COMPANY',
    ]);
    expect(run('董事长王伟表示，公司今年营收增长', [['王伟', 'PERSON']])).toEqual(['王伟/PERSON']);
  });
  it("a construction group's engineering bureau is a company, tagged where nothing covers it (中建三局, 中交一航局)", () => {
    expect(run('由中建八局承建，中交一航局参与，中铁十四局集团中标', [['中建八局', 'ORG'], ['中铁', 'COMPANY']])).toEqual(['中建八局/COMPANY', '中交一航局/COMPANY', '中铁十四局集团/COMPANY']);
    expect(typeOfName('中建三局')).toBe('COMPANY');
    expect(typeOfName('中国铁路局')).toBe(null);
  });
  it('words that end in a conjunction or a preposition before a listed company inside a mention are not its name (故携程商务公司); a place or a listed name there is', () => {
    expect(run('故携程商务公司仅应承担赔偿，原告未因携程商务公司履行合同', [['故携程商务公司', 'COMPANY'], ['原告未因携程商务公司', 'COMPANY']])).toEqual(['携程商务公司/COMPANY', '携程商务公司/COMPANY']);
    expect(run('北京万科和上汽大众合作', [['北京万科', 'COMPANY'], ['上汽大众', 'COMPANY']])).toEqual(['北京万科/COMPANY', '上汽大众/COMPANY']);
  });
  it('a name ending in 公司 is a company, also one mined from MSRA, whose nt does not tell (微软公司, 环球公司); a broadcaster is a media outlet', () => {
    expect(run('微软公司和环球公司宣布合作，英国广播公司报道', [['微软公司', 'COMPANY'], ['环球公司', 'ORG'], ['英国广播公司', 'ORG']])).toEqual([
      '微软公司/COMPANY', '环球公司/COMPANY', '英国广播公司/ORG',
    ]);
    for (const n of ['通用汽车公司', '某某贸易公司', '中国石化总公司']) expect(typeOfName(n)).toBe('COMPANY');
    for (const n of ['美国哥伦比亚广播公司', '斯里兰卡电视公司']) expect(typeOfName(n)).not.toBe('COMPANY');
    // the central bank's branches are government offices; a business bank's are the bank's
    for (const n of ['中国人民银行宁波市中心支行', '人民银行武汉分行', '央行上海总部']) expect(typeOfName(n)).toBe('ORG');
    expect(typeOfName('工商银行长沙分行')).toBe('COMPANY');
    // the multilateral banks are international organisations; the policy bank 国家开发银行 is a company
    for (const n of ['亚洲开发银行', '新开发银行', '欧洲投资银行']) expect(typeOfName(n)).toBe('ORG');
    for (const n of ['国家开发银行', '开发银行']) expect(typeOfName(n)).toBe('COMPANY');
  });
  it("a stock's special-treatment prefix or share-class suffix belongs to its name (*ST万方, 小米集团-W), also where nothing covers it", () => {
    expect(run('监管机构对*ST万方、ST中利立案，小米集团-W上涨，斯特威-W发布公告，美团-W', [['小米集团', 'COMPANY'], ['美团', 'COMPANY']])).toEqual([
      '*ST万方/COMPANY', 'ST中利/COMPANY', '小米集团-W/COMPANY', '斯特威-W/COMPANY', '美团-W/COMPANY',
    ]);
    expect(run('型号ABC-W与STEM教育', [])).toEqual([]);
  });
  it('a listed name that is also a common word, listed right after a company (零跑、小鹏、理想), not in a sentence without one', () => {
    expect(run('前三名依次是零跑、小鹏、理想。', [['小鹏', 'PERSON']])).toEqual(['零跑/COMPANY', '小鹏/COMPANY', '理想/COMPANY']);
    expect(run('我们的理想是建设美好家园。', [])).toEqual([]);
  });
  it('a listed name after 以 and before a Latin or numbered product (以辉达GB200, 长建（1038）)', () => {
    expect(run('鸿海已布建4个以辉达GB200绘图处理平台', [])).toEqual(['鸿海/COMPANY', '辉达/COMPANY']);
  });
  it("names inside a market index's name are none; a centre that serves or manages is a body", () => {
    expect(run('恒生中国企业指数跌，恒生科技指数升，恒生银行升', [['恒生', 'COMPANY'], ['中国', 'LOCATION'], ['恒生科技', 'COMPANY'], ['恒生银行', 'COMPANY']])).toEqual(['恒生银行/COMPANY']);
    expect(run('阿克苏招商服务中心与国家会展中心', [['阿克苏招商服务中心', 'LOCATION'], ['国家会展中心', 'LOCATION']])).toEqual(['阿克苏招商服务中心/ORG', '国家会展中心/LOCATION']);
  });
  it("a short name right before its stock code in brackets is a company, without the words before it", () => {
    expect(run('科技股方面，华虹（1347）升3.9%，上海复旦（1385）升，而紫金（2899）跌，例如招金（1818）', [['上海复旦', 'ORG']])).toEqual([
      '华虹/COMPANY', '上海复旦/COMPANY', '紫金/COMPANY', '招金/COMPANY',
    ]);
    // a legal name is not cut after a listed short name and a verb (东方证券承销保荐有限公司)
    expect(run('东方证券承销保荐有限公司担任保荐人', [['东方证券承销保荐有限公司', 'COMPANY']])).toEqual(['东方证券承销保荐有限公司/COMPANY']);
    // nor a locative (当中), a time word or an epithet before a listed name (双雄富邦金)
    expect(run('全年当中宏桥（1378）表现最佳，双雄富邦金（2881）获利', [])).toEqual(['宏桥/COMPANY', '富邦金/COMPANY']);
  });
  it("a country in brackets after a player's name is a place", () => {
    expect(run('波尔卡诺娃(奥地利)/斯佐科斯(罗马尼亚)夺冠', [['波尔卡诺娃', 'PERSON'], ['奥地利', 'ORG'], ['斯佐科斯', 'PERSON'], ['罗马尼亚', 'ORG']])).toEqual([
      '波尔卡诺娃/PERSON', '奥地利/LOCATION', '斯佐科斯/PERSON', '罗马尼亚/LOCATION',
    ]);
  });
  it('a listed name may end inside a token jieba could not read (港铁重), not inside a word it knows (交通部门)', () => {
    expect(run('港铁重铁路线当晚通宵行驶', [])).toEqual(['港铁/COMPANY']);
    expect(run('各地交通部门加强巡查', [])).toEqual([]);
  });
  it('a place strictly inside a listed name gives way', () => {
    expect(run('一汽集团今天公布了新车型，长春各界关注。', [['一汽', 'LOCATION'], ['长春', 'LOCATION']])).toEqual([
      '一汽集团/COMPANY',
      '长春/LOCATION',
    ]);
  });
  it('a shorter name inside a listed one gives way (`腾讯` in `腾讯控股`)', () => {
    expect(run('腾讯控股公布业绩。', [['腾讯', 'COMPANY']])).toEqual(['腾讯控股/COMPANY']);
  });
  it('knows the best-known companies (companies-best-known.tsv); a name that is also a word needs a sentence about business', () => {
    expect(run('宁德时代与宝马签约，高盛看好。', [])).toEqual(['宁德时代/COMPANY', '宝马/COMPANY', '高盛/COMPANY']);
    expect(run('小米发布新款手机。', [])).toEqual(['小米/COMPANY']);
    expect(run('早餐喝了一碗小米粥，又吃了一个苹果。', [])).toEqual([]);
    // cooperation is between anyone: no cue of business (`产学合作` … `百年荣耀`)
    expect(run('加强产学合作，展现百年荣耀的愿景。', [])).toEqual([]);
    expect(run('荣耀发布新款手机。', [])).toEqual(['荣耀/COMPANY']);
  });
  it('a conjunction or a preposition the recogniser or the segmenter left before a listed name is not part of it', () => {
    expect(run('京东跌1.8%，惟百度逆市高收，由美团牵头', [['京东', 'COMPANY'], ['惟百度', 'COMPANY'], ['由美团', 'ORG']])).toEqual(['京东/COMPANY', '百度/COMPANY', '美团/COMPANY']);
    expect(run('京东（9618）跌1.8%，惟百度（9888）逆市高收', [])).toEqual(['京东/COMPANY', '百度/COMPANY']);
  });
  it("a group's numbered academy is part of its name", () => {
    expect(run('航天科技集团五院抓总研制，航天科工集团二院院长出席', [['航天科技集团', 'ORG'], ['航天科工集团', 'COMPANY']])).toEqual([
      '航天科技集团五院/COMPANY', '航天科工集团二院/COMPANY',
    ]);
  });
  it('a mention that runs from a listed company into a verb or a Latin product name ends with the company', () => {
    expect(run('苹果iPhone销量下滑。', [['苹果iPhone', 'COMPANY']])).toEqual(['苹果/COMPANY']);
  });
  it('an ORG reaching past the name blocks it', () => {
    expect(run('中石化党校举办培训班。', [['中石化党校', 'ORG']])).toEqual(['中石化党校/ORG']);
  });
  it('knows Hong Kong, Macao and Taiwan government bodies and best-known companies (bodies-hk-mo-tw.tsv)', () => {
    expect(run('行政院会通过预算，运输及物流局表示，港铁与台积电公布业绩，统计暨普查局公布数据。', [])).toEqual([
      '行政院/ORG', '运输及物流局/ORG', '港铁/COMPANY', '台积电/COMPANY', '统计暨普查局/ORG',
    ]);
    expect(run('财政局和省卫生厅表示', [])).toEqual([]); // bare local bureaus are generic: never tagged from a list
  });
  it('knows Taiwan and Hong Kong listed companies by their short names and more Hong Kong and Macao bodies', () => {
    for (const n of ['新光金', '国票金', '台企银', '世界先进', '汇控', '长建']) expect(typeOfName(n)).toBe('COMPANY');
    for (const n of ['立会', '区议会', '交通咨询委员会', '市政署']) expect(typeOfName(n)).toBe('ORG');
    for (const n of ['粤水电', '广东建工', '全家便利商店']) expect(typeOfName(n)).toBe('COMPANY');
    // (全家 is also a word: tagged only in a sentence about business)
    expect(run('全家人一起吃饭', [])).toEqual([]);
    expect(run('全家1月营收创新高', [])).toEqual(['全家/COMPANY']);
  });
  it('retypes a mention that is exactly a listed company', () => {
    expect(run('市民很喜欢比亚迪的新车。', [['比亚迪', 'PERSON']])).toEqual(['比亚迪/COMPANY']);
  });
  it('an ambiguous listed name read as a place or a person keeps that reading outside a sentence about business', () => {
    expect(run('受持续高温少雨影响，江淮和黄淮部分地区气象干旱。', [['江淮', 'LOCATION'], ['黄淮', 'LOCATION']])).toEqual(['江淮/LOCATION', '黄淮/LOCATION']);
    expect(run('五一假期，王府井游客如织。', [['王府井', 'LOCATION']])).toEqual(['王府井/LOCATION']);
    // a cue word, or another company in the sentence, makes it the company
    expect(run('江淮汽车之外，江淮一季度销量增长。', [['江淮', 'LOCATION']])).toContain('江淮/COMPANY');
    expect(run('理想今年1、2月被小鹏反超。', [['理想', 'COMPANY'], ['小鹏', 'PERSON']])).toEqual(['理想/COMPANY', '小鹏/COMPANY']);
  });
  it('central banks are ORG, business banks and groups COMPANY', () => {
    expect(typeOfName('中国人民银行')).toBe('ORG');
    expect(typeOfName('欧洲中央银行')).toBe('ORG');
    // bodies that are no business, taken for one: orchestras, associations, universities
    expect(run('中国爱乐乐团与深圳市汽车产业协会、湖南大学签约', [['中国爱乐乐团', 'COMPANY'], ['深圳市汽车产业协会', 'COMPANY'], ['湖南大学', 'COMPANY']])).toEqual([
      '中国爱乐乐团/ORG', '深圳市汽车产业协会/ORG', '湖南大学/ORG',
    ]);
    expect(run('台北市蛋商业同业公会表示', [['台北市蛋商业同业公会', 'COMPANY']])).toEqual(['台北市蛋商业同业公会/ORG']);
    expect(typeOfName('湘南农商银行')).toBe('COMPANY');
    expect(typeOfName('某某建工集团')).toBe('COMPANY');
    expect(typeOfName('二十国集团')).not.toBe('COMPANY');
    expect(run('人民银行长沙中心支行与湘江银行签约。', [['人民银行', 'COMPANY'], ['湘江银行', 'ORG']])).toEqual([
      '人民银行/ORG',
      '湘江银行/COMPANY',
    ]);
  });
  it('兴业 in the set phrase 投资兴业 is no bank; in a sentence about the bank it is', () => {
    expect(run('欢迎广大企业家来湘投资兴业，共谋发展', [])).toEqual([]);
    expect(run('招商银行与兴业签约合作', [])).toEqual(['招商银行/COMPANY', '兴业/COMPANY']);
  });
  it('a listed name read as a person after a title is that person wherever the article names them (校长福斯特…福斯特校长); with results it is the company', () => {
    expect(run('习近平会见哈佛大学校长福斯特。习近平欢迎福斯特校长访华', [['习近平', 'PERSON'], ['福斯特', 'PERSON'], ['习近平', 'PERSON', 10], ['福斯特', 'PERSON', 14]])).toEqual(['习近平/PERSON', '哈佛大学/ORG', '福斯特/PERSON', '习近平/PERSON', '福斯特/PERSON']);
    expect(run('福斯特发布年报，营收增长', [['福斯特', 'PERSON']])).toEqual(['福斯特/COMPANY']);
  });
  it('knows more Hong Kong-listed and Taiwan companies by their short names, and a Taiwan group\'s 投顾/投信 after its name', () => {
    for (const n of ['鹰君', '载通', '周生生', '中电', '日月光', '环球晶', '长荣海运', '巨大机械', '全联', '王品']) expect(typeOfName(n)).toBe('COMPANY');
    expect(run('日月光1月营收创新高，环球晶随后公布', [])).toEqual(['日月光/COMPANY', '环球晶/COMPANY']);
    expect(run('群益投顾研究部副总裁曾炎裕分析', [['群益', 'COMPANY'], ['曾炎裕', 'PERSON']])).toEqual(['群益投顾/COMPANY', '曾炎裕/PERSON']);
  });
  it('knows mainland universities by their short names and the charities of the mainland and Taiwan (bodies-mainland.tsv)', () => {
    for (const n of ['复旦', '浙大', '哈工程', '壹基金', '慈济', '岭大']) expect(typeOfName(n)).toBe('ORG');
    expect(run('复旦和浙大的研究团队发布成果', [])).toEqual(['复旦/ORG', '浙大/ORG']);
  });
  it('浪潮 after a technology or an era is the wave, not Inspur; in a sentence about the company it is', () => {
    expect(run('但受惠AI浪潮，带动企业营收成长', [])).toEqual([]);
    expect(run('浪潮发布年报，营收增长', [])).toEqual(['浪潮/COMPANY']);
  });
  it('a mention that opens inside a word jieba knows is the listed name after it (当中/国泰航空, 上载/运输署); not after an unknown run (称美/x 司法部)', () => {
    expect(run('当中国泰航空客运收益上升，详情已上载运输署网页', [['中国泰航空客运', 'COMPANY'], ['载运输署', 'ORG']])).toEqual(['国泰航空/COMPANY', '运输署/ORG']);
    expect(run('媒体称美司法部将起诉波音公司', [['美司法部', 'ORG'], ['波音公司', 'COMPANY']])).toEqual(['美司法部/ORG', '波音公司/COMPANY']);
  });
  it("a listed name that ends a body every place has is not tagged there (考试院 of 省教育考试院); Taiwan's 考试院 is", () => {
    expect(run('记者从省教育考试院获悉，今年我省共有考生', [])).toEqual([]);
    expect(run('考试院今天召开院会', [], 'TW')).toEqual(['考试院/ORG']);
    expect(run('考试院今天召开院会', [])).toEqual([]);
  });
  it('a listed Latin name is a whole Latin word: LG, not the start of LGBTQ', () => {
    expect(run('LGBTQ群体的生存环境，LG电子营收增长', [])).toEqual(['LG电子/COMPANY']);
  });
  it('knows the units of CRRC by their short names (中车株洲所)', () => {
    expect(run('中车株洲所储能产业落地宜宾', [['中车株洲', 'COMPANY']])).toEqual(['中车株洲所/COMPANY']);
  });
  it('a company named after a crop is the crop in a sentence about it (苹果挂满枝头); Apple beside its phones is the company', () => {
    expect(run('陕西延安南沟村的苹果园，苹果挂满枝头，果农们正忙着摘袋', [['苹果', 'COMPANY', 11]])).toEqual([]);
    expect(run('华为手机销量已经超越苹果，苹果面临的压力', [['苹果', 'COMPANY'], ['苹果', 'COMPANY', 13]])).toEqual(['华为/COMPANY', '苹果/COMPANY', '苹果/COMPANY']);
  });
  it('modern corporate governance is no Hyundai (现代公司治理); 现代汽车 is', () => {
    expect(run('严格落实责任，完善国有企业现代公司治理，加强对国有资本的监管，企业营收增长', [])).toEqual([]);
    expect(run('现代汽车营收增长', [])).toEqual(['现代汽车/COMPANY']);
  });
  it('world-leading is no Vanguard (世界先进水平), the new era no Times China (新时代中国的蓬勃生机)', () => {
    expect(run('自然保护地规模和管理要达到世界先进水平，全方位呈现新时代中国的蓬勃生机，企业营收增长', [])).toEqual([]);
    expect(run('晶圆代工厂世界先进今天公布营收', [])).toEqual(['世界先进/COMPANY']);
  });
  it('the wall is no company: an association named after it keeps its name (长城保护协会), the tagger\'s 长城 read as a company is the place', () => {
    expect(run('村民还组建了长城保护协会保护长城', [['长城保护协会', 'ORG'], ['长城', 'LOCATION', 8]])).toEqual(['长城保护协会/ORG', '长城/LOCATION']);
    expect(run('村民自发到长城上捡拾垃圾', [['长城', 'COMPANY']])).toEqual(['长城/LOCATION']);
    expect(run('长城汽车营收增长，长城发布新车', [['长城', 'COMPANY', 5]])).toEqual(['长城汽车/COMPANY', '长城/COMPANY']);
  });
  it('联通 that connects is no company (硬联通, 联通国内国际两个市场, 成为联通中国同中亚国家的通道); China Unicom after a mark is', () => {
    expect(run('跨境电商优势，联通国内国际两个市场，基础设施硬联通，中吉乌铁路将成为联通中国同中亚国家的最短陆上通道，企业营收增长', [])).toEqual([]);
    expect(run('移动、联通、电信三大运营商营收增长', [])).toEqual(['联通/COMPANY']);
  });
  it('浪潮 after a word of its own is a wave (返城浪潮), after a mark or a preposition the company; 舍得 after an adverb is the verb', () => {
    expect(run('简单考察一下春节后的返城浪潮就足以认识到这一点，企业营收增长', [])).toEqual([]);
    expect(run('服务器厂商营收增长，与浪潮合作的企业', [])).toEqual(['浪潮/COMPANY']);
    expect(run('婆婆在一家人的吃上却很舍得花钱，平时连手机流量都不舍得开，营收增长', [])).toEqual([]);
    expect(run('舍得发布年报，营收增长', [])).toEqual(['舍得/COMPANY']);
  });
});
