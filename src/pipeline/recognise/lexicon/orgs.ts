/**
 * Organisations, companies and named zones by suffix pattern, plus jieba `nt`.
 *
 * A pattern match is anchored on a suffix (`有限公司`, `集团`, `发改委`, `局`,
 * `中心`, `高新区`…) that ends on a token boundary. The left boundary is found
 * by walking tokens leftwards from the suffix:
 * - stop at a confident person mention (title context), a gap (whitespace), punctuation (`w`) other than a closing
 *   bracket, U+FFFD, function words and particles (POS u*, p, c, d, r, t, f,
 *   q, m, y…), titles, a previous organisation head (`公司`, `工业园`…) and
 *   words in `WALK_STOP` (新设, 成立, 牵头…);
 * - a verb is only crossed between two common nouns (`营商环境协调事务中心`);
 * - a bracketed part of up to 8 chars is crossed whole (`科技(湖南)有限公司`);
 * - stop before the name would exceed the cap (company 25, org 20, zone 14);
 * - the name part must hold at least one "proper" token: a place, name,
 *   unknown word (POS ns, nr*, nt, nz, x, eng; j from 3 chars) or an admin
 *   prefix (市, 省, 县…). None → no mention (`该公司`, `公司决定`, `研发中心`),
 *   except before a legal form (`有限公司`…) with 2+ chars (`小米科技有限责任公司`).
 * - a title glued to the head by jieba (`协会会长`) is cut off.
 * Single-character suffixes (局, 所, 会, 院…) must not be a common word that
 * merely ends with that char (`布局`, `社会`, `大会`, `干部`).
 */
import type { Ctx, LexiconMention, LexiconType } from './context.js';
import { TITLE_SET, TITLES } from '../../lang/zh/lexicon-words.js';

interface Suffix {
  text: string;
  type: LexiconType;
  cap: number;
  score: number;
}

const S = (type: LexiconType, cap: number, score: number, words: string) =>
  words.split(' ').map((text) => ({ text, type, cap, score }));

/** Longest first, so the first hit at a position is the longest. */
const SUFFIXES: Suffix[] = [
  ...S('COMPANY', 25, 0.9, '股份有限公司 有限责任公司 集团有限公司 控股有限公司 有限公司 集团公司 股份公司'),
  ...S('COMPANY', 20, 0.75, '公司 集团 控股 银行 工厂 厂 商行 事务所 酒店'),
  ...S('ORG', 20, 0.8, '人民银行'),
  ...S('ORG', 20, 0.8,
    '人民政府 政府 委员会 管委会 发改委 贸促会 工信局 办公室 研究院 研究所 设计院 科学院 学院 大学 中学 小学 学校 ' +
    '医院 卫生院 法院 检察院 公安局 派出所 协会 学会 商会 联合会 基金会 促进会 工会 党委 电视台 报社 出版社 通讯社 ' +
    '中心 俱乐部'),
  ...S('ORG', 14, 0.65, '局 委 厅 办 所 院 会 社 部 署'),
  ...S('LOCATION', 14, 0.8,
    '高新技术产业开发区 经济技术开发区 经济开发区 高新区 经开区 开发区 自贸区 保税区 工业园区 工业园 产业园 科技园 ' +
    '产业新城 新区 园区'),
].sort((a, b) => b.text.length - a.text.length);

const SUFFIX_LAST = new Set(SUFFIXES.map((s) => s.text.slice(-1)));

/** Words ending in a single-char suffix that are not organisation heads. */
const NOT_HEAD = new Set(
  ('布局 格局 结局 局面 大局 当局 开局 全局 社会 机会 大会 晚会 峰会 年会 例会 宴会 聚会 盛会 博览会 展会 会议 体会 ' +
    '部分 全部 内部 外部 干部 局部 东部 西部 南部 北部 中部 头部 底部 场所 住所 所有 所在 厕所 诊所 影院 庭院 委托 ' +
    '好处 到处 之处 难处 用处 车站 网站 站台 总部 本部 一会 不会 学会 只会 将会 才会 就会 也会 还会 都会 处处 办事 举办 主办 承办 开办 ' +
    '发展 进行 自行 银行业 集团化 公司化 法院判 合作社 社区').split(' '),
);

/** Tokens the left walk never crosses (verbs jieba sometimes tags as nouns…). */
const WALK_STOP = new Set(
  ('曾任 现任 原任 担任 出任 兼任 历任 新设 设立 成立 组建 新建 建设 打造 筹建 落户 入驻 引进 牵头 签约 举行 召开 走进 来到 位于 旗下 包括 其中 以及 还有 ' +
    '该 本 这家 此 各 每 一家 多家 公司 有限公司 股份有限公司 企业 工业园 产业园 园区').split(' '),
);

/** Words for a company that end in a company suffix but end no name (the company they point to is named elsewhere). */
const COMPANY_WORDS = new Set(['母公司', '上市公司', '本公司', '该公司', '贵公司', '我公司', '新公司', '大公司', '小公司', '空壳公司', '皮包公司']);

/** A determiner: an unknown word that holds one (`这是`, `占该`, jieba's glued guesses) is no part of a name. */
const DETERMINER = /[该这那此某]/;

/** Word endings that look like a single-char head but are not (省委常委, 东北部). */
const NOT_HEAD_END = /(常委|评委|编委|[东西南北中]部)$/;

/** Meetings and events: `…会` that are not associations (发布会, 座谈会, 博览会). */
const EVENT_HEAD = /(发布|座谈|研讨|招待|见面|推介|说明|交流|运动|演唱|联欢|音乐|展览|洽谈|博览|展销|交易|订货|恳谈|动员|表彰|总结|部署|推进|调度|现场|工作|常务|全体|宣誓|班子|茶话|早餐|晚|年|例|大|峰|盛|展|聚|宴)会$/;

const STOP_POS = /^(w|u.*|p|c|d|r|t|f|q|m|y|e|o|ad|vd|l|i|z|h|k|mq|rr|rz|tg|dg)$/;
const PROPER_POS = /^(ns|nr.*|nt|nz|x|eng)$/;
/** jieba `j` (abbreviation) is noisy for 2-char words (研发, 深化, 同比): proper only from 3 chars. */
const isProper = (pos: string, w: string) => PROPER_POS.test(pos) || (pos === 'j' && w.length >= 3);
const ADMIN_PREFIX = new Set(['市', '省', '县', '区', '镇', '乡', '村', '国', '州', '全国', '中国', '中央', '国家']);
const NOUNISH = /^(n|vn|ng|nz|an)$/;

/** `blocked[p] = 1` marks chars of confident person mentions, which a name never crosses. */
export function findOrgs(ctx: Ctx, blocked: Uint8Array): LexiconMention[] {
  const { text, tokens } = ctx;
  const out: LexiconMention[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.pos === 'w') continue;
    const word = ctx.word(k);
    // jieba glues a title to the head (协会会长, 公司董事长): also try the end before the title
    const ends = [t.end];
    for (const title of TITLES) if (word.length > title.length && word.endsWith(title)) ends.push(t.end - title.length);
    for (const end of ends) {
      if (!SUFFIX_LAST.has(text[end - 1])) continue;
      for (const suf of SUFFIXES) {
        const ss = end - suf.text.length;
        if (ss < 0 || !text.startsWith(suf.text, ss)) continue;
        if (suf.text.length === 1 && end === t.end && (NOT_HEAD.has(word) || NOT_HEAD_END.test(word))) break;
        if (suf.text === '会' && EVENT_HEAD.test(text.slice(Math.max(0, end - 3), end))) break;
        // (`母公司`, `上市公司`: a word for a company, not the end of a name: `人气玩偶Labubu母公司`)
        if (end === t.end && COMPANY_WORDS.has(word)) break;
        const start = leftBoundary(ctx, ss, suf, blocked);
        if (start >= 0 && start < ss) out.push({ start, end, type: suf.type, score: suf.score });
        break; // only the longest suffix at this end
      }
    }
  }
  // jieba nt tokens (e.g. 国务院, 北京大学, 中国人民银行)
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.pos !== 'nt' || t.end - t.start < 3) continue;
    const w = ctx.word(k);
    if (WALK_STOP.has(w) || w.includes('\uFFFD')) continue;
    // type from the longest known suffix (中国人民银行 → ORG, 华为技术有限公司 → COMPANY)
    const suf = SUFFIXES.find((x) => x.type !== 'LOCATION' && w.endsWith(x.text));
    out.push({ start: t.start, end: t.end, type: suf?.type ?? 'ORG', score: 0.6 });
  }
  return out;
}

interface Piece {
  start: number;
  proper: boolean;
}

/** Start of the name ending in the suffix at `ss`, or -1. */
function leftBoundary(ctx: Ctx, ss: number, suf: Suffix, blocked: Uint8Array): number {
  const { tokens } = ctx;
  const pieces: Piece[] = []; // included name pieces, right to left
  let cur = ss;
  let k = ctx.tokenAt(ss);
  if (k < 0) return -1;
  if (tokens[k].start < ss) {
    // the suffix starts inside a token: its left part belongs to the name
    const t = tokens[k];
    const w = ctx.word(k);
    // a 3+ char dictionary word ending in a one-char head is itself a name (教育部, 公安局)
    const wordHead = suf.text.length === 1 && t.end === ss + 1 && w.length >= 3 && /^(n|nt|nz|j)$/.test(t.pos);
    pieces.push({ start: t.start, proper: wordHead || isProper(t.pos, w) });
    cur = t.start;
  }
  k--;
  let rightPos = pieces.length ? tokens[k + 1].pos : '';
  while (k >= 0) {
    const t = tokens[k];
    if (t.end !== cur) break; // whitespace gap
    const w = ctx.word(k);
    if (w.includes('\uFFFD') || blocked[t.end - 1] || blocked[t.start]) break;
    if (t.pos === 'x' && (!/^[\u3400-\u9fffA-Za-z0-9]+$/.test(w) || DETERMINER.test(w))) break;
    if (/^[)）]$/.test(w)) {
      const open = matchOpen(ctx, k);
      if (open < 0 || ss + suf.text.length - tokens[open].start > suf.cap) break;
      pieces.push({ start: tokens[open].start, proper: false });
      cur = tokens[open].start;
      k = open - 1;
      rightPos = 'w';
      continue;
    }
    if (STOP_POS.test(t.pos) && !ADMIN_PREFIX.has(w)) break;
    if (TITLE_SET.has(w) || WALK_STOP.has(w)) break;
    if (w === '控股' && tokens[k + 1]?.start === t.end) {
      // 控股 (tagged v) inside a company name: …集团控股有限公司
      pieces.push({ start: t.start, proper: false });
      cur = t.start;
      rightPos = 'n';
      k--;
      continue;
    }
    if (t.pos.startsWith('v') && t.pos !== 'vn') {
      const left = tokens[k - 1];
      if (!(NOUNISH.test(rightPos) && left && left.end === t.start && NOUNISH.test(left.pos))) break;
    }
    if (ss + suf.text.length - t.start > suf.cap) break;
    pieces.push({ start: t.start, proper: isProper(t.pos, w) || ADMIN_PREFIX.has(w) });
    cur = t.start;
    rightPos = t.pos;
    k--;
  }
  // the name needs a proper piece; a legal form (…有限公司) is evidence enough for 2+ chars
  if (!pieces.length) return -1;
  const start = pieces[pieces.length - 1].start;
  // (not after `某`: `大连某食品有限公司` names no company)
  if (k >= 0 && tokens[k].end === start && ctx.word(k).startsWith('某')) return -1;
  const legal = suf.type === 'COMPANY' && suf.score >= 0.9 && ss - start >= 2;
  return legal || pieces.some((p) => p.proper) ? start : -1;
}

/** Index of the token holding the bracket opening the one closed at token k (≤ 8 chars inside), or -1. */
function matchOpen(ctx: Ctx, k: number): number {
  const close = ctx.tokens[k];
  for (let j = k - 1; j >= 0 && close.start - ctx.tokens[j].end <= 8; j--) {
    const w = ctx.word(j);
    if (/^[(（]$/.test(w)) return j;
    if (ctx.tokens[j].pos === 'w') return -1;
  }
  return -1;
}
