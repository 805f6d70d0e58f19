/**
 * Local places (lang/zh/places-local.ts): in a Hong Kong, Macao or Taiwan
 * article, an exact occurrence of one of that region's local places that no
 * mention touches is tagged LOCATION (`元朗`, `调景岭`, `港岛线`, `坪林`).
 * The model learned mainland text and misses most of them. The longest name
 * at a position wins; it lies in a content paragraph and off any garbled
 * span. A two-character name must start and end where a word can: at a
 * segmenter token boundary, next to punctuation, another place or a linking
 * word (`北角至宝琳段`: jieba reads `至宝`); a longer one anywhere. A name
 * that is also a frequent ordinary word (`中正`, `和平`) is taken only where
 * jieba tags that very token as a place. A district or county the model took for a person is the place. In Taiwan a village named before its chief or office (`下廍里里长`) is a place.
 * In Hong Kong `中原` is the estate agency, and an estate (`…邨`) taken for a company is a place. Taiwan's district courts and
 * prosecutors' offices by their seat (`士林地检`, `桥头地检署`) are one ORG.
 */
import type { Doc, NormMention } from '../doc.js';
import { component } from '../component.js';
import { localPlaces } from '../lang/zh/places-local.js';
import { sharesDistrictTitle } from '../lang/zh/words.js';
import { Claims, claim, setMentions } from './util.js';
import { Occupancy } from '../recognise/resolve.js';

const LOCAL_SCORE = 0.8;
/** what may stand right before or after a two-character place that jieba glued to a neighbour */
const OPEN_BEFORE = /[\p{P}\s至到和及与或往赴从经在于而但]/u;
const OPEN_AFTER = /[\p{P}\s至到和及与或段站线区]/u;

export function applyLocalPlaces(doc: Doc): void {
  const { places, lengthsFrom } = localPlaces(doc.region.region);
  if (!places.size) return;
  const text = doc.norm.text;
  const taken = new Occupancy(text.length, [...doc.mentions, ...doc.garbled]);
  const tokenAt = new Map(doc.tokens.map((t) => [t.start, t]));
  const ends = new Set(doc.tokens.map((t) => t.end));
  const added: NormMention[] = [];
  const placeStartsAt = (p: number) => lengthsFrom(text[p]).some((len) => places.has(text.slice(p, p + len)));
  // where a place of `len` characters at `start` ends: an area named by a direction, 东 or 西, before 南 or 北 is named
  // by the compound direction (`新界西` + `北` is `新界西北`; not a part of it, `新界西北部`)
  const endOf = (start: number, len: number) =>
    start + len + (len >= 3 && /[东西]$/.test(text[start + len - 1]) && /[南北]/.test(text[start + len] ?? '') && !/[部面侧边角]/.test(text[start + len + 1] ?? '') ? 1 : 0);
  let lastEnd = -1;
  for (let i = 0; i < text.length; i++) {
    const lengths = lengthsFrom(text[i]);
    if (!lengths.length || !taken.isFree({ start: i, end: i + 1 })) continue;
    const startOk = tokenAt.has(i) || i === lastEnd || i === 0 || OPEN_BEFORE.test(text[i - 1]);
    for (const len of lengths) {
      const place = places.get(text.slice(i, i + len));
      if (!place) continue;
      const end = endOf(i, len);
      if (!taken.isFree({ start: i, end }) || !doc.inContent(i) || sharesDistrictTitle(text, end)) continue;
      if (len === 2 && (!startOk || !(ends.has(end) || end === text.length || OPEN_AFTER.test(text[end]) || placeStartsAt(end)))) continue;
      if (place.commonWord) {
        const t = tokenAt.get(i);
        if (!t || t.end !== end || !t.pos.startsWith('ns')) continue;
      }
      added.push({ start: i, end, type: 'LOCATION', score: LOCAL_SCORE, source: 'local-places' });
      taken.tryTake({ start: i, end });
      lastEnd = end;
      i = end - 1;
      break;
    }
  }
  // a longer local place replaces a shorter place the recogniser cut from it (`天水` of `天水围`); not a district's
  // `区` that opens its councillors' title (`深水埗` + `区议员`)
  for (const m of [...doc.mentions]) {
    if (m.type !== 'LOCATION' || !doc.mentions.includes(m)) continue;
    const longer = lengthsFrom(text[m.start]).find((len) => len > m.end - m.start && places.has(text.slice(m.start, m.start + len)) && !sharesDistrictTitle(text, m.start + len));
    if (longer) claim(doc, m.start, endOf(m.start, longer), 'LOCATION', 'local-places');
  }
  // a district or county the model took for a person (`黄大仙`, a Hong Kong district and a deity) is the place
  for (const m of doc.mentions) {
    const place = m.type === 'PERSON' ? places.get(text.slice(m.start, m.end)) : undefined;
    if (place && !place.commonWord && /^(?:district|county|county-short)$/.test(place.kind)) m.type = 'LOCATION';
  }
  if (doc.region.region === 'HK') {
    for (const m of doc.mentions) {
      const s = text.slice(m.start, m.end);
      // `中原` in Hong Kong is the estate agency (中原地产); an estate (`美孚新邨`) is a place, not its developer
      if (m.type === 'LOCATION' && s === '中原') m.type = 'COMPANY';
      else if ((m.type === 'COMPANY' || m.type === 'ORG') && s.length >= 3 && /邨$/.test(s)) m.type = 'LOCATION';
    }
  }
  // Hong Kong's housing estates: a district written before an estate's own name is two places (`大埔` + `宏福苑`,
  // `上水` + `彩石邨`), and an estate (`…邨`) nothing covers is a place
  if (doc.region.region === 'HK' && /[苑邨]/.test(text)) {
    for (const m of [...doc.mentions]) {
      if (m.type !== 'LOCATION' || !/[苑邨]$/.test(text[m.end - 1])) continue;
      const district = lengthsFrom(text[m.start]).find((len) => m.end - m.start - len >= 3 && places.has(text.slice(m.start, m.start + len)));
      if (!district) continue;
      const split = m.start + district;
      setMentions(doc, [...doc.mentions.filter((o) => o !== m), { ...m, end: split }, { ...m, start: split, source: 'local-places' }]);
    }
    // an estate's name starts where a word does: three characters where a word of two or more opens them (`美孚新邨`,
    // read 美孚/新/邨; not `了天耀邨`) and no local place runs into them (`上水` + `彩石邨`, read 上/水彩/石/邨), else two (`耀东邨`)
    const inPlace = (p: number) => [1, 2, 3].some((k) => p - k >= 0 && lengthsFrom(text[p - k]).some((len) => len > k && places.has(text.slice(p - k, p - k + len))));
    const opensWord = (p: number) => {
      const t = tokenAt.get(p);
      return !!t && t.end - t.start >= 2 && !inPlace(p);
    };
    for (const e of text.matchAll(HK_ESTATE)) {
      const end = e.index! + e[0].length;
      const start = end - 4 >= e.index! && opensWord(end - 4) ? end - 4 : end - 3;
      const span = { start, end };
      if (doc.inContent(span.start) && taken.tryTake(span) && !doc.mentions.some((o) => o.start < span.end && span.start < o.end)) added.push({ ...span, type: 'LOCATION', score: LOCAL_SCORE, source: 'local-places' });
    }
  }
  // Taiwan's villages (里) named before their chief or office (`下廍里里长`, `下廍里长周锦谷`, `光荣里办公处`, `光荣里第6邻`)
  if (doc.region.region === 'TW' && text.includes('里')) {
    for (const m of text.matchAll(TW_VILLAGE)) {
      const span = { start: m.index!, end: m.index! + (m[1] ?? m[2]).length };
      if (doc.inContent(span.start) && taken.tryTake(span)) added.push({ ...span, type: 'LOCATION', score: LOCAL_SCORE, source: 'local-places' });
    }
  }
  if (added.length) setMentions(doc, [...doc.mentions, ...added]);
  // Taiwan's district courts and prosecutors' offices by their seat (`士林地检`, `桥头地检署`, `台北地院`): one ORG
  if (doc.region.region === 'TW' && /地[检院]|地方(?:检察署|法院)/.test(text)) {
    const claims = new Claims(doc);
    for (const m of text.matchAll(TW_COURT)) if (doc.inContent(m.index!)) claims.claim(m.index!, m.index! + m[0].length, 'ORG', 'local-places');
    claims.done();
  }
}

/** Taiwan's district courts and prosecutors' offices, named by their seat. */
const TW_COURT = /(?:台北|新北|士林|桃园|新竹|苗栗|台中|彰化|南投|云林|嘉义|台南|桥头|高雄|屏东|台东|花莲|宜兰|基隆|澎湖|金门|连江)(?:地方检察署|地方法院|地检署|地检|地院)/g;

/** A Hong Kong estate by its two- or three-character name (`耀东邨`, `德朗邨`, `美孚新邨`). */
const HK_ESTATE = /\p{Script=Han}{2,3}邨/gu;

/** A Taiwan village's name: two or three characters and 里, before its chief (`里长`; after its township, `长` and a name),
 * officers, office or a neighbourhood of it (`光荣里第6邻`); not `村里` (villages and 里 together). */
const TW_VILLAGE = /(?<=[\p{P}\s镇乡市区]|^)(\p{Script=Han}{2,3}(?<!村)里)(?=里长|里干事|里民|里办公处|办公处|第[\d一二三四五六七八九十]+邻)|(?<=[镇乡市区])(\p{Script=Han}{2}(?<!村)里)(?=长(?![期大远久达度江城沙])\p{Script=Han}{2})/gmu;

export const localPlacesComponent = component('refine-local-places', ['mentions', 'tokens', 'region'], ['mentions'], applyLocalPlaces);
