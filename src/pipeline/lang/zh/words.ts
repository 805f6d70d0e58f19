/** Chinese word lists for the refine components (simplified script: they match `doc.norm`). */

/** Bare generic references with no name in them: never tagged on their own (ANNOTATION.md). */
export const GENERIC_REFERENCES = new Set([
  '市委', '市政府', '省委', '省政府', '县委', '县政府', '区委', '区政府', '镇政府', '乡政府', '政府', '人民政府', '党委', '党组', '党工委',
  '省里', '市里', '县里', '开发区', '经开区', '高新区', '新区', '园区', '片区', '管委会', '公司', '集团', '本公司', '该公司', '母公司', '子公司',
  '我省', '我市', '全省', '全市', '本市', '本港', '该企业', '企业', '新茶饮', '茶饮', '新势力', '造车新势力', '民政事务', '北水', '组织部', '宣传部', '统战部', '海关', '董事会', '监事会', '新闻中心',
  // one region's bodies whose names are common nouns elsewhere (bodies-hk-mo-tw.tsv names them for their region): Hong
  // Kong's Observatory, Taiwan's Examination Yuan (`人们开始建造天文台`, `省考试院`)
  '天文台', '考试院',
  // Hong Kong's allowances and funds, no body's name (`生果金`: the Old Age Allowance)
  '生果金', '长生津', '综援', '长者生活津贴', '高龄津贴', '伤残津贴', '强积金',
  '执行理事会', '理事会', '委员会', '常委会', '人大常委会', '人大', '政协', '纪委', '监委', '自治区党委', '自治区政府', '新能源',
  '镇党委', '乡党委', '镇党委政府', '村委', '村委会', '居委会', '村党支部', '党支部', '党总支',
  // kinds of land and water, never a name on their own
  '盐湖', '湖区', '山区', '库区', '林区', '牧区', '矿区', '城区', '郊区', '老城区', '市区', '县城', '乡村', '农村', '沿海', '内陆',
  '海域', '流域', '边境', '高原', '平原', '盆地', '草原', '沙漠', '戈壁', '荒漠', '沙戈荒', '无人区',
  // the central government as a kind of body, and a freight-train service (no organisation)
  '中央政府', '中欧班列', '指标屋苑', '屋苑',
  // kinds of bank (`农商行`, `城商行`, `国有大行`) and a trading day taken for a name
  '农商行', '城商行', '村镇银行', '股份行', '国有大行', '交易日', '文化和旅游', '文化广电和旅游',
  // a document cited by its short title (`根据《公报》`)
  '公报', '统计公报',
  // a country's team, named by no name (`国家队`); a shop (`门市`)
  '国家队', '门市',
  // kinds of tunnel (`三条过海隧道`)
  '过海隧道', '海底隧道',
  // a country's make or house of firms (`美系外资`, `日系车企`), a kind of factory (`灯塔工厂`), Macao's satellite casinos
  '美系', '日系', '韩系', '台系', '陆系', '欧系', '德系', '港系', '灯塔工厂', '卫星场',
  // kinds of financial firm in Taiwan's press (`金控获利`), a unit of length (`3奈米`), kinds of criminal group, every
  // ministry (`各部会`), a legislature's extended session (`延会`)
  '金控', '奈米', '纳米', '三合会', '犯罪集团', '诈骗集团', '黑社会', '各部会', '部会', '延会',
  // foreign and domestic capital as a kind of investor (`美系外资发布报告`), an armed service by its kind (`空军飞行员`)
  '外资', '外商', '陆资', '港资', '中资', '台资', '美系外资', '日系外资', '欧系外资', '空军', '海军', '陆军',
]);

/** Technologies whose wave (`AI浪潮`, `数字化浪潮`) is read as the company `浪潮` (Inspur). */
export const WAVE_OF = 'AI|人工智能|科技|数字化|智能化|电动化|服务器|伺服器';
/** A technology's wave as a whole mention: no company. */
export const TECH_WAVE = new RegExp(`^(?:${WAVE_OF})浪潮$`);
/** A sector's companies (`A股半导体公司`, `上述新茶饮公司`, `双重上市公司`): no name (not with 集团: `医药集团` is a group's short name). */
export const GENERIC_SECTOR_COMPANY =
  /^(?:A股|港股|美股|中概股|国内|国外|全球|全国|本土|上述|这些|那些|这类|该类|其他|其它|部分|不少|众多|大量|许多|很多|一些|各类|各家|主要|知名|新兴)*(?:P2P|网贷|小贷|双重上市|二次上市|两地上市|晶圆代工|代工|封测|面板|半导体|芯片|集成电路|光伏|锂电|锂电池|电池|动力电池|储能|白酒|酒类|茶饮|新茶饮|咖啡|餐饮|医药|生物医药|医疗|医疗器械|器械|软件|游戏|电商|平台|人工智能|机器人|新能源车|整车|零部件|钢铁|煤炭|化工|新材料|材料|家电|手机|消费电子|电子|通信|工程机械|机械|家居|服装|纺织|食品|乳制品|饮料|零售|快递|航运|船舶|军工|环保|水务|燃气|券商|乳企|车企|药企|房企)+(?:上市|挂牌)?(?:公司|企业|大厂|厂商|巨头)$/;
/**
 * A kind of company, not a company: `上市公司`, `全体上市公司`, `物管公司`, `科技公司`, `外资企业` — kind words (and a
 * leading preposition glued on by the tagger) before 公司 / 企业 / 集团.
 */
export const GENERIC_COMPANY =
  /^[由向对与和及被让给在从把将为]?(?:全体|所有|各|该|本|这家|那家|多家|一家|首家|首单|上市|上柜|上市柜|非上市|物管|物业管理|物业|传统|国有|民营|私营|外资|外商|合资|独资|中资|港资|台资|外国|境外|境内|海外|跨国|控股|关联|参股|空壳|科技|互联网|保险|证券|基金|信托|房地产|地产|建筑|物流|贸易|投资|咨询|中介|代理|经纪|评级|审计|龙头|头部|相关|有关|涉事|涉案|小型|中小|大型|新能源|能源|电力|汽车|航空|电信|运营|管理|服务|专营|巴士|公交|客运|寿险|财险|产险|养老险|健康险|人寿|博彩|承批|赌场|铁路|石油|油气|矿业|电网|供电|货运|快递|旅游|旅行|酒店|出租车|网约车)+(?:公司|企业|集团)$|^[两二三四五六七八九十几数多]大(?:公司|企业|集团|银行|央企|国企|券商|车企|巨头|运营商)$|^(?:公司|本公司|该公司|其)?(?:控股|全资|参股|下属)?(?:子|孙|分)公司$|^(?:民营|外资|中资|地方|城商|农商|村镇|股份制|国有|商业|大型|中小|中小型)银行$/;

/** Local bureaus and bodies every place has: bare (`统计局`) or after a level word only (`省卫生厅`, `市工商联`), a generic reference. */
export const LOCAL_BODIES = new Set([
  '统计局', '公安局', '公安厅', '财政局', '财政厅', '税务局', '教育局', '教育厅', '商务局', '商务厅', '住建局', '住建厅', '人社局', '人社厅',
  '卫生厅', '卫生局', '卫健委', '卫健局', '民政局', '民政厅', '司法局', '司法厅', '审计局', '审计厅', '科技局', '科技厅', '文旅局', '文旅厅',
  '医保局', '水利局', '水利厅', '交通运输局', '交通运输厅', '自然资源局', '自然资源厅', '生态环境局', '生态环境厅', '农业农村局', '农业农村厅',
  '应急管理局', '市场监管局', '工信局', '工信厅', '发改委', '发展改革委', '发展和改革委员会', '发展改革局', '经信局', '经信委',
  '住房和城乡建设局', '住房城乡建设局', '人力资源和社会保障局', '市场监督管理局', '工业和信息化局', '文化和旅游局', '文广旅局', '教体局', '国资委', '工商联', '红十字会', '政协', '人大', '纪委', '监委', '党工委', '妇联', '团委', '总工会', '科协', '文联',
  // Taiwan's county and city departments by their bare names (`新闻局`, `经发局`): which county's, the text says elsewhere
  '新闻局', '经发局', '都发局', '观旅局', '劳工局', '社会局', '环保局', '卫生局', '文化局', '地政局', '主计处', '工务局', '建设局',
  // a level's congress standing committee (`县人大常委会`)
  '人大常委会',
  // courts, procuratorates and governments after a level word only (`县人民检察院`, `市中级人民法院`, `区人民政府`)
  '人民检察院', '检察院', '人民法院', '法院', '中级人民法院', '人民政府',
  // fire and police units every county and city has (Hong Kong's 消防处 is one department: not listed)
  '消防局', '消防救援支队', '消防支队', '交警支队', '交警大队', '警察局',
  // every province and city's examinations authority and party offices (`省教育考试院`, `区委文明办`; `宣传部`, `组织部`,
  // `统战部` are GENERIC_REFERENCES, generic in every region)
  '教育考试院', '招生考试院', '教育考试中心', '文明办', '政法委',
]);
/** How an event's name ends (`第六届进博会`, `北京冬奥会`, `2024长沙国际工程机械展`): events are no type of the contract. */
export const EVENT_END = /(?:博览会|展览会|交易会|运动会|洽谈会|推介会|发布会|招商会|签约会|峰会|展会|博会|交会|贸会|洽会|奥会|运会|残奥会|机械展|车展|航展|书展)$/;
/** The level words of `省卫生厅`, `市工商联`, `县公安局`: the province's, the city's … */
export const LEVEL_WORD = /^[省市县区]/;

/** Government, party and committee words that make a place into one ORG (`株洲市政府`, `岳阳市委`, `长沙市发改委`). */
export const GOVERNMENT_SUFFIXES = [
  '人民政府', '政府', '党工委', '市委', '省委', '县委', '区委', '委员会', '人大常委会', '人大', '政协', '纪委', '监委',
  '发改委', '发展和改革委员会', '工信局', '工信厅', '商务局', '商务厅', '财政局', '财政厅', '公安局', '公安厅', '教育局', '教育厅',
  '市场监管局', '税务局', '统计局', '住建局', '人社局', '国资委', '管委会', '工商联', '海关', '口岸办', '招商局',
  '公安', '消防局', '消防救援支队', '卫健委', '文旅局', '文化和旅游局', '文化和旅游厅', '文旅厅', '交通运输局', '自然资源局', '生态环境局', '农业农村局', '水利局',
  '应急管理局', '医保局', '审计局', '民政局', '司法局', '科技局', '气象局', '人民法院', '人民检察院',
  '生态环境厅', '自然资源厅', '交通运输厅', '水利厅', '农业农村厅', '人社厅', '住建厅', '卫健局', '市监局', '林业局', '体育局',
  '外事办', '金融办', '台办', '侨办', '数据局', '大数据局', '行政审批局', '城管局', '水务局', '公安分局',
  // Taiwan's county and city departments and offices (`台中市主计处`, `新北市经发局`, `大甲分局`)
  '县府', '市府', '主计处', '地政处', '环保局', '卫生局', '社会局', '文化局', '观旅局', '观光旅游局', '经发局', '都发局', '劳工局',
  '警察局', '建设局', '工务局', '农业局', '区公所', '乡公所', '镇公所', '市公所', '地检署', '地方法院', '议会', '分局', '地院', '地检', '高院', '高分院',
  // a township's office after a name that ends in its level (`将军区` + `公所`), a clinic, a township council, a village's
  // party branch, Taiwan's junior high and primary schools (`吉安国中`), a Hong Kong police district, a border inspection station
  '公所', '卫生所', '卫生院', '代表会', '党支部', '党总支', '国中', '国小', '警区重案组', '警区刑事调查队', '警区', '边检总站', '边检站', '出入境边防检查站',
].sort((a, b) => b.length - a.length);

/** Party committee of a place written right after a place ending in 市/省/县/区 (`岳阳市` + `委`). */
export const PLACE_LEVEL_END = /[市省县区州镇乡]$/;
/** A district's councillors or council right after its name (`深水埗` + `区议员`): the title opens with the district's
 * `区`, which is then not part of the place (ANNOTATION.md's set tags `深水埗`); `沙田区区议员` names it with its level. */
export const sharesDistrictTitle = (text: string, placeEnd: number) => /^区(?:议员|议会)/.test(text.slice(placeEnd - 1, placeEnd + 2)) && text[placeEnd - 2] !== '区';

/** Zone, park and new-district words that make a place into one LOCATION (`株洲高新区`, `长沙经开区`). */
export const ZONE_SUFFIXES = [
  '经济技术开发区', '高新技术产业开发区', '高新技术开发区', '经济开发区', '自由贸易试验区', '综合保税区', '工业园区', '产业园区',
  '风景名胜区', '名胜区', '风景区', '旅游度假区', '度假区', '景区', '新发展区', '新市镇', '经开区', '高新区', '开发区', '新片区', '自贸区', '综保区', '保税区', '工业园', '产业园', '示范区', '新区',
  // a place's factory the press names by it (`上海超级工厂`); a port of entry (`霍尔果斯公路口岸`, `白云机场口岸`)
  '超级工厂', '口岸',
  // a road facility named by its place, with or without a direction (`石楼东收费站`, `汾石高速公路`, `浮山北收费站`)
  ...['收费站', '服务区', '高速公路', '立交桥', '互通立交'].flatMap((f) => [f, ...'东西南北'.split('').map((d) => d + f)]),
].sort((a, b) => b.length - a.length);

/** Bodies of a company that tag the company only (`宁德时代董事会` → `宁德时代`). */
export const COMPANY_BODIES = ['党委', '党组', '董事会', '董事局', '监事会', '党支部', '党总支', '股东大会'].sort((a, b) => b.length - a.length);

/** How a company's name ends (its stem is a company when a body is cut off it). */
export const COMPANY_END = /(公司|集团|银行|分行|支行|证券|保险|股份|控股|基金|信托)$/;
