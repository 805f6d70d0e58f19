/**
 * Countries, major world cities and regions in simplified Chinese.
 * Countries: every ISO 3166-1 alpha-2 code with its Chinese names from the
 * maintained `i18n-iso-countries` data, plus the formal and short names news
 * uses that it lacks (COUNTRY_ALIASES). Cities: country code and names.
 * Regions: a code of our own (`R:`). Hong Kong, Macao and Taiwan use their
 * GB/T 2260 codes (810000, 820000, 710000) and are listed in the gazetteer as
 * provinces, not here.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** [ISO alpha-2, names…]: the preferred name first, then formal and short names news uses. */
const COUNTRY_ALIASES: [string, ...string[]][] = [
  ['CN', '中国', '中华人民共和国'],
  ['US', '美国', '美利坚合众国'],
  ['GB', '英国', '大不列颠及北爱尔兰联合王国'],
  ['FR', '法国', '法兰西'],
  ['DE', '德国', '德意志联邦共和国'],
  ['IT', '意大利'],
  ['ES', '西班牙'],
  ['PT', '葡萄牙'],
  ['NL', '荷兰'],
  ['BE', '比利时'],
  ['CH', '瑞士'],
  ['AT', '奥地利'],
  ['SE', '瑞典'],
  ['NO', '挪威'],
  ['DK', '丹麦'],
  ['FI', '芬兰'],
  ['IE', '爱尔兰'],
  ['PL', '波兰'],
  ['CZ', '捷克'],
  ['HU', '匈牙利'],
  ['GR', '希腊'],
  ['RS', '塞尔维亚'],
  ['RU', '俄罗斯', '俄罗斯联邦'],
  ['UA', '乌克兰'],
  ['BY', '白俄罗斯'],
  ['TR', '土耳其'],
  ['JP', '日本'],
  ['KR', '韩国', '大韩民国', '南韩'],
  ['KP', '朝鲜'],
  ['MN', '蒙古国'],
  ['IN', '印度'],
  ['PK', '巴基斯坦'],
  ['BD', '孟加拉国'],
  ['LK', '斯里兰卡'],
  ['NP', '尼泊尔'],
  ['VN', '越南'],
  ['TH', '泰国'],
  ['MY', '马来西亚'],
  ['SG', '新加坡'],
  ['ID', '印度尼西亚', '印尼'],
  ['PH', '菲律宾'],
  ['MM', '缅甸'],
  ['KH', '柬埔寨'],
  ['LA', '老挝'],
  ['KZ', '哈萨克斯坦'],
  ['UZ', '乌兹别克斯坦'],
  ['IR', '伊朗'],
  ['IQ', '伊拉克'],
  ['SA', '沙特阿拉伯', '沙特'],
  ['AE', '阿联酋', '阿拉伯联合酋长国'],
  ['QA', '卡塔尔'],
  ['IL', '以色列'],
  ['EG', '埃及'],
  ['ZA', '南非'],
  ['NG', '尼日利亚'],
  ['KE', '肯尼亚'],
  ['ET', '埃塞俄比亚'],
  ['DZ', '阿尔及利亚'],
  ['MA', '摩洛哥'],
  ['CA', '加拿大'],
  ['MX', '墨西哥'],
  ['BR', '巴西'],
  ['AR', '阿根廷'],
  ['CL', '智利'],
  ['PE', '秘鲁'],
  ['CO', '哥伦比亚'],
  ['VE', '委内瑞拉'],
  ['CU', '古巴'],
  ['AU', '澳大利亚', '澳洲'],
  ['NZ', '新西兰'],
  // short and older names the press uses that the ISO data lacks (bare 刚果 is taken as the larger Congo, the DRC)
  ['CD', '刚果（金）', '刚果民主共和国', '刚果金', '民主刚果', '刚果'],
  ['CG', '刚果（布）', '刚果共和国', '刚果布'],
  ['KP', '朝鲜', '朝鲜民主主义人民共和国', '北韩'],
  ['MK', '北马其顿', '马其顿'],
];

/** Hong Kong, Macao and Taiwan are provinces of the GB/T 2260 gazetteer, not countries. */
const NOT_COUNTRIES = new Set(['HK', 'MO', 'TW']);
/** Names that news uses for something else: `中非` is China–Africa (`中非合作论坛`) far more often than the Central African Republic. */
const AMBIGUOUS = new Set(['中非']);

function countries(): [string, ...string[]][] {
  const iso = require('i18n-iso-countries') as {
    registerLocale(l: unknown): void;
    getNames(lang: string, o: { select: 'all' }): Record<string, string[]>;
  };
  iso.registerLocale(require('i18n-iso-countries/langs/zh.json'));
  const aliases = new Map(COUNTRY_ALIASES.map(([code, ...names]) => [code, names]));
  const out: [string, ...string[]][] = [];
  for (const [code, names] of Object.entries(iso.getNames('zh', { select: 'all' }))) {
    if (NOT_COUNTRIES.has(code)) continue;
    const all = [...new Set([...(aliases.get(code) ?? []), ...names])].filter((n) => !AMBIGUOUS.has(n));
    if (all.length) out.push([code, ...all] as [string, ...string[]]);
  }
  return out;
}

/** [ISO alpha-2, names…] for every country: the preferred name first. */
export const COUNTRIES: [string, ...string[]][] = countries();


/** [country code, city names…] */
export const WORLD_CITIES: [string, ...string[]][] = [
  ['US', '纽约'], ['US', '华盛顿'], ['US', '洛杉矶'], ['US', '旧金山'], ['US', '芝加哥'],
  ['US', '西雅图'], ['US', '波士顿'], ['US', '休斯敦'], ['US', '硅谷'],
  ['GB', '伦敦'], ['GB', '曼彻斯特'], ['GB', '爱丁堡'],
  ['FR', '巴黎'], ['FR', '里昂'], ['FR', '马赛'],
  ['DE', '柏林'], ['DE', '慕尼黑'], ['DE', '汉堡'], ['DE', '法兰克福'], ['DE', '杜塞尔多夫'], ['DE', '斯图加特'],
  ['IT', '罗马'], ['IT', '米兰'], ['ES', '马德里'], ['ES', '巴塞罗那'], ['NL', '阿姆斯特丹'], ['NL', '鹿特丹'],
  ['BE', '布鲁塞尔'], ['CH', '日内瓦'], ['CH', '苏黎世'], ['AT', '维也纳'], ['RU', '莫斯科'], ['RU', '圣彼得堡'],
  ['UA', '基辅'], ['TR', '伊斯坦布尔'], ['TR', '安卡拉'], ['PL', '华沙'], ['GR', '雅典'],
  ['JP', '东京'], ['JP', '大阪'], ['JP', '京都'], ['JP', '横滨'], ['JP', '名古屋'],
  ['KR', '首尔'], ['KR', '釜山'], ['KP', '平壤'], ['IN', '新德里'], ['IN', '孟买'],
  ['VN', '河内'], ['VN', '胡志明市'], ['TH', '曼谷'], ['MY', '吉隆坡'], ['ID', '雅加达'], ['PH', '马尼拉'],
  ['KH', '金边'], ['LA', '万象'], ['MM', '仰光'], ['KZ', '阿斯塔纳'], ['AE', '迪拜'], ['AE', '阿布扎比'],
  ['SA', '利雅得'], ['IR', '德黑兰'], ['EG', '开罗'], ['ZA', '约翰内斯堡'], ['KE', '内罗毕'],
  ['CA', '多伦多'], ['CA', '温哥华'], ['CA', '渥太华'], ['CA', '蒙特利尔'], ['MX', '墨西哥城'],
  ['BR', '圣保罗'], ['BR', '里约热内卢'], ['AR', '布宜诺斯艾利斯'], ['AU', '悉尼'], ['AU', '墨尔本'], ['AU', '堪培拉'],
  ['NZ', '奥克兰'],
];

/** [our code, names…] — continents and common multi-country regions. */
export const WORLD_REGIONS: [string, ...string[]][] = [
  ['R:ASIA', '亚洲'], ['R:EUROPE', '欧洲'], ['R:AFRICA', '非洲'], ['R:N-AMERICA', '北美洲', '北美'],
  ['R:S-AMERICA', '南美洲', '南美'], ['R:LATAM', '拉丁美洲', '拉美'], ['R:OCEANIA', '大洋洲'],
  ['R:SE-ASIA', '东南亚'], ['R:MIDEAST', '中东'], ['R:C-ASIA', '中亚'],
  // the United Kingdom's nations and the Palestinian territories, which news names as places of their own (not a bare
  // 加沙: the typhoon 桦加沙)
  ['R:GB-ENG', '英格兰'], ['R:GB-SCT', '苏格兰'], ['R:GB-WLS', '威尔士'], ['R:GB-NIR', '北爱尔兰'],
  ['R:PS-GAZA', '加沙地带'], ['R:PS-WB', '约旦河西岸'],
];
