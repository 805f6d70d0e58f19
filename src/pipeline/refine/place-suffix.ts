/**
 * A named facility (`兴达电厂`, `太平岭核电厂`, `淡江大桥`) is a LOCATION even where it was tagged as
 * its operator, and so is a person's home town named as a site (`屈原故里`). A place followed by a government or committee word is one ORG
 * (`株洲市政府`, `岳阳市委`, `浏阳市人民政府`, `长沙市发改委`); a place
 * followed by a zone, park or new-district word is one LOCATION (`株洲高新区`,
 * `长沙经开区`, `…经济技术开发区`, `庐山风景名胜区`; not a province's or a city's
 * `景区`), and so is a road facility (`石楼东收费站`, `汾石高速公路`) and a place followed by 站, its
 * station (`何文田站`); a party followed by 团 or 党团 is its caucus (`国民党团`). Mentions inside the suffix (a generic
 * `市委`, `新区` tagged on their own) are absorbed; a mention reaching past it
 * blocks the merge. A generic "place" before a government word (`特区政府`,
 * `当地政府`, `本市人民政府`) names nothing: the contract tags no mention there.
 * A named facility the recogniser missed (a proper-name word + `大桥`, `核电厂`,
 * `游乐场` …, where no mention lies) is one LOCATION (`tagNamedFacilities`); a
 * place before a site with a name of its own is two (`荃湾` + `沙咀道游乐场`:
 * `splitPlaceFromNamedSite`). A place nothing is tagged on, followed by a body's word (`经广州海关监管`), is that
 * body (`tagPlaceBodies`).
 */
import type { Doc, EntityType, NormMention } from '../doc.js';
import { component } from '../component.js';
import { GOVERNMENT_SUFFIXES, PLACE_LEVEL_END, ZONE_SUFFIXES } from '../lang/zh/words.js';
import { Claims, setMentions } from './util.js';
import { lookupPlace, placeForms } from '../lang/zh/gazetteer.js';
import { localPlaces } from '../lang/zh/places-local.js';
import { Occupancy } from '../recognise/resolve.js';

/** Scenic-area words that also follow a province or a city as a plural (`湖南景区`). */
const SCENIC = /^(?:景区|风景区|度假区|旅游度假区)$/;
const isProvinceOrCity = (name: string) => lookupPlace(name).some((p) => p.level === 'province' || p.level === 'city' || p.level === 'country');

/** The peoples and the level of an autonomous division after its place's name (`傣族自治州`, `土家族苗族自治县`, `回族区`, `满族乡`). */
const ETHNIC = '维吾尔|蒙古|土家|布依|朝鲜|哈尼|哈萨克|傈僳|拉祜|东乡|纳西|景颇|柯尔克孜|达斡尔|仫佬|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|乌孜别克|鄂温克|德昂|保安|裕固|独龙|鄂伦春|苗|侗|傣|彝|藏|壮|回|满|瑶|白|黎|佤|畲|羌|水|土|怒|京';
const AUTONOMOUS = new RegExp(`^(?:(?:${ETHNIC})族){1,3}(?:自治(?:州|县|区|旗)|区(?!域)|乡|镇)`);

/** A party's caucus in a legislature (`国民党团`, `民众党立院党团`): one ORG with the party's name. */
const CAUCUS = /^(?:立院党团|党团|团)/;

function suffixAfter(text: string, m: NormMention): { len: number; type: EntityType } | null {
  const place = text.slice(m.start, m.end);
  if (m.type === 'ORG') {
    const caucus = place.endsWith('党') ? CAUCUS.exec(text.slice(m.end, m.end + 4)) : null;
    return caucus ? { len: caucus[0].length, type: 'ORG' } : null;
  }
  const gov = GOVERNMENT_SUFFIXES.find((s) => text.startsWith(s, m.end));
  if (gov) return { len: gov.length, type: 'ORG' };
  // a court's place cut after 地 (`桥头地` + `检署`, `士林地` + `院`): the court
  if (place.endsWith('地') && place.length >= 3) {
    const court = /^(?:检署|院|检)/.exec(text.slice(m.end, m.end + 2));
    if (court) return { len: court[0].length, type: 'ORG' };
  }
  // an autonomous prefecture, county or banner after its place (`西双版纳` + `傣族自治州`)
  const autonomous = AUTONOMOUS.exec(text.slice(m.end, m.end + 14));
  if (autonomous) return { len: autonomous[0].length, type: 'LOCATION' };
  if (PLACE_LEVEL_END.test(place) && text[m.end] === '委') return { len: 1, type: 'ORG' };
  // a station takes the place's name (`何文田站`, `古洞站`); not `站长`, `站点`, `站台`, a verb `站在`
  if (text[m.end] === '站' && !/^[长点台内外稳起住岗在着立满出]/.test(text.slice(m.end + 1, m.end + 2)) && !place.endsWith('站')) return { len: 1, type: 'LOCATION' };
  // (not a `区` that opens `区域`: `加路连山道` + `新区域法院` is a new district court, as AUTONOMOUS reads `区(?!域)`)
  const zone = ZONE_SUFFIXES.find((s) => text.startsWith(s, m.end) && !(s.endsWith('区') && text[m.end + s.length] === '域'));
  // a zone after a zone is a part of it, not its name (`湘江新区` + `新片区`); a province's or a city's
  // `景区` are its scenic spots, not one named area (`庐山风景名胜区` is one, `长沙景区` is not)
  if (zone && !ZONE_SUFFIXES.some((z) => place.endsWith(z)) && !(SCENIC.test(zone) && isProvinceOrCity(place))) return { len: zone.length, type: 'LOCATION' };
  return null;
}

/** Words a recogniser may take for a place that name no particular one. */
const GENERIC_PLACES = new Set(['特区', '本市', '全市', '该市', '本省', '全省', '该省', '本县', '该县', '全县', '本区', '该区', '全区', '当地', '地方', '各地', '本地', '本港', '全国', '我国', '我省', '我市']);

/** How a facility's name ends: a named plant, station, airport, bridge or tunnel is a place (LOCATION), not its operator. */
const FACILITY_END = /(?:收费站|服务区|高速公路|核电站|核电厂|发电厂|电厂|水电站|电站|净水场|净水厂|再生水厂|水厂|污水处理厂|国际机场|机场|航厦|大桥|隧道|港区|码头)$/;

export function mergePlaceSuffixes(doc: Doc): void {
  const text = doc.norm.text;
  // a facility tagged as a company or an organisation (`兴达电厂`, `太平岭核电厂`) is a place
  for (const m of doc.mentions) {
    if ((m.type === 'COMPANY' || m.type === 'ORG') && m.end - m.start >= 4 && FACILITY_END.test(text.slice(m.start, m.end))) m.type = 'LOCATION';
  }
  // a "place" that ends in a body's word is that body (`内蒙古自治区文化和旅游厅`, `巴东县人民政府`)
  for (const m of doc.mentions) {
    if (m.type !== 'LOCATION') continue;
    const s = text.slice(m.start, m.end);
    const gov = GOVERNMENT_SUFFIXES.find((g) => g.length >= 2 && s.endsWith(g));
    if (gov && s.length - gov.length >= 2 && !GENERIC_PLACES.has(s.slice(0, -gov.length))) m.type = 'ORG';
  }
  // a person's home town named as a site (`屈原故里`, `炎帝故里`) is a place
  for (const m of doc.mentions) {
    if (m.type === 'PERSON' && text.startsWith('故里', m.end) && !doc.mentions.some((o) => o !== m && o.start < m.end + 2 && o.end > m.end)) {
      m.type = 'LOCATION';
      m.end += 2;
    }
  }
  const ms = [...doc.mentions].sort((a, b) => a.start - b.start);
  const drop = new Set<NormMention>();
  for (const m of ms) {
    if ((m.type !== 'LOCATION' && m.type !== 'ORG') || drop.has(m)) continue;
    const suffix = suffixAfter(text, m);
    if (!suffix) continue;
    const end = m.end + suffix.len;
    const inside = ms.filter((o) => o !== m && o.start < end && o.end > m.end);
    if (inside.some((o) => o.end > end || o.start < m.end)) continue;
    for (const o of inside) drop.add(o);
    if (suffix.type === 'ORG' && GENERIC_PLACES.has(text.slice(m.start, m.end))) {
      drop.add(m);
      continue;
    }
    m.end = end;
    m.type = suffix.type;
  }
  setMentions(doc, ms.filter((m) => !drop.has(m)));
  tagPlaceBodies(doc);
  tagNamedFacilities(doc);
  splitPlaceFromNamedSite(doc);
  splitPlaceFromStreet(doc);
  tagPorts(doc);
}

/** Government words a place's body ends with, for places nothing is tagged on (the commonest, unambiguous ones). */
const BODY_WORD = /(?:海关|人民政府|市政府|县政府|区政府|省政府|市委|县委|区委|省委|发改委|公安局|统计局|商务局|教育局|住建局|人社局|财政局|税务局|市场监管局|生态环境局|交通运输局|自然资源局|应急管理局|文旅局|卫健委)/g;

/**
 * A province, city or county by its name, directly followed by a body's word, where nothing is tagged (`经广州海关监管`,
 * `湘潭市人民政府印发`): one ORG. The name must be a gazetteer place that is no ordinary word, at a token start.
 */
function tagPlaceBodies(doc: Doc): void {
  const text = doc.norm.text;
  if (!/海关|政府|[市县区省]委|局|委/.test(text)) return;
  const taken = new Occupancy(text.length, [...doc.mentions, ...doc.garbled]);
  const added: NormMention[] = [];
  const starts = new Set(doc.tokens.map((t) => t.start));
  // where a body's word starts; the place is the 2–6 characters before it, from a token start
  for (const b of text.matchAll(BODY_WORD)) {
    const at = b.index!;
    if (!taken.isFree({ start: at, end: at + 1 })) continue;
    for (let len = 6; len >= 2; len--) {
      const start = at - len;
      if (start < 0 || !starts.has(start)) continue;
      const forms = placeForms(text.slice(start, at));
      if (!forms.length || forms.some((f) => f.commonWord) || !forms.some((f) => ['province', 'city', 'county'].includes(f.place.level))) continue;
      const span = { start, end: at + b[0].length };
      if (doc.inContent(span.start) && taken.tryTake(span)) added.push({ ...span, type: 'ORG', score: 0.8, source: 'place-suffix' });
      break;
    }
  }
  if (added.length) setMentions(doc, [...doc.mentions, ...added]);
}

/** How a named site's name ends: a facility, park or street word. */
const SITE_END = /(?:游乐场|广场|公园|花园|市场|大桥|隧道|码头|体育馆|体育场|图书馆|博物馆|美术馆|殡仪馆|生态园|产业园|科技园|工业园|路|道|街)$/;

/**
 * A place written before a site with a name of its own is two places (`荃湾` + `沙咀道游乐场`, `大埔` +
 * `天后宫风水广场`), unlike a place before a generic zone or site word, which names it (`株洲高新区`,
 * `杭州国际金融中心`): a LOCATION mention that a known place starts, at a token boundary, with the rest
 * beginning with a proper-name word and ending in a site word, is split there.
 */
export function splitPlaceFromNamedSite(doc: Doc): void {
  if (!doc.tokens.length) return;
  const text = doc.norm.text;
  const { places } = localPlaces(doc.region.region);
  const added: NormMention[] = [];
  for (const m of doc.mentions) {
    if (m.type !== 'LOCATION' || !SITE_END.test(text.slice(m.start, m.end))) continue;
    const toks = doc.tokensWithin(m.start, m.end);
    if (toks.length < 3 || toks[0].start !== m.start) continue;
    const place = text.slice(m.start, toks[0].end);
    const next = toks[1];
    if (!(places.has(place) || placeForms(place).length) || !NAME_POS.has(next.pos) || next.end - next.start < 2) continue;
    if (KIND_BEFORE.test(text.slice(next.start, next.end))) continue;
    // the place's own station names the site with it (`珠海西站电子信息产业园`: not `珠海` + `西站…`)
    if (/^[东西南北]站$/.test(text.slice(next.start, next.end))) continue;
    added.push({ ...m, start: next.start, source: 'refine-place-suffix' });
    m.end = toks[0].end;
  }
  if (added.length) setMentions(doc, [...doc.mentions, ...added]);
}

/** A street's own name after a place: two to four characters, a road word, maybe a compass word (`彩霞道`, `攸壆路`, `太子道西`). */
const STREET_AFTER_PLACE = /^(\p{Script=Han}{2,4})(?:路|道|街)[东西南北中]?$/u;
/** Names of kinds of road, not of one (`大马路`, `高速公路`'s `高速`, `环城路`). */
const ROAD_KIND = /^(?:大马|高速|快速|环城|环岛|沿海|沿江|一级|二级|乡村|村村)$/;
/** Ways that are no street: an interchange, a tunnel, a channel (`五股交流道`, `海底隧道`, `排水路`), and a subdistrict
 * (`兴隆台街道`, a division, not a road). */
const NOT_A_STREET = /(?:交流道|隧道|水路|绕道|通道|车道|步道|管道|航道|河道|渠道|坡道|匝道|栈道|索道|铁路|公路|轨道|街道)$/;

/**
 * A district written before a street with a name of its own is two places (`牛头角` + `彩霞道`, `元朗` + `攸壆路`,
 * `睢阳区` + `珠江东路`), whatever the segmenter made of the street's name; a road named after the district
 * (`观塘道`, `屯门公路`, `沙田坳道`) has no name of its own after it and stays one.
 */
export function splitPlaceFromStreet(doc: Doc): void {
  const text = doc.norm.text;
  const { places } = localPlaces(doc.region.region);
  const added: NormMention[] = [];
  for (const m of doc.mentions) {
    if (m.type !== 'LOCATION' || m.end - m.start < 5 || !/[路道街东西南北中]$/.test(text[m.end - 1])) continue;
    const name = text.slice(m.start, m.end);
    // the longest place the name begins with (`香港仔`, not `香港`, in `香港仔隧道`)
    let len = Math.min(4, name.length - 3);
    while (len >= 2 && !(places.has(name.slice(0, len)) || placeForms(name.slice(0, len)).length)) len--;
    if (len < 2) continue;
    const street = STREET_AFTER_PLACE.exec(name.slice(len));
    if (!street || ROAD_KIND.test(street[1]) || NOT_A_STREET.test(name)) continue;
    added.push({ ...m, start: m.start + len, source: 'refine-place-suffix' });
    m.end = m.start + len;
  }
  if (added.length) setMentions(doc, [...doc.mentions, ...added]);
}

/** What a named facility's last word is (`淡江大桥`, `太平岭核电厂`, `源禾游乐场`, `崇德殡仪馆`). */
const FACILITY_WORDS = new Set([
  '核电厂', '核电站', '发电厂', '电厂', '水电站', '大桥', '隧道', '机场', '国际机场', '码头', '港区', '水库', '游乐场', '体育馆', '体育场',
  '体育中心', '图书馆', '博物馆', '美术馆', '纪念馆', '殡仪馆', '展览馆', '会展中心', '净水场', '再生水厂', '水厂', '火车站', '高铁站',
  '大剧院', '植物园', '动物园', '广场', '公园', '海滨',
]);
const FACILITY_LAST = new Set([...FACILITY_WORDS].map((w) => w[w.length - 1]));
/** Words before a facility word that make it a kind, not a name (`城市广场`, `人民公园`, `国际机场`). */
const KIND_BEFORE = /^(?:城市|人民|市民|中心|文化|体育|国际|国家|国内|新建|现代|大型|综合|主题|湿地|森林|生态|郊野|滨江|滨海|海滨|河滨|湖滨|市政|公共|社区|儿童|农业|工业|科技|商业|休闲|旅游|该|这个|这座|新|老|大|小)$/;
/** jieba's parts of speech of a name's word (places, people, other proper names, unknown words) */
const NAME_POS = new Set(['ns', 'nr', 'nrt', 'nrfg', 'nz', 'x']);

/**
 * A named facility the recogniser missed: a proper-name word right before a facility word, where no mention
 * lies, is one LOCATION (`淡江大桥`, `太平岭核电厂`); a place tagged right before it takes the facility word in.
 */
export function tagNamedFacilities(doc: Doc): void {
  if (!doc.tokens.length) return;
  const text = doc.norm.text;
  const added: NormMention[] = [];
  const toks = doc.tokens;
  // what the mentions cover as the step starts, built at the first facility word (most articles have none)
  let covered: Occupancy | null = null;
  /** LOCATION mentions by where they end */
  let mentionAt: Map<number, NormMention> | null = null;
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i];
    // (a cheap test first: this runs over every token of every article)
    if (t.end - t.start < 2 || !FACILITY_LAST.has(text[t.end - 1])) continue;
    const p = toks[i - 1];
    if (p.end !== t.start || !FACILITY_WORDS.has(text.slice(t.start, t.end))) continue;
    covered ??= new Occupancy(text.length, doc.mentions);
    mentionAt ??= new Map(doc.mentions.filter((m) => m.type === 'LOCATION').map((m) => [m.end, m]));
    if (!covered.isFree(t) || !doc.inContent(p.start)) continue;
    const name = text.slice(p.start, p.end);
    // a place tagged right before takes the facility word in (`湾仔` + `海滨`, `观塘` of two tokens + `海滨`), and a
    // place before a kind of facility names it (`香港` + `湿地公园`, as `株洲` + `高新区`)
    const before = mentionAt.get(p.end) ?? (KIND_BEFORE.test(name) && name.length >= 2 ? mentionAt.get(p.start) : undefined);
    if (before && before.start <= p.start) {
      mentionAt.delete(before.end);
      before.end = t.end;
      mentionAt.set(before.end, before);
      continue;
    }
    if (name.length < 2 || KIND_BEFORE.test(name)) continue;
    if (!covered.isFree(p) || !NAME_POS.has(p.pos) || /[\d\p{P}A-Za-z]/u.test(name)) continue;
    added.push({ start: p.start, end: t.end, type: 'LOCATION', score: 0.75, source: 'refine-place-suffix' });
  }
  if (added.length) setMentions(doc, [...doc.mentions, ...added]);
}

/** `港` after a place's name as its port, not Hong Kong's abbreviation nor a longer word (`港口`, `港澳`, `港股`, `港区`). */
const PORT = /(?<=\p{Script=Han}{2})港(?![口务区湾城股集澳台人资币元商企岛铁府九深珠])/gu;

/**
 * A place's port (`宁波港`, `广州港`, `徐闻港`, `香港港`) is one LOCATION: two or three characters before `港` that the
 * gazetteer or the region's local places know, starting a word; a place tagged there takes `港` in, and nothing else may
 * cross it.
 */
export function tagPorts(doc: Doc): void {
  const text = doc.norm.text;
  if (!text.includes('港') || !doc.tokens.length) return;
  const starts = new Set(doc.tokens.map((t) => t.start));
  const local = localPlaces(doc.region.region).places;
  const claims = new Claims(doc);
  for (const m of text.matchAll(PORT)) {
    const end = m.index! + 1;
    const len = [3, 2].find((n) => {
      const name = text.slice(m.index! - n, m.index!);
      return starts.has(m.index! - n) && /^\p{Script=Han}+$/u.test(name) && (placeForms(name).some((f) => f.full || !f.commonWord) || local.has(name));
    });
    if (!len || !doc.inContent(m.index!)) continue;
    claims.claim(m.index! - len, end, 'LOCATION', 'refine-place-suffix');
  }
  claims.done();
}

export const placeSuffixComponent = component('refine-place-suffix', ['mentions', 'tokens'], ['mentions'], mergePlaceSuffixes);
