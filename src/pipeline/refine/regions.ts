/**
 * Regions are one LOCATION (ANNOTATION.md: `西南地区`, `长三角`):
 *  (a) a LOCATION that is not an administrative place, followed by `地区` /
 *      `区域`, takes the word (`长三角地区`, `黄河中下游地区`; not `长沙地区`); a compass region with the word is one LOCATION
 *      even where nothing was tagged (`中部地区`, `西南地区`);
 *  (b) named multi-place regions written as fused abbreviations
 *      (`粤港澳大湾区`, `京津冀`, `长株潭`, `川渝`, `北上广`, `环渤海`) are one LOCATION, not `粤`+`港`+`澳`; so are two regions
 *      of the world written as one noun (`供港澳蔬菜`, `销往欧美`, `澳纽业务`; not `港澳办`, `港澳居民`, `美欧关系`);
 *  (c) a state-level new area whose official name begins with its province
 *      or city (`湖南湘江新区`, `贵州贵安新区`) is one LOCATION, where a city
 *      written before another zone stays two (`长沙` + `湘江新区`).
 *  (d) in Hong Kong, Macau and Taiwan articles, `内地` and `大陆` standing as a
 *      noun name the mainland (`內地旅客`, `赴大陸投資`), and Taiwan's `陆港` the mainland and
 *      Hong Kong (`对陆港出口`; elsewhere a `陆港` is a dry port): one LOCATION, unless a
 *      mention already covers them (after `中国`, (f) makes them one place with it: `中国内地`);
 *  (e) a PERSON mention that is exactly a place's full name in the gazetteer is that LOCATION, and one
 *      that is 于/於 + a place (`於启德`: the preposition read as a surname) is the place;
 *  (f) `中国` and a region written right after it are one place (`中国香港`, `中国台湾`, `中国内地`).
 * Mentions inside are replaced; a mention crossing an edge blocks the change.
 */
import type { Doc } from '../doc.js';
import { component } from '../component.js';
import { placeForms } from '../lang/zh/gazetteer.js';
import { localPlaces } from '../lang/zh/places-local.js';
import { Claims } from './util.js';
import { isRegionPair } from './generic.js';

const REGION_WORD = /^(地区|区域)/;
/**
 * the mainland as Hong Kong, Macau and Taiwan write it; not `内地化`, `大陆架`, `大陆法`, `新大陆`, `欧亚大陆`, nor the
 * fused `内地生` (mainland students; `内地生产`, `内地生活` are the place)
 */
const MAINLAND = /(?<![新洲亚美非澳南北])(内地|大陆|陆港(?!物流|枢纽|型|集团|公司|建设|项目|口岸))(?![化性架法型坡棚]|生(?![产活意态]))/g;
/** regions written after `中国` as one name with it (`中国香港`, `中国台湾`, `中国内地`) */
const CHINA_REGION = /^(香港|澳门|台湾|内地|大陆)$/;
const COMPASS_REGION = /(东部|西部|中部|东北|西北|西南|东南|华北|华东|华南|华中|中西部|东中西部)(地区)/gu;
/** regions named by their members' one-character abbreviations, longest first */
const FUSED_REGIONS = /(粤港澳大湾区|粤港澳|京津冀|长三角|珠三角|长株潭|成渝地区双城经济圈|成渝|川渝|江浙沪|沪苏浙皖|闽东北|闽西南|港珠澳|北上广深|北上广|环渤海)(地区|区域)?/g;
/** two regions of the world written as one (`港澳`, `欧美`, `澳纽`; generic.ts's isRegionPair says where they are one place) */
const REGION_PAIRS = /(?<![粤港珠])(?:港澳(?!台)|欧美|美欧|澳纽|纽澳|亚欧|欧亚)(?:地区|区域)?/g;
/** China's economic regions where they stand as places: after the country, in a list of them, in `西部大开发` */
const MACRO_REGION = /(?:(?:我国|中国|全国)(东中西部|中西部|东部|中部|西部|东北)|(东部|中部|西部|东北)(?=[、和与及](?:东部|中部|西部|东北))|(?<=(?:东部|中部|西部|东北)[、和与及])(东部|中部|西部|东北)|(西部)(?=大开发))/g;
/** China's central and western regions written bare (with `地区` after them COMPASS_REGION takes them) */
const CENTRAL_WEST = /东?中西部(?!地区)/g;
/** state-level new areas whose official name begins with their place (国家级新区); `贵州` + `贵安新区` is annotated as two in news-dev, so it is not listed */
const OFFICIAL_NEW_AREAS = /(上海浦东新区|天津滨海新区|重庆两江新区|浙江舟山群岛新区|甘肃兰州新区|广州南沙新区|陕西西咸新区|青岛西海岸新区|大连金普新区|四川天府新区|湖南湘江新区|南京江北新区|福建福州新区|云南滇中新区|哈尔滨新区|长春新区|江西赣江新区|河北雄安新区)/g;

export function mergeRegions(doc: Doc): void {
  const text = doc.norm.text;
  // (one claim per match, found by position: an article that repeats a region thousands of times stays linear)
  const claims = new Claims(doc);
  for (const re of [OFFICIAL_NEW_AREAS, FUSED_REGIONS, COMPASS_REGION, REGION_PAIRS]) {
    for (const m of text.matchAll(re)) {
      if (!doc.inContent(m.index!)) continue;
      if (re === REGION_PAIRS && !isRegionPair(text, m.index!, m.index! + 2)) continue;
      // `成渝` inside a word such as `成渝高铁` is still the region; a region word right after is taken
      claims.claim(m.index!, m.index! + m[0].length, 'LOCATION', 'refine-regions');
    }
  }
  // (b') China's economic regions written bare: after the country (`我国西部`), as a list of them (`东部、中部、西部、东北地区`),
  // in `西部大开发`; not a place's part (`广东中东部`, `伦敦西部`), nor a corridor's name (`西部陆海新通道`)
  for (const m of text.matchAll(MACRO_REGION)) {
    const region = m[1] ?? m[2] ?? m[3] ?? m[4];
    const end = m.index! + m[0].length;
    const start = end - region.length;
    if (!doc.inContent(start) || claims.touches(start, end)) continue;
    claims.claim(start, end, 'LOCATION', 'refine-regions');
  }
  // (b'') `中西部` and `东中西部` stand for China's regions wherever they stand alone (`为襄阳打造中西部发展的…中心城市`),
  // not after a place whose part they name (`广东中西部`)
  for (const m of text.matchAll(CENTRAL_WEST)) {
    const [start, end] = [m.index!, m.index! + m[0].length];
    if (!doc.inContent(start) || doc.mentions.some((o) => o.end === start && o.type === 'LOCATION')) continue;
    claims.claim(start, end, 'LOCATION', 'refine-regions');
  }
  // (d) the mainland in Hong Kong, Macau and Taiwan text
  if (['HK', 'MO', 'TW'].includes(doc.region.region)) {
    for (const m of text.matchAll(MAINLAND)) {
      const [start, end] = [m.index!, m.index! + m[0].length];
      if (!doc.inContent(start) || claims.touches(start, end)) continue;
      claims.claim(start, end, 'LOCATION', 'refine-regions'); // after `中国` it becomes one place with it in (f)
    }
  }
  claims.done();
  // (f) `中国香港`, `中国台湾`, `中国内地`: the country and the region written together are one place
  // (the mention after each found by where it starts, and the claims by position: linear in the mentions)
  const startingAt = new Map(doc.mentions.map((o) => [o.start, o]));
  const withChina = new Claims(doc);
  for (const m of doc.mentions) {
    if (m.type !== 'LOCATION' || text.slice(m.start, m.end) !== '中国') continue;
    const next = startingAt.get(m.end);
    if (next && next.type === 'LOCATION' && CHINA_REGION.test(text.slice(next.start, next.end))) withChina.claim(m.start, next.end, 'LOCATION', 'refine-regions');
    // (`中国大陆`, `中国内地` in mainland text too, where the region alone is not tagged)
    else if (/^(?:内地|大陆)(?![化性架法型坡棚])/.test(text.slice(m.end, m.end + 3)) && !withChina.touches(m.end, m.end + 2)) {
      withChina.claim(m.start, m.end + 2, 'LOCATION', 'refine-regions');
    }
  }
  withChina.done();
  // (e) a "person" who is exactly a place of the gazetteer by its full name (`何文田`, `蔡甸区`) is that place
  // (full names only: short forms such as 兴安 are also given names; measured on MSRA dev)
  for (const m of doc.mentions) {
    if (m.type !== 'PERSON' || m.end - m.start < 2) continue;
    const forms = placeForms(text.slice(m.start, m.end));
    if (forms.some((f) => f.full && f.place.level !== 'country')) m.type = 'LOCATION';
    // a preposition read as a surname before a place (`於启德`, `于蔡甸`): the place alone
    else if (m.end - m.start >= 3 && /^[于於]/.test(text[m.start])) {
      const rest = text.slice(m.start + 1, m.end);
      // (not a given name that is also a place's short form: `于建华`, `于新华`)
      if (placeForms(rest).some((f) => f.full || !f.commonWord) || localPlaces(doc.region.region).places.has(rest)) {
        m.start += 1;
        m.type = 'LOCATION';
      }
    }
  }
  // (a) a tagged place + 地区/区域
  for (const m of [...doc.mentions]) {
    // an administrative place + 地区 (`长沙地区`) is the place's area, not a named region
    if (m.type !== 'LOCATION' || m.end - m.start < 2 || placeForms(text.slice(m.start, m.end)).length) continue;
    const w = REGION_WORD.exec(text.slice(m.end, m.end + 2));
    if (w && !doc.mentions.some((o) => o !== m && o.start >= m.end && o.start < m.end + w[0].length)) m.end += w[0].length;
  }
}

export const regionsComponent = component('refine-regions', ['mentions'], ['mentions'], mergeRegions);
