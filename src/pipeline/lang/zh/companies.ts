/**
 * Company and organisation names (LISTS below): name → type (COMPANY, or ORG
 * for central banks, development institutions and other organisations).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../paths.js';
import { scanJiebaDict } from './jieba-dict.js';
import { WAVE_OF } from './words.js';

/**
 * companies.tsv: mined from the unlabelled corpus (scripts/mine-companies.ts);
 * names-labelled.tsv: organisations and companies labelled in CLUENER2020 and
 * MSRA train and in this project's contract-conventional annotations
 * (scripts/mine-labelled-names.ts);
 * bodies-hk-mo-tw.tsv: Hong Kong, Macao and Taiwan government bodies, parties
 * and best-known listed companies, written by hand (its header says from where);
 * bodies-world.tsv: international organisations, central banks and sports bodies and their Latin acronyms (`OECD`, `NBA`);
 * bodies-mainland.tsv: mainland universities by their short names (`复旦`, `哈工程`) and the national charities;
 * companies-best-known.tsv: the best-known mainland and foreign companies by the
 * names the press uses, written by hand (names that are also common words are
 * marked `ambiguous` and need a sentence about business);
 * companies-listed.tsv: further mainland listed companies (index constituents
 * and well-known A- and H-share companies of every sector), the same way;
 * the first list that names a name sets its type.
 */
export const LISTS = ['bodies-hk-mo-tw.tsv', 'bodies-world.tsv', 'bodies-mainland.tsv', 'companies-best-known.tsv', 'companies-listed.tsv', 'companies.tsv', 'names-labelled.tsv'];

let cache: Map<string, 'COMPANY' | 'ORG'> | null = null;
/** Listed names that are also common words (`小米`, `苹果`, `平安`): source column `ambiguous`. */
const ambiguous = new Set<string>();

/** The regions whose government or press a listed name comes from (source column `hk`, `mo`, `tw`). */
const regions = new Map<string, ('HK' | 'MO' | 'TW')[]>();
const REGION_SOURCE: Record<string, 'HK' | 'MO' | 'TW'> = { hk: 'HK', mo: 'MO', tw: 'TW' };

/**
 * The regions a listed name is a body of (`海关`: Hong Kong's and Macao's customs, `新闻局`: Macao's information bureau):
 * a name that is a generic reference elsewhere names that one body in an article from there.
 */
export function listedRegions(name: string): readonly ('HK' | 'MO' | 'TW')[] {
  minedCompanies();
  return regions.get(name) ?? [];
}

export function minedCompanies(): ReadonlyMap<string, 'COMPANY' | 'ORG'> {
  if (cache) return cache;
  cache = new Map();
  // in LISTS order: the first list that names a name sets its type
  for (const file of LISTS) {
    let text = '';
    try {
      text = readFileSync(join(ROOT, 'src', 'pipeline', 'lang', 'zh', file), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [name, type, , source] = line.split('\t');
      const region = REGION_SOURCE[source?.trim() ?? ''];
      if (name && region && (type === 'COMPANY' || type === 'ORG')) regions.set(name, [...(regions.get(name) ?? []), region]);
      if (name && !cache.has(name) && (type === 'COMPANY' || type === 'ORG')) {
        cache.set(name, type);
        if (source?.trim() === 'ambiguous') ambiguous.add(name);
      }
    }
  }
  return cache;
}

/** A listed name that is also a common word: tagged only where its sentence is about business (see BUSINESS_CUE). */
export function isAmbiguousCompany(name: string): boolean {
  minedCompanies();
  return ambiguous.has(name);
}

let veryCommon: Set<string> | null = null;
/**
 * An ambiguous listed name that is one of the commonest words (jieba frequency 1,000 or more: `现代`, `长安`,
 * `理想`, `平安`, `大众`): a sentence about business is not enough (`现代服务业项目签约`); it needs a company
 * word right after it (`现代汽车`) or another company in its sentence (`比亚迪、理想、蔚来`).
 */
export function isVeryCommonWord(name: string): boolean {
  minedCompanies();
  veryCommon ??= scanJiebaDict((_w, freq) => freq >= 1000, ambiguous);
  return veryCommon.has(name);
}

/** A Chinese character that is no conjunction or preposition right before a name: the name's word goes on from it. */
const AFTER_A_WORD = '[^\\P{Script=Han}和与及同跟对向被由把将为在从以给让据令使]$';

/** Listed names that open a phrase with what follows them, not the company: a verb before its object, a place or these
 * words (`联通国内国际两个市场`, `联通中国同中亚国家`), an adjective before its noun (`世界先进水平`: not Vanguard). */
export const PHRASE_AFTER: ReadonlyMap<string, RegExp> = new Map([
  ['联通', /^(?:国内|国际|全球|世界|两岸|内外|东西|南北|城乡)/],
  ['世界先进', /^(?:水平|技术|行列|国家|经验|理念|地位|的)/],
]);

/** Listed names that are the second half of a set phrase after these words, not the company (`投资兴业`, `来华兴业`: to
 * invest and build businesses; the bank is `兴业银行` or `兴业` in a sentence about it; `AI浪潮`: the wave). */
export const SET_PHRASE_BEFORE: ReadonlyMap<string, RegExp> = new Map([
  ['兴业', /(?:投资|创业|来华|宜居|安居|干事|创新|招商)$/],
  // the wave, not Inspur: `受惠AI浪潮`, `搭上服务器浪潮`, and after any word of its own (`返城浪潮`, `裁员浪潮`); the company
  // stands after a mark or a conjunction or a preposition (`浪潮、华为`, `与浪潮合作`)
  ['浪潮', new RegExp(`(?:${WAVE_OF})$|${AFTER_A_WORD}`, 'u')],
  // the verb, not China Unicom: `硬联通`, `设施联通`, `主网联通`
  ['联通', new RegExp(AFTER_A_WORD, 'u')],
  // the era, not Times China: `新时代中国的蓬勃生机`
  ['时代中国', /新$/],
  // the verb, not the distiller: `很舍得花钱`, `不舍得开`
  ['舍得', /[很不没都也真太更最挺还可]$/],
]);

/** What follows one of the commonest words where it is that word, not a company (`现代服务业`, `现代化`, `平安城市`, `长安街`). */
export const COMMON_WORD_AFTER = /^(?:化|服务|产业|农业|制造|物流|城市|社会|文明|经济|企业|金融|医学|教育|文化|生活|工业|技术|街|大街|路)/;

/** What follows a company's name and shows it is one (`现代汽车`, `理想的车型`…: no, only these words). */
export const COMPANY_WORD_AFTER = /^(?:汽车|集团|公司(?![治制])|手机|股份|控股|银行|品牌|车型|新车|电脑|保险|证券|财险|寿险)/; // (not `现代公司治理`, `现代公司制度`)

/** Words of a sentence about a business, for the listed names that are also common words (`小米发布新款手机`). */
/** A sentence about the crop a listed company is named after (`延安苹果种植面积`, `苹果挂满枝头`, `小米粥`): the crop, not
 * the company, unless the sentence names the company's products or people. */
export const CROP_SENSE: ReadonlyMap<string, { crop: RegExp; company: RegExp }> = new Map([
  ['苹果', { crop: /果农|果园|苹果园|枝头|采摘|种植|亩|丰收|品种|果业|水果|红富士|花牛|摘袋|一样红/, company: /手机|iPhone|iPad|Mac|库克|股价|市值|供应链|产业链|公司|发布会|新品|芯片/ }],
  ['小米', { crop: /小米粥|杂粮|谷子|种植|亩|丰收|品种|小米饭/, company: /手机|雷军|汽车|SU7|股价|市值|公司|发布会|新品|芯片/ }],
]);

export const BUSINESS_CUE =
  /公司|集团|股份|股价|股东|市值|收报|回购|持仓|恒指|大市|营收|交付|造车|车企|新势力|收入|利润|净利|亏损|财报|业绩|手机|芯片|汽车|车型|新车|电动车|发布|推出|品牌|旗下|董事长|总裁|首席执行官|CEO|创始人|出货|销量|份额|上市|股票|港股|美股|A股|投资|收购|并购|签约|门店|产品|厂商|供应链|订单|员工|裁员|估值|融资|市场/;

/** Central banks and monetary authorities, the central bank's own branches and offices, and the multilateral banks:
 * government bodies and international organisations (ORG), not businesses (`中国人民银行宁波市中心支行`, `人民银行武汉分行`,
 * `亚洲开发银行`, `亚洲基础设施投资银行`; a business bank's branch is a company, and so is the policy bank `国家开发银行`). */
export const CENTRAL_BANK = /(人民银行|中央银行|储备银行|国家银行|央行|联储|金融管理局|世界银行|清算银行|(?:亚洲|非洲|美洲|泛美|欧洲|欧洲复兴|加勒比|伊斯兰|金砖国家|新|国际复兴)开发银行|(?:亚洲基础设施|欧洲)投资银行|亚投行)$|^(?:中国)?(?:人民银行|央行)\p{Script=Han}{1,10}?(?:分行|支行|营业管理部|总部)$/u;
/** How bodies that are no business end (ANNOTATION.md: associations, universities, hospitals; orchestras and
 * troupes too): a COMPANY mention ending so is an ORG. */
export const NON_BUSINESS_END = /(?:乐团|剧团|合唱团|艺术团|歌舞团|舞蹈团|基金会|协会|学会|研究会|联合会|促进会|商会|公会|工会|大学|学院|医院|委员会)$/;
/** Business banks and their branches, groups and companies: how a COMPANY's name ends (`微软公司`, `通用汽车公司`). */
export const BUSINESS_END = /(银行|分行|支行|集团|公司|控股|证券|保险|信托)$/;
/** Engineering bureaus of the central construction groups are companies (`中建三局`, `中铁十四局`, `中交一航局`), not government bureaus. */
const SOE_BUREAU_SRC = String.raw`(?:中建|中铁|中交|中冶|中核|中化|中煤|中水|中电建|中能建|中国中铁|中国铁建|中国建筑|中国交建)[一二三四五六七八九十]{1,3}(?:局|航局|公局|院)`;
export const SOE_BUREAU = new RegExp(`^${SOE_BUREAU_SRC}`);
/** The same names anywhere in a text (with the group's name after them: `中建三局集团`). */
export const SOE_BUREAU_ANY = new RegExp(`${SOE_BUREAU_SRC}(?:集团有限公司|集团|有限公司)?`, 'g');
/** Groups that are not businesses: blocs, militaries, criminal groups; and broadcasters, which ANNOTATION.md counts
 * among the media outlets (ORG: `英国广播公司`, `美国哥伦比亚广播公司`). */
export const NOT_BUSINESS = /(国集团|欧元集团|集团军|犯罪集团|贩毒集团|恐怖集团|利益集团|广播公司|电视公司|电台公司|广播电视总?公司)$/;
