import { describe, expect, it } from 'vitest';
import { tagRoads } from '../../src/pipeline/refine/roads.js';
import type { Region } from '../../src/pipeline/doc.js';
import { docWith, shown } from './helpers.js';
import { segment } from '../../src/pipeline/segment/jieba.js';

function run(text: string, region: Region = 'CN', spans: Parameters<typeof docWith>[1] = [], tokens = false) {
  const d = docWith(text, spans);
  d.region = { region, source: 'request', reason: 'test' };
  if (tokens) d.tokens = segment(text);
  tagRoads(d);
  return shown(d);
}

describe('refine-roads', () => {
  it('numbered national and provincial highways with their road word', () => {
    expect(run('国道G104与G318线交汇，省道S210改造')).toEqual(['国道G104/LOCATION', 'G318线/LOCATION', '省道S210/LOCATION']);
  });
  it('a route of streets joined by dashes is one street each; a dash inside another place stays', () => {
    expect(run('白莲泾路—博成路—高科西路—世博大道实施交通管制', 'CN', [['白莲泾路—博成路—高科西路—世博大道', 'LOCATION']])).toEqual([
      '白莲泾路/LOCATION', '博成路/LOCATION', '高科西路/LOCATION', '世博大道/LOCATION',
    ]);
    expect(run('沪宁-杭州线路开通', 'CN', [['沪宁-杭州', 'LOCATION']])).toEqual(['沪宁-杭州/LOCATION']);
  });
  it("a railway section in Taiwan's notices (树林=花莲间) is two stations; one read with 间 ends before it", () => {
    expect(run('受豪雨影响，14时起台东=花莲间停驶，东部干线瑞芳=宜兰全区间改开区间车', 'TW', [['花莲间', 'LOCATION']], true).sort()).toEqual([
      '台东/LOCATION', '宜兰/LOCATION', '瑞芳/LOCATION', '花莲/LOCATION',
    ]);
  });
  it("an expressway named by its ends' abbreviations is a place (汾石高速, 隰吉高速); speed and words before 高速 are not (高速增长, 这条高速, 加快高速)", () => {
    expect(run('汾石高速与隰吉高速建成通车，经济保持高速增长，这条高速要加快高速发展', 'CN', [], true)).toEqual(['汾石高速/LOCATION', '隰吉高速/LOCATION']);
  });
  it('a bare number is a train, not a road', () => {
    expect(run('乘坐G104次列车')).toEqual([]);
  });
  it("Taiwan's freeways by number, in an article about roads", () => {
    expect(run('封闭国1平镇系统、国5石碇南向入口，国道3号车流顺畅', 'TW')).toEqual(['国1/LOCATION', '国5/LOCATION', '国道3号/LOCATION']);
    expect(run('美国3家公司与中国1月出口，高速公路封闭', 'TW')).toEqual([]);
    expect(run('国1平镇系统', 'CN')).toEqual([]);
  });
  it("a freeway's section in Taiwan's traffic reports is three places, whatever the recogniser glued (国1内湖至圆山南向)", () => {
    expect(run('车流量大的路段包括国1内湖至圆山南向、国3北向官田系统至竹南。', 'TW', [['国1内湖', 'LOCATION']])).toEqual([
      '国1/LOCATION', '内湖/LOCATION', '圆山/LOCATION', '国3/LOCATION', '官田系统/LOCATION', '竹南/LOCATION',
    ]);
  });
  it("Taiwan's provincial highways by number (台8线, 台2甲线); not in a mainland article", () => {
    expect(run('台8线183K坍方,台2甲线与台9线通车', 'TW')).toEqual(['台8线/LOCATION', '台2甲线/LOCATION', '台9线/LOCATION']);
    expect(run('台8线', 'CN')).toEqual([]);
  });
  it('numbered metro lines in an article about a metro, with the city before 地铁', () => {
    expect(run('西安地铁8号线在大唐不夜城站与2号线、4号线换乘；地铁8号环线')).toEqual(['西安地铁8号线/LOCATION', '2号线/LOCATION', '4号线/LOCATION', '8号环线/LOCATION']);
    expect(run('工厂的1号线投产')).toEqual([]);
  });
  it('a place followed by a road word is one street; not before a longer word', () => {
    expect(run('经观塘绕道前往天津街，太子道东一带', 'HK', [['观塘', 'LOCATION'], ['天津', 'LOCATION'], ['太子道', 'LOCATION']])).toEqual([
      '观塘绕道/LOCATION', '天津街/LOCATION', '太子道东/LOCATION',
    ]);
    expect(run('去北京路上堵车，香港街马举行，长沙街道办', 'CN', [['北京', 'LOCATION'], ['香港', 'LOCATION'], ['长沙', 'LOCATION']])).toEqual([
      '北京/LOCATION', '香港/LOCATION', '长沙/LOCATION',
    ]);
  });
  it('a common word that ends in 路 is no street in a list (集成电路, 线路)', () => {
    expect(run('培育形成航空工业、集成电路、先进结构材料等产业，新线通车')).toEqual([]);
  });
  it("streets between the marks of a road notice's list, cut after a word of place", () => {
    expect(run('封闭交通：菜园路,卓家村路,美副将马路,路氹城圆形地', 'MO')).toEqual([
      '菜园路/LOCATION', '卓家村路/LOCATION', '美副将马路/LOCATION', '路氹城圆形地/LOCATION',
    ]);
    expect(run('封闭交通：介乎湛江街与亚利雅架圆形地之间的一段美副将马路;', 'MO')).toEqual([
      '湛江街/LOCATION', '亚利雅架圆形地/LOCATION', '美副将马路/LOCATION',
    ]);
    expect(run('途经龙和道、茶果岭道后封路', 'HK')).toEqual(['龙和道/LOCATION', '茶果岭道/LOCATION']);
    expect(run('游行队伍，来自东方斜巷，封路', 'MO')).toEqual(['东方斜巷/LOCATION']);
  });
  it("Macao's lanes and squares (巷, 前地) and a street named after a day (十月初五马路) in a notice", () => {
    const text = '禁止车辆通行：介乎菜园巷与谭公庙前地之间的一段十月初五马路；船铺前地。';
    const d = docWith(text, []);
    d.region = { region: 'MO', source: 'request', reason: 'test' };
    d.mentions = [{ start: text.indexOf('十月初五'), end: text.indexOf('十月初五') + 4, type: 'DATE', score: 0.8, source: 'dates' } as never];
    tagRoads(d);
    expect(shown(d)).toEqual(['菜园巷/LOCATION', '谭公庙前地/LOCATION', '十月初五马路/LOCATION', '船铺前地/LOCATION']);
  });
  it("Taiwan's freeway interchanges (平镇系统, 王田交流道)", () => {
    expect(run('封闭国1平镇系统、王田交流道', 'TW', [['平镇', 'LOCATION'], ['王田', 'LOCATION']])).toEqual(['国1/LOCATION', '平镇系统/LOCATION', '王田交流道/LOCATION']);
  });
  it('no street from a verb, a generic road word or a description', () => {
    expect(run('实施交通改道及调整封路安排，无出口道路、相关道路和比赛沿途路段', 'HK')).toEqual([]);
    expect(run('菜园路,卓家村路')).toEqual([]); // no road notice: the list alone is not enough
  });
});
