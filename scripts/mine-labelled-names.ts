/**
 * Mine organisation and company names from LABELLED training corpora into
 * src/pipeline/lang/zh/names-labelled.tsv (`name<TAB>type<TAB>count<TAB>source`):
 *
 *  - CLUENER2020 train (../shared/data/ner/cluener2020/train.jsonl): `company`
 *    → COMPANY, `government` and `organization` → ORG;
 *  - MSRA train (../shared/data/ner/msra/train.jsonl): `nt` → ORG (COMPANY
 *    where the name ends in a business word, `…银行`, `…集团`, `…公司`, or
 *    where CLUENER calls it a company);
 *  - with `--newsann FILE`, this project's contract-conventional annotations of
 *    corpus lines (training/annotations, written out by `python3
 *    training/annotations.py dump FILE`): COMPANY and ORG as labelled.
 *
 *   python3 training/annotations.py dump /tmp/newsann.jsonl
 *   npx tsx scripts/mine-labelled-names.ts --newsann /tmp/newsann.jsonl [--out path]
 *
 * Reproducible: inputs read in file order, output sorted (count desc, name).
 * Held-out records are skipped: every id in training/splits/*.ids (MSRA dev,
 * PKU dev/test, CLUENER dev), so that msra-dev and cluener-dev stay unseen.
 *
 * A name is kept when
 *  - it has 2–20 characters, at least one of them Chinese, no punctuation;
 *  - it was labelled ≥ 2 times (≥ 3 for two-character names; once for a name
 *    of four or more characters that the contract-conventional annotations label);
 *  - it was labelled with another type (person, place, address, game, book,
 *    movie, position, scene) in at most 10 % of its labels, and COMPANY vs
 *    ORG agree in ≥ 80 % of them;
 *  - where the string occurs in the corpora outside any labelled span, it
 *    does so less often than it is labelled (not a common word);
 *  - it is not a place (gazetteer), not a generic reference (`市委`,
 *    `公司`), not an ordinary jieba word (any tag but nt/nz/j) nor a jieba
 *    person or place entry — unless the contract-conventional annotations
 *    label it ≥ 5 times and jieba has it as a name (`华为` nr, `京东` ns);
 *  - it is not an event or a document (`…会议`, `…大会`, `…计划`).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../src/paths.js';
import { placeForms } from '../src/pipeline/lang/zh/gazetteer.js';
import { scanJiebaDict } from '../src/pipeline/lang/zh/jieba-dict.js';
import { GENERIC_REFERENCES } from '../src/pipeline/lang/zh/words.js';
import { BUSINESS_END, CENTRAL_BANK, NOT_BUSINESS } from '../src/pipeline/lang/zh/companies.js';

const arg = (n: string) => {
  const i = process.argv.indexOf(`--${n}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const DATA = join(ROOT, '..', 'shared', 'data', 'ner');
const OUT = arg('out') ?? join(ROOT, 'src', 'pipeline', 'lang', 'zh', 'names-labelled.tsv');

interface Rec {
  id: string;
  text: string;
  entities: { start: number; end: number; type: string; text: string }[];
}
const readJsonl = (f: string): Rec[] =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

const heldOut = new Set<string>();
const splits = join(ROOT, 'training', 'splits');
for (const f of readdirSync(splits).filter((f) => f.endsWith('.ids')).sort())
  for (const id of readFileSync(join(splits, f), 'utf8').split('\n')) if (id) heldOut.add(id);

const CLUENER_TYPE: Record<string, 'COMPANY' | 'ORG'> = { company: 'COMPANY', government: 'ORG', organization: 'ORG' };
const MSRA_TYPE: Record<string, 'ORG'> = { nt: 'ORG' };

interface Stat {
  COMPANY: number;
  ORG: number;
  msraOrg: number;
  /** labels (COMPANY or ORG) in the contract-conventional annotations */
  news: number;
  other: number;
  sources: Set<string>;
}
const stats = new Map<string, Stat>();
const stat = (name: string) => {
  let s = stats.get(name);
  if (!s) stats.set(name, (s = { COMPANY: 0, ORG: 0, msraOrg: 0, news: 0, other: 0, sources: new Set() }));
  return s;
};

const NEWSANN_TYPE: Record<string, 'COMPANY' | 'ORG'> = { COMPANY: 'COMPANY', ORG: 'ORG' };
const corpora: { name: string; records: Rec[]; map: Record<string, string> }[] = [
  { name: 'cluener', records: readJsonl(join(DATA, 'cluener2020', 'train.jsonl')), map: CLUENER_TYPE },
  { name: 'msra', records: readJsonl(join(DATA, 'msra', 'train.jsonl')), map: MSRA_TYPE },
];
const newsann = arg('newsann');
if (newsann) corpora.push({ name: 'newsann', records: readJsonl(newsann), map: NEWSANN_TYPE });
for (const c of corpora) c.records = c.records.filter((r) => !heldOut.has(r.id));

for (const c of corpora) {
  for (const r of c.records) {
    for (const e of r.entities) {
      const s = stat(e.text);
      const t = c.map[e.type];
      if (!t) s.other++;
      else if (c.name === 'msra') s.msraOrg++;
      else s[t as 'COMPANY' | 'ORG']++;
      if (t) s.sources.add(c.name);
      if (t && c.name === 'newsann') s.news++;
    }
  }
}

const CJK = /[\u4e00-\u9fff]/;
const BAD_CHARS = /[\s，。；：！？、,.;:!?“”"'‘’（）()《》【】\[\]<>·•…—\-_/|]/;
const EVENT_OR_DOC = /(会议|大会|[一二三四五六七八九十]+大|论坛|峰会|博览会|运动会|奥运会|杯|赛|欧冠|中超|英超|西甲|意甲|德甲|法甲|计划|工程|规划|条例|法|决定|通知|报告|活动|节)$/;
/** generic organisations (no name in them) */
const GENERIC_ORGS = new Set(['国家队', '主队', '客队', '球队', '俱乐部', '政府部门', '有关部门', '中央', '地方政府', '警方', '军方', '校方', '院方', '大使馆', '总领事馆', '人大', '政协']);
/** jieba words that are not organisation-like entries: ordinary words, persons, places */
const JIEBA_NOT_ORG = scanJiebaDict((w, f, tag) => !['nt', 'nz', 'j'].includes(tag) && (f >= 20 || ['nr', 'nrt', 'nrfg', 'ns'].includes(tag)));
/** jieba entries tagged as a person's or place's name (`华为` nr, `京东` ns, `阿里巴巴` nrt): names all the same */
const JIEBA_NAME = scanJiebaDict((_w, _f, tag) => ['nr', 'nrt', 'nrfg', 'ns'].includes(tag));
/** the contract's annotations outweigh jieba's tag for a name they label this often (common nouns such as 苹果 stay out) */
const NEWS_OVERRIDES_JIEBA = 5;

const labelled = (s: Stat) => s.COMPANY + s.ORG + s.msraOrg;
const candidates = [...stats.entries()].filter(([name, s]) => {
  const n = [...name].length;
  if (n < 2 || n > 20 || !CJK.test(name) || BAD_CHARS.test(name)) return false;
  // four characters and more: once is enough in the contract's own annotations (a long string is specific)
  const least = n === 2 ? 3 : n >= 4 && s.sources.has('newsann') ? 1 : 2;
  if (labelled(s) < least || s.other > 0.1 * labelled(s)) return false;
  if (GENERIC_REFERENCES.has(name) || GENERIC_ORGS.has(name) || EVENT_OR_DOC.test(name) || placeForms(name).length) return false;
  if (JIEBA_NOT_ORG.has(name) && !(s.news >= NEWS_OVERRIDES_JIEBA && JIEBA_NAME.has(name))) return false;
  return true;
});

// occurrences outside any labelled span (evidence that the string is an ordinary word)
const byFirst = new Map<string, string[]>();
for (const [name] of candidates) byFirst.set(name[0], [...(byFirst.get(name[0]) ?? []), name]);
const free = new Map<string, number>();
for (const c of corpora) {
  for (const r of c.records) {
    const covered = new Uint8Array(r.text.length);
    for (const e of r.entities) covered.fill(1, e.start, e.end);
    for (let i = 0; i < r.text.length; i++) {
      const names = byFirst.get(r.text[i]);
      if (!names || covered[i]) continue;
      for (const name of names) if (r.text.startsWith(name, i)) free.set(name, (free.get(name) ?? 0) + 1);
    }
  }
}

const rows: [string, 'COMPANY' | 'ORG', number, string][] = [];
for (const [name, s] of candidates) {
  const total = labelled(s);
  if ((free.get(name) ?? 0) >= total) continue;
  // MSRA does not separate businesses from other organisations: decide by the name's ending, or by CLUENER
  const business = BUSINESS_END.test(name) && !NOT_BUSINESS.test(name) && !CENTRAL_BANK.test(name);
  const company = s.COMPANY + (business ? s.msraOrg : 0);
  const org = s.ORG + (business ? 0 : s.msraOrg);
  const type = company >= org ? 'COMPANY' : 'ORG';
  if (Math.max(company, org) / total < 0.8) continue;
  if (CENTRAL_BANK.test(name) && type === 'COMPANY') continue;
  rows.push([name, type, total, [...s.sources].sort().join('+')]);
}
rows.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const header = `# name\ttype\tcount\tsource (scripts/mine-labelled-names.ts: CLUENER2020 train company/government/organization, MSRA train nt${newsann ? ', training/annotations COMPANY/ORG' : ''}; held-out ids skipped)\n`;
writeFileSync(OUT, header + rows.map((r) => r.join('\t')).join('\n') + '\n');
const by = (t: string) => rows.filter((r) => r[1] === t).length;
console.log(`${rows.length} names (COMPANY ${by('COMPANY')}, ORG ${by('ORG')}) → ${OUT}`);
