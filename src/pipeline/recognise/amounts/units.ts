/**
 * Units of QUANTITY mentions: the words recognised after a number and the symbol each
 * is reported as (eval/news/README.md): physical units as symbols (`米` → `m`,
 * `平方公里` → `km2`), counts as the measure word itself (`个`, `台套`).
 */

/** Physical units → symbol. `度` and `桶` depend on the sentence (see `unitSymbol`). */
export const PHYSICAL: Record<string, string> = {
  米: 'm', 公尺: 'm', 公里: 'km', 千米: 'km', 厘米: 'cm', 公分: 'cm', 毫米: 'mm', 纳米: 'nm',
  海里: 'nmi', 英里: 'mi', 英尺: 'ft', 英寸: 'in', 呎: 'ft', 吋: 'in',
  平方呎: 'ft2', 方呎: 'ft2', 平方英尺: 'ft2', 公里每小时: 'km/h', '公里/小时': 'km/h', '千米/小时': 'km/h', '公里/时': 'km/h',
  '米/秒': 'm/s', 米每秒: 'm/s', 'km/h': 'km/h', 'm/s': 'm/s',
  平方米: 'm2', 平米: 'm2', 平方公尺: 'm2', 平方公里: 'km2', 平方千米: 'km2', 立方米: 'm3', 公顷: 'ha', 亩: 'mu', 英亩: 'acre',
  吨: 't', 公吨: 't', 千克: 'kg', 公斤: 'kg', 克: 'g', 毫克: 'mg', 斤: 'jin', 公斤级: 'kg',
  升: 'L', 公升: 'L', 公克: 'g', 毫升: 'mL', 加仑: 'gal',
  摄氏度: '°C', 华氏度: '°F', '℃': '°C', '°C': '°C', '℉': '°F', '°F': '°F',
  千瓦时: 'kWh', 兆瓦时: 'MWh', 吉瓦时: 'GWh', 太瓦时: 'TWh', 千瓦: 'kW', 兆瓦: 'MW', 吉瓦: 'GW', 瓦: 'W', 伏: 'V', 千伏: 'kV', 赫兹: 'Hz', 马力: 'hp',
  标箱: 'TEU', 标准箱: 'TEU', TEU: 'TEU',
  km: 'km', kg: 'kg', mg: 'mg', mm: 'mm', cm: 'cm', ml: 'mL', mL: 'mL', kWh: 'kWh', kW: 'kW', MWh: 'MWh', MW: 'MW',
  GWh: 'GWh', GW: 'GW', TWh: 'TWh', GB: 'GB', TB: 'TB', MB: 'MB', 'm²': 'm2', 'm³': 'm3', km2: 'km2', m2: 'm2', m3: 'm3',
  '㎡': 'm2', '㎥': 'm3', '㎞': 'km', '㎏': 'kg', '㎜': 'mm', '㎝': 'cm', '㎖': 'mL',
  // a residue limit or a concentration (`陶斯松0.05 ppm`)
  ppm: 'ppm',
};

/** Measure words for counts (reported as written, brackets dropped: `台(套)` → `台套`). */
export const COUNTS = [
  '个', '位', '名', '人', '人次', '户', '家', '项', '件', '台', '套', '台套', '辆', '架', '艘', '列', '条', '座',
  '栋', '幢', '间', '所', '张', '本', '部', '册', '份', '篇', '首', '次', '场', '批', '起', '例', '只',
  '头', '匹', '棵', '株', '颗', '粒', '枚', '块', '片', '根', '支', '把', '盏', '口', '处', '宗', '笔',
  '箱', '包', '袋', '瓶', '杯', '盒', '双', '对', '层', '款', '种', '类', '届', '轮', '桶',
  '股', '架次', '辆次', '班次', '趟', '单', '尾', '羽', '床', '坪', '万人次', '剂', '剂次', '岁', '城',
  // Hong Kong's housing units (`1,300伙`); phone calls (`连打6通电话`); Taiwan's villages and townships (`20村里`, `13乡镇市`)
  '伙', '通', '村里', '乡镇市',
  // train runs (`加开3班`); votes (`以87票通过`); teams (`54队参赛`); shops (`门店达到7000店`)
  '班', '票', '队', '店',
  // pictures, groups, sections, cases (Hong Kong and Taiwan: `8案`), characters, letters, episodes, pages, school subjects
  '幅', '组', '段', '案', '字', '封', '集', '页', '科',
  // countries (`与5国签署`: digits only, see findAmounts)
  '国',
  // `期` counts phases only after 两 (`二期`, `三期工程` are ordinals): see unitSymbol.
  '期',
];

/** Words that need the sentence to decide: temperature or electricity. */
const TEMPERATURE_CONTEXT = /气温|温度|高温|低温|最高|最低|降温|升温|摄氏|零下|体温|水温|室温|热|冷|寒|暖|天气|气象/;
const ELECTRICITY_CONTEXT = /电|能耗|千瓦|充电|光伏|风电|核电/;
const OIL_CONTEXT = /油|原油|石油|布伦特|WTI|欧佩克|OPEC/;
/** `点` is an index point only where the sentence is about a stock index (`恒指升178点`), never a time of day. */
export const INDEX_CONTEXT = /指数|恒指|国指|科指|道指|纳指|标普|日经|大市|大盘|沪指|深成指|创业板指|上证|深证|加权|台股|港股|股市|A股|美股|收报|收市|收盘|高开|低开|点位/;
/** `手` is a board lot only where the sentence is about buying or allotting shares (`一手中签率`). */
const LOT_CONTEXT = /中签|每手|入场费|认购|招股|抽签|甲组|乙组|孖展|新股|暗盘|股/;
/** `金`, `银`, `铜` count medals only where the sentence is about a competition. */
const MEDAL_CONTEXT = /奖牌|金牌|银牌|铜牌|奥运|亚运|全运|冬奥|残奥|世锦赛|锦标赛|运动会|代表团|摘得|夺得|斩获|勇夺|收获/;
/** `节` is knots only where the sentence is about a ship's or the wind's speed. */
const KNOT_CONTEXT = /航速|航行|时速|风速|减速|加速|速度|船|舰|舶|轮|海里/;

/**
 * The reported unit of a recognised unit word, or null when the word is no unit here
 * (`度` with neither temperature nor electricity around it, `点` outside a sentence about a stock index,
 * `手` outside one about shares).
 */
export function unitSymbol(word: string, sentence: string): string | null {
  const bare = word.replace(/[()（）]/g, '');
  if (bare === '度') {
    if (TEMPERATURE_CONTEXT.test(sentence)) return '°C';
    if (ELECTRICITY_CONTEXT.test(sentence)) return 'kWh';
    return null;
  }
  if (bare === '桶' && OIL_CONTEXT.test(sentence)) return 'bbl';
  if (bare === '节') return KNOT_CONTEXT.test(sentence) ? 'kn' : null;
  if (bare === '点') return INDEX_CONTEXT.test(sentence) ? '点' : null;
  if (bare === '手') return LOT_CONTEXT.test(sentence) ? '手' : null;
  // `摘得40金、27银、24铜`: medals, in a sentence about a competition
  if (bare === '金' || bare === '银' || bare === '铜') return MEDAL_CONTEXT.test(sentence) ? bare : null;
  if (bare === '级') return null; // a wind force or an earthquake's magnitude only where written as one (see findAmounts)
  return PHYSICAL[bare] ?? bare;
}

export const UNIT_WORDS = [...Object.keys(PHYSICAL), ...COUNTS, '度', '节', '点', '手', '级', '金', '银', '铜'];

/**
 * `级` is a wind force or an earthquake's magnitude where the words around it say so (`风力可达12—16级`, `阵风17级`,
 * `6—8级大风`, `里氏6.2级地震`), never a rank, a grade or a level of response (`一级响应`, `三级医院`).
 */
export const SCALE_BEFORE = /(?:风力|阵风|风速|大风|强风|里氏|芮氏|震级|烈度|规模|地震)(?:可?达到?|增强到|加强到|为|约|有|\s)?(?:\d+(?:\.\d+)?\s?(?:—|–|-|－|~|至|到)\s?)?$/;
export const SCALE_AFTER = /^(?:以上|左右)?的?(?:大风|阵风|强风|狂风|风|地震|强震|余震)/;
