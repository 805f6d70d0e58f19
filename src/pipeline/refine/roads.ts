/**
 * Numbered roads and metro lines are places (LOCATION): China's national and provincial highways written
 * with their number and a road word (`国道G104`, `G104国道`, `G318线`, `省道S210`), and in
 * Taiwan articles the national freeways by number (`国1`, `国道3号`) where the text is about
 * roads, and the provincial highways (`台8线`, `台2甲线`). A bare `G104` is also a high-speed train's number, so the road word is required. In an
 * article about a metro, its numbered lines (`2号线`, `8号环线`, and `西安地铁8号线` with the city's name). The stations
 * of a railway section as Taiwan's railway notices write it (`树林=花莲间`), and a freeway's section as its traffic
 * reports write it (`国1内湖至圆山南向`: three places).
 * Mentions inside are replaced; one crossing an edge blocks the tag.
 */
import type { Doc, NormMention } from '../doc.js';
import { component } from '../component.js';
import { Claims, isName, setMentions } from './util.js';
import { placeForms } from '../lang/zh/gazetteer.js';
import { localPlaces } from '../lang/zh/places-local.js';

const MAINLAND_ROAD = /(?:国道|省道|县道)[GSXgsx]\d{1,4}(?:线)?|(?<![A-Za-z\d])[GSX]\d{1,4}(?:国道|省道|县道|线)/g;
/** `国1`, `国道3号` (not `美国3家`, `中国1月`: a country's last character before a count or a date) */
const TW_FREEWAY = /(?<![美中英法德韩泰俄印日越全各本外民王帝爱我两强大小诸邻])国道?[1-9]\d?号?(?![\d.%]|[家个名位项件台辆人座条所种次年月日号楼期届倍成])|国道[1-9]\d?号/g;
/** Taiwan's provincial highways by number (`台8线`, `台2甲线`, `台9线`) */
const TW_PROVINCIAL = /(?<![\d平舞讲站月后阳前柜电擂出上下兄炮灯楼戏天看展吧机烛窗登高一二两三四五六七八九十几多每])台[1-9]\d?[甲乙丙丁]?线/gu; // (not `平台8线`, `两台3线`)
const METRO_LINE = /(?:(\p{Script=Han}{2,4})(?:地铁|轨道交通))?(?<![\d.])\d{1,2}号(?:环)?线/gu;
const METRO_CONTEXT = /地铁|轨道交通|轻轨|换乘|站点/;
const ROAD_CONTEXT = /交流道|高速公路|国道|匝道|车道|南向|北向|路段|高公局|封闭|车流/;

/** What a street's name ends with (the text is simplified), with a compass word after some (`太子道东`, `干诺道中`). */
const STREET_END = String.raw`(?:大马路|马路|大道|公路|绕道|隧道|圆形地|交汇处|回旋处|前地|街|巷|路|道)(?:[东西南北中](?![部面方边侧区段行延向线]))?`;
/** After these a road word begins a longer word (`路上`, `道路`, `街道`, `路线`): no street ends there. */
const STREET_WORD_AFTER = /^(?:[上线段面口况途径费演人网过边灯况标牌马]|路|道|歉|理|德|具|教|别|家|义|坊|头|市|巷|区|局|运)/;
/** Articles about road works or closures. */
const STREET_CONTEXT = /封路|封闭|改道|交通管制|交通安排|行车线|车道|路段|通车|绕行|交通改道|临时交通|禁止车辆|车辆通行|禁止通行|暂停通行|停泊|上落客/;
/** A street named in a list of a road notice: between list marks, after a location word (`介乎…与…之间`, `近`, `一段`). */
const STREET_IN_LIST = new RegExp(
  String.raw`(?<=^|[、，,；;：:\s(（•·\-–—|]|及|和|与|至|近|往|由|经|沿|介乎|于|在|一段|途经|包括|前往|以)` +
    String.raw`(\p{Script=Han}{2,5}?${STREET_END})` +
    String.raw`(?=$|[、，,；;：:\s。)）|(（\-–—]|及|和|与|至|近|往|之间|的|段|一带|附近|方向|起|为|后|前)`,
  'gmu',
);
/** The road word a name ends with. */
const STREET_END_AT = new RegExp(`${STREET_END}$`);
/** A compass word after a street's name (`太子道东`, `干诺道中`), not a direction's first character (`东部`, `中段`). */
const COMPASS = /^[东西南北中](?![部面方边侧区段行延向线])/;
/** Words of place or list that end what comes before a street's name. */
const LIST_WORD = /介乎|位于|例如|需要|包括|途经|前往|来自|一段|经|沿|至|近|往|由|于|在|以|与|及|和|的|将/g;
/** A road word that with the character before it is a common word (`改道`, `国道`, `封路`, `报道`): no street. */
const VERB_ROAD = /(?:[国省县改车通轨航赛坡频渠管报知行栈跑水]道|[封修让铁铺开带问走上过出进去来线网思道]路|的(?:路|道|街))(?:[东西南北中])?$/;
/** Words that begin a description, not a name (`相关道路`, `主要路段`, `附近街道`). */
const NOT_STREET_NAME = /^(?:相关|主要|附近|沿途|以下|有关|其他|替代|行车|高速|一条|这条|该|部分|多条|周边|城市|乡村|农村|山区|市区|内|外|各|新建|改建|扩建|现有|原有|进出|出入|南北|东西|上下|道路|公路|马路|街道|通往|连接|前往|返回|所有|全部|多处|两条|整条|同一)|(?:电路|线路|思路|出路|网路|套路|销路|门路|弯路|陆路|航路)$/;

/**
 * Streets (LOCATION): a place directly followed by a road word is one street (`观塘` + `绕道`, `天津` + `街`,
 * `太子道` + `东`); in an article about road works or closures, a name ending in a road word between the marks of a
 * list (`菜园路,天津街,卓家村路`, `介乎湛江街与…之间的一段美副将马路`) is a street too.
 */
function tagStreets(doc: Doc, claims: Claims): void {
  const text = doc.norm.text;
  const end = new RegExp(`^${STREET_END}`);
  for (const m of doc.mentions) {
    if (m.type !== 'LOCATION' || !claims.has(m)) continue;
    // (a street's name already ending in a road word takes a compass word after it: `太子道` + `东`)
    const e = end.exec(text.slice(m.end, m.end + 4)) ?? (STREET_END_AT.test(text.slice(m.start, m.end)) ? COMPASS.exec(text.slice(m.end, m.end + 2)) : null) ??
      // Taiwan's freeway interchanges (`平镇系统`, `王田交流道`)
      (doc.region.region === 'TW' ? /^(?:系统|交流道)/.exec(text.slice(m.end, m.end + 3)) : null);
    if (!e || STREET_WORD_AFTER.test(text.slice(m.end + e[0].length, m.end + e[0].length + 1))) continue;
    if (doc.inContent(m.start)) claims.claim(m.start, m.end + e[0].length, 'LOCATION', 'refine-roads');
  }
  if (!STREET_CONTEXT.test(text)) return;
  for (const m of text.matchAll(STREET_IN_LIST)) {
    let name = m[1];
    let start = m.index!;
    const end = start + name.length;
    // the name starts after the last word of place or list inside the match that leaves two characters
    // (`介乎威灵顿街` → `威灵顿街`, `例如中九龙绕道` → `中九龙绕道`; not inside `龙和道`)
    const head = name.slice(0, name.length - (STREET_END_AT.exec(name)?.[0].length ?? 0));
    let cut = 0;
    for (const w of head.matchAll(LIST_WORD)) if (head.length - (w.index! + w[0].length) >= 2) cut = w.index! + w[0].length;
    start += cut;
    name = name.slice(cut);
    if (NOT_STREET_NAME.test(name) || VERB_ROAD.test(text.slice(start, end)) || !doc.inContent(start)) continue;
    const after = text.slice(end, end + 1);
    if (STREET_WORD_AFTER.test(after)) continue;
    // (a street may be named after a day: `十月初五马路`, `八一大道`)
    claims.claim(start, end, 'LOCATION', 'refine-roads', (o) => isName(o) || o.type === 'DATE');
  }
}

/** Streets joined by dashes into one mention (a route: `白莲泾路—博成路—高科西路`) are one mention each. */
function splitRoutes(doc: Doc): void {
  const text = doc.norm.text;
  const out: NormMention[] = [];
  let split = false;
  for (const m of doc.mentions) {
    const s = text.slice(m.start, m.end);
    const parts = m.type === 'LOCATION' && /[—–－-]/.test(s) ? s.split(/[—–－-]/) : null;
    if (!parts || parts.length < 2 || !parts.every((p) => p.length >= 3 && STREET_END_AT.test(p) && !VERB_ROAD.test(p))) {
      out.push(m);
      continue;
    }
    let at = m.start;
    for (const p of parts) {
      out.push({ ...m, start: at, end: at + p.length, source: 'refine-roads' });
      at += p.length + 1;
    }
    split = true;
  }
  if (split) setMentions(doc, out);
}

/** A railway section as Taiwan's railway notices write it (`树林=花莲间`, `七堵=冬山间`, `树林=台东全区间`): two stations */
const RAIL_SECTION = /[=＝](\p{Script=Han}{2,3}?)(?:全区)?间/gu;

/**
 * The stations of a railway section (`树林=花莲间`), to be claimed as places: the one after `=` up to `间`, the one before
 * from a word's start. A station the recogniser read with `间` is cut before it here, before the claims are indexed.
 */
function railStations(doc: Doc): { start: number; end: number }[] {
  const text = doc.norm.text;
  if (!/[=＝]/.test(text)) return [];
  const stations: { start: number; end: number }[] = [];
  const starts = new Set(doc.tokens.map((t) => t.start));
  // the recogniser's places by where they start: the one read with `间` is found without a pass over every mention
  const placeAt = new Map(doc.mentions.filter((o) => o.type === 'LOCATION').map((o) => [o.start, o]));
  for (const m of text.matchAll(RAIL_SECTION)) {
    const eq = m.index!;
    const right = { start: eq + 1, end: eq + 1 + m[1].length };
    // (a known place first, `台东` of `起台东`; else the shorter one a word starts at)
    const sides = [3, 2].map((n) => ({ start: eq - n, end: eq })).filter((s) => s.start >= 0 && /^\p{Script=Han}+$/u.test(text.slice(s.start, s.end)));
    const known = (s: { start: number; end: number }) => placeForms(text.slice(s.start, s.end)).length > 0 || localPlaces(doc.region.region).places.has(text.slice(s.start, s.end));
    const left = sides.find(known) ?? sides.reverse().find((s) => starts.has(s.start) || !/\p{Script=Han}/u.test(text[s.start - 1] ?? ''));
    for (const side of left ? [left, right] : [right]) {
      if (!doc.inContent(side.start)) continue;
      // a station the recogniser read with `间` (`花莲间`) ends before it
      const glued = placeAt.get(side.start);
      if (glued && glued.end === side.end + 1 && text[side.end] === '间') glued.end = side.end;
      stations.push(side);
    }
  }
  return stations;
}

/** `高速` (and `高速公路`) after an expressway's ends, not a word of speed (`高速增长`, `高速铁路`, `高速发展`) */
const EXPRESSWAY = /高速(?:公路)?(?!铁路|发展|增长|运转|列车|动车|时代|上涨|集团|公司|交警|路政|管理|服务区|收费|通行费|度|率|化|网|运行)/g;
/** What a one-character abbreviation of an expressway's end may be tagged as (`汾/x`, `浮/v`, `京/ns`, `吉/nr`); never a
 * pronoun, a measure word, a number, a preposition or an adverb (`这条高速`, `上高速`, `新高速`). */
const END_POS = new Set(['ns', 'nr', 'nz', 'x', 'g', 'v', 'n', 'j', 'zg', 'ng', 's']);

/**
 * An expressway named by its two ends' abbreviations (`汾石高速`, `浮临高速`, `京港澳高速`) is a place: two or three
 * characters before `高速`, each a one-character word or the segmenter's abbreviation or unknown word (`汾石/x`, `港澳/j`),
 * never a word such as `加快`, `全省`, `这条`.
 */
function namedExpressways(doc: Doc, claims: Claims): void {
  const text = doc.norm.text;
  if (!text.includes('高速') || !doc.tokens.length) return;
  for (const m of text.matchAll(EXPRESSWAY)) {
    const end = m.index! + m[0].length;
    let start = m.index!;
    for (let t = doc.tokenCovering(start - 1, start); t && t.end === start && start - t.start + (m.index! - start) <= 3; t = doc.tokenCovering(start - 1, start)) {
      const word = text.slice(t.start, t.end);
      if (!/^\p{Script=Han}+$/u.test(word) || !(word.length === 1 ? END_POS.has(t.pos) : ['x', 'j'].includes(t.pos))) break;
      start = t.start;
    }
    const ends = m.index! - start;
    if (ends < 2 || ends > 3 || !doc.inContent(start)) continue;
    claims.claim(start, end, 'LOCATION', 'refine-roads');
  }
}

export function tagRoads(doc: Doc): void {
  const text = doc.norm.text;
  splitRoutes(doc);
  const stations = railStations(doc);
  const claims = new Claims(doc);
  for (const s of stations) claims.claim(s.start, s.end, 'LOCATION', 'refine-roads');
  tagStreets(doc, claims);
  namedExpressways(doc, claims);
  const claimAll = (re: RegExp) => {
    for (const m of text.matchAll(re)) {
      if (!doc.inContent(m.index!)) continue;
      claims.claim(m.index!, m.index! + m[0].length, 'LOCATION', 'refine-roads');
    }
  };
  if (/[GSX]\d/.test(text)) claimAll(MAINLAND_ROAD);
  if (doc.region.region === 'TW' && ROAD_CONTEXT.test(text)) claimAll(TW_FREEWAY);
  if (doc.region.region === 'TW' && text.includes('台')) claimAll(TW_PROVINCIAL);
  if (/\d号(?:环)?线/.test(text) && METRO_CONTEXT.test(text)) {
    for (const m of text.matchAll(METRO_LINE)) {
      // the city's name belongs to the line (`西安地铁8号线`); a bare `地铁` before it does not
      const city = m[1] && !placeForms(m[1]).length ? m[0].search(/\d/) : 0;
      const start = m.index! + city;
      if (doc.inContent(start)) claims.claim(start, m.index! + m[0].length, 'LOCATION', 'refine-roads');
    }
  }
  claims.done();
  if (doc.region.region === 'TW' && ROAD_CONTEXT.test(text)) tagFreewaySegments(doc);
}

/**
 * A freeway's section as Taiwan's traffic reports write it (`国1内湖至圆山南向`, `国3北向官田系统至竹南`): the freeway
 * and the two interchanges are three places, whatever the recogniser glued (`国1内湖`).
 */
const FREEWAY_SECTION = /(国道?[1-9]\d?号?)(?:[南北东西]向)?(\p{Script=Han}{2,4}?)[至到](\p{Script=Han}{2,4}?)(?=[南北东西]向|[、，,;；。\s)）]|$)/gu;

function tagFreewaySegments(doc: Doc): void {
  const text = doc.norm.text;
  const drop = new Set<NormMention>();
  const added: NormMention[] = [];
  for (const m of text.matchAll(FREEWAY_SECTION)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (!doc.inContent(start)) continue;
    const inside = doc.mentions.filter((o) => o.start < end && start < o.end);
    // (only names lying wholly inside the section give way; a mention reaching out of it blocks the change)
    if (!inside.every((o) => isName(o) && o.start >= start && o.end <= end)) continue;
    const a = start + m[0].indexOf(m[2], m[1].length);
    const b = end - m[3].length;
    for (const o of inside) drop.add(o);
    for (const [s0, e0] of [[start, start + m[1].length], [a, a + m[2].length], [b, end]]) added.push({ start: s0, end: e0, type: 'LOCATION', score: 0.8, source: 'refine-roads' });
  }
  if (added.length) setMentions(doc, [...doc.mentions.filter((o) => !drop.has(o)), ...added]);
}

export const roadsComponent = component('refine-roads', ['mentions', 'region'], ['mentions'], tagRoads);
