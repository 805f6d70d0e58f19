import { describe, expect, it } from 'vitest';
import { applyLocalPlaces } from '../../src/pipeline/refine/local-places.js';
import { localPlaces } from '../../src/pipeline/lang/zh/places-local.js';
import { segment } from '../../src/pipeline/segment/jieba.js';
import type { Region } from '../../src/pipeline/doc.js';
import { docWith, shown } from './helpers.js';

function run(text: string, region: Region, spans: Parameters<typeof docWith>[1] = []) {
  const d = docWith(text, spans);
  d.tokens = segment(text);
  d.region = { region, source: 'request', reason: 'test' };
  applyLocalPlaces(d);
  return shown(d);
}

describe('refine-local-places', () => {
  it("areas: Tsim Sha Tsui East, Kowloon Walled City, Hong Kong's government offices, Macao's Tap Seac, Taiwan's science parks", () => {
    expect(run('烟花在尖沙咀东上空绽放，电影九龙城寨之围城', 'HK', [['尖沙咀', 'LOCATION'], ['九龙城', 'LOCATION']])).toEqual(['尖沙咀东/LOCATION', '九龙城寨/LOCATION']);
    expect(run('塔石年宵市场热闹', 'MO')).toEqual(['塔石/LOCATION']);
    expect(run('特首在政总举行记者会', 'HK')).toEqual(['政总/LOCATION']);
    expect(run('特首在政总举行记者会，旅客经青茂口岸入境', 'MO')).toEqual(['政总/LOCATION', '青茂口岸/LOCATION']);
    expect(run('购置竹科厂房，南科扩建', 'TW')).toEqual(['竹科/LOCATION', '南科/LOCATION']);
  });
  it("Taiwan's district courts and prosecutors' offices by their seat are one ORG (台北地院, 新竹地检署)", () => {
    expect(run('案件由新竹地检署侦办，台北地院裁定羁押', 'TW', [['新竹', 'LOCATION'], ['台北', 'LOCATION']])).toEqual(['新竹地检署/ORG', '台北地院/ORG']);
  });
  it("Hong Kong's estates: a district before an estate's own name is two places; an estate nothing covers is a place", () => {
    expect(run('为大埔宏福苑居民提供服务，探访耀东邨及德朗邨', 'HK', [['大埔宏福苑', 'LOCATION']])).toEqual([
      '大埔/LOCATION', '宏福苑/LOCATION', '耀东邨/LOCATION', '德朗邨/LOCATION',
    ]);
    expect(run('探访耀东邨', 'CN')).toEqual([]);
  });
  it("an estate's name of three characters where a word opens them (美孚新邨); not 了天耀邨, nor 上水 + 彩石邨", () => {
    expect(run('气氛明显转活，美孚新邨今个周末录1宗成交', 'HK')).toEqual(['美孚新邨/LOCATION']);
    expect(run('到了天耀邨探访', 'HK')).toEqual(['天耀邨/LOCATION']);
    expect(run('申请上水彩石邨的住户', 'HK', [['上水', 'LOCATION']])).toEqual(['上水/LOCATION', '彩石邨/LOCATION']);
  });
  it("a district before its councillors' title is the district without the title's 区 (深水埗 + 区议员), found or extended", () => {
    expect(run('陪同下，联同深水埗区议员和关爱队代表探访', 'HK', [['深水埗', 'LOCATION']])).toEqual(['深水埗/LOCATION']);
    expect(run('陪同下，联同深水埗区议员和关爱队代表探访', 'HK')).toEqual(['深水埗/LOCATION']);
    expect(run('沙田区区议员出席，深水埗区居民', 'HK', [['沙田区', 'LOCATION'], ['深水埗', 'LOCATION']])).toEqual(['沙田区/LOCATION', '深水埗区/LOCATION']);
  });
  it('a two-character place after 而 or 但 starts where a word can (而红隧和东隧)', () => {
    expect(run('西隧车流上升,而红隧和东隧的车流下降', 'HK')).toEqual(['西隧/LOCATION', '红隧/LOCATION', '东隧/LOCATION']);
  });
  it('a district the model took for a person is the place (黄大仙); a person stays a person', () => {
    expect(run('官员到黄大仙探访，何永贤出席', 'HK', [['黄大仙', 'PERSON'], ['何永贤', 'PERSON']])).toEqual(['黄大仙/LOCATION', '何永贤/PERSON']);
  });
  it("Taiwan's railway and metro lines are places (东部干线, 深澳线, 土城树林线 over a township cut from it)", () => {
    expect(run('台铁东部干线与深澳线停驶，土城树林线延宕', 'TW', [['土城', 'LOCATION']])).toEqual(['东部干线/LOCATION', '深澳线/LOCATION', '土城树林线/LOCATION']);
  });
  it('in Hong Kong 中原 is the estate agency and an estate taken for a company is a place', () => {
    expect(run('中原地产数据显示，美孚新邨录得成交', 'HK', [['中原', 'LOCATION'], ['美孚新邨', 'COMPANY']])).toEqual(['中原/COMPANY', '美孚新邨/LOCATION']);
    expect(run('中原地区降雨', 'CN', [['中原', 'LOCATION']])).toEqual(['中原/LOCATION']);
  });
  it('a longer local place replaces a shorter place cut from it (天水 of 天水围)', () => {
    expect(run('巴士路线改经天水围，前往元朗', 'HK', [['天水', 'LOCATION']])).toEqual(['天水围/LOCATION', '元朗/LOCATION']);
  });
  it("a Taiwan village named before its chief or office is a place; not 各里 or 邻里", () => {
    expect(run('东港镇下廍里里长苏明白获奖。屏东市光荣里里长出席。各里里长与邻里里长', 'TW', [['东港镇', 'LOCATION'], ['屏东市', 'LOCATION']])).toEqual([
      '东港镇/LOCATION', '下廍里/LOCATION', '屏东市/LOCATION', '光荣里/LOCATION',
    ]);
    expect(run('光荣里里长出席', 'CN')).toEqual([]);
    // its chief named after `长` where its township comes first, and a neighbourhood of it; not `村里长`
    expect(run('东港镇下廍里长周锦谷获奖，屏东市光荣里第6邻邻长，不少村里长出席', 'TW', [['东港镇', 'LOCATION'], ['屏东市', 'LOCATION']])).toEqual([
      '东港镇/LOCATION', '下廍里/LOCATION', '屏东市/LOCATION', '光荣里/LOCATION',
    ]);
  });
  it('lists Hong Kong districts, MTR lines and stations, and every Taiwan township by full and short name', () => {
    expect(localPlaces('HK').places.get('调景岭')?.kind).toBe('station');
    expect(localPlaces('HK').places.get('机场快线')?.kind).toBe('rail-line');
    expect(localPlaces('HK').places.get('元朗区')?.kind).toBe('district');
    expect(localPlaces('TW').places.get('坪林区')?.kind).toBe('township');
    expect(localPlaces('TW').places.get('虎尾')?.kind).toBe('township-short');
    expect([...localPlaces('TW').places.values()].filter((p) => p.kind === 'township').length).toBeGreaterThanOrEqual(350);
    // and the counties and cities themselves
    expect(localPlaces('TW').places.get('台中')?.kind).toBe('county-short');
    expect(localPlaces('TW').places.get('苗栗县')?.kind).toBe('county');
    expect(localPlaces('CN').places.size).toBe(0);
  });
  it('tags a local place no mention touches, in an article of its region', () => {
    expect(run('港铁将军澳线（北角至宝琳段及调景岭至康城段）今晚通宵行驶，元朗居民可乘东铁线', 'HK', [['港铁', 'COMPANY']])).toEqual([
      '港铁/COMPANY', '将军澳线/LOCATION', '北角/LOCATION', '宝琳/LOCATION', '调景岭/LOCATION', '康城/LOCATION', '元朗/LOCATION', '东铁线/LOCATION',
    ]);
    expect(run('国5石碇、坪林南向入口封闭', 'TW')).toEqual(['石碇/LOCATION', '坪林/LOCATION']);
  });
  it('an area named by a direction (新界西) before 南 or 北 is the compound direction\'s (新界西北); not a part of it (新界西北部)', () => {
    expect(run('11号干线连接新界西北和市区', 'HK')).toEqual(['新界西北/LOCATION']);
    expect(run('11号干线连接新界西北和市区', 'HK', [['新界', 'LOCATION']])).toEqual(['新界西北/LOCATION']);
    expect(run('新界西北部今日有雨', 'HK')).toEqual(['新界西/LOCATION']);
  });
  it('tags a Taiwan county or city the tagger missed (在台中大雅兴建二厂)', () => {
    expect(run('昱沅在台中大雅兴建二厂，台中六都之冠', 'TW', [['大雅', 'LOCATION']])).toEqual(['台中/LOCATION', '大雅/LOCATION', '台中/LOCATION']);
  });
  it('leaves mainland articles, other mentions and words inside other words alone', () => {
    expect(run('元朗居民可乘东铁线', 'CN')).toEqual([]);
    expect(run('天水围的天后宫风水广场', 'HK', [['天后宫风水广场', 'LOCATION']])).toEqual(['天水围/LOCATION', '天后宫风水广场/LOCATION']);
    // a township's short form that is a frequent ordinary word needs jieba to read a place there
    expect(run('推动和平发展与民生建设', 'TW')).toEqual([]);
  });
});
