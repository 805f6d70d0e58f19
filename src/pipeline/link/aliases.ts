/**
 * Alias decisions between two names of an article (simplified forms):
 * is `short` another way of writing `long`? Organisations and places: the
 * short form keeps the leading characters and the rest of its characters in
 * order (`中车株洲所` ~ `中车株洲电力机车研究所`, `株洲高新区` ~
 * `株洲国家高新技术产业开发区`, `淳华氢能` ~ `淳华氢能源科技(湖南)有限公司`),
 * and is not just a place name. People: a surname plus a title
 * (`谢董事长` ~ `谢曙`). A real place name is never an abbreviation. Different types are never aliases, except ORG and
 * COMPANY (the recognisers disagree on those).
 */
import type { EntityType } from '../doc.js';
import { TITLE_SET } from '../lang/zh/lexicon-words.js';
import { lookupPlace } from '../lang/zh/gazetteer.js';

const ORGLIKE = new Set<EntityType>(['ORG', 'COMPANY']);

export function compatibleTypes(a: EntityType, b: EntityType): boolean {
  return a === b || (ORGLIKE.has(a) && ORGLIKE.has(b));
}

function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

export function isAlias(short: string, shortType: EntityType, long: string, longType: EntityType): boolean {
  if (short === long || !compatibleTypes(shortType, longType)) return false;
  if (shortType === 'PERSON') {
    // 谢董事长 ~ 谢曙: surname + title
    return short[0] === long[0] && TITLE_SET.has(short.slice(1)) && !TITLE_SET.has(long.slice(1));
  }
  if (short.length < 2 || short.length >= long.length || short.slice(0, 2) !== long.slice(0, 2)) return false;
  // a real place name is itself, not an abbreviation (株洲 is not 株洲市政府 nor 株洲清水塘产业新城)
  if (lookupPlace(short).length) return false;
  return isSubsequence(short, long);
}
