import { describe, expect, it } from 'vitest';
import { tagRoads } from '../../src/pipeline/refine/roads.js';
import type { Region } from '../../src/pipeline/doc.js';
import { docWith, shown } from './helpers.js';

function run(text: string, region: Region = 'CN') {
  const d = docWith(text, []);
  d.region = { region, source: 'request', reason: 'test' };
  tagRoads(d);
  return shown(d);
}

describe('refine-roads', () => {
  it('numbered national and provincial highways with their road word', () => {
    expect(run('国道G104与G318线交汇，省道S210改造')).toEqual(['国道G104/LOCATION', 'G318线/LOCATION', '省道S210/LOCATION']);
  });
  it('a bare number is a train, not a road', () => {
    expect(run('乘坐G104次列车')).toEqual([]);
  });
  it("Taiwan's freeways by number, in an article about roads", () => {
    expect(run('封闭国1平镇系统、国5石碇南向入口，国道3号车流顺畅', 'TW')).toEqual(['国1/LOCATION', '国5/LOCATION', '国道3号/LOCATION']);
    expect(run('美国3家公司与中国1月出口，高速公路封闭', 'TW')).toEqual([]);
    expect(run('国1平镇系统', 'CN')).toEqual([]);
  });
  it('numbered metro lines in an article about a metro, with the city before 地铁', () => {
    expect(run('西安地铁8号线在大唐不夜城站与2号线、4号线换乘；地铁8号环线')).toEqual(['西安地铁8号线/LOCATION', '2号线/LOCATION', '4号线/LOCATION', '8号环线/LOCATION']);
    expect(run('工厂的1号线投产')).toEqual([]);
  });
});
