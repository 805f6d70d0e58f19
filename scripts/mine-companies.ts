/**
 * Mine company names from the unlabelled corpus (../shared/data/corpus/<source>/part-*.txt.xz)
 * into src/pipeline/lang/zh/companies.tsv (`name<TAB>type<TAB>count<TAB>kind`).
 *
 *   npx tsx scripts/mine-companies.ts [--out path] [--corpus dir]
 *
 * Reproducible: the corpus is read in a fixed order and the output sorted.
 * Lines of the news-dev articles that come from the corpus (their `source`
 * field names part and lines) are skipped so that the dev figures are not
 * inflated; every kept name must also be seen in at least two separate
 * stretches of the corpus (200-line windows), so no single article can put a
 * name on the list by itself.
 *
 * 1. Legal names: a run of Chinese characters before a company suffix
 *    (`…股份有限公司`, `…有限公司`, `…集团`, `…控股`, `…银行`, `…证券`,
 *    `…保险`); each left extent is a candidate, kept when seen ≥ 3 times, in
 *    ≥ 2 windows, and mostly with a clean left edge (line start, punctuation,
 *    a function character such as 与/和/在/的), never starting with one, and
 *    not a generic noun (jieba common-noun entries, a stop list: 商业银行,
 *    社会保险…).
 * 2. Cores: a legal name without its suffix and trailing industry words
 *    (`宁德时代新能源科技股份有限公司` → `宁德时代`), with and without a
 *    place prefix (`湖南金荣集团` → `湖南金荣`, `金荣`); kept when seen
 *    standalone ≥ 3 times (≥ 5 for two characters), in ≥ 2 windows, with a
 *    company context word (董事长, 股价, 营收, 旗下, 发布, 公司, 企业…) within
 *    12 characters in enough of them, and neither a place name nor a common
 *    word of jieba's dictionary.
 * Central banks and development institutions (`中国人民银行`, `世界银行`) are
 * written with type ORG; everything else COMPANY.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from '../src/paths.js';
import { placeForms } from '../src/pipeline/lang/zh/gazetteer.js';
import { scanJiebaDict } from '../src/pipeline/lang/zh/jieba-dict.js';

const arg = (n: string) => {
  const i = process.argv.indexOf(`--${n}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const CORPUS = arg('corpus') ?? join(ROOT, '..', 'shared', 'data', 'corpus');
const OUT = arg('out') ?? join(ROOT, 'src', 'pipeline', 'lang', 'zh', 'companies.tsv');

const SUFFIXES = ['集团股份有限公司', '集团有限公司', '股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '控股', '银行', '证券', '保险'];
const SUFFIX_RE = new RegExp(SUFFIXES.join('|'), 'g');
const LEGAL = /(股份有限公司|有限责任公司|有限公司|集团公司)$/;
const CJK = /[\u4e00-\u9fff]/;
const FUNCTION_CHARS = new Set([...'与和同及跟在于的了向由对从是为等将把被据让给或及并、']);
/** trailing industry / form words stripped to reach a core */
const INDUSTRY = [
  '新能源科技', '新能源', '科技', '技术', '电子', '汽车', '能源', '实业', '投资', '发展', '建设', '工程', '股份', '控股', '集团',
  '国际', '信息', '网络', '数码', '电气', '机械', '重工', '新材料', '材料', '生物', '医药', '制药', '化工', '智能', '装备', '制造',
  '贸易', '物流', '置业', '房地产', '地产', '传媒', '文化', '环保', '食品', '农业', '资源', '服务', '管理', '咨询', '软件', '通信',
  '电力', '产业', '工业', '商贸', '贸易', '开发', '经营', '运营', '中国', '（中国）', '有限',
].sort((a, b) => b.length - a.length);
/** generic cores: `<core><suffix>` is a kind of company, not one */
const GENERIC_CORES = new Set([
  '商业', '村镇', '政策性', '地方', '外资', '民营', '国有', '中资', '股份制', '城市商业', '农村商业', '农村', '城市', '投资', '开发', '储蓄',
  '合作', '中央', '全国性', '大型', '外国', '境外', '境内', '国内', '有关', '全资', '社会', '养老', '医疗', '失业', '工伤', '生育', '人身',
  '财产', '责任', '意外', '健康', '存款', '农业', '商业性', '企业', '利益', '犯罪', '恐怖', '产业', '一人', '独资', '上市', '新设', '分立',
  '其他', '该', '本', '各', '外商', '证券', '保险', '银行', '集团', '控股', '有限', '股份', '公司', '金融', '网络', '互联网', '传统',
  '大', '小', '中小', '国际', '跨国', '海外', '系统', '分', '子', '母', '分支', '发卡', '开户', '存管', '托管', '代理', '承销', '收单',
  '开户银行', '中外合资', '外商独资', '合资', '农商', '开发性', '国有控股', '国有资本', '国有商业', '大型商业', '股份制商业', '中小', '付款', '收款', '出票', '承兑', '贷款', '清算', '结算', '商', '网上', '手机', '数字', '基本', '补充', '再', '原', '相关',
  '相对', '绝对', '参股', '实际', '间接', '直接', '共同', '多', '少数', '一', '两', '三', '家', '某', '我', '你', '他', '本地', '当地',
]);
/** central banks and development institutions: ORG, not COMPANY */
const ORG_BANKS = new Set([
  '中国人民银行', '人民银行', '世界银行', '亚洲开发银行', '亚洲基础设施投资银行', '新开发银行', '金砖国家新开发银行', '欧洲中央银行',
  '欧洲投资银行', '美国联邦储备银行', '日本银行', '英格兰银行', '国际清算银行', '非洲开发银行', '泛美开发银行', '欧洲复兴开发银行',
  '德意志联邦银行', '中央银行', '国家银行',
]);
const CONTEXT = [
  '董事长', '总裁', '总经理', '股价', '股票', '股份', '市值', '营收', '营业收入', '净利润', '利润', '财报', '旗下', '发布', '推出', '公司',
  '企业', '集团', '品牌', '产品', '手机', '芯片', '电池', '汽车', '技术', '研发', '投资', '收购', '并购', '上市', '签约', '合作', '订单', '工厂', '基地', '项目', '员工', '创始人', '客户',
];

/** cues right after a company's short form */
const CUE_RE = /公司|集团|旗下|董事长|股价|营收|创始人|总裁|市值/g;
/** how organisations that are not businesses end: never a company short form */
const ORG_END = /(局|部|委|院|会|办|署|厅|所|馆|校|大学|协会|政府|中心|组织|联盟|报|社|台|网|站|队|军|党|处|科|室|团|行|省|市|县|区|镇|村|国)$/;

/** jieba entries that are ordinary words (not organisation / name / abbreviation tags) */
const COMMON = scanJiebaDict((w, f, tag) => !['nt', 'nz', 'nr', 'nrt', 'nrfg', 'j', 'ns', 'x', 'eng'].includes(tag) && f >= 20);

const VERBS = scanJiebaDict((w, f, tag) => (tag === 'v' || tag === 'vn') && f >= 20 && w.length === 2);

/** corpus lines of the news-dev and news-train articles: `part-NNN lines A-B` in their `source` */
function devLines(): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  let text = '';
  for (const split of ['dev', 'train']) {
    try {
      text += readFileSync(join(ROOT, 'eval', 'news', `${split}.jsonl`), 'utf8');
    } catch {
      // (a split not built yet)
    }
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const src: string = JSON.parse(line).source ?? '';
    const m = /corpus (\S+) (part-\d+) lines (\d+)-(\d+)/.exec(src);
    if (!m) continue;
    const key = `${m[1]}/${m[2]}`;
    out.set(key, [...(out.get(key) ?? []), [Number(m[3]), Number(m[4])]]);
  }
  return out;
}

async function* corpusLines(): AsyncGenerator<{ line: string; doc: string }> {
  const skip = devLines();
  for (const source of readdirSync(CORPUS).sort()) {
    let parts: string[];
    try {
      parts = readdirSync(join(CORPUS, source)).filter((f) => /^part-\d+\.txt\.xz$/.test(f)).sort();
    } catch {
      continue;
    }
    for (const part of parts) {
      const key = `${source}/${part.replace('.txt.xz', '')}`;
      const ranges = skip.get(key) ?? [];
      const xz = spawn('xz', ['-dc', join(CORPUS, source, part)]);
      let n = 0;
      for await (const line of createInterface({ input: xz.stdout })) {
        n++;
        if (ranges.some(([a, b]) => n >= a && n <= b)) continue;
        yield { line, doc: `${key}:${Math.floor(n / 200)}` };
      }
    }
  }
}

interface Stat {
  count: number;
  docs: number;
  lastDoc: string;
  cleanLeft: number;
  context: number;
}
const bump = (m: Map<string, Stat>, k: string, doc: string, clean: boolean, ctx = false) => {
  let s = m.get(k);
  if (!s) m.set(k, (s = { count: 0, docs: 0, lastDoc: '', cleanLeft: 0, context: 0 }));
  s.count++;
  if (s.lastDoc !== doc) (s.docs++, (s.lastDoc = doc));
  if (clean) s.cleanLeft++;
  if (ctx) s.context++;
};

const cleanBefore = (line: string, i: number) => i <= 0 || !CJK.test(line[i - 1]) || FUNCTION_CHARS.has(line[i - 1]);
const isPlace = (s: string) => placeForms(s).length > 0;
/** characters that never stand inside a company name here (a left extent reaching into the sentence) */
const INSIDE_STOP = /[的是了在和与及等个年月日从者或向对将把被同为由给让其各该这那我你他她它们]/;
/** `s` splits into ordinary words of two or more characters (`国家能源`, `上市公司`): a phrase, not a name */
function allCommon(s: string): boolean {
  const ok = new Array<boolean>(s.length + 1).fill(false);
  ok[0] = true;
  for (let i = 0; i < s.length; i++) {
    if (!ok[i]) continue;
    for (let j = i + 2; j <= Math.min(s.length, i + 6); j++) if (COMMON.has(s.slice(i, j))) ok[j] = true;
  }
  return ok[s.length];
}
/** international blocs and political groups written with 集团 */
const NOT_COMPANY = /(国集团|欧元集团|利库德集团|金砖|国家集团|政党|集团军|犯罪|贩毒|黑社会|诈骗|团伙|第.+集团|雇佣兵|(养老|医疗|失业|工伤|生育|社会|商业|有价|人寿|财产)(保险|证券|银行)$)/;
/** reviewed by hand: phrases and non-businesses the filters above let through */
const REVIEWED_STOP = new Set([
  '房地产', '新媒体', '前三季度', '东亚', '上市公司', '家主要', '国外资', '可以设副', '国有资产占', '自民党新', '华外资', '家保险', '董事会设',
  '期货保证金存管', '国有资本占', '国有资产经', '外国保险', '美国硅谷', '中国投资', '中国航空', '中国联合', '鼓风机', '蔡衍明', '长客',
  '中国出版', '俄石油', '天恒', '适用于股份有限公司', '而冒用有限责任公司', '以募集方式设立股份有限公司', '以发起设立方式设立股份有限公司',
  '巨灾保险', '地方法人银行', '农村合作银行', '新型多边开发银行', '存入指定银行', '期货保证金存管银行', '美国多家', '美国多家银行',
  '美国多家地区性银行', '玉米完全成本保险', '玉米三大粮食作物完全成本保险', '且传播影响证券', '应当经具有证券', '院外援华集团',
]);
/** verbs, function words and sentence fragments that leak into a left extent (reviewed by hand) */
const BAD_PHRASE = /(应当|会见|支持|成立|引发|根据|处置|加快|完善|不包含|不搞|再加上|一如既往|期全国|一季度|家主要|国务院|经开户|外汇指定|国外资|占控股|上市公司控股|欧洲银行|瑞士银行|加算银行|江青集团|儿童医院集团|中国国家开发银行)/;
/** central banks are government bodies: ORG */
const CENTRAL_BANK = /(中央银行|储备银行|国家银行|央行)$/;
/** characters after a short suffix that continue a longer word (`证券监督`, `保险制度`) */
const CLEAN_AFTER = /^([^\u4e00-\u9fff]|[的与和及、在将等是也已于对向并就还都又董旗股发宣表今近日称副行总党])/;

function stripIndustry(core: string): string {
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of INDUSTRY) {
      if (core.endsWith(w) && core.length - w.length >= 2) {
        core = core.slice(0, -w.length);
        changed = true;
        break;
      }
    }
  }
  return core;
}

function stripPlace(core: string): string | null {
  for (let n = Math.min(6, core.length - 2); n >= 2; n--) {
    if (isPlace(core.slice(0, n))) return core.slice(n);
  }
  return null;
}

async function main() {
  const t0 = Date.now();
  // pass 1: legal-name candidates, and short forms right before a company cue (`比亚迪董事长`, `华为公司`)
  const legal = new Map<string, Stat>();
  const cued = new Map<string, Stat>();
  for await (const { line, doc } of corpusLines()) {
    for (const m of line.matchAll(CUE_RE)) {
      const s = m.index!;
      for (let L = 2; L <= 5 && s - L >= 0; L++) {
        const x = line.slice(s - L, s);
        if (!/^[\u4e00-\u9fff]+$/.test(x) || !cleanBefore(line, s - L)) continue;
        bump(cued, x, doc, true);
      }
    }
    for (const m of line.matchAll(SUFFIX_RE)) {
      const s = m.index!;
      let run = 0;
      while (run < 12 && s - run - 1 >= 0 && CJK.test(line[s - run - 1])) run++;
      const after = line.slice(s + m[0].length, s + m[0].length + 1);
      if ((m[0] === '证券' || m[0] === '保险') && after && !CLEAN_AFTER.test(after)) continue;
      for (let L = 2; L <= run; L++) bump(legal, line.slice(s - L, s) + m[0], doc, cleanBefore(line, s - L));
    }
  }
  const names = new Map<string, { type: string; count: number; kind: string }>();
  const cores = new Set<string>();
  for (const [cand, st] of legal) {
    if (st.count < 3 || st.docs < 2 || st.cleanLeft < 3 || st.cleanLeft / st.count < 0.6) continue;
    if (FUNCTION_CHARS.has(cand[0]) || COMMON.has(cand)) continue;
    const sfx = SUFFIXES.find((x) => cand.endsWith(x))!;
    const core = cand.slice(0, -sfx.length);
    if (GENERIC_CORES.has(core) || GENERIC_CORES.has(stripIndustry(core)) || COMMON.has(core) && core.length <= 2 && !LEGAL.test(sfx)) continue;
    if (INSIDE_STOP.test(core) || NOT_COMPANY.test(cand) || (isPlace(core) && !LEGAL.test(sfx) && sfx !== '银行')) continue;
    if (sfx !== '银行' && allCommon(core)) continue;
    const org = ORG_BANKS.has(cand) || CENTRAL_BANK.test(cand);
    names.set(cand, { type: org ? 'ORG' : 'COMPANY', count: st.count, kind: 'legal' });
    if (org) continue;
    const c0 = stripIndustry(core);
    for (const c of [core, c0, stripPlace(c0)]) if (c && c.length >= 2 && c !== cand) cores.add(c);
  }
  // a kept name with a word of the sentence before it (`支持亚洲…银行`, `会见世界银行`) is the shorter one
  for (const cand of [...names.keys()]) {
    for (let k = 1; k < cand.length - 2; k++) {
      const head = cand.slice(0, k);
      if (names.has(cand.slice(k)) && (k === 1 || COMMON.has(head) || allCommon(head))) {
        names.delete(cand);
        break;
      }
    }
  }
  console.error(`pass 1: ${legal.size} candidates, ${names.size} legal names, ${cores.size} cores (${((Date.now() - t0) / 1000).toFixed(0)} s)`);

  for (const [x, st] of cued) {
    if (st.count < 3 || st.docs < 2 || ORG_END.test(x) || COMMON.has(x) || allCommon(x) || INSIDE_STOP.test(x) || isPlace(x)) continue;
    if (GENERIC_CORES.has(x) || /^[一二三四五六七八九十两几多每某本该]/.test(x) || VERBS.has(x.slice(-2)) || VERBS.has(x.slice(0, 2))) continue;
    if ((x.length >= 3 && isPlace(x.slice(0, -1))) || (x.length >= 4 && isPlace(x.slice(0, -2)))) continue;
    cores.add(x);
  }
  // pass 2: cores standing alone, with company context around them
  for (const c of [...cores]) {
    if (!/^[\u4e00-\u9fff]+$/.test(c) || names.has(c) || GENERIC_CORES.has(c) || COMMON.has(c) || isPlace(c) || INSIDE_STOP.test(c) || allCommon(c) || NOT_COMPANY.test(c)) cores.delete(c);
  }
  const byFirst = new Map<string, number[]>();
  for (const c of cores) byFirst.set(c[0], [...new Set([...(byFirst.get(c[0]) ?? []), c.length])].sort((a, b) => b - a));
  const standalone = new Map<string, Stat>();
  const CONTINUES = /^(股份|有限|集团|控股|公司|银行|证券|保险|科技|技术|新能源|电子|汽车|能源|实业|投资|发展|建设|工程|国际|信息|网络|电气|机械|重工|材料|生物|医药|制药|化工|智能|装备|制造|贸易|物流|置业|地产|房地产|传媒|文化|环保|食品|农业|资源|服务|管理|咨询|软件|通信|电力|产业|工业|商贸)/;
  for await (const { line, doc } of corpusLines()) {
    for (let i = 0; i < line.length; i++) {
      const lens = byFirst.get(line[i]);
      if (!lens) continue;
      for (const L of lens) {
        const c = line.slice(i, i + L);
        if (c.length < L || !cores.has(c)) continue;
        if (CONTINUES.test(line.slice(i + L, i + L + 3))) break;
        const around = line.slice(Math.max(0, i - 12), i) + '\u0000' + line.slice(i + L, i + L + 12);
        bump(standalone, c, doc, cleanBefore(line, i), CONTEXT.some((w) => around.includes(w)));
        i += L - 1;
        break;
      }
    }
  }
  for (const [c, st] of standalone) {
    const two = [...c].length === 2;
    if (st.docs < 2 || st.count < (two ? 5 : 3) || st.cleanLeft / st.count < 0.25) continue;
    if (st.context / st.count < (two ? 0.3 : 0.2)) continue;
    names.set(c, { type: ORG_BANKS.has(c) ? 'ORG' : 'COMPANY', count: st.count, kind: 'core' });
  }
  for (const n of [...names.keys()]) if (REVIEWED_STOP.has(n) || BAD_PHRASE.test(n)) names.delete(n);
  for (const n of ['世界银行', '中国人民银行', '人民银行', '央行']) if (!names.has(n)) names.set(n, { type: 'ORG', count: 0, kind: 'listed' });
  const rows = [...names].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  writeFileSync(OUT, ['# name\ttype\tcount\tkind (scripts/mine-companies.ts)', ...rows.map(([n, v]) => `${n}\t${v.type}\t${v.count}\t${v.kind}`)].join('\n') + '\n');
  console.error(`${rows.length} names → ${OUT} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
