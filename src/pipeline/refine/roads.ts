/**
 * Numbered roads and metro lines are places (LOCATION): China's national and provincial highways written
 * with their number and a road word (`国道G104`, `G104国道`, `G318线`, `省道S210`), and in
 * Taiwan articles the national freeways by number (`国1`, `国道3号`) where the text is about
 * roads. A bare `G104` is also a high-speed train's number, so the road word is required. In an
 * article about a metro, its numbered lines (`2号线`, `8号环线`, and `西安地铁8号线` with the city's name).
 * Mentions inside are replaced; one crossing an edge blocks the tag.
 */
import type { Doc } from '../doc.js';
import { component } from '../component.js';
import { claim } from './util.js';
import { placeForms } from '../lang/zh/gazetteer.js';

const MAINLAND_ROAD = /(?:国道|省道|县道)[GSXgsx]\d{1,4}(?:线)?|(?<![A-Za-z\d])[GSX]\d{1,4}(?:国道|省道|县道|线)/g;
/** `国1`, `国道3号` (not `美国3家`, `中国1月`: a country's last character before a count or a date) */
const TW_FREEWAY = /(?<![美中英法德韩泰俄印日越全各本外民王帝爱我两强大小诸邻])国道?[1-9]\d?号?(?![\d.%]|[家个名位项件台辆人座条所种次年月日号楼期届倍成])|国道[1-9]\d?号/g;
const METRO_LINE = /(?:(\p{Script=Han}{2,4})(?:地铁|轨道交通))?(?<![\d.])\d{1,2}号(?:环)?线/gu;
const METRO_CONTEXT = /地铁|轨道交通|轻轨|换乘|站点/;
const ROAD_CONTEXT = /交流道|高速公路|国道|匝道|车道|南向|北向|路段|高公局|封闭|车流/;

export function tagRoads(doc: Doc): void {
  const text = doc.norm.text;
  const claimAll = (re: RegExp) => {
    for (const m of text.matchAll(re)) {
      if (!doc.inContent(m.index!)) continue;
      claim(doc, m.index!, m.index! + m[0].length, 'LOCATION', 'refine-roads');
    }
  };
  if (/[GSX]\d/.test(text)) claimAll(MAINLAND_ROAD);
  if (doc.region.region === 'TW' && ROAD_CONTEXT.test(text)) claimAll(TW_FREEWAY);
  if (/\d号(?:环)?线/.test(text) && METRO_CONTEXT.test(text)) {
    for (const m of text.matchAll(METRO_LINE)) {
      // the city's name belongs to the line (`西安地铁8号线`); a bare `地铁` before it does not
      const city = m[1] && !placeForms(m[1]).length ? m[0].search(/\d/) : 0;
      const start = m.index! + city;
      if (doc.inContent(start)) claim(doc, start, m.index! + m[0].length, 'LOCATION', 'refine-roads');
    }
  }
}

export const roadsComponent = component('refine-roads', ['mentions', 'region'], ['mentions'], tagRoads);
