/**
 * Company and organisation names (LISTS below): name → type (COMPANY, or ORG
 * for central banks, development institutions and other organisations).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../paths.js';

/**
 * companies.tsv: mined from the unlabelled corpus (scripts/mine-companies.ts);
 * names-labelled.tsv: organisations and companies labelled in CLUENER2020 and
 * MSRA train and in this project's contract-conventional annotations
 * (scripts/mine-labelled-names.ts);
 * bodies-hk-mo-tw.tsv: Hong Kong, Macao and Taiwan government bodies, parties
 * and best-known listed companies, written by hand (its header says from where);
 * the first list that names a name sets its type.
 */
export const LISTS = ['bodies-hk-mo-tw.tsv', 'companies.tsv', 'names-labelled.tsv'];

let cache: Map<string, 'COMPANY' | 'ORG'> | null = null;

export function minedCompanies(): ReadonlyMap<string, 'COMPANY' | 'ORG'> {
  if (cache) return cache;
  cache = new Map();
  // in LISTS order: the first list that names a name sets its type
  for (const file of LISTS) {
    let text = '';
    try {
      text = readFileSync(join(ROOT, 'src', 'pipeline', 'lang', 'zh', file), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [name, type] = line.split('\t');
      if (name && !cache.has(name) && (type === 'COMPANY' || type === 'ORG')) cache.set(name, type);
    }
  }
  return cache;
}

/** Central banks and monetary authorities: government bodies (ORG), not businesses. */
export const CENTRAL_BANK = /(人民银行|中央银行|储备银行|国家银行|央行|联储|金融管理局|世界银行|开发银行|投资银行|清算银行)$/;
/** Business banks and their branches, and groups: how a COMPANY's name ends. */
export const BUSINESS_END = /(银行|分行|支行|集团|集团公司|有限公司|有限责任公司|股份公司|控股|证券|保险|信托)$/;
/** Groups that are not businesses: blocs, militaries, criminal groups. */
export const NOT_BUSINESS = /(国集团|欧元集团|集团军|犯罪集团|贩毒集团|恐怖集团|利益集团)$/;
