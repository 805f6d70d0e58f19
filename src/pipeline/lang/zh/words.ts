/** Chinese word lists for the refine components (simplified script: they match `doc.norm`). */

/** Bare generic references with no name in them: never tagged on their own (ANNOTATION.md). */
export const GENERIC_REFERENCES = new Set([
  '市委', '市政府', '省委', '省政府', '县委', '县政府', '区委', '区政府', '镇政府', '乡政府', '政府', '人民政府', '党委', '党组', '党工委',
  '省里', '市里', '县里', '开发区', '经开区', '高新区', '新区', '园区', '片区', '管委会', '公司', '集团', '本公司', '该公司', '母公司', '子公司',
  '我省', '我市', '全省', '全市', '本市', '本港', '该企业', '企业', '组织部', '宣传部', '统战部', '海关', '董事会', '监事会', '新闻中心',
  '执行理事会', '理事会', '委员会', '常委会', '新能源',
]);

/**
 * A kind of company, not a company: `上市公司`, `全体上市公司`, `物管公司`, `科技公司`, `外资企业` — kind words (and a
 * leading preposition glued on by the tagger) before 公司 / 企业 / 集团.
 */
export const GENERIC_COMPANY =
  /^[由向对与和及被让给在从把将]?(?:全体|所有|各|该|本|这家|那家|多家|一家|上市|非上市|物管|物业管理|物业|传统|国有|民营|私营|外资|外商|合资|独资|中资|港资|台资|外国|境外|境内|海外|跨国|控股|关联|参股|空壳|科技|互联网|保险|证券|基金|信托|房地产|地产|建筑|物流|贸易|投资|咨询|中介|代理|经纪|评级|审计|龙头|头部|相关|有关|涉事|涉案|小型|中小|大型|新能源|能源|电力|汽车|航空|电信|运营|管理|服务)+(?:公司|企业|集团)$|^[两二三四五六七八九十几数多]大(?:公司|企业|集团|银行|央企|国企|券商|车企|巨头|运营商)$/;

/** Local bureaus and bodies every place has: bare (`统计局`) or after a level word only (`省卫生厅`, `市工商联`), a generic reference. */
export const LOCAL_BODIES = new Set([
  '统计局', '公安局', '公安厅', '财政局', '财政厅', '税务局', '教育局', '教育厅', '商务局', '商务厅', '住建局', '住建厅', '人社局', '人社厅',
  '卫生厅', '卫生局', '卫健委', '卫健局', '民政局', '民政厅', '司法局', '司法厅', '审计局', '审计厅', '科技局', '科技厅', '文旅局', '文旅厅',
  '医保局', '水利局', '水利厅', '交通运输局', '交通运输厅', '自然资源局', '自然资源厅', '生态环境局', '生态环境厅', '农业农村局', '农业农村厅',
  '应急管理局', '市场监管局', '工信局', '工信厅', '发改委', '国资委', '工商联', '红十字会', '政协', '人大', '纪委', '监委', '妇联', '团委', '总工会', '科协', '文联',
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
  '公安', '消防局', '消防救援支队', '卫健委', '文旅局', '文化和旅游局', '交通运输局', '自然资源局', '生态环境局', '农业农村局', '水利局',
  '应急管理局', '医保局', '审计局', '民政局', '司法局', '科技局', '气象局', '人民法院', '人民检察院',
].sort((a, b) => b.length - a.length);

/** Party committee of a place written right after a place ending in 市/省/县/区 (`岳阳市` + `委`). */
export const PLACE_LEVEL_END = /[市省县区州镇乡]$/;

/** Zone, park and new-district words that make a place into one LOCATION (`株洲高新区`, `长沙经开区`). */
export const ZONE_SUFFIXES = [
  '经济技术开发区', '高新技术产业开发区', '高新技术开发区', '经济开发区', '自由贸易试验区', '综合保税区', '工业园区', '产业园区',
  '风景名胜区', '名胜区', '风景区', '旅游度假区', '度假区', '景区', '新发展区', '新市镇', '经开区', '高新区', '开发区', '新片区', '自贸区', '综保区', '保税区', '工业园', '产业园', '示范区', '新区',
].sort((a, b) => b.length - a.length);

/** Bodies of a company that tag the company only (`宁德时代董事会` → `宁德时代`). */
export const COMPANY_BODIES = ['党委', '党组', '董事会', '监事会', '党支部', '党总支', '股东大会'].sort((a, b) => b.length - a.length);

/** How a company's name ends (its stem is a company when a body is cut off it). */
export const COMPANY_END = /(公司|集团|银行|分行|支行|证券|保险|股份|控股|基金|信托)$/;
