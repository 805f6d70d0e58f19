/**
 * No verb at a name's edges (ANNOTATION.md: in `希望比亚迪加快…` the COMPANY is
 * `比亚迪`): where a name mention's first or last segmenter token is a verb
 * (v, vd, vn) of a list of verbs that introduce or follow a name and are never
 * part of one (`希望`, `派出`, `新设`, `承运`), that token is trimmed, when
 * what remains still starts and ends at token boundaries and has at least two
 * characters. PERSON mentions are left alone (tokens split given names).
 * A title before a person's name is cut (`特助林柏舟`), and a byline's place after a slash (`王苡蘋╱高雄`); a place's people are
 * the place (`台南人`). A listed company's stock code (`新鸿基地产(00016)`, `腾讯控股（0700.HK）`) and
 * a photo credit's tail (`中央社资料照`, `新华社发`) are not part of the name,
 * nor is a dash or slash at either edge (`中国—` of `中国—东盟`). A leader's
 * title glued after an organisation or a country is not part of it:
 * `英国首相` is the LOCATION `英国`, `国务院国资委主任` the ORG `国务院国资委`; nor is a count of the companies
 * just named (`…中国重工两大集团`), nor a term before a body (`来届立法会`), nor an industry epithet or a shareholder's role before a company (`异质结龙头东方日升`, `股东中华保险集团`). Two three-character names written
 * together (`何永贤麦美娟`) are two people; so are a parent and its subsidiary (`…全资子公司…`) two companies and a police
 * precinct and its station two bodies. A company the article names only by place and kind (`大连某食品有限公司`) leaves
 * its places.
 */
import type { Doc, NormMention, Token } from '../doc.js';
import { component } from '../component.js';
import { isName, mentionOwners, replaceMentions, setMentions } from './util.js';
import { placeForms } from '../lang/zh/gazetteer.js';
import { COMPOUND_SURNAMES, LEADER_TITLE_END, SURNAMES, TITLES } from '../lang/zh/lexicon-words.js';
import { sharesDistrictTitle } from '../lang/zh/words.js';

const VERB = new Set(['v', 'vd']);
/** words that head a phrase around a name, never inside one */
const GENERIC_EDGE = new Set(['希望', '派出', '新设', '承运', '表示', '指出', '认为', '宣布', '携手', '联合', '推动', '支持', '引进', '落户', '签约', '调研']);

/** any verb token at the edges was measured and rejected: `分行` and `主计` are verbs to jieba (news-dev names 76.65 → 75.52, MSRA dev 92.81 → 92.48) */
const isEdgeWord = (t: Token, s: string) => ((VERB.has(t.pos) || t.pos === 'vn') && GENERIC_EDGE.has(s)) || (t.pos === 'p' && LEADING_PREPOSITIONS.has(s));
/** one-character prepositions the segmenter reads as such before a name (`经文化和旅游部数据中心测算`, `据…`): never its first word */
const ONE_CHAR_PREPOSITIONS = new Set(['经', '据', '由', '向', '对', '在', '于', '从', '把', '被', '让', '给', '与']); // (not 同: `同江北`, a port)
// (jieba tags a lone 经 a noun, `经/n 文化/n 和/c 旅游部/n`; alone before a word of a name it is the preposition: not
// the 经 of `经信委`, which jieba does not split off, nor of `经/n 开/v 区/n`)
const isLeadingPreposition = (t: Token, s: string, next: Token) => (t.pos === 'p' || (s === '经' && t.pos === 'n' && next.end - next.start >= 2)) && ONE_CHAR_PREPOSITIONS.has(s);
/** two-character prepositions glued before a name (`根据农业部`): never part of it */
const LEADING_PREPOSITIONS = new Set(['根据', '按照', '依据', '依照', '通过', '关于', '对于', '随着']);

/** Words that order or link a text's points, never a name's first words (`一是`, `其次`, `此外`). */
const DISCOURSE_MARKER = /^(?:[一二三四五六七八九十]是|首先|其次|再次|最后|此外|另外|同时|其中|因此|所以|然而|不过|但是)/;
const EDGE_DASH = /[—–\-－―─~～/／╱]/;
/** a stock code in brackets after a company's name, or inside the mention before a generic tail (`日月光（3711）半导体公司`): the name ends before it */
const STOCK_CODE = /\s?[(（]\s?(?:[A-Z]{1,5}[:：]\s?)?\d{4,6}(?:\.[A-Z]{2})?\s?[)）]/;
/** a count of the companies just named, glued after the last (`中国船舶与中国重工两大集团`) */
const GROUP_TAIL = /[两二三四五六七八九十几数多]大(?:公司|企业|集团|银行|央企|国企|券商|车企|巨头|运营商)$/;
/** a campus in brackets right after a university's name */
const CAMPUS = /^[(（](\p{Script=Han}{2,4})[)）]/u;
/** a place's urban area after its name */
const URBAN_AREA = /(?:中心|主|老)?城区$/;
/** a term before a body's name (`来届立法会`, `本届政府`, `新一届董事会`) */
const TERM_HEAD = /^(?:来届|本届|上届|下届|历届|新一届|新一任|前任|现任|暂代|署理)/;
/** an industry epithet before a company (`异质结龙头东方日升`, `芯片巨头英伟达`): what follows 龙头/巨头 is the name; so is
 * what follows a shareholder's role (`股东中华保险集团`, `控股股东…`) */
const EPITHET_HEAD = /^(?:\p{Script=Han}{1,8}?(?:龙头|巨头)|(?:控股|第一大|大)?股东)(?=\p{Script=Han}{2})/u;
/** a body's website or account after its name (`农业部官网`, `证监会官方微博`): the body is the name */
const SITE_TAIL = /(?:官网|官方网站|官方微博|官方微信|微信公众号|公众号)$/;
/** a photo credit's or a byline's tail after a media outlet's name (`…社资料照`, `…网供图`, `…社发`, `…周报记者摄`, `…网作者`) */
const CREDIT_TAIL = /(?<=(?:社|网|台|报|新闻))(?:(?:记者|通讯员)?(?:资料照|资料图|资料相片|供图|图片|摄|发)|记者|特约记者|通讯员|作者|编辑)$/;

/** A body's word written twice at a mention's end (`三峡分局分局`, `发展局局`), the second before 长. */
const DOUBLED_BODY_WORD = /(分局|局|处|所|署|院|部|厅|司|科|站|队)\1$/;

/** Six Chinese characters and nothing else: what two three-character names written together look like. */
const GLUED_PAIR = /^\p{Script=Han}{6}$/u;

/** A title before a person's name is not part of it (`特助林柏舟`, `主任刘海宾`): titles of two characters or more, longest first. */
const PERSON_TITLE = new RegExp(`^(?:${[...TITLES, '特助', '执行董事', '独立董事', '首席'].filter((t) => t.length >= 2).sort((a, b) => b.length - a.length).join('|')})(?=\\p{Script=Han}{2,4}$)`, 'u');

export function trimEdges(doc: Doc): void {
  const text = doc.norm.text;
  const campusOf = new Map<NormMention, number>();
  const mergedAway = new Set<NormMention>();
  const tokenStarts = new Set(doc.tokens.map((t) => t.start));
  for (const m of doc.mentions as NormMention[]) {
    if (!isName(m)) continue;
    if (m.type === 'PERSON') {
      // the end of a constituency's name glued before its member (`第三选区罗明才`): not part of the name
      if (m.end - m.start === 4 && /[区县市乡镇里村]/.test(text[m.start]) && SURNAMES.has(text[m.start + 1]) && !COMPOUND_SURNAMES.has(text.slice(m.start, m.start + 2))) (m as NormMention).start += 1;
      // an adverb glued after a four-character name (`欧阳伯权亦表示`): not part of it
      if (m.end - m.start >= 4 && /[亦也则曾并又均已]/.test(text[m.end - 1])) m.end -= 1;
      // (where the segmenter starts a word after the title: not `书记` of `书记员`)
      const title = PERSON_TITLE.exec(text.slice(m.start, m.end));
      if (title && tokenStarts.has(m.start + title[0].length)) (m as NormMention).start += title[0].length;
      // a byline's reporter and place written with a slash (`王苡蘋╱高雄`): the name ends at the slash
      const slash = /[/／╱]/.exec(text.slice(m.start, m.end));
      if (slash && slash.index >= 2) m.end = m.start + slash.index;
    }
    // a dash or slash is never a name's first or last character (`中国—` of `中国—东盟`)
    while (m.end - m.start > 1 && EDGE_DASH.test(text[m.end - 1])) m.end--;
    while (m.end - m.start > 1 && EDGE_DASH.test(text[m.start])) (m as NormMention).start++;
    // a discourse marker opening a sentence is not part of the name after it (`二是博彩公司`, `此外腾讯`)
    const marker = DISCOURSE_MARKER.exec(text.slice(m.start, m.end));
    if (marker && m.end - m.start - marker[0].length >= 2) (m as NormMention).start += marker[0].length;
    // words of place before a name are not part of it (`介乎京士顿街`, `位于博览道`)
    // (and a companion's or a neighbour's word before a place: `联同东区`, `近东岸公园主题区`; a floor before a body: `十五楼市政署`)
    const placeWord = (m.type === 'LOCATION' ? /^(?:介乎|位于|例如|联同|连同|偕同|近(?=\p{Script=Han}{3}))/u : /^(?:介乎|位于|例如|[\d一二三四五六七八九十]{1,3}[楼层](?=\p{Script=Han}{2}))/u).exec(text.slice(m.start, m.end));
    if (placeWord && m.end - m.start - placeWord[0].length >= 2) (m as NormMention).start += placeWord[0].length;
    // a dateline's closing bracket ends what comes before it (`〔记者X／新北报导〕新北市警三重分局`)
    const close = text.slice(m.start, m.end).search(/[〕】」』）)]/);
    if (close >= 0 && close < m.end - m.start - 2 && !/[〔【「『（(]/.test(text.slice(m.start, m.start + close))) (m as NormMention).start += close + 1;
    // a district before its councillors (`深水埗区议员`: 深水埗; `沙田区区议员`: 沙田区)
    if (m.type === 'LOCATION' && /区$/.test(text.slice(m.start, m.end)) && m.end - m.start >= 3) {
      if (/^区(?:议员|议会)/.test(text.slice(m.end - 1, m.end + 2)) && text[m.end - 2] === '区') m.end -= 1;
      else if (sharesDistrictTitle(text, m.end)) m.end -= 1;
    }
    // a place cut one character short at its start, inside a word the segmenter reads as one place (`藏高原` of
    // `青藏高原/ns`), starts where that word does (not a word before a place that jieba glues to it: `首都北京/ns`,
    // `符合中国/ns`); a one-character place the model split off there joins it (`青` + `藏高原`), another mention blocks it
    if (m.type === 'LOCATION' && m.end - m.start >= 2 && !mergedAway.has(m)) {
      const t = doc.tokens.length ? doc.tokenCovering(m.start, m.start + 1) : undefined;
      if (t && t.start === m.start - 1 && t.end <= m.end && t.pos === 'ns') {
        const before = doc.mentions.filter((o) => o !== m && o.start < m.start && o.end > t.start);
        if (before.every((o) => o.type === 'LOCATION' && o.start === t.start && o.end === m.start)) {
          for (const o of before) mergedAway.add(o);
          (m as NormMention).start = t.start;
        }
      }
    }
    // a place's urban area is the place (`大冶城区`, `重庆中心城区`), not a district whose name ends so (`蕉城区`)
    if (m.type === 'LOCATION') {
      const name = text.slice(m.start, m.end);
      const urban = URBAN_AREA.exec(name);
      if (urban && urban.index >= 2 && !placeForms(name).some((f) => f.full) && placeForms(name.slice(0, urban.index)).length) m.end = m.start + urban.index;
      // a place's people are the place (`台南人`, `成都人`: the set tags the place alone)
      const place = text.slice(m.start, m.end);
      if (place.length >= 3 && place.endsWith('人') && !placeForms(place).length && placeForms(place.slice(0, -1)).length) m.end -= 1;
      continue;
    }
    if (m.type !== 'COMPANY' && m.type !== 'ORG') continue;
    // a body's word written twice, the second opening its head's title (`三峡分局` + `分局长`, `发展局` + `局长`): the
    // body ends with the first
    const doubled = text[m.end] === '长' ? DOUBLED_BODY_WORD.exec(text.slice(m.start, m.end)) : null;
    if (doubled && doubled.index >= 2) m.end -= doubled[1].length;
    const title = LEADER_TITLE_END.exec(text.slice(m.start, m.end));
    if (title && title.index >= 2) {
      m.end = m.start + title.index;
      if (placeForms(text.slice(m.start, m.end)).length) m.type = 'LOCATION';
    }
    // a university's campus in brackets is part of its name (`中国地质大学（武汉）`): the place inside gives way
    if (m.type === 'ORG' && /(?:大学|学院)$/.test(text.slice(m.start, m.end))) {
      const campus = CAMPUS.exec(text.slice(m.end, m.end + 8));
      if (campus && placeForms(campus[1]).length) campusOf.set(m, m.end + campus[0].length);
    }
    // a term before a body is not part of its name (`来届立法会`, `新一届政府`)
    // a preposition glued after a company (`玉山金在10月…`; jieba reads `金在`): not `自在`, `所在`, `现在`
    if (m.type === 'COMPANY' && m.end - m.start >= 3 && /[在于]/.test(text[m.end - 1]) && !/[自存实所现正]/.test(text[m.end - 2])) m.end -= 1;
    const term = TERM_HEAD.exec(text.slice(m.start, m.end)) ?? (m.type === 'COMPANY' ? EPITHET_HEAD.exec(text.slice(m.start, m.end)) : null);
    if (term && m.end - m.start - term[0].length >= 2) (m as NormMention).start += term[0].length;
    const current = text.slice(m.start, m.end);
    const tail = GROUP_TAIL.exec(current) ?? SITE_TAIL.exec(current);
    if (tail && tail.index >= 2) m.end = m.start + tail.index;
    const name = text.slice(m.start, m.end);
    const code = m.type === 'COMPANY' ? STOCK_CODE.exec(name) : null;
    if (code && code.index >= 2) m.end = m.start + code.index;
    else if (m.type === 'ORG' && name.length >= 4) {
      const tail = CREDIT_TAIL.exec(name);
      if (tail) m.end = m.start + tail.index;
    }
  }
  // a leader's administration is the leader (`川普政府` → PERSON `川普`, where the article names him)
  if (text.includes('政府')) {
    const people = new Set(doc.mentions.filter((m) => m.type === 'PERSON').map((m) => text.slice(m.start, m.end)));
    for (const m of doc.mentions) {
      if (m.type !== 'ORG' || !text.slice(m.start, m.end).endsWith('政府')) continue;
      const head = text.slice(m.start, m.end - 2);
      if (people.has(head)) {
        m.end -= 2;
        m.type = 'PERSON';
      }
    }
  }
  if (mergedAway.size) setMentions(doc, doc.mentions.filter((o) => !mergedAway.has(o)));
  splitSubsidiaries(doc);
  anonymisedCompanies(doc);
  // two three-character names written together (`何永贤麦美娟`): two people, where each begins with a common surname
  const glued = new Set(doc.mentions.filter((m) => m.type === 'PERSON' && GLUED_PAIR.test(text.slice(m.start, m.end)) && SURNAMES.has(text[m.start]) && SURNAMES.has(text[m.start + 3])));
  if (glued.size) setMentions(doc, [...doc.mentions.filter((m) => !glued.has(m)), ...[...glued].flatMap((m) => [{ ...m, end: m.start + 3 }, { ...m, start: m.start + 3 }])]);
  if (campusOf.size) {
    const inside = new Set<NormMention>();
    for (const [m, end] of campusOf) {
      for (const o of doc.mentions) if (o !== m && o.start >= m.end && o.end <= end) inside.add(o);
      m.end = end;
    }
    setMentions(doc, doc.mentions.filter((o) => !inside.has(o)));
  }
  if (!doc.tokens.length) return;
  completePeople(doc);
  for (const m of doc.mentions) {
    if (!isName(m) || m.type === 'PERSON') continue;
    const toks = doc.tokensWithin(m.start, m.end);
    if (toks.length < 2 || toks[0].start !== m.start || toks[toks.length - 1].end !== m.end) continue;
    let a = 0;
    let b = toks.length - 1;
    while (a < b && (isEdgeWord(toks[a], text.slice(toks[a].start, toks[a].end)) || isLeadingPreposition(toks[a], text.slice(toks[a].start, toks[a].end), toks[a + 1]))) a++;
    while (b > a && isEdgeWord(toks[b], text.slice(toks[b].start, toks[b].end))) b--;
    if (a === 0 && b === toks.length - 1) continue;
    const start = toks[a].start;
    const end = toks[b].end;
    if (end - start < 2) continue;
    (m as NormMention).start = start;
    m.end = end;
  }
}

/**
 * A person cut one character short (`魏哲` of `魏哲家等`, `丽军` of `和丽军生于`): where the segmenter reads the
 * name and its neighbour as one unknown three-character word that begins with a surname (`魏哲家/x`), the name is
 * that word, unless its last character is a word that follows names (`周姨说`, `卢哲摄`, `郭浩任`, `张翔致欢迎辞`, `曾伟作了发言`).
 */
const AFTER_NAME = /[说称讲道问答笑摄任等和与及在是也曾将已为对向从被把给让请率带赴到去来出回见的了们今昨亦均则都又并仍却才还就致作冀指透]/;

function completePeople(doc: Doc): void {
  const text = doc.norm.text;
  // which mention holds each character (looked up by position: no pass over every mention per name)
  const owner = mentionOwners(doc);
  for (const m of doc.mentions as NormMention[]) {
    if (m.type !== 'PERSON' || m.end - m.start !== 2) continue;
    const t = doc.tokenCovering(m.start, m.end);
    if (!t || t.pos !== 'x' || t.end - t.start !== 3 || !SURNAMES.has(text[t.start]) || !/^\p{Script=Han}{3}$/u.test(text.slice(t.start, t.end))) continue;
    if (t.end > m.end && AFTER_NAME.test(text[t.end - 1])) continue;
    if (owner.slice(t.start, t.end).some((o) => o && o !== m)) continue;
    m.start = t.start;
    m.end = t.end;
  }
}

/** A parent and its subsidiary written together (`国泰君安全资子公司国泰君安证裕投资有限公司`): two companies; so are a police precinct and its station. */
const SUBSIDIARY_LINK = /(?:全资|控股|下属)?子公司/;

function splitSubsidiaries(doc: Doc): void {
  const text = doc.norm.text;
  replaceMentions(doc, (m) => {
    // a police precinct and its station written together (`新北市三峡警分局三峡派出所`): two bodies
    const station = m.type === 'ORG' ? /^(\p{Script=Han}{2,}?分局)(\p{Script=Han}{2,6}派出所)$/u.exec(text.slice(m.start, m.end)) : null;
    if (station) return [{ ...m, end: m.start + station[1].length }, { ...m, start: m.start + station[1].length }];
    if (m.type !== 'COMPANY') return null;
    const link = SUBSIDIARY_LINK.exec(text.slice(m.start, m.end));
    if (!link || link.index < 2) return null;
    const rest = m.end - m.start - link.index - link[0].length;
    // (`国泰君安全资子公司` alone: the parent)
    if (rest === 0) return [{ ...m, end: m.start + link.index }];
    return rest >= 2 ? [{ ...m, end: m.start + link.index }, { ...m, start: m.start + link.index + link[0].length }] : null;
  });
}

/**
 * A company the article names only by its place and kind (`大连某食品有限公司`, `大连旅顺某海带丝加工厂`): no name,
 * only its places (`大连`, `旅顺`), read from the left as long as the gazetteer knows them.
 */
function anonymisedCompanies(doc: Doc): void {
  const text = doc.norm.text;
  if (!text.includes('某')) return;
  replaceMentions(doc, (m) => {
    if (m.type !== 'COMPANY' && m.type !== 'ORG') return null;
    // (`某` inside the mention, or right after it where the recogniser stopped before it)
    // (looked for within the mention and the character after it only: linear over many mentions)
    const k = text.slice(m.start, m.end + 1).indexOf('某');
    if (k < 0) return null;
    const at = m.start + k;
    const places: NormMention[] = [];
    let p = m.start;
    while (p < at) {
      let len = Math.min(6, at - p);
      while (len >= 2 && !placeForms(text.slice(p, p + len)).length) len--;
      if (len < 2) break;
      places.push({ ...m, start: p, end: p + len, type: 'LOCATION' });
      p += len;
    }
    // a named body before `某` (`南京军区空军某部`, `…交通大队某中队`) stays: only a "company" that is all places gives way
    return at === m.end && p < at ? null : places;
  });
}

export const boundaryComponent = component('refine-boundary', ['mentions', 'tokens'], ['mentions'], trimEdges);
