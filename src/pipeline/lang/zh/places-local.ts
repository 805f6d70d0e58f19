/**
 * Local places of Hong Kong, Macao and Taiwan (places-local.tsv, written by
 * scripts/local-places.ts from Taiwan's postal list and hand-written Hong Kong
 * and Macao lists): names that their own news uses without a city before them
 * (`元朗`, `调景岭`, `机场快线`, `坪林`, `虎尾镇`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../paths.js';
import { scanJiebaDict } from './jieba-dict.js';

export type LocalRegion = 'HK' | 'MO' | 'TW';

export interface LocalPlace {
  name: string;
  region: LocalRegion;
  /** district, area, station, rail-line, township, township-short */
  kind: string;
  /**
   * a Taiwan township's short form that is also a frequent ordinary word to jieba (`中正`, `和平`, `民生`,
   * `淡水`: frequency 50 or more with a tag other than a place's): taken only where jieba reads a place.
   * The Hong Kong and Macao lists leave such words out by hand.
   */
  commonWord: boolean;
}

/** A region's local places by name, and the lengths of their names by first character (longest first, for scanning text). */
export interface LocalPlaces {
  places: ReadonlyMap<string, LocalPlace>;
  lengthsFrom(ch: string): readonly number[];
}

let byRegion: Map<LocalRegion, Map<string, LocalPlace>> | null = null;
const indexes = new Map<string, LocalPlaces>();

function load(): Map<LocalRegion, Map<string, LocalPlace>> {
  const out = new Map<LocalRegion, Map<string, LocalPlace>>([['HK', new Map()], ['MO', new Map()], ['TW', new Map()]]);
  let text = '';
  try {
    text = readFileSync(join(ROOT, 'src', 'pipeline', 'lang', 'zh', 'places-local.tsv'), 'utf8');
  } catch {
    return out;
  }
  const rows = text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
  const names = new Set(rows.map((r) => r[0]));
  const common = scanJiebaDict((_w, freq, tag) => !tag.startsWith('ns') && freq >= 50, names);
  for (const [name, region, kind] of rows) {
    out.get(region as LocalRegion)?.set(name, { name, region: region as LocalRegion, kind, commonWord: kind === 'township-short' && common.has(name) });
  }
  return out;
}

/** The local places of `region` (none for the mainland). */
export function localPlaces(region: string): LocalPlaces {
  let index = indexes.get(region);
  if (!index) {
    byRegion ??= load();
    const places: ReadonlyMap<string, LocalPlace> = byRegion.get(region as LocalRegion) ?? new Map();
    const byFirst = new Map<string, number[]>();
    for (const name of places.keys()) {
      const lens = byFirst.get(name[0]) ?? [];
      if (!lens.includes(name.length)) lens.push(name.length);
      byFirst.set(name[0], lens);
    }
    for (const lens of byFirst.values()) lens.sort((a, b) => b - a);
    index = { places, lengthsFrom: (ch) => byFirst.get(ch) ?? NONE };
    indexes.set(region, index);
  }
  return index;
}
const NONE: readonly number[] = [];
