/**
 * Company knowledge (lang/zh/companies.tsv, mined from the corpus):
 *  (a) exact occurrences of a listed name that no mention covers are tagged
 *      (longest first, at segmenter token boundaries, in content paragraphs,
 *      never over a garbled span; a name that is also a common word, `小米`,
 *      only in a sentence about business); a shorter name mention strictly inside the
 *      listed name gives way (`宁德` in `宁德时代`, `上汽` in `上汽大众`), one
 *      reaching past it blocks it;
 *  (a0) a mention that a conjunction opens before exactly a listed name is the
 *      name (`惟百度` → `百度`); a mention that runs from a listed company into a verb or a Latin
 *      product name ends with the company (`苹果iPhone` → `苹果`);
 *  (b) a name mention that is exactly a listed name takes the listed type
 *      (`比亚迪` tagged PERSON → COMPANY);
 *  (c) banks and groups: a central bank or a multilateral bank is ORG
 *      (`中国人民银行`, `亚洲开发银行`); another name ending in a business word
 *      (`…银行`, `…分行`, `…集团`, `…有限公司`, `…证券`) is COMPANY, and so is a
 *      construction group's engineering bureau (`中建三局`);
 *  (e) names inside a market index's name are none (`恒生科技指数`).
 */
import type { Doc, NormMention, Span } from '../doc.js';
import { component } from '../component.js';
import { BUSINESS_CUE, BUSINESS_END, CROP_SENSE, CENTRAL_BANK, SOE_BUREAU, SOE_BUREAU_ANY, COMMON_WORD_AFTER, COMPANY_WORD_AFTER, NON_BUSINESS_END, NOT_BUSINESS, SET_PHRASE_BEFORE, PHRASE_AFTER, isAmbiguousCompany, isVeryCommonWord, listedRegions, minedCompanies } from '../lang/zh/companies.js';
import { inUnknownRun, isName, mentionOwners, setMentions } from './util.js';
import { isFixedPhrase, isGenericName } from './generic.js';
import { placeForms } from '../lang/zh/gazetteer.js';
import { TITLES } from '../lang/zh/lexicon-words.js';
import { LOCAL_BODIES } from '../lang/zh/words.js';

/** A title right before a name: whoever follows it is a person (`校长福斯特`), whatever company shares the name. */
const TITLE_BEFORE = new RegExp(`(?:${TITLES.join('|')})$`);
/** Forms of address and a family after a person's name (`福斯特先生`, `肯尼迪家族`). */
const ADDRESS_AFTER = /^(?:先生|女士|夫人|家族)/;
/** A company's governing bodies after its name (ANNOTATION.md: `宁德时代董事会` tags `宁德时代`): the name is the company's. */
const GOVERNING_BODY_AFTER = /^(?:党组|党委|董事会|监事会|股东大会|股东会)/;
/** How a company's full legal name ends. */
const LEGAL_NAME_END = /(?:有限公司|有限责任公司|股份公司|集团公司|合伙企业(?:[(（]有限合伙[)）])?)$/;
/** A Taiwan financial group's investment adviser (投顾) or fund house (投信) after the group's name. */
const FUND_ARM_AFTER = /^(?:投顾|投信)/;
/** A company's shops after its name, read as one place by the model (`瑞幸门店`). */
const STORES_AFTER = /^(?:门店|门市|专卖店)$/;
/** one-character words jieba glues before or after a name (`及美团`, `大摩指`, `阿里再升`) */
const GLUED_BEFORE = /[及和与跟同对向被由把将为在从以给让指据]/;
const GLUED_AFTER = /[指称说升跌涨冲挫再续将也]/;
/** One-character conjunctions, adverbs and prepositions a recogniser leaves at the start of a name (`惟百度逆市高收`). */
const LEADING_WORD = /[惟唯但而并且亦又及和与跟同对向被由把将为在从以给让据令使]/;
/** More one-character words that end a clause's opening words before a company's name (`故携程…`, `原告未因携程…`). */
const CLAUSE_WORD = /[故因即乃若如虽凡是]/;

/** A stock's short name with a special-treatment prefix or a share-class suffix, between a list's or a clause's marks. */
const STOCK_NAME = /(?<![A-Za-z\d*])\*?S?\*?ST\p{Script=Han}{2}|(?<=^|[、，,。；;：:\s(（“"「及和与])\p{Script=Han}{2,6}[-－](?:SW|WR|W|S|B|U)(?![A-Za-z])/gmu;
/** A stock's short name right before its code in brackets, between a list's or a clause's marks (`小米（1810）升2.6%`, `贵州茅台(600519)`). */
const NAME_BEFORE_CODE = /(?<=^|[、，,。；;：:\s“"「])(\p{Script=Han}{2,6})(?=\s?[(（]\d{4,6}(?:\.(?:HK|SH|SZ))?[)）])/gmu;

/** How the name of a centre that is a body ends (not a venue's: `国际金融中心`, `会展中心`). */
const BODY_CENTRE = /(?:服务|管理|研究|指挥|促进|监测|检测|培训|调度|救灾|备灾|招商)中心$/;

/** The families of market indexes (a cheap test before MARKET_INDEX). */
const INDEX_FAMILY = /恒生|沪深|上证|深证|中证|国证|创业板|科创|标普|道琼斯|纳斯达克|富时|日经|MSCI/;
/** A market index's name: an index family and what follows it up to 指数. */
const MARKET_INDEX = /(?:恒生|沪深|上证|深证|中证|国证|创业板|科创|标普|道琼斯|纳斯达克|富时|日经|MSCI)[\p{Script=Han}A-Za-z\d]{0,10}?指数/gu;

/** Segmenter tags of words that never begin a company's short name (conjunctions, adverbs, prepositions, verbs, pronouns, numerals, measure words, directions, locatives such as 当中, times such as 全年). */
const FUNCTION_POS = /^(?:c|d|p|r|u[a-z]*|v|vd|m|q|f|s|t)$/;

/** score of a listed-name mention */
const LIST_SCORE = 0.8;

let firstIndex: Map<string, FirstEntry> | null = null;
/** Listed names that are generic references outside the regions that list them (`海关`, `新闻局`). */
const regionalGeneric = new Set<string>();
/** The listed names that begin with one character, and their lengths, longest first. */
interface FirstEntry {
  lengths: number[];
  names: Set<string>;
}

/**
 * Listed names by first character. A position is tested with one set lookup per length (at most a dozen), not one
 * comparison per name: `中` and `华` begin hundreds of listed names each.
 */
function namesByFirst(): Map<string, FirstEntry> {
  if (firstIndex) return firstIndex;
  firstIndex = new Map();
  for (const [name, type] of minedCompanies()) {
    // a listed name that is a generic reference (`财政局` from MSRA's labels) is never tagged on its own, unless a
    // region's list names it (`海关` in Hong Kong): then only in that region's articles
    if (isGenericName(name, type)) {
      if (!listedRegions(name).length) continue;
      regionalGeneric.add(name);
    }
    let e = firstIndex.get(name[0]);
    if (!e) firstIndex.set(name[0], (e = { lengths: [], names: new Set() }));
    e.names.add(name);
    if (!e.lengths.includes(name.length)) e.lengths.push(name.length);
  }
  for (const e of firstIndex.values()) e.lengths.sort((a, b) => b - a);
  return firstIndex;
}

/** The listed names at `i` of `text`, longest first. */
/** The listed names (those tagged on their own: no generic reference) that start at text[i]. */
export function listedNamesAt(text: string, i: number): Generator<string> {
  return listedAt(namesByFirst(), text, i);
}

function* listedAt(byFirst: Map<string, FirstEntry>, text: string, i: number): Generator<string> {
  const e = byFirst.get(text[i]);
  if (!e) return;
  for (const len of e.lengths) {
    if (i + len > text.length) continue;
    const name = text.slice(i, i + len);
    if (e.names.has(name)) yield name;
  }
}

/** What follows a company's name and never a person's: its revenue, profit, board, results briefing (a date may come between). */
const COMPANY_ONLY_AFTER =
  /^(?:(?:今天|今日|昨天|昨日|本周|本週|上周|今年|去年|\d{4}年|\d{1,2}月)?(?:前\d{1,2}月|前[一二三四五六七八九十]+个?月|第?[1-4一二三四]季度?|上半年|下半年|全年)?)(?:营收|营业收入|营业额|税后纯益|纯益|净利润?|毛利率?|股价|股息|市值|董事会|股东会|股东大会|法说会|召开法人说明会|法人说明会|每股)/;

/** Any of COMPANY_ONLY_AFTER's words in an article (most articles have none: the rule is skipped). */
const COMPANY_ONLY_WORD = /营收|营业|纯益|净利|毛利|股价|股息|市值|董事会|股东|法说会|法人说明会|每股/;

export function typeOfName(name: string): 'COMPANY' | 'ORG' | null {
  const listed = minedCompanies().get(name);
  if (listed) return listed;
  if (CENTRAL_BANK.test(name)) return 'ORG';
  if (SOE_BUREAU.test(name)) return 'COMPANY';
  if (name.length > 2 && BUSINESS_END.test(name) && !NOT_BUSINESS.test(name)) return 'COMPANY';
  return null;
}

/** A body's head after its name (`交通部长`, `发展局局长`, `卫生署署长`). */
const BODY_HEAD_TITLE = /^(?:[局部署司处厅院]长|长)/;

export function applyCompanies(doc: Doc): void {
  const text = doc.norm.text;
  // (a): tag listed names
  const list = minedCompanies();
  const byFirst = namesByFirst();
  const owner = mentionOwners(doc);
  const blocked = new Uint8Array(text.length);
  for (const g of doc.garbled) blocked.fill(1, g.start, g.end);
  const starts = new Set(doc.tokens.map((t) => t.start));
  const ends = new Set(doc.tokens.map((t) => t.end));
  // jieba glues a conjunction before a name or a verb after it (`及美团`, `大摩指`): a word may start after
  // such a character and end before one, though no token boundary is there
  const startsWord = (p: number) => starts.has(p) || (p > 0 && GLUED_BEFORE.test(text[p - 1]) && starts.has(p - 1));
  const endsWord = (p: number) => ends.has(p) || (GLUED_AFTER.test(text[p] ?? '') && ends.has(p + 1));
  /** whether a place's name of two to four characters starts at a position */
  const placeAt = (p: number) => [2, 3, 4].some((len) => placeForms(text.slice(p, p + len)).length > 0);
  // a listed body's head written with it (`交通部长/n`, `发展/局局长`): the body's name ends before the title
  const headedBody = (name: string, end: number) => {
    const title = BODY_HEAD_TITLE.exec(text.slice(end, end + 3));
    return !!title && /[部局署司处厅院]$/.test(name) && list.get(name) === 'ORG' && ends.has(end + title[0].length);
  };
  // (a0) a mention that a conjunction or a preposition opens, before exactly a listed name, is that name
  // (`惟百度` → `百度`, `及美团` → `美团`)
  for (const m of doc.mentions) {
    if (m.end - m.start < 3 || !LEADING_WORD.test(text[m.start]) || !list.has(text.slice(m.start + 1, m.end))) continue;
    if (owner[m.start] === m) owner[m.start] = undefined;
    m.start += 1;
    m.type = list.get(text.slice(m.start, m.end))!;
  }
  // (a0) a mention that opens with the last character of a word the segmenter reads across its start (`当中/国泰航空`,
  // `上载/运输/署`) is the listed name after that word, up to that name's end (`国泰航空`, not `中国泰航空客运`)
  for (const m of doc.mentions) {
    if (!isName(m) || m.type === 'PERSON') continue;
    const t = doc.tokenCovering(m.start, m.start + 1);
    // (a word jieba knows: not an unknown run, `称美/x 司法部`, `愿同巴/x 国民议会`)
    if (!t || t.start >= m.start || t.end >= m.end || t.pos === 'x') continue;
    const name = [...listedAt(byFirst, text, t.end)].find((n) => t.end + n.length <= m.end && ends.has(t.end + n.length) && !isAmbiguousCompany(n));
    if (!name) continue;
    for (let k = m.start; k < m.end; k++) if (owner[k] === m) owner[k] = undefined;
    [m.start, m.end, m.type] = [t.end, t.end + name.length, list.get(name)!];
    owner.fill(m, m.start, m.end);
  }
  // (a0) a company mention that words of no name open, ending in a conjunction, an adverb or a preposition, before a
  // listed company's name one to four characters in, starts at that name (`故携程商务公司`, `原告未因携程商务公司`): not
  // where the words before it are a place or a listed name themselves (`北京万科`, `上汽大众`), nor inside a word
  // (`零一汽车`, `万海航运`), nor before an ambiguous name
  for (const m of doc.mentions) {
    if (m.type !== 'COMPANY' || listedAt(byFirst, text, m.start).next().done === false) continue;
    for (let k = 1; k <= 4 && m.start + k + 2 <= m.end; k++) {
      const at = m.start + k;
      const prefix = text.slice(m.start, at);
      if (!/^\p{Script=Han}+$/u.test(prefix)) break;
      if (!starts.has(at) || !(LEADING_WORD.test(text[at - 1]) || CLAUSE_WORD.test(text[at - 1]))) continue;
      const name = [...listedAt(byFirst, text, at)].find((n) => at + n.length <= m.end && list.get(n) === 'COMPANY' && !isAmbiguousCompany(n));
      if (!name) continue;
      // (every tail of the words before it: `北京` of `北京万科`, `上汽` of `上汽大众`)
      if (Array.from({ length: k }, (_, j) => prefix.slice(j)).some((w) => placeForms(w).length || list.has(w))) break;
      if (owner[m.start] === m) owner[m.start] = undefined;
      m.start = at;
      break;
    }
  }
  // (a0) a mention that runs from a listed company into a verb or a Latin product name ends with the company
  // (`港铁推展屯门南延线`, `苹果iPhone`, `小米SU7`); not a legal name (`东方证券承销保荐有限公司`), nor an association named
  // after what a company's name also means (`长城保护协会`)
  for (const m of doc.mentions) {
    if ((m.type !== 'COMPANY' && m.type !== 'ORG') || LEGAL_NAME_END.test(text.slice(m.start, m.end))) continue;
    let name: string | undefined;
    for (const n of listedAt(byFirst, text, m.start)) {
      if (m.start + n.length < m.end && ends.has(m.start + n.length)) {
        name = n;
        break;
      }
    }
    if (!name || (list.get(name) === 'COMPANY' && NON_BUSINESS_END.test(text.slice(m.start, m.end)))) continue;
    const end = m.start + name.length;
    const next = doc.tokenCovering(end, end + 1);
    // (a verb that ends the mention is part of the name: `一汽解放`)
    if (next && next.start === end && (((next.pos === 'v' || next.pos === 'vd') && next.end < m.end) || /^[A-Za-z]/.test(text[end]))) {
      m.end = end;
      m.type = list.get(name)!;
      for (let k = end; k < text.length && owner[k] === m; k++) owner[k] = undefined;
    }
  }
  // companyStarts[k]: how many company mentions start before k (another company in a sentence, in constant time)
  const companyStarts = new Int32Array(text.length + 1);
  for (const m of doc.mentions) if (m.type === 'COMPANY') companyStarts[m.start + 1]++;
  for (let k = 1; k <= text.length; k++) companyStarts[k] += companyStarts[k - 1];
  const drop = new Set<NormMention>();
  const added: NormMention[] = [];
  // the companies this pass tagged, sorted by start: another company in a sentence by a binary search, not a pass
  // over all of them (an article listing a name thousands of times stays linear)
  const tagged: Span[] = [];
  const firstTaggedFrom = (p: number) => {
    let [lo, hi] = [0, tagged.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tagged[mid].start < p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const taggedWithin = (ss: number, se: number) => {
    for (let k = firstTaggedFrom(ss); k < tagged.length && tagged[k].start < se; k++) if (tagged[k].end <= se) return true;
    return false;
  };
  // whether a sentence has a business cue, once per sentence
  const cueIn = new Map<string, boolean>();
  const hasBusinessCue = (ss: number, se: number) => {
    const key = `${ss}:${se}`;
    if (!cueIn.has(key)) cueIn.set(key, BUSINESS_CUE.test(text.slice(ss, se)));
    return cueIn.get(key)!;
  };
  /** The sentence around a position (else 60 characters either side): where a business cue or another company is looked for. */
  const sentenceAround = (p: number): [number, number] => {
    const sentence = doc.sentenceAt(p);
    return sentence ? [sentence.start, sentence.end] : [Math.max(0, p - 60), Math.min(text.length, p + 60)];
  };
  /** Whether a company lies within a span: the recogniser's, or one this pass tagged. */
  const companyWithin = (ss: number, se: number) => companyStarts[se] - companyStarts[ss] > 0 || taggedWithin(ss, se);
  /** The mentions holding characters of a span. */
  const ownersIn = (span: Span) => new Set(owner.slice(span.start, span.end).filter((o): o is NormMention => o !== undefined));
  /** Tag a span as a listed name; the mentions inside it give way. */
  const take = (span: Span, type: NormMention['type'], inside: Iterable<NormMention>) => {
    for (const o of inside) drop.add(o);
    const m: NormMention = { ...span, type, score: LIST_SCORE, source: 'companies' };
    added.push(m);
    if (type === 'COMPANY') tagged.splice(firstTaggedFrom(span.start), 0, span);
    owner.fill(m, span.start, span.end);
  };
  // construction groups' engineering bureaus no mention touches (`中交一航局`)
  for (const b of text.matchAll(SOE_BUREAU_ANY)) {
    const span = { start: b.index!, end: b.index! + b[0].length };
    if (!doc.inContent(span.start)) continue;
    // names wholly inside give way (`中铁` in `中铁十四局`); one reaching past it blocks it
    const inside = ownersIn(span);
    if ([...inside].some((o) => o.start < span.start || o.end > span.end || (o.start === span.start && o.end === span.end))) continue;
    take(span, 'COMPANY', inside);
  }
  const singleCharWords = new Set(doc.tokens.filter((t) => t.end - t.start === 1 && /\p{Script=Han}/u.test(text[t.start])).map((t) => t.start));
  for (let i = 0; i < text.length; i++) {
    if (!byFirst.has(text[i]) || (owner[i] && owner[i]!.start < i)) continue;
    for (const name of listedAt(byFirst, text, i)) {
      const span = { start: i, end: i + name.length };
      // (a listed name may end inside a token that jieba could not read, made of it and the next word: `港铁重/x铁路线`;
      // not inside a word jieba knows: `交通部门`)
      // (an unambiguous name may also end before a Latin or numbered product or a bracket: `辉达GB200`, `长建（1038）`)
      if (doc.tokens.length && !(startsWord(span.start) && (endsWord(span.end) || headedBody(name, span.end) || (!isAmbiguousCompany(name) && (inUnknownRun(doc, span.end) || /^[A-Za-z0-9(（]/.test(text[span.end] ?? '')))))) continue;
      if (!doc.inContent(i) || blocked.subarray(span.start, span.end).some((b) => b)) continue;
      // a Latin name is a whole Latin word (`LG`, not the start of `LGBTQ`)
      if (/[A-Za-z]/.test(name[name.length - 1]) && /[A-Za-z]/.test(text[span.end] ?? '')) continue;
      if (/[A-Za-z]/.test(name[0]) && /[A-Za-z]/.test(text[span.start - 1] ?? '')) continue;
      // a name whose first character closes a two-character place with a one-character word before it is that place's
      // (`台中共有`, read 台/中共/有: 台中, not 中共)
      if (i > 0 && singleCharWords.has(i - 1) && placeForms(text.slice(i - 1, i + 1)).length) continue;
      if (regionalGeneric.has(name) && !(listedRegions(name) as readonly string[]).includes(doc.region.region)) continue;
      // nor the tail of a body every place has (`考试院` of `省教育考试院`: not Taiwan's Examination Yuan)
      if ([1, 2, 3, 4].some((k) => k <= i && LOCAL_BODIES.has(text.slice(i - k, span.end)))) continue;
      // nor a name that ends in a fixed phrase's first word (`时代中国` of `新时代中国特色`)
      if (isFixedPhrase(text, { ...span, type: list.get(name)!, score: LIST_SCORE, source: 'companies' })) continue;
      // nor one that opens a phrase with what follows it (`联通国内国际两个市场`, `联通中国同中亚国家`, `世界先进水平`)
      const phrase = PHRASE_AFTER.get(name);
      if (phrase && (phrase.test(text.slice(span.end, span.end + 2)) || placeAt(span.end))) continue;
      // a name that is also a common word (`小米`, `苹果`) only in a sentence about business
      if (isAmbiguousCompany(name)) {
        if (SET_PHRASE_BEFORE.get(name)?.test(text.slice(Math.max(0, i - 2), i))) continue;
        const [ss, se] = sentenceAround(i);
        // (or listed right after a company: `零跑、小鹏、理想`)
        const prev = /[、和及与]/.test(text[span.start - 1] ?? '') ? owner[span.start - 2] : undefined;
        const listedAfterCompany = !!prev && (prev.type === 'COMPANY' || list.get(text.slice(prev.start, prev.end)) === 'COMPANY');
        // (or before its own governing body: `中国石化党组`, `宁德时代董事会`)
        const governed = GOVERNING_BODY_AFTER.test(text.slice(span.end, span.end + 4));
        if (!hasBusinessCue(ss, se) && !listedAfterCompany && !governed) continue;
        // the commonest words need more: a company word after them, or another company in the sentence (one tagged
        // by this pass too: `零跑、小鹏、理想`)
        const companyInSentence = companyWithin(ss, se);
        if (isVeryCommonWord(name) && !listedAfterCompany && !COMPANY_WORD_AFTER.test(text.slice(span.end, span.end + 3)) && (!companyInSentence || COMMON_WORD_AFTER.test(text.slice(span.end, span.end + 2)))) continue;
      }
      // a Taiwan group's investment adviser or fund house after its listed name is one company (`群益投顾`, `统一投信`)
      const arm = list.get(name) === 'COMPANY' ? FUND_ARM_AFTER.exec(text.slice(span.end, span.end + 2)) : null;
      if (arm) span.end += arm[0].length;
      const inside = ownersIn(span);
      // a shorter name strictly inside the listed one gives way (`宁德` in `宁德时代`, `上汽` in `上汽大众`)
      // (and a mention of the name with its stores, `瑞幸门店`: a model's reading of the brand's shops as a place)
      const ok = [...inside].every((m) => isName(m) && m.start >= span.start && ((m.end <= span.end && m.end - m.start < span.end - span.start) || (m.start === span.start && STORES_AFTER.test(text.slice(span.end, m.end)))));
      if (!ok) continue;
      take(span, list.get(name)!, inside);
      i = span.end - 1;
      break;
    }
  }
  // stock names: a special-treatment prefix (`*ST万方`, `ST中利`) or a share-class suffix (`小米集团-W`, `百度集团-SW`)
  // belongs to the name; such a name nothing covers is tagged (`斯特威-W`)
  if (/ST|-[A-Z]/.test(text)) {
    for (const b of text.matchAll(STOCK_NAME)) {
      const span = { start: b.index!, end: b.index! + b[0].length };
      if (!doc.inContent(span.start)) continue;
      const inside = ownersIn(span);
      if ([...inside].some((o) => o.start < span.start || o.end > span.end || !isName(o))) continue;
      take(span, 'COMPANY', inside);
    }
  }
  if (/[(（]\d{4,6}/.test(text)) {
    for (const b of text.matchAll(NAME_BEFORE_CODE)) {
      const span = { start: b.index!, end: b.index! + b[1].length };
      // the name is the words right before the code, not a conjunction, adverb or verb before them (`而腾讯`, `例如阿里巴巴`)
      let from = span.end;
      for (const t of doc.tokensWithin(span.start, span.end).reverse()) {
        if (t.start < span.start || FUNCTION_POS.test(t.pos)) break;
        from = t.start;
      }
      span.start = from;
      // (the segmenter may glue the conjunction to the name: `惟百度`)
      if (LEADING_WORD.test(text[span.start]) && list.has(text.slice(span.start + 1, span.end))) span.start += 1;
      // words before a listed name that are neither a place nor a listed name themselves (`双雄富邦金`): the listed name
      if (!list.has(text.slice(span.start, span.end))) {
        for (let k = span.start + 1; k <= span.end - 2; k++) {
          const head = text.slice(span.start, k);
          if (list.get(text.slice(k, span.end)) !== 'COMPANY' || placeForms(head).length || list.has(head)) continue;
          span.start = k;
          break;
        }
      }
      if (span.end - span.start < 2) continue;
      if (!doc.inContent(span.start) || isGenericName(text.slice(span.start, span.end), 'COMPANY')) continue;
      const inside = ownersIn(span);
      if ([...inside].some((o) => o.start < span.start || o.end > span.end || !isName(o) || o.type === 'PERSON')) continue;
      // (a name with a stock code is a company, whatever it was tagged: `上海复旦（1385）`)
      const same = [...inside].find((o) => o.start === span.start && o.end === span.end);
      if (same) {
        same.type = 'COMPANY';
        continue;
      }
      take(span, 'COMPANY', inside);
    }
  }
  if (added.length || drop.size) setMentions(doc, [...doc.mentions, ...added].filter((m) => !drop.has(m)));
  // a group's numbered academy is part of its name (`航天科技集团五院`, `航天科工集团二院`), where nothing else is tagged
  for (const m of doc.mentions) {
    if ((m.type !== 'COMPANY' && m.type !== 'ORG') || !text.endsWith('集团', m.end)) continue;
    const academy = /^[一二三四五六七八九十]{1,2}院(?![长士内外])/.exec(text.slice(m.end, m.end + 4));
    const end = m.end + (academy?.[0].length ?? 0);
    if (academy && !doc.mentions.some((o) => o !== m && o.start < end && o.end > m.end)) [m.end, m.type] = [end, 'COMPANY'];
  }
  /** whether a mention is a place's word: a gazetteer's name, or one token the segmenter tags a place (`长城/ns`) */
  const isPlaceWord = (m: NormMention) => {
    const t = doc.tokenCovering(m.start, m.end);
    return (t?.start === m.start && t.end === m.end && t.pos === 'ns') || placeForms(text.slice(m.start, m.end)).some((f) => f.full);
  };
  // (b), (c): retype (after tagging, so that a place inside a listed name still gives way)
  const addressed = new Set<string>();
  for (const m of doc.mentions) {
    if (m.type === 'PERSON' && (TITLE_BEFORE.test(text.slice(Math.max(0, m.start - 6), m.start)) || ADDRESS_AFTER.test(text.slice(m.end, m.end + 2)))) addressed.add(text.slice(m.start, m.end));
  }
  for (const m of doc.mentions) {
    if (!isName(m)) continue;
    const name = text.slice(m.start, m.end);
    const t = typeOfName(name);
    // (a listed name the tagger read as a person right after a title or before a form of address is that person, and so is
    // every mention of it the tagger read so: `哈佛大学校长福斯特…欢迎福斯特校长`, `福斯特先生`; a listed company shares the name)
    if (t === 'COMPANY' && m.type === 'PERSON' && addressed.has(name)) continue;
    // (an ambiguous listed name the tagger read as a place or a person keeps that reading outside a sentence about
    // business, as (a) asks of it too: `江淮和黄淮部分地区`, not `今年1、2月被小鹏反超` beside other companies)
    if (t && t !== m.type && (m.type === 'LOCATION' || m.type === 'PERSON') && isAmbiguousCompany(name)) {
      const [ss, se] = sentenceAround(m.start);
      if (!hasBusinessCue(ss, se) && !companyWithin(ss, se)) continue;
    }
    // (an ambiguous listed name the tagger read as a company that is a place's word too, `到长城上`, `攀爬野长城`: the wall,
    // not 长城汽车, is the place outside a sentence about business or with another company)
    if (t === 'COMPANY' && m.type === 'COMPANY' && isAmbiguousCompany(name) && isPlaceWord(m)) {
      const [ss, se] = sentenceAround(m.start);
      if (!hasBusinessCue(ss, se) && !doc.mentions.some((o) => o !== m && o.type === 'COMPANY' && o.start >= ss && o.end <= se)) m.type = 'LOCATION';
      continue;
    }
    if (t && t !== m.type) m.type = t;
    // an orchestra, an association or a university the tagger took for a business
    else if (!t && m.type === 'COMPANY' && NON_BUSINESS_END.test(name)) m.type = 'ORG';
    // a country in brackets after a player's name is a place, not a team (`波尔卡诺娃(奥地利)`)
    else if (!t && m.type === 'ORG' && /[(（]/.test(text[m.start - 1] ?? '') && /[)）]/.test(text[m.end] ?? '') && placeForms(name).some((f) => f.full && f.place.level === 'country')) m.type = 'LOCATION';
    // a centre that serves, manages or studies is a body, not a place (`阿克苏招商服务中心`, `湖北省人体器官捐献管理中心`)
    else if (!t && m.type === 'LOCATION' && BODY_CENTRE.test(name)) m.type = 'ORG';
  }
  // a company named after a crop, in a sentence about the crop (`延安的苹果迎来销售高峰` … `苹果挂满枝头`), is the crop: no mention
  // (read once per sentence and name, as the business cue is: a long sentence naming the crop often is read once)
  const crops = new Set<NormMention>();
  const cropIn = new Map<string, boolean>();
  for (const m of doc.mentions) {
    const name = m.type === 'COMPANY' ? text.slice(m.start, m.end) : '';
    const sense = CROP_SENSE.get(name);
    if (!sense) continue;
    const [ss, se] = sentenceAround(m.start);
    const key = `${ss}:${se}:${name}`;
    if (!cropIn.has(key)) {
      const sentence = text.slice(ss, se);
      cropIn.set(key, sense.crop.test(sentence) && !sense.company.test(sentence));
    }
    if (cropIn.get(key)) crops.add(m);
  }
  if (crops.size) setMentions(doc, doc.mentions.filter((m) => !crops.has(m)));
  // (e) names inside a market index's name are no mention (`恒生科技指数`, `恒生中国企业指数`, `沪深300指数`)
  if (text.includes('指数') && INDEX_FAMILY.test(text)) {
    const inIndex = new Set<NormMention>();
    for (const x of text.matchAll(MARKET_INDEX)) {
      const [s0, e0] = [x.index!, x.index! + x[0].length];
      for (const m of doc.mentions) if (isName(m) && m.start >= s0 && m.end <= e0) inIndex.add(m);
    }
    if (inIndex.size) setMentions(doc, doc.mentions.filter((m) => !inIndex.has(m)));
  }
  // (d) a "person" with revenue, a board or a results briefing is a company (`联强2025年营收…`, `联强今天召开法人说明会`),
  // and so is every mention of that name in the article
  if (!COMPANY_ONLY_WORD.test(text)) return;
  const companyNames = new Set<string>();
  for (const m of doc.mentions) {
    if (m.type === 'PERSON' && COMPANY_ONLY_AFTER.test(text.slice(m.end, m.end + 16))) companyNames.add(text.slice(m.start, m.end));
  }
  if (companyNames.size) for (const m of doc.mentions) if (m.type === 'PERSON' && companyNames.has(text.slice(m.start, m.end))) m.type = 'COMPANY';
}

export const companiesComponent = component('refine-companies', ['mentions', 'tokens', 'sentences'], ['mentions'], applyCompanies);
