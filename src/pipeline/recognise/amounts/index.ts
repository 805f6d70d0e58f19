/**
 * MONEY, PERCENT and QUANTITY mentions in normalised (simplified, half-width) text.
 *
 * A fast regex pre-scan finds numeral runs (`8000万`, `两千零五十`, `42.1万余`); only runs
 * with an amount context (currency word/symbol, `%`, `百分之`, `成`, `折`, a unit) are decoded
 * (see numbers.ts), so Recognizers-Text never sees long text.
 *
 * Span rule: a mention covers the number and its unit/currency (and a currency prefix such
 * as `¥`, `人民币`, with a hedge between them: `新台币逾2.1兆元`); hedges outside the number
 * (`约`, `近`, `超过`, `左右`, `以上`) are not part of the span but set `approx`. `多`/`余`
 * inside the number (`8000多万元`, `50余项`) are part of the span and set `approx`.
 *
 * Ranges (`80亿至90亿美元`, `1-2亿元`, `30%-50%`, `15至25%`, `3至5公里`) are one mention with
 * the low end in `amount`/`value` and the high end in `amount_max`/`value_max`; a low end
 * without a magnitude takes the high end's (`1-2亿元` is 1亿–2亿). Amounts joined any other
 * way (`、`, `和`, a comma) stay separate mentions.
 *
 * MONEY: a bare `元`/`圆`/`块钱` is the currency of the article's region (CNY, HKD, TWD,
 * MOP; see region.ts); `兆` is 10^12 (`兆瓦`, `兆赫` are units, not numbers); compound amounts
 * (`三元五角`, `12元3角5分`, `四美元又二十美分`, `5块5`) are one mention; colloquial `块`, `毛`
 * (and `蚊`, `毫`, `仙` (cents) in Hong Kong) are money only where the sentence is about prices; a bare
 * amount with a magnitude after a money word (`净利润12.5亿`) takes the currency of the
 * other amounts of the paragraph; a bare `$` is USD only where the text says dollars are US
 * ones, or in mainland text, else the region's dollar.
 *
 * PERCENT: `%`, `‰` (0.1 %), `‱`, `百分之/千分之/万分之/百万分之N`, `N个百分点` and basis points `N个基点` (÷ 100; unit
 * `percentage_point`), `N成` / `八成三` / `两成半`, and discounts (`八折` = 80, `六五折` = 65,
 * `半价` = 50) where the sentence is about prices.
 *
 * QUANTITY rule: a number followed by a measure word for things or a physical unit
 * (units.ts; physical units reported as symbols, `零下8摄氏度` = -8 °C; ages count in `岁`).
 * Time units (年 月 日 天 周 小时 分钟 秒 …) are never units, so dates, times and durations
 * (`3年`, `3个月`) are not quantities; nor are vague counts (`数十米`), unit words starting a
 * longer word (`五部门`, `零部件`), phase numbers (`二期`), ordinals (`第三`, `前三名`), Chinese `一` + measure word (an
 * article: `一家公司`; but `一名男子` counts a person), digit runs of 11+ digits (phone/ID numbers), zero-led runs (`010`),
 * or numbers glued to Latin letters or dots (model/version numbers).
 */
import { localPlaces } from '../../lang/zh/places-local.js';
import type { MoneyValue, PercentValue, QuantityValue } from '../../doc.js';
import { parseNumber } from './numbers.js';
import { REGION_CURRENCY } from '../../structure/region.js';
import type { Region } from '../../doc.js';
import { COUNTS, SCALE_AFTER, SCALE_BEFORE, UNIT_WORDS, unitSymbol } from './units.js';

export { chooseRegion, REGIONS, REGION_CURRENCY, type Region, type RegionChoice } from '../../structure/region.js';

export interface AmountMention {
  start: number;
  end: number;
  type: 'MONEY' | 'PERCENT' | 'QUANTITY';
  value: MoneyValue | PercentValue | QuantityValue;
  score: number;
}

/** The region's own currency (a bare `元`). */
const LOCAL = 'LOCAL';
/** A dollar sign without a country. */
const DOLLAR = 'DOLLAR';

/** Currency codes in Latin letters, before or after the number; never inside a longer word (`USDT`). */
const LATIN_CODES = ['RMB', 'CNY', 'USD', 'HKD', 'TWD', 'NTD', 'MOP', 'EUR', 'JPY', 'GBP', 'SGD', 'AUD'];
const LATIN_CODE_BEFORE = new RegExp(`(?<![A-Za-z])(?:${LATIN_CODES.join('|')})$`);
/** Currency words (suffix; prefix where listed in PREFIX_CURRENCY) → ISO 4217. */
const CURRENCY_WORDS: Record<string, string> = {
  元: LOCAL, 圆: LOCAL, 块钱: LOCAL, 人民币: 'CNY', 人民币元: 'CNY',
  美元: 'USD', 美金: 'USD', 美圆: 'USD',
  欧元: 'EUR', 日元: 'JPY', 日圆: 'JPY', 英镑: 'GBP', 韩元: 'KRW', 韩圆: 'KRW',
  港元: 'HKD', 港币: 'HKD', 港圆: 'HKD', 蚊: 'HKD', 新台币: 'TWD', 台币: 'TWD', 澳门元: 'MOP', 澳门币: 'MOP', 葡币: 'MOP',
  卢布: 'RUB', 澳元: 'AUD', 澳大利亚元: 'AUD', 加元: 'CAD', 加拿大元: 'CAD', 加币: 'CAD', 瑞士法郎: 'CHF', 瑞郎: 'CHF',
  新加坡元: 'SGD', 新元: 'SGD', 新币: 'SGD', 泰铢: 'THB', 印度卢比: 'INR', 卢比: 'INR', 越南盾: 'VND',
  林吉特: 'MYR', 令吉: 'MYR', 马币: 'MYR', 印尼盾: 'IDR', 菲律宾比索: 'PHP', 墨西哥比索: 'MXN', 新西兰元: 'NZD', 纽元: 'NZD',
  瑞典克朗: 'SEK', 挪威克朗: 'NOK', 丹麦克朗: 'DKK', 南非兰特: 'ZAR', 兰特: 'ZAR', 土耳其里拉: 'TRY', 里拉: 'TRY',
  巴西雷亚尔: 'BRL', 雷亚尔: 'BRL', 迪拉姆: 'AED', 沙特里亚尔: 'SAR', 里亚尔: 'SAR', 新谢克尔: 'ILS',
  // ISO codes as the press writes them (`RMB 300万`, `300万 USD`)
  ...Object.fromEntries(LATIN_CODES.map((c) => [c, c === 'RMB' ? 'CNY' : c === 'NTD' ? 'TWD' : c])),
};
/** Currency words that may stand before the number (`人民币500万元`, `港币3亿`). */
const PREFIX_CURRENCY = [
  '人民币', '港币', '港元', '美元', '美金', '欧元', '日元', '新台币', '台币', '英镑', '澳门币', '澳门元', '澳元', '加元',
  '韩元', '新加坡元', '卢布', ...LATIN_CODES,
];
const SYMBOLS: Record<string, string> = {
  '¥': 'CNY', '￥': 'CNY', $: DOLLAR, US$: 'USD', HK$: 'HKD', NT$: 'TWD', MOP$: 'MOP', S$: 'SGD', A$: 'AUD', C$: 'CAD',
  NZ$: 'NZD', '€': 'EUR', '£': 'GBP', '₩': 'KRW', '₹': 'INR',
};
/** Sub-units after a whole amount or alone: word → [currency, fraction of the unit]. */
const SUB_UNITS: Record<string, [string, number]> = {
  角: [LOCAL, 0.1], 毛: [LOCAL, 0.1], 毫: ['HKD', 0.1], 仙: ['HKD', 0.01], 港仙: ['HKD', 0.01], 分: [LOCAL, 0.01], 美分: ['USD', 0.01], 美仙: ['USD', 0.01],
};

const byLength = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length).map(escape);
function escape(s: string): string {
  // (a currency code in Latin letters is a word of its own: not `USDT`, not `XRMB`)
  if (/^[A-Z]{3}$/.test(s)) return `(?<![A-Za-z])${s}(?![A-Za-z])`;
  return s.replace(/[$.*+?()[\]{}|\\^]/g, '\\$&');
}

const HEDGE_WORDS = '约合|大约|约|将近|接近|近|超过|超|逾|不足|不到|几乎';
const CURRENCY_SUFFIX_RE = new RegExp(`^\\s?(?:${byLength(Object.keys(CURRENCY_WORDS)).join('|')})`);
// (a Latin unit must end its word, `5 km` not `5 kmh`; a Chinese measure word may meet a Latin one: `21家A股公司`)
const UNIT_RE = new RegExp(`^[ \\u00a0]?(?:${byLength(UNIT_WORDS).join('|')})(?:(?<![A-Za-z])|(?![A-Za-z]))`);
/** An alternative unit in brackets: `台(套)`. */
const ALT_UNIT_RE = new RegExp(`^[(（](?:${byLength(UNIT_WORDS).join('|')})[)）]`);
const SYMBOL_RE = /(?:(?:US|HK|NT|MOP|NZ|[SAC])?\$|[¥￥€£₩₹])\s?$/;
const PREFIX_CURRENCY_RE = new RegExp(`(${byLength(PREFIX_CURRENCY).join('|')})(${HEDGE_WORDS})?[ \\u00a0]?$`);

/**
 * Numeral runs: Arabic or Chinese digits with magnitudes, 多/余, decimal point, thousands
 * commas, a leading 数/几 before ten thousands or more (`数十亿`, `几百万`: one of them, approximate);
 * a space between groups of three digits (`4 900宗`, Hong Kong print), a full stop or a middle dot between Chinese digits is a decimal point (`七二九．二億`, `三十九．五％`, `七四三七·三億` in Taiwan print). `千` before 米/克/瓦 and `兆` before 瓦/赫/字节 belong to the unit (`5千米`, `3兆瓦`).
 */
const runSource = (digits: string) =>
  String.raw`[-+]?(?:[数几](?=[十百千]?[万亿])[十百千万亿]|\d|[${digits}]|[百千](?=万?亿)|万(?=亿))(?:[\d${digits}万亿多余]|百(?!分)|千(?![米克瓦伏帕焦卡])|兆(?![瓦赫字帕焦欧伏])|[.,](?=\d)|点(?=[零〇○一二三四五六七八九])|(?<=[${digits}两])[.·・‧](?=[零〇○一二三四五六七八九])|(?<=\d)[ \u00a0](?=[多余]?[万亿兆])|(?<=(?:^|[^\d \u00a0\u2009\u202f.,])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})*)[ \u00a0\u2009\u202f](?=\d{3}(?![\d.,])))*`;
/** Runs with 廿 卅 卌 (Taiwan print) only where the text has one: the wider digit class costs every other text ~1.7×. */
const RUNS = [runSource('零〇○一二两三四五六七八九十'), runSource('零〇○一二两三四五六七八九十廿卅卌')].map((src) => ({
  run: new RegExp(src, 'g'),
  at: new RegExp(`^${src.slice(5)}`), // a run without a sign, at a position
}));
const runsFor = (text: string) => RUNS[/[廿卅卌]/.test(text) ? 1 : 0];
const SIGN_BLOCK = /[\dA-Za-z.%‰\-+~零〇一二两三四五六七八九十廿卅卌百千万亿元]/;
const HAS_CHINESE_DIGIT = /[零〇○一二两三四五六七八九十廿卅卌点]/;

const HEDGE_BEFORE = new RegExp(`(?:${HEDGE_WORDS})[ \u00a0]?$`);
const HEDGE_AFTER = /^(?:左右|上下|以上|以下|以内|之多)/;
/** A unit word that is the first character of a longer word here (`部门`, `城市`, `剂量`, `节日`). */
const UNIT_WORD_AFTER: Record<string, RegExp> = {
  部: /^[门委署局分]/, 条: /^[款例约文目件]/, 呎: /^[标货柜]/, 英尺: /^[标货柜]/, 城: /^[市区镇乡际]/, 岁: /^月/, 剂: /^[量型]/, 期: /^[间内限货刊满末中]/, 节: /^[日假课目点约能拍奏]/,
  // `3点半`, `10点30分`, `几点钟`: a time of day; `一手打造`, `二手房`: no board lot
  点: /^(?:[半钟\d零一二两三四五六七八九十]|整(?!数))/,
  // `十三届三次四次全会`: sessions of a congress are no count
  次: /^(?:[一二三四五六七八九十]次|全会|全体|车|列车|自强|莒光|区间|普悠玛|太鲁阁|产业)/, // … nor a train's number (`439次自强号`)
  // `2025台湾灯会`: a year before 台湾 is no count of machines
  台: /^(?:湾|北市|中市|南市|积电|股|胞|籍|独)/,
  // `班` counts runs, not a class's head, a group or a shift (`3班级`, `两班倒`)
  班: /^[级长主子组车底机倒制会]/,
  // `两位数增长`: a number of digits, not of people
  位: /^数/,
  // words these measure words begin (`大幅度`, `5组团`, `3段落`, `2案件`, `5字头`, `3封顶`, `5集团`, `3页面`, `4科技`)
  幅: /^度/, 组: /^[团织成建合员长别件]/, 段: /^[落子位]/, 案: /^[件例子情由发卷底]/, 字: /^[头号母节段幕体样]/,
  封: /^[顶闭控锁存面装号城]/, 集: /^[团中体成结聚装资市会合镇群训散]/, 页: /^[面岩码]/, 科: /^[技学研目室长普创级]/,
  // a medal's count ends the word (`40金、27银`), and `5国` is no `5国际` or `20国集团`
  金: /^\p{Script=Han}/u, 银: /^\p{Script=Han}/u, 铜: /^\p{Script=Han}/u, 国: /^(?:[际内外家企民产货资籍旗字语债庆务有营]|集团)/,
  // `七人榄球`: rugby sevens, not seven people
  人: /^(?:榄球|欖球|制)/,
  // `64,000双向车次`: both ways, not pairs
  双: /^[向边方打语]/,
  // `5票据`, `3票价`: no votes
  票: /^[据价面证选务友根]/,
  // `通` counts calls and messages only (`6通电话`, `6通,`), not `3通道`, `2通过`
  通: /^(?!电话|来电|报案|求助|简讯|短信|讯息|留言)\p{Script=Han}/u, 手: /^[打策包资房车货机表术续段工册艺稿指臂掌脚法]/,
};
/** After `N届`: a body or a meeting it numbers (`十四届全国人大`, `十九届三中全会`, `二十届中央委员会`). */
const SESSION_AFTER_TERM = /^(?:全国|中央|人大|政协|全会|党代会|代表大会|委员会|常委会|理事会|董事会|监事会|[一二三四五六七八九十]中(?:全会|[、和及])|[一二三四五六七八九十]次)/;
/** `个` + these is a duration (`3个月`), not a quantity. */
const DURATION_AFTER_GE = /^(?:多)?(?:月|小时|星期|礼拜|工作日|工作天|交易日|季度|年头|半月|钟头)/;
/** After `N成`: idioms and words where 成 is not "tenths" (`一成不变`, `八成是`). */
const CHENG_BLOCK = /^(?:为|了|立|功|本|果|绩|交|员|长|熟|品|型|就|效|分|份|都|是|不变|千上万|一(?=\p{Script=Han})|语|年|人)/u;
/** After Chinese-numeral + 元: not money (`一元化`, `二元论`). */
const YUAN_BLOCK = /^(?:化|论|素|旦|宵|首|老|帅|气|件|结构|函数|次方程)/;
/** What may follow a bare small Chinese-numeral amount (`五角钱`, `一元,`). */
const MONEY_END = /^(?:钱|人民币|[的,，。;；:：、)）\s!?！？]|$)/;
/** A verb of change just before an amount (`上涨`, `按年跌`, `增加了`). */
const CHANGE_BEFORE_RE = /(?:涨|跌|升|降|增|减|增长|成长|增加|减少|提高|降低|上调|下调|回落|攀升|飙升|反弹|下滑|扩大|收窄)了?(?:约|近|逾|超过?)?$/;
/** Range joiners between two numbers; a hedge (`150万至约480万元`: approximate) and `百分之` may follow the joiner. */
const RANGE_JOIN_RE = /^\s?(?:至|到|-|~|～|—|–|－)\s?(?:约|約|大约|大約)?(?:百分之)?/;
/** Money words in the clause before a bare amount that takes its currency from the paragraph (`净利润12.5亿`, `岁出编列3兆350亿`). */
const MONEY_CUE_RE =
  /收入|营收|收益|利润|净利|纯益|获利|盈利|盈余|亏损|赤字|差短|短差|金额|成交额|销售额|营业额|交易额|投资|资金|市值|资产|负债|债务|贷款|融资|募资|募集|税|开支|支出|岁入|岁出|预算|编列|经费|财源|拨款|补贴|补助|奖金|工资|赔偿|罚款|估值|总额|余额|存款|保费|收费|费用|成本|价值|货值|产值|GDP|生产总值|出口额|进口额|订单额|赚|花费|耗资|斥资|收支|财赤|赌收|消费|信贷|票房|成交(?!量)|(?:农业|农产|农田|财产|经济|直接|灾害|财物)?损失|农损|灾损/;
/** Verbs of spending or taking in right before a bare amount (`编42亿`, `另编16亿`, `斥资5亿`, Hong Kong's `累吸金46亿`, `沽1500伙 套逾210亿`). */
const MONEY_VERB_BEFORE = /(?:编列?|拨款?|斥资|耗资|投资|投入|募资|筹资|出资|注资|增资|耗费|吸金|套现|(?:^|[^\d一二两三四五六七八九十几])套)(?:逾|约|近|超)?了?$/;
/** Money words right after a bare amount (`700亿投资`), and a flat's sale in Hong Kong (`以1180万沽出`, `515万买入`). */
const MONEY_CUE_AFTER = /^(?:投资|资金|营收|收入|贷款|信贷|融资|市值|订单|成交额|销售额|营业额|利润|净利|产值|税收|补贴|预算|赤字|财赤|赌收|消费|拨款|票房|使费|开支|经费|沽出|沽|售出|易手|转手|买入|购入|入市|承接|成交(?!量))/;
/** A change or a cause right after an amount (`101亿按年增15.8%`, `两百亿同比增36%`, `减少约60亿所致`). */
const CHANGE_AFTER = /^(?:按年|按月|同比|环比|年增|年减|季增|季减|月增|月减|所致|天量|创新高|创历史)/;
/** Where a clause starts, for MONEY_CUE_RE (a colon does not end one: `营收:45亿`). */
const CLAUSE_END = /[,，。;；!?！？、\n]/;
/** Sentences about prices: discounts (`八折`) and colloquial `块` are money/percent here. */
const PRICE_CONTEXT = /价|售|卖|买|购|优惠|折扣|促销|打折|消费|票|费|元|钱|商品|让利|特惠|便宜|贵|涨|降|菜|斤/;
const DISCOUNT_BLOCK = /^(?:旧|合|算|叠|射|线|腾|返|中|服|扣|磨)/;

const TYPE_SCORE = { arabic: 0.95, chinese: 0.9 };

interface Ctx {
  text: string;
  region: Region;
  /** what a bare `元` is: the region's currency, or the one a note names (`（人民币，下同）`) */
  local: string;
  dollar: string | null;
  /** the article is about a stock index: `4000点` is an index level even where its sentence names none */
  market: boolean;
  /** a numeral run at a position (the digit class this text needs) */
  runAt: RegExp;
}

/** A note that the article's amounts are in one currency: `（人民币，下同）`, `(港元,下同)`. */
export const CURRENCY_NOTE = /[(（]\s?(人民币|港元|港币|美元|新台币|澳门元|澳门币|澳元|欧元|日元)\s?[,，、]?\s?下同\s?[)）]/;
const NOTE_CURRENCY: Record<string, string> = { 人民币: 'CNY', 港元: 'HKD', 港币: 'HKD', 美元: 'USD', 新台币: 'TWD', 澳门元: 'MOP', 澳门币: 'MOP', 澳元: 'AUD', 欧元: 'EUR', 日元: 'JPY' };
/** The currency a `下同` note in `text` names, if any. */
export function noteCurrency(text: string): string | undefined {
  const m = CURRENCY_NOTE.exec(text);
  return m ? NOTE_CURRENCY[m[1]] : undefined;
}

/** What the rest of the article tells the amounts of one paragraph. */
export interface AmountContext {
  /** the currency a note in the article gives its bare `元` (`（人民币，下同）`; see CURRENCY_NOTE) */
  local?: string;
  /** the article names a stock index (`indexArticle`): a level of 100 points or more needs no index in its sentence */
  market?: boolean;
}

/**
 * A MONEY mention whose currency comes from the paragraph's other amounts: `cue` when a money
 * word stands in its clause (else the region's currency), `follow` when only the amount before
 * it in the same sentence is money (`较上年减少3025亿` after `岁入编列2兆8623亿`).
 */
interface Pending extends AmountMention {
  pending?: 'cue' | 'follow';
}

/**
 * Find money, percent and quantity mentions in normalised text (one paragraph or
 * document). `region` decides what a bare `元`, `块` and `$` are (default: mainland).
 */
export function findAmounts(text: string, region: Region = 'CN', context: AmountContext = {}): AmountMention[] {
  const runs = runsFor(text);
  const ctx: Ctx = { text, region, local: context.local ?? REGION_CURRENCY[region], dollar: null, market: !!context.market, runAt: runs.at };
  const out: Pending[] = [];
  let lastEnd = 0;
  const RUN_RE = runs.run;
  RUN_RE.lastIndex = 0;
  for (let m = RUN_RE.exec(text); m; m = RUN_RE.exec(text)) {
    let start = m.index;
    let run = m[0];
    // A '-' or '+' is a sign only at a word boundary: not in 2023-03-17, 010-1234, 10%-15%, 3亿-5亿元, 5G+.
    if (isSigned(run) && start > 0 && (lastEnd === start || SIGN_BLOCK.test(text[start - 1]))) {
      start += 1;
      run = run.slice(1);
    }
    if (start < lastEnd) continue;
    let mention = readAmount(ctx, start, run, lastEnd);
    mention = readRange(ctx, start, run, mention) ?? mention;
    if (mention) {
      out.push(mention);
      lastEnd = mention.end;
      RUN_RE.lastIndex = Math.max(RUN_RE.lastIndex, mention.end);
    }
  }
  addStandalone(text, out, ctx.local);
  return negativeWord(text, shareListedUnit(text, resolvePending(out, text, ctx.local)));
}

/**
 * `负6.4%`, `負2,300萬元`: a 负 right before the number is its minus sign, as Hong Kong and Taiwan print a fall or a loss
 * (not `正负`, `胜负`, nor a range).
 */
function negativeWord(text: string, mentions: AmountMention[]): AmountMention[] {
  if (!text.includes('负')) return mentions;
  for (const m of mentions) {
    if ((m.type !== 'PERCENT' && m.type !== 'MONEY') || text[m.start - 1] !== '负' || /[正胜自抱欺]/.test(text[m.start - 2] ?? '')) continue;
    const v = m.value as { value?: number; amount?: number; value_max?: number; amount_max?: number };
    if (v.value_max !== undefined || v.amount_max !== undefined || (v.value ?? v.amount ?? -1) <= 0) continue;
    m.start -= 1;
    if (v.value !== undefined) v.value = -v.value;
    else v.amount = -v.amount!;
  }
  return mentions;
}

/** A bare number listed before a percentage takes its unit: `分别回落2.6、0.9个百分点`, `增长5.1、6.2和7.3%`. */
const LISTED_BEFORE = /(?<![\d.%A-Za-z])(\d+(?:\.\d+)?)\s?(?:、|和|及|与)\s?$/;
/** The same before percentage points, whose 个 may repeat (`扩大0.3个和0.4个百分点`). */
const LISTED_POINTS_BEFORE = /(?<![\d.%A-Za-z])(\d+(?:\.\d+)?)(个)?\s?(?:、|和|及|与)\s?$/;
function shareListedUnit(text: string, mentions: AmountMention[]): AmountMention[] {
  if (!mentions.some((m) => m.type === 'PERCENT')) return mentions;
  const added: AmountMention[] = [];
  const replaced = new Set<AmountMention>();
  // the mentions are sorted and disjoint: only the one before a percentage can reach into what is listed before it
  mentions.forEach((m, i) => {
    if (m.type !== 'PERCENT') return;
    const unit = (m.value as PercentValue).unit;
    const before = mentions[i - 1];
    let at = m.start;
    for (let k = 0; k < 8; k++) {
      const b = (unit ? LISTED_POINTS_BEFORE : LISTED_BEFORE).exec(text.slice(Math.max(0, at - 24), at));
      if (!b) break;
      const start = at - b[0].length;
      const end = start + b[1].length + (b[2]?.length ?? 0);
      // `扩大0.3个和0.4个百分点`: the first was read as a count of 0.3 个
      const count = before && before.start === start && before.end === end && before.type === 'QUANTITY' ? before : null;
      if (before && before.end > start && !count) break;
      if (count) replaced.add(count);
      added.push(pct(start, end, Number(b[1]), false, m.score * 0.9, unit));
      at = start;
    }
  });
  if (!added.length) return mentions;
  return [...mentions.filter((m) => !replaced.has(m)), ...added].sort((a, b) => a.start - b.start);
}

/** Give bare amounts (`净利润12.5亿`) the currency of the nearest money mention, or drop them. */
function resolvePending(out: Pending[], text: string, local: string): AmountMention[] {
  if (!out.some((m) => m.pending)) return out;
  const result: AmountMention[] = [];
  for (let i = 0; i < out.length; i++) {
    const m = out[i];
    if (!m.pending) {
      result.push(m);
      continue;
    }
    let currency: string | null = null;
    if (m.pending === 'follow') {
      // Only the money amount just before it in the same sentence vouches for it.
      const p = result[result.length - 1];
      if (p && p.type === 'MONEY' && !/[。;；!?！？\n]/.test(text.slice(p.end, m.start))) currency = (p.value as MoneyValue).currency;
      // … or the amount it is listed with (`110万亿、120万亿元`)
      const q = out[i + 1];
      if (!currency && q && q.type === 'MONEY' && !q.pending && /^(?:、|和|及|与)$/.test(text.slice(m.end, q.start))) currency = (q.value as MoneyValue).currency;
    } else {
      for (let d = 1; d < out.length && !currency; d++) {
        for (const j of [i - d, i + d]) {
          const o = out[j];
          if (o && o.type === 'MONEY' && !o.pending) {
            currency = (o.value as MoneyValue).currency;
            break;
          }
        }
      }
      currency ??= local;
    }
    if (!currency) continue;
    const { pending: _p, ...rest } = m;
    result.push({ ...rest, value: { ...(m.value as MoneyValue), currency } });
  }
  return result;
}

/** The sentence around position `pos` (for unit and price context). */
function sentenceAround(text: string, pos: number): string {
  let a = pos;
  let b = pos;
  while (a > 0 && pos - a < 80 && !/[。!?！？;；\n]/.test(text[a - 1])) a--;
  while (b < text.length && b - pos < 80 && !/[。!?！？;；\n]/.test(text[b])) b++;
  return text.slice(a, b);
}

/** A count of people or of visits right before a bare magnitude, with at most a verb between (`出入境总人次达`, `投票人数为`). */
const PEOPLE_COUNT_BEFORE = /(人次|人数|代理人数量|客流量?|旅客|游客|访客|乘客|观众)(?:总数|总量)?(?:达到|达|为|是|约|逾|超过|超|突破|有望突破|录得|录|共有|共|近|仅|减少|增加|增至|升至|降至|合共)*$/;

/** Products a size in inches, millimetres or nanometres specifies (`12英寸晶圆`, `300mm硅片`, `3纳米制程`). */
const PRODUCT_AFTER = /^\s?(?:完美|(?:高端|先进|特色)?(?:模拟|数字|功率|逻辑|存储)?(?:集成电路)?)(?:晶圆|硅片|硅外延片|外延片|抛光片|单晶|衬底|芯片|制程|工艺|产线|生产线|屏|显示屏|面板|电视|显示器|笔记本|平板)/;

/** Words before a flat's or a floor's size (`实用面积`, `两房单位`, `开放式`). */
const FLAT_AREA_BEFORE = /面积|单位|[一二两三四开]房|户型|开放式|[A-Z]室/;
/** A sentence about interest rates or yields, where 厘 is percent (`最优惠利率5厘`, `按息3.5厘`, `4.6厘高回报`). */
const INTEREST_CONTEXT = /息|利率|按揭|存款|贷款|借贷|优惠利率|[PH]按|拆息|年利|回报|收益率|租金/;
/** A change of a rate just before its figure (`减息0.25厘`, `下调0.125厘`, `加息半厘`): percentage points. */
const RATE_CHANGE_BEFORE = /(?:[减加降升削调]息?|下调|上调|调低|调高|调减|调升|提高|降低|减低|下降|上升|增加|减少|回落|收窄|扩阔)(?:港元)?(?:最优惠(?:贷款)?利率|存款利率|利率|息率)?了?[约近逾]?\s?$/;
/** After a block's number in a housing estate (`黄埔花园11期9座极高层单位`, `6座高层D室`, `7座中层`): a floor or a flat. */
const BLOCK_AFTER = /^(?:极|頂|顶)?[低中高]层|^顶层|^[A-Z]室|^地下|^\d{1,2}楼/;
/** After a train's number (`172次行驶至七堵止`, `5805次邮轮式列车`, `75052次中欧班列`, `自3757次起`): a train, not a count of times. */
const TRAIN_AFTER = /^(?:列车|车次|(?:中欧|中亚|中老|中越)?班列|行驶|停驶|开行|邮轮式|自强号?|莒光号?|区间车|普悠玛|太鲁阁|起[(,，、])/;

/** What comes before the number of a place on a list or a move on it (`位列榜单86位`, `提升1位`, `上升3名`). */
const RANKED_BEFORE = /(?:位列|位居|名列|排名|排在|排|列|居|跻身)[^，。；,;\d]{0,5}$|(?:提升|上升|下降|下滑|前进|后退|跃升|攀升|提高|上移|下移|跌落)了?$/;

function blockedStart(text: string, start: number): boolean {
  if (text[start - 1] === ' ' && /[第初]/.test(text[start - 2] ?? '')) return true; // 第 3 个
  const prev = text[start - 1] ?? '';
  // model / version numbers, fractions (not a currency code written against its number: `RMB300万`)
  if (/[A-Za-z\d._/#]/.test(prev) && !LATIN_CODE_BEFORE.test(text.slice(Math.max(0, start - 4), start))) return true;
  // a time or a score (`10:30`, `3:1`), not a label's colon (`净利润:7,734.86万元`)
  if (prev === ':' && /[A-Za-z\d\s]/.test(text[start - 2] ?? ' ')) return true;
  if (/[第初]/.test(prev) || /(?:周|星期|礼拜)$/.test(text.slice(Math.max(0, start - 2), start))) return true;
  // the second of two ordinals listed under one 第 (`第4、5名`, `第三及四名`)
  if (/[、及和与至]/.test(prev) && /第[\d一二三四五六七八九十]{1,3}[、及和与至]$/.test(text.slice(Math.max(0, start - 6), start))) return true;
  return false;
}

function currencyOf(ctx: Ctx, code: string): string {
  if (code === LOCAL) return ctx.local;
  if (code === DOLLAR) {
    ctx.dollar ??= /美元|美金|USD|US\$|美国/.test(ctx.text) || ctx.region === 'CN' ? 'USD' : REGION_CURRENCY[ctx.region];
    return ctx.dollar;
  }
  return code;
}

/** A run that starts with a sign (a character test: this runs for every numeral in the text). */
const isSigned = (run: string) => run[0] === '-' || run[0] === '+';

/** Whether a local place of the region's (lang/zh/places-local: Taiwan's townships `五股`, `七股`, lines `六家支线`) starts at `start`
 * and covers the numeral and its word up to `end`. */
function isLocalPlaceAt(region: Region, text: string, start: number, end: number): boolean {
  if (region === 'CN') return false;
  const { places, lengthsFrom } = localPlaces(region);
  return lengthsFrom(text[start]).some((len) => len >= end - start && places.has(text.slice(start, start + len)));
}

/** `四五元`, `三四个`, `五六万元`: the second digit (with its magnitude) read as an amount or a count with what follows
 * it, the first digit as its low end at the same magnitude. */
function adjacentRange(ctx: Ctx, start: number, run: string, lastEnd: number): Pending | null {
  const low = parseNumber(run[0])!.value;
  if (parseNumber(run[1])!.value !== low + 1) return null;
  const high = readAmount(ctx, start + 1, run.slice(1), lastEnd, true);
  if (!high || high.pending || high.start !== start + 1 || high.type === 'PERCENT') return null;
  const v = high.value as MoneyValue | QuantityValue;
  const top = 'amount' in v ? v.amount : v.value;
  return rangeTo(high, start, (top * low) / (low + 1), !!v.approx);
}

/** A range from `low` (at `start`) to the amount `high`, of its type, its end and its score; the currency is the high
 * end's unless the caller says otherwise. */
function rangeTo(high: Pending, start: number, low: number, approx: boolean, currency?: string): Pending {
  const flag = approx ? { approx: true as const } : {};
  if (high.type === 'MONEY') {
    const v = high.value as MoneyValue;
    const value: MoneyValue = { amount: round(low), currency: currency ?? v.currency, amount_max: v.amount, ...flag };
    return { start, end: high.end, type: 'MONEY', value, score: high.score };
  }
  if (high.type === 'PERCENT') {
    const v = high.value as PercentValue;
    const value: PercentValue = { value: round(low), value_max: v.value, ...(v.unit ? { unit: v.unit } : {}), ...flag };
    return { start, end: high.end, type: 'PERCENT', value, score: high.score };
  }
  const v = high.value as QuantityValue;
  const value: QuantityValue = { value: round(low), unit: v.unit, value_max: v.value, ...flag };
  return { start, end: high.end, type: 'QUANTITY', value, score: high.score };
}

/** An amount of `low` in the unit (or currency) of `like`. */
function single(like: Pending, low: number, approx: boolean, currency?: string): MoneyValue | PercentValue | QuantityValue {
  const v = like.value as { unit?: string; currency?: string };
  const flag = approx ? { approx: true as const } : {};
  if (like.type === 'MONEY') return { amount: round(low), currency: currency ?? v.currency!, ...flag };
  if (like.type === 'PERCENT') return { value: round(low), ...(v.unit ? { unit: v.unit as 'percentage_point' } : {}), ...flag };
  return { value: round(low), unit: v.unit!, ...flag };
}

/** Try to read one amount whose numeral run `run` starts at `start`. */
function readAmount(ctx: Ctx, start: number, run: string, lastEnd: number, inRange = false): Pending | null {
  const { text } = ctx;
  // a dash after a closing bracket joins two amounts (`3000万元(含)-3500万元(含)`): no minus sign
  if (isSigned(run) && /[)）\]】]/.test(text[start - 1] ?? '')) return readAmount(ctx, start + 1, run.slice(1), lastEnd, inRange);
  const digitsStart = isSigned(run) ? start + 1 : start;
  if (!inRange && blockedStart(text, start)) return null;
  const prev = text[start - 1] ?? '';
  const bare = isSigned(run) ? run.slice(1) : run;
  if (/^0\d/.test(bare)) return null; // zero-led codes

  // two neighbouring Chinese digits before money or a count (`四五元`, `三四个`, `五六万元`): a range from the first to the second
  const neighbours = !inRange && /^[一二三四五六七八][二三四五六七八九][十百千万亿]*$/.test(bare) ? adjacentRange(ctx, start, bare, lastEnd) : null;
  if (neighbours) return neighbours;

  const isChinese = HAS_CHINESE_DIGIT.test(run);
  const end = start + run.length;
  const after = text.slice(end, end + 10);
  const before = text.slice(Math.max(lastEnd, start - 8), start);
  const score = isChinese ? TYPE_SCORE.chinese : TYPE_SCORE.arabic;

  // --- PERCENT: N%, N‰, N‱, 百分之N, 千分之N, 万分之N, 百万分之N, N个百分点 ---
  const fraction = /(百万|千万|十万|百|千|万|亿)分之$/.exec(text.slice(Math.max(lastEnd, digitsStart - 4), digitsStart));
  const percentSign = /^\s?([%％‰‱])/.exec(after);
  if (percentSign || fraction) {
    const n = parseNumber(run);
    if (!n) return null;
    let value = n.value;
    let s = start;
    let e = end;
    if (fraction) {
      s = digitsStart - fraction[0].length;
      value = (value * 100) / FRACTION_DENOMINATOR[fraction[1]];
    } else {
      value /= percentSign![1] === '‰' ? 10 : percentSign![1] === '‱' ? 100 : 1;
      e = end + percentSign![0].length;
    }
    const approx = n.approx || hedgedAround(text, s, e);
    return pct(s, e, round(value), approx, score);
  }
  // (`2.92个百分比` is a common slip for 百分点)
  const points = /^\s?(?:个?百分点|个百分比)/.exec(after);
  if (points) {
    const n = parseNumber(run);
    if (!n) return null;
    const e = end + points[0].length;
    const approx = n.approx || hedgedAround(text, start, e);
    return pct(start, e, round(n.value), approx, score, 'percentage_point');
  }
  // basis points: a hundredth of a percentage point (`加息25个基点`, `125基点`, `50bp`)
  const bp = /^\s?个?(?:基点|基本点|点子|[bB][pP](?![A-Za-z]))/.exec(after);
  if (bp) {
    const n = parseNumber(run);
    if (!n) return null;
    const e = end + bp[0].length;
    return pct(start, e, round(n.value / 100), n.approx || hedgedAround(text, start, e), score, 'percentage_point');
  }
  // two neighbouring tenths (`七八成`, `七、八成`): a range, 70 to 80
  const pair = /^[一二三四五六七八]$/.test(bare) ? /^、?([二三四五六七八九])成/.exec(after) : /^[一二三四五六七八][二三四五六七八九]$/.test(bare) && after.startsWith('成') ? ['成', bare[1]] : null;
  const lo = pair ? parseNumber(bare[0])!.value * 10 : 0;
  if (pair && parseNumber(pair[1])!.value * 10 === lo + 10 && !CHENG_BLOCK.test(after.slice(pair[0].length))) {
    const e = end + pair[0].length;
    return { start, end: e, type: 'PERCENT', value: { value: lo, value_max: lo + 10, ...(hedgedAround(text, start, e) ? { approx: true } : {}) }, score: 0.8 };
  }
  // an interest rate in 厘 (Hong Kong: `最优惠利率5厘`, `减息0.25厘`): percent, a change in percentage points
  const li = /^\s?厘(?![米升克])/.exec(after);
  if (li && !isChinese && INTEREST_CONTEXT.test(sentenceAround(text, start))) {
    const n = parseNumber(run);
    if (!n || n.value > 30) return null;
    const e = end + li[0].length;
    const change = RATE_CHANGE_BEFORE.test(text.slice(Math.max(lastEnd, start - 14), start));
    return pct(start, e, round(n.value), n.approx || hedgedAround(text, start, e), score, change ? 'percentage_point' : undefined);
  }
  if (after.startsWith('成') && /^(?:[一二两三四五六七八九十]|[1-9]|10)$/.test(bare) && !CHENG_BLOCK.test(after.slice(1))) {
    const n = parseNumber(bare);
    if (!n) return null;
    // `八成三`, `两成半`, and Taiwan's `7成4` (74)
    const tail = /^成(半|[一二三四五六七八九](?![十百千万亿成])|[1-9](?![\d.%成万亿]))?/.exec(after)!;
    let value = n.value * 10;
    if (tail[1] === '半') value += 5;
    else if (tail[1]) value += parseNumber(tail[1])?.value ?? 0;
    const e = end + tail[0].length;
    return pct(start, e, value, hedgedAround(text, start, e), 0.8);
  }
  if (after.startsWith('折') && !DISCOUNT_BLOCK.test(after.slice(1))) {
    const v = discount(bare);
    if (v !== null && (/打$/.test(before) || PRICE_CONTEXT.test(sentenceAround(text, start)))) {
      const e = end + 1;
      return pct(start, e, v, hedgedAround(text, start, e), 0.8);
    }
  }

  // --- MONEY: symbol or currency word before, currency word after ---
  const sym = SYMBOL_RE.exec(before);
  const pre = sym ? null : PREFIX_CURRENCY_RE.exec(before);
  const suf = CURRENCY_SUFFIX_RE.exec(after);
  let moneySuffix = suf?.[0] ?? null;
  // 一元复始, 二元论: a small Chinese numeral + 元 is money only before a clear boundary.
  const afterSuffix = moneySuffix ? after.slice(moneySuffix.length) : '';
  if (/^\s?元$/.test(moneySuffix ?? '') && isChinese && (YUAN_BLOCK.test(afterSuffix) || (/^[一二两三四五六七八九]$/.test(bare) && !MONEY_END.test(afterSuffix) && !/^[一二两三四五六七八九十\d]/.test(afterSuffix)))) {
    moneySuffix = null;
  }
  if (moneySuffix === '蚊' && /^[子虫香]/.test(afterSuffix)) moneySuffix = null;
  // Colloquial 块: money with 钱, with a sub-unit after it (`5块5`, `3块8毛`), or in a sentence about prices.
  if (!moneySuffix && after.startsWith('块')) {
    const rest = after.slice(1);
    if (/^(?:\d|[一二两三四五六七八九])(?![\d万千百亿个块])|^(?:\d|[一二两三四五六七八九])[毛角]/.test(rest) || (MONEY_END.test(rest) && PRICE_CONTEXT.test(sentenceAround(text, start)))) {
      moneySuffix = '块';
    }
  }
  let sub: [string, number] | null = null;
  if (!moneySuffix && !sym && !pre) {
    const w = /^(?:美分|美仙|港仙|角|毛|毫(?![米升克秒安瓦伏巴])|仙|分(?=钱))/.exec(after)?.[0]; // (`2,600毫米` is a length)
    // 长三角, 珠三角, 金三角: regions, not three jiao.
    const regionSanjiao = w === '角' && bare === '三' && /[长珠金]$/.test(before);
    if (w && !regionSanjiao && (!isChinese || MONEY_END.test(after.slice(w.length))) && ((w !== '毫' && w !== '仙') || ctx.region === 'HK' || ctx.region === 'MO')) {
      if (w !== '毛' || MONEY_END.test(after.slice(1)) || PRICE_CONTEXT.test(sentenceAround(text, start))) {
        moneySuffix = after[w.length] === '钱' ? `${w}钱` : w; // `3分钱`, `5毛钱`: 钱 is part of it
        sub = SUB_UNITS[w];
      }
    }
  }
  if (sym || pre || moneySuffix) {
    const n = parseNumber(run);
    if (!n) return null;
    const word = moneySuffix?.trim() ?? null;
    // A specific prefix wins over a generic 元 suffix: 新台币100元 is TWD, ¥500元 is CNY.
    const generic = !word || word === '元' || word === '圆' || word === '块' || sub !== null;
    let code: string;
    if (pre && generic) code = CURRENCY_WORDS[pre[1]];
    else if (sym && generic) code = SYMBOLS[sym[0].trim()];
    else if (sub) code = sub[0];
    else code = word === '块' ? LOCAL : CURRENCY_WORDS[word!] ?? LOCAL;
    let currency = currencyOf(ctx, code);
    // a currency word before an amount that names its own (`换算美元约191亿美元`) is not part of it
    const usePre = pre && generic;
    const s = sym ? start - sym[0].length : usePre ? start - pre![0].length : start;
    let e = end + (moneySuffix?.length ?? 0);
    // 6.18万亿元人民币: the currency written after 元 (in a Hong Kong or Taiwan article too)
    if (word && /^[元圆]$/.test(word) && !pre && !sym && text.startsWith('人民币', e)) {
      e += 3;
      currency = 'CNY';
    }
    let amount = sub ? n.value * sub[1] : n.value;
    // Compound amounts: 三元五角, 12元3角5分, 四美元又二十美分, 5块5, 3蚊5毫.
    if (!sub && word && Number.isInteger(n.value) && n.value < 1e5) {
      const more = compound(text, e, word);
      if (more) {
        amount += more.amount;
        e = more.end;
      }
    }
    const approx = n.approx || (usePre && !!pre?.[2]) || hedgedAround(text, s, e);
    const value: MoneyValue = { amount: round(amount), currency, ...(approx ? { approx: true } : {}) };
    return { start: s, end: e, type: 'MONEY', value, score };
  }

  // --- QUANTITY: number + measure word / unit ---
  // (`2,000万票房` is takings: money, read below)
  const unitMatch = /^\s?票房/.test(after) ? null : UNIT_RE.exec(after);
  // a space after a magnitude ends the number (`获利300亿 台企银…`: 台 begins the next word)
  // (a unit in Latin letters after the space still belongs to it: `1632.8 万 TEU`)
  if (unitMatch && /^[ \u00a0]/.test(unitMatch[0]) && /[万亿兆千百]$/.test(run) && !/^[ \u00a0][A-Za-z]/.test(unitMatch[0])) return null;
  if (unitMatch) {
    let word = unitMatch[0].trimStart();
    if (word === '个' && DURATION_AFTER_GE.test(after.slice(unitMatch[0].length))) return null; // `3个月`, `約 7 個月`
    if (prev === '前' && !inRange) return null; // 前三名: a ranking
    // a place on a list and a move on it (`位列榜单86位`, `排名较去年提升1位`): a ranking, not a count of people
    if (/^\s?[位名]/.test(unitMatch[0]) && RANKED_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return null;
    let e = end + unitMatch[0].length;
    const alt = ALT_UNIT_RE.exec(text.slice(e, e + 6));
    if (alt) {
      word += alt[0];
      e += alt[0].length;
    }
    let s = start;
    let unit = unitSymbol(word, sentenceAround(text, start));
    let sign = 1;
    const scale = /(零下|华氏|摄氏)$/.exec(text.slice(Math.max(lastEnd, start - 2), start));
    if (scale && (word === '度' || unit === '°C' || unit === '°F')) {
      s -= 2;
      if (scale[1] === '零下') sign = -1;
      unit = scale[1] === '华氏' ? '°F' : '°C';
    }
    // a flat's size in Hong Kong's press is in square feet however it is written (`三房单位：一个527呎`, `实用面积约300呎`)
    if (word === '呎' && FLAT_AREA_BEFORE.test(text.slice(Math.max(lastEnd, start - 12), start))) unit = 'ft2';
    // a speed written with its time first (`以每小时10公里左右的速度`, `每秒30米`): one span
    const per = /每(小时|秒)$/.exec(text.slice(Math.max(lastEnd, start - 3), start));
    if (per && ((unit === 'km' && per[1] === '小时') || (unit === 'm' && per[1] === '秒'))) {
      s -= per[0].length;
      unit = unit === 'km' ? 'km/h' : 'm/s';
    }
    const n = parseNumber(run);
    if (!n) return null;
    if (unit === null && word === '点' && ctx.market && n.value >= 100) unit = '点'; // `从4000点空仓到5000点` in a market report
    if (unit === null && word === '级' && (SCALE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || SCALE_AFTER.test(text.slice(e, e + 5)))) unit = '级';
    if (unit === null) return null;
    // a product's size is its specification, not a measure (`12英寸抛光片`, `300mm硅外延片`, `7纳米制程`)
    if ((unit === 'in' || unit === 'mm' || unit === 'nm') && PRODUCT_AFTER.test(text.slice(e, e + 14))) return null;
    if (word === '次' && (TRAIN_AFTER.test(text.slice(e, e + 4)) || (text[start - 1] === '自' && /^[(（]/.test(text.slice(e, e + 1))))) return null;
    if (word === '所' && /^[致以有得需在谓属占]/.test(text.slice(e, e + 1))) return null; // `减少约60亿所致`: 所 is no measure word
    if (word === '座' && BLOCK_AFTER.test(text.slice(e, e + 3))) return null; // `44座低层A室`: a block of an estate, not a count
    if (isSigned(run) && unit !== '°C' && unit !== '°F') return null;
    // 一家公司, 统一口径: an article, not a count; but news counts the people it reports on (`一名男子`, `一名86岁老人`)
    if (isChinese && n.value === 1 && !inRange && word !== '手' && !(word === '名' && !/[统唯同之第万单划整专逐归合]/.test(prev))) return null;
    if (isChinese && isLocalPlaceAt(ctx.region, text, start, e)) return null; // Taiwan's 五股, 六家支线, 七股: places
    if (word === '点' && /(?:上午|下午|晚上|凌晨|早上|中午|傍晚|[早晚])$/.test(text.slice(Math.max(0, start - 2), start))) return null; // 下午3点
    if (/^[零〇○]$/.test(bare)) return null; // 零部件, 零件: a word, not zero things
    if (/[数几]/.test(prev) && /^[十百千万]/.test(bare) && !inRange) return null; // 数十米, 几十个: no definite value
    if (word === '期' && bare !== '两') return null; // 二期工程, 三期: phase numbers; 两期: two phases
    if (word === '次' && bare === '二') return null; // 二次创业, 二次污染, 二次分红: secondary; twice is 两次
    if (word === '国' && isChinese) return null; // 七国集团, 八国联军: names, not counts
    if (word === '字' && /^[十千万]$/.test(bare)) return null; // 红十字会, 千字文: words, not a count of characters
    // a congress's or a meeting's number: `十四届全国人大二次会议`, `十九届三中全会`
    if (word === '届' && SESSION_AFTER_TERM.test(text.slice(e, e + 4))) return null;
    if (word === '次' && /^(?:会议|全会|全体会议)/.test(text.slice(e, e + 4)) && /(?:人大|政协|代表大会|委员会|常委会|党代会|届)$/.test(text.slice(Math.max(0, start - 5), start))) return null;
    if (UNIT_WORD_AFTER[word]?.test(text.slice(e, e + 2))) return null; // 五部门, 岁月, 剂量
    if (/^\d{11,}$/.test(bare)) return null; // phone / ID numbers
    const approx = n.approx || hedgedAround(text, s, e);
    const value: QuantityValue = { value: round(sign * n.value), unit, ...(approx ? { approx: true } : {}) };
    return { start: s, end: e, type: 'QUANTITY', value, score: isChinese ? 0.8 : 0.9 };
  }

  // --- QUANTITY without a measure word: a magnitude after a count of people (`总诊疗人次达到51.1亿`, `投票人数为131.7万`) ---
  if (!inRange && /[万亿][多余]?$/.test(bare) && /^(?:$|[，,。；;、）)\s!?！？])/.test(after.replace(/^(?:左右|以上|之多|多|余)/, ''))) {
    const count = PEOPLE_COUNT_BEFORE.exec(text.slice(Math.max(lastEnd, start - 14), start));
    if (count) {
      const n = parseNumber(run);
      if (!n) return null;
      const approx = n.approx || hedgedAround(text, start, end);
      const unit = /人数|数量/.test(count[1]) ? '人' : '人次';
      return { start, end, type: 'QUANTITY', value: { value: round(n.value), unit, ...(approx ? { approx: true } : {}) }, score: 0.75 };
    }
  }

  // --- MONEY without a currency word: a magnitude after a money word (`净利润12.5亿`) ---
  // … and it ends the phrase: `14亿中国人` is a count of something, not money.
  const tail = after.replace(/^(?:左右|以上|之多|的)/, '');
  // … unless a money word follows it (`700亿投资`, `日均赌收`)
  if (inRange || !/[万亿兆][多余]?$/.test(bare)) return null;
  const cueAfter = MONEY_CUE_AFTER.test(tail);
  // … or a verb of spending right before it says it is money whatever follows (`编42亿进行改建`, `斥资5亿收购`)
  const spent = MONEY_VERB_BEFORE.test(text.slice(Math.max(lastEnd, start - 4), start));
  // (a list's joiner ends the phrase too: `分别支出54亿、53亿及17亿`)
  // (a change or a cause after it ends the phrase too, where a money word stands in the clause: `赌税101亿按年增15.8%`)
  const changeAfter = CHANGE_AFTER.test(tail);
  // (so does a threshold it names: `净利润突破百亿大关`, `营收跨越千亿门槛`)
  const threshold = /^(?:大关|关口|门槛|台阶)/.test(tail);
  if (!/^[\u4e00-\u9fff]/.test(tail) || /^(?:[及和与或]|以及)[\d一二两三四五六七八九十百千]/.test(tail) || cueAfter || spent || changeAfter || threshold) {
    let c = start;
    while (c > lastEnd && start - c < 16 && !CLAUSE_END.test(text[c - 1])) c--;
    const cue = cueAfter || spent || MONEY_CUE_RE.test(text.slice(c, start));
    if (changeAfter && !cue) return null; // (a change after it, but no money word in its clause: no amount)
    // Without a cue only 亿/兆 amounts may follow a money amount (`减少3025亿`); 万 is too often a count.
    if (!cue && !/[亿兆]$/.test(bare)) return null;
    const n = parseNumber(run);
    if (!n) return null;
    const approx = n.approx || hedgedAround(text, start, end);
    const value: MoneyValue = { amount: round(n.value), currency: '', ...(approx ? { approx: true } : {}) };
    return { start, end, type: 'MONEY', value, score: 0.75, pending: cue ? 'cue' : 'follow' };
  }
  return null;
}

const FRACTION_DENOMINATOR: Record<string, number> = { 百: 100, 千: 1e3, 万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8 };

/** `八` → 80, `六五` → 65, `7.5` → 75, `75` → 75 (a discount `N折` in percent of the price). */
function discount(s: string): number | null {
  const cn = '零一二三四五六七八九';
  if (/^[一二三四五六七八九][零一二三四五六七八九]?$/.test(s)) {
    return cn.indexOf(s[0]) * 10 + (s[1] ? cn.indexOf(s[1]) : 0);
  }
  if (/^[1-9](?:\.\d)?$/.test(s)) return round(Number(s) * 10);
  if (/^[1-9]\d$/.test(s)) return Number(s);
  return null;
}

const SMALL = String.raw`\d{1,2}|[零一二两三四五六七八九十]{1,3}`;
const COMPOUND_SUB_RE = new RegExp(`^(又)?(${SMALL})(美分|美仙|角|毛|毫(?![米升克秒安瓦伏巴])|分(?![钟之析别部期配数类批享成工红秒]))`);

/** The cents after a whole amount (`元` + `五角` + `5分`); its value in whole units. */
function compound(text: string, pos: number, word: string): { amount: number; end: number } | null {
  let amount = 0;
  let e = pos;
  const local = word === '元' || word === '圆' || word === '块' || word === '块钱';
  for (let i = 0; i < 2; i++) {
    const m = COMPOUND_SUB_RE.exec(text.slice(e, e + 8));
    if (!m) break;
    const unit = m[3];
    const ok = local ? /^[角毛分]$/.test(unit) : word === '美元' ? /^美[分仙]$/.test(unit) : word === '蚊' ? unit === '毫' : false;
    if (!ok) break;
    const n = parseNumber(m[2]);
    if (!n) break;
    amount += n.value * SUB_UNITS[unit][1];
    e += m[0].length;
    if (unit === '分' || unit.startsWith('美')) break;
  }
  // 5块5: a single digit after 块 is tenths.
  if (e === pos && word === '块') {
    const m = /^(\d|[一二两三四五六七八九])(?![\d万千百亿个块.])/.exec(text.slice(e, e + 2));
    if (m) {
      amount += (parseNumber(m[1])?.value ?? 0) / 10;
      e += 1;
    }
  }
  return e > pos ? { amount, end: e } : null;
}

/** An amount that names no currency of its own: number, magnitude, 元. */
const BARE_YUAN_END = /^[\d,.\s十百千万亿兆]*[元圆块]$/;

/**
 * A range `A 至 B` where B is an amount and A a number (or an amount of the same kind):
 * one mention from A to B with the low end in `amount`/`value` and the high end in
 * `amount_max`/`value_max`.
 */
function readRange(ctx: Ctx, s1: number, run1: string, m1: Pending | null): Pending | null {
  const { text } = ctx;
  if (m1?.pending) m1 = null; // 投资80亿至90亿美元: the low end is part of the range
  const e1 = m1 ? m1.end : s1 + run1.length;
  const j = RANGE_JOIN_RE.exec(text.slice(e1, e1 + 6));
  if (!j) return null;
  if (!m1 && (blockedStart(text, s1) || /^0\d/.test(run1))) return null;
  const s2 = e1 + j[0].length;
  const r2 = ctx.runAt.exec(text.slice(s2, s2 + 40));
  if (!r2) return null;
  const m2 = readAmount(ctx, s2, r2[0], e1, true) ?? sharedPercent(text, m1, s2, r2[0]);
  if (!m2 || m2.pending) return null;
  if (m1 && (m1.type !== m2.type || m1.pending)) return null;
  if (j[0].includes('百分之') && !(m1 && m1.type === 'PERCENT')) return null;
  const v2 = m2.value as { amount?: number; value?: number; currency?: string; unit?: string };
  // `美金2,000萬元至2,300萬元`: the high end's bare 元 is the low end's currency, not the region's
  const lowCurrency = m1?.type === 'MONEY' ? (m1.value as MoneyValue).currency : undefined;
  const currency = lowCurrency && m2.type === 'MONEY' && BARE_YUAN_END.test(text.slice(s2, m2.end)) ? lowCurrency : v2.currency;
  const high = v2.amount ?? v2.value!;
  let low: number;
  if (m1) {
    const v1 = m1.value as { amount?: number; value?: number; currency?: string; unit?: string };
    if (v1.currency !== currency || v1.unit !== v2.unit) return null;
    low = v1.amount ?? v1.value!;
  } else {
    // The low end takes the high end's magnitude when it has none: 1-2亿元, 8至10万元.
    let r = run1;
    const mag = /[十百千万亿兆]+$/.exec(r2[0].replace(/[多余]$/, ''))?.[0];
    if (mag && !/[十百千万亿兆]/.test(r)) r += mag;
    const n = parseNumber(r);
    if (!n) return null;
    low = n.value;
    // tenths and discounts: `一至三成` is 10 to 30, `七至八折` 70 to 80
    if (m2.type === 'PERCENT' && /^[^%％]*[成折]/.test(text.slice(s2, m2.end)) && !/[成折]/.test(run1)) low *= 10;
    // Temperatures: 零下5至零下2度 is out of scope; a signed low end is read as written.
    if (m2.type === 'QUANTITY' && (v2.unit === '°C' || v2.unit === '°F') && m2.start < s2) return null;
    if (m2.type === 'PERCENT' && m2.start < s2) return null; // 三十至百分之五十: not one form
  }
  if (m2.type === 'MONEY' && m2.start < s2) {
    // A currency prefix inside the range (`80亿至人民币90亿`) is not this form.
    return null;
  }
  if (!(low < high)) return null;
  const start = m1 ? m1.start : s1;
  // `股价上涨2美元至85.3美元`, `预算增加2.8亿至225.9亿元`: a change and the level it reaches, not a range —
  // a verb of change stands before the low end and the high end is many times it (`增长20%至50%` stays a range)
  // (a bare low end takes the high end's unit: `增加2.8亿至225.9亿元` is 2.8亿元, then 225.9亿元)
  if (low > 0 && high >= 5 * low && CHANGE_BEFORE_RE.test(text.slice(Math.max(0, start - 6), start))) {
    return m1 ? null : { start, end: e1, type: m2.type, value: single(m2, low, hedgedAround(text, start, e1), currency), score: m2.score };
  }
  const approx = !!(m1?.value as { approx?: boolean } | undefined)?.approx || !!(v2 as { approx?: boolean }).approx || hedgedAround(text, start, m2.end) || /[约約]/.test(j[0]);
  return rangeTo(m2, start, low, approx, currency);
}

/**
 * `百分之十五至二十五`: the high end of a range after `百分之` is a percent too, when nothing else follows it
 * (`百分之五至十年` is no range of percents).
 */
function sharedPercent(text: string, m1: Pending | null, s2: number, run2: string): Pending | null {
  if (!m1 || m1.type !== 'PERCENT' || !text.startsWith('百分之', m1.start) || (m1.value as PercentValue).unit) return null;
  if (/^[\dA-Za-z年月日天岁个倍号时分秒点.]/.test(text.slice(s2 + run2.length))) return null;
  const n = parseNumber(run2);
  return n && pct(s2, s2 + run2.length, n.value, n.approx, m1.score);
}

function pct(start: number, end: number, value: number, approx: boolean, score: number, unit?: 'percentage_point'): AmountMention {
  const v: PercentValue = { value, ...(unit ? { unit } : {}), ...(approx ? { approx: true } : {}) };
  return { start, end, type: 'PERCENT', value: v, score };
}

/** Hedge words just before the span or just after it. */
function hedgedAround(text: string, s: number, e: number): boolean {
  if (text[s] === '十' && /[数几]/.test(text[s - 1] ?? '')) return true; // 数十亿, 几十万
  return HEDGE_BEFORE.test(text.slice(Math.max(0, s - 4), s)) || HEDGE_AFTER.test(text.slice(e, e + 3));
}

/** A bare order of magnitude in yuan with a threshold word (`超亿元`, `近亿元`, `亿元以上项目`, `千万元及以上`): about one of it. */
const BARE_MAGNITUDE_YUAN = /(?<![\d零〇○一二两三四五六七八九十百千万亿几数.,])(十亿|百万|千万|亿)元/g;
const BARE_MAGNITUDE: Record<string, number> = { 十亿: 1e9, 百万: 1e6, 千万: 1e7, 亿: 1e8 };

/**
 * A round hundred, thousand or ten thousand of things after a hedge, or with 余 / 多 (`近百台工程机械`, `超千家企业`, `百余家`):
 * about that many (the hedge before stays outside, as with money). Not after a numeral (`三百台` is read as a number).
 */
const BARE_COUNT: Record<string, number> = { 百: 100, 千: 1000, 万: 10000 };
const COUNT_WORDS = [...COUNTS].filter((w) => !/^[期国通]$/.test(w)).sort((a, b) => b.length - a.length).join('|');
const BARE_MAGNITUDE_COUNT = new RegExp(
  `(?:(?<=超过?|逾|近|约|达|破|突破|上)([百千万])(?:余|多)?|(?<![\\d零〇一二两三四五六七八九十百千万亿几数超逾近约达破上])([百千万])(?:余|多))(${COUNT_WORDS}|亩)`,
  'g',
);

/** Forms without a digit-led run: `百分之百`, `半价`, `加息半厘`, `超亿元`. */
function addStandalone(text: string, out: AmountMention[], local: string): void {
  const re = /百分之百(?![分之])|半价|(?<=[升跌涨降增减飙逾约近超达占仅过有])半成(?![品熟年本型衣功事交])|半厘(?![米升克])/g;
  let added = false;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (out.some((o) => o.start < e && s < o.end)) continue;
    if (m[0] === '半厘') {
      // `加息半厘`, `减息半厘` (Hong Kong): a change of half a percentage point
      if (RATE_CHANGE_BEFORE.test(text.slice(Math.max(0, s - 14), s)) && INTEREST_CONTEXT.test(sentenceAround(text, s))) {
        out.push(pct(s, e, 0.5, hedgedAround(text, s, e), 0.85, 'percentage_point'));
        added = true;
      }
      continue;
    }
    // `半成` (Hong Kong: half of 一成) only after a change or a hedge: `股价飙逾半成`, `跌近半成`
    out.push(pct(s, e, m[0] === '半价' ? 50 : m[0] === '半成' ? 5 : 100, m[0] === '半成' && hedgedAround(text, s, e), 0.85));
    added = true;
  }
  if (text.includes('元')) {
    for (const m of text.matchAll(BARE_MAGNITUDE_YUAN)) {
      const s = m.index!;
      const e = s + m[0].length;
      if (!hedgedAround(text, s, e) && !/^及以[上下]/.test(text.slice(e, e + 3))) continue;
      if (out.some((o) => o.start < e && s < o.end)) continue;
      out.push({ start: s, end: e, type: 'MONEY', value: { amount: BARE_MAGNITUDE[m[1]], currency: local, approx: true }, score: 0.85 });
      added = true;
    }
  }
  if (/[百千万][余多]?\p{Script=Han}/u.test(text)) {
    for (const m of text.matchAll(BARE_MAGNITUDE_COUNT)) {
      const s = m.index!;
      const e = s + m[0].length;
      const word = m[3];
      if (out.some((o) => o.start < e && s < o.end) || UNIT_WORD_AFTER[word]?.test(text.slice(e, e + 2))) continue;
      out.push({ start: s, end: e, type: 'QUANTITY', value: { value: BARE_COUNT[m[1] ?? m[2]], unit: word === '亩' ? 'mu' : word, approx: true }, score: 0.8 });
      added = true;
    }
  }
  added = addCapitalNumerals(text, out, local) || added;
  if (added) out.sort((a, b) => a.start - b.start);
}

/**
 * Money in the capital numerals of contracts, invoices and judgments (`壹佰贰拾万元`, `人民币叁仟伍佰元伍角`):
 * the lower-case numeral it writes, with its 角 and 分. A trailing `整` ("exactly") stays outside, like other words after an amount.
 */
const CAPITAL_DIGITS: Record<string, string> = {
  零: '零', 壹: '一', 贰: '二', 叁: '三', 参: '三', 肆: '四', 伍: '五', 陆: '六', 柒: '七', 捌: '八', 玖: '九', 拾: '十', 佰: '百', 仟: '千', 万: '万', 亿: '亿',
};
const CAPITAL_MONEY_RE =
  /(?:人民币|港币|美元)?(?=[零壹贰叁参肆伍陆柒捌玖拾佰仟万亿]*[壹贰叁肆伍陆柒捌玖拾佰仟])([零壹贰叁参肆伍陆柒捌玖拾佰仟万亿]{2,})[元圆](?:零?([壹贰叁肆伍陆柒捌玖])角)?(?:零?([壹贰叁肆伍陆柒捌玖])分)?/g;
const CAPITAL_CURRENCY: Record<string, string> = { 人民币: 'CNY', 港币: 'HKD', 美元: 'USD' };
function addCapitalNumerals(text: string, out: AmountMention[], local: string): boolean {
  if (!/[壹贰叁肆伍陆柒捌玖拾佰仟]/.test(text)) return false;
  let added = false;
  for (const m of text.matchAll(CAPITAL_MONEY_RE)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (out.some((o) => o.start < e && s < o.end)) continue;
    const n = parseNumber([...m[1]].map((c) => CAPITAL_DIGITS[c]).join(''));
    if (!n) continue;
    const digit = (c: string | undefined) => (c ? '一二三四五六七八九'.indexOf(CAPITAL_DIGITS[c]) + 1 : 0);
    const cents = digit(m[2]) * 0.1 + digit(m[3]) * 0.01;
    const word = /^(?:人民币|港币|美元)/.exec(m[0])?.[0];
    const currency = word ? CAPITAL_CURRENCY[word] : local;
    out.push({ start: s, end: e, type: 'MONEY', value: { amount: round(n.value + cents), currency, ...(hedgedAround(text, s, e) ? { approx: true } : {}) }, score: 0.9 });
    added = true;
  }
  return added;
}

/** Trim float noise from divisions (0.30000000000000004 → 0.3). */
function round(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(12));
}
