/**
 * Where an article comes from (mainland, Hong Kong, Taiwan, Macau), for what a bare `元`,
 * `块` or `$` means and for Hong Kong fiscal years.
 *
 * The caller may state it; otherwise it is inferred from the text: currency words (`港元`,
 * `新台币`, `澳门元`), place and institution words typical of each press (`港股`, `立法会`,
 * `台北`, `立法院`, `行政院`), and the script (traditional text is Hong Kong, Taiwan or Macau
 * unless its words, or the mainland cities and counties it writes out, say mainland). Simplified text stays mainland unless the cues are strong:
 * mainland business news mentions `港股` and `香港` all the time.
 */
import type { Doc, Region, RegionChoice, Script } from '../doc.js';
import { REGIONS } from '../doc.js';
import { lookupPlace } from '../lang/zh/gazetteer.js';

export { REGIONS, type Region, type RegionChoice };

/** The currency of a bare `元` / `块` in each region. */
export const REGION_CURRENCY: Record<Region, string> = { CN: 'CNY', HK: 'HKD', TW: 'TWD', MO: 'MOP' };

/** Year-on-year as the Hong Kong and Macao press write it (the mainland writes 同比, Taiwan 年增): a cue of both, scored alike. */
const YEAR_ON_YEAR = /按年(?!度)|按月|按季(?!度)/g;

/** The two special administrative regions' shared words (their governments, chief executives and legislatures): a cue of
 * both, scored alike, so that the words only one of them uses decide between them. */
const HK_AND_MACAO = /特区政府|特区|立法会|行政长官|特首|司长/g;

/** Cue words (simplified: they are matched on normalised text) and their weights. */
const CUES: Record<Region, [RegExp, number][]> = {
  HK: [
    [/港元|港币|港圆|港纸|HK\$/g, 3],
    [/港股|恒指|恒生指数|港交所|联交所/g, 2],
    [/港铁|港府|区议会|强积金|差饷|新界|九龙|本港|港人|(?<=[\d十百千万])蚊/g, 2],
    [HK_AND_MACAO, 2],
    // Government, places and housing words of the Hong Kong press.
    [/财政司|财政预算案|政府统计处|金管局|外汇基金|利得税|房委会|公屋|居屋|屋苑|(?<=[\d十百千万])(?:平方)?呎|港岛|元朗|沙田|荃湾|观塘|屯门|将军澳|葵青|北都|湾仔|铜锣湾|尖沙咀|旺角/g, 2],
    [/香港|内地/g, 1],
    // Cantonese written as spoken (quotes in Hong Kong papers): Hong Kong or Macao
    [/嘅|咗|喺|冇|佢哋|佢|哋|嘢|唔係|唔会|唔该|寻日|琴日|警署|屋邨/g, 2],
    // its chief executives and financial secretary
    [/李家超|林郑月娥|陈茂波/g, 2],
    // Hong Kong's departments by the names only its government uses
    [/运输署|房屋署|社署|社会福利署|食环署|康文署|民政事务|警务处|消防处|入境处|入境事务处|劳工及福利局|运输及物流局|医管局|机管局|天文台|选委会|政务司|律政司/g, 2],
    // its two power companies, and cents written 仙 (`每度电140.6仙`)
    [/两电|中电|港灯|(?<=[\d十百千万])仙/g, 2],
    [YEAR_ON_YEAR, 1],
  ],
  TW: [
    [/新台币|台币|NT\$/g, 3],
    [/台北|新北|台中|台南|高雄|桃园|行政院|立法院|民进党|国民党|金管会|卫福部|陆委会|台积电|民国|北市|县市长|柜买/g, 2],
    [/主计总处|国发会|经济部|证交所|立委|县市|乡镇|乡公所|县府|(?<![\d.])1[01]\d年(?:度|\d{1,2}月|底|初)/g, 2],
    // Taiwan's counties and cities outside the big six
    [/基隆|新竹|苗栗|彰化|南投|云林|嘉义|屏东|宜兰|花莲|台东|澎湖|金门|马祖/g, 1],
    [/台湾|大陆|两岸|中共|陆方/g, 1],
  ],
  MO: [
    [/澳门元|澳门币|葡币|MOP/g, 3],
    [/澳门特区|氹仔|路氹|博彩|本澳|统计暨普查局/g, 2],
    [HK_AND_MACAO, 2],
    // Macao's government and its courts, police and bureaus by the names only it uses, its districts and its chief executives
    [/行政法务司|经济财政司|社会文化司|运输工务司|保安司|治安警察局|司法警察局|社会工作局|博彩监察协调局|市政署|澳广视|初级法院|路环|黑沙环|新口岸|筷子基|望厦|岑浩辉|贺一诚|崔世安/g, 2],
    [/澳门/g, 1],
    [YEAR_ON_YEAR, 1],
  ],
  CN: [
    [/人民币|国务院|发改委|国资委|省委|市委|县委|党组|党工委|自治区|全国人大|政协|新华社/g, 2],
    // an A-share report's words (`归属于上市公司股东的净利润`, `扣非`, `每10股派发`)
    [/归属于?上市公司|归母净利|扣非|每10股派/g, 2],
    // Mainland provinces: a traditional-script article about 株洲 is still a mainland one.
    [/北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|四川|贵州|云南|陕西|甘肃|青海|宁夏|新疆|西藏|内蒙古/g, 1],
  ],
};

/**
 * The market's words: a mainland report on a Hong Kong listing (`港元`, `港股`, `港交所`) or a Taiwan chip maker is
 * still a mainland report. In simplified text they do not count (the set's simplified articles are all mainland ones,
 * 5 of them with such words); Hong Kong's government and place words still do.
 */
const MARKET_CUE = /^(?:港元|港币|港圆|港纸|HK\$|港股|恒指|恒生指数|港交所|联交所|新台币|台币|NT\$|台积电)$/;

/** At most this many mainland cities and counties written out count, two points each (a Hong Kong story names 深圳市 too). */
const MAINLAND_PLACES_MAX = 4;

/**
 * Mainland cities and counties written out with their suffix (`上杭县`, `龙岩市`, `株洲市`), distinct, found in the
 * gazetteer (GB/T 2260) and not in Taiwan, Hong Kong or Macao: a traditional-script article about a mainland county
 * is a mainland one.
 */
function mainlandPlaces(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/[县市]/g)) {
    for (const len of [3, 4, 2]) {
      const name = text.slice(m.index + 1 - len, m.index + 1);
      if (name.length < len || !/^[\u4e00-\u9fff]+$/.test(name)) continue;
      const places = lookupPlace(name);
      if (places.length && places.every((p) => p.name === name && (p.level === 'city' || p.level === 'county') && !/^(?:71|81|82)/.test(p.code))) {
        found.add(name);
        break;
      }
    }
    if (found.size >= MAINLAND_PLACES_MAX) break;
  }
  return [...found];
}

/**
 * The region of an article: `stated` when the caller gives one, else inferred from `text`
 * (normalised: simplified, half-width) and its script.
 */
export function chooseRegion(text: string, script: Script = 'simplified', stated?: Region | null): RegionChoice {
  if (stated && REGIONS.includes(stated)) return { region: stated, source: 'request', reason: 'stated in the request' };
  const score: Record<Region, number> = { CN: 0, HK: 0, TW: 0, MO: 0 };
  const seen: Record<Region, string[]> = { CN: [], HK: [], TW: [], MO: [] };
  const head = text.length > 20_000 ? text.slice(0, 20_000) : text;
  for (const region of REGIONS) {
    const counts = new Map<string, number>();
    for (const [re, w] of CUES[region]) {
      for (const m of head.matchAll(re)) {
        if (script === 'simplified' && region !== 'CN' && MARKET_CUE.test(m[0])) continue;
        counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
        score[region] += w;
      }
    }
    seen[region] = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, n]) => `${k} ×${n}`);
  }
  // year-on-year as the mainland writes it (`同比`, `环比`): a cue of the mainland, counted at most three times (the Hong
  // Kong press quotes mainland figures with it too)
  const yoy = Math.min(3, head.match(/同比|环比/g)?.length ?? 0);
  if (yoy) {
    score.CN += yoy;
    seen.CN.push(`同比 ×${yoy}`);
  }
  const mainland = mainlandPlaces(head);
  if (mainland.length) {
    score.CN += 2 * mainland.length;
    seen.CN.push(...mainland.slice(0, 4 - Math.min(4, seen.CN.length)));
  }
  const traditional = script !== 'simplified';
  // Script prior: simplified text is mainland unless the cues are strong.
  score.CN += traditional ? -2 : 6;
  const best = (['HK', 'TW', 'MO'] as Region[]).sort((a, b) => score[b] - score[a])[0];
  const scriptNote = traditional ? `${script} script` : 'simplified script';
  if (score[best] > score.CN && score[best] > 0) {
    return { region: best, source: 'text', reason: `${seen[best].join(', ')}; ${scriptNote}` };
  }
  if (traditional && score.CN <= 0) {
    // Traditional text without regional words: Taiwan writes most of it.
    return { region: 'TW', source: 'text', reason: `${scriptNote}, no regional cue` };
  }
  const cues = seen.CN.length ? `${seen.CN.join(', ')}; ` : '';
  return { region: 'CN', source: seen.CN.length ? 'text' : 'default', reason: `${cues}${scriptNote}` };
}

/** The `region` component: the caller's stated region (`options.region`), else the one the text suggests. */
export function regionStep(doc: Doc): void {
  doc.region = chooseRegion(doc.norm.text, doc.script, doc.options.region);
}
