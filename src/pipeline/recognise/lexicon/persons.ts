/**
 * Person mentions.
 *
 * 1. jieba person tokens (`nr`, `nrt`, `nrfg`), merging jieba's splits:
 *    surname + given name (`李/nr 玉龙/nr` → 李玉龙) and 2+1 splits
 *    (`刘海/nr 宾/nr` → 刘海宾). Kept only when the name starts with a known
 *    surname, is 2–4 chars long, is not in `PERSON_STOP` and does not end in
 *    a place/organisation suffix character.
 *    Single tokens that jieba's dictionary lists as frequent `nr` words are
 *    common words (明白, 阳光, 荣耀) and are dropped.
 * 2. Title contexts: after a title token (`董事长`, `主任`, `记者`, optional
 *    whitespace) a surname + 1–2 given characters is a name. The length is
 *    chosen by (a) the longest candidate that ends on a token boundary and is
 *    followed by a "name follower" (说, 介绍, 告诉, 正在, punctuation, a
 *    title…); else (b) the longest followed by such a word even inside a
 *    token (`刘海|宾说` → 刘海宾); else (c) the longest ending on a token
 *    boundary. A 3-char candidate ending in 说/在/是… is not taken (谢曙说).
 *    A title followed by one unknown/name token without a Chinese surname
 *    is a transliterated name (`美国总统拜登`).
 * 3. Bylines: the names after a credit word and its separator (`记者 杨萨 裴熔熔`, `【编辑:葛成】`).
 * 4. Middle-dot names (`埃隆·马斯克`).
 * 5. Unknown (`x`) 2–3-char tokens starting with one of the 100 commonest
 *    surnames (`张伟和李娜` → 张伟), low score.
 */
import type { Ctx, LexiconMention } from './context.js';
import { isHan, isPersonTag } from './context.js';
import { scanJiebaDict } from '../../lang/zh/jieba-dict.js';
import { COMPOUND_SURNAMES, NAME_FOLLOWERS, PERSON_CUES, PERSON_STOP, SURNAMES, TITLE_SET, TITLES, surnameLength } from '../../lang/zh/lexicon-words.js';

/**
 * The score of a byline's names (`记者 杨萨 裴熔熔`): the model engine adds these where the model found nothing
 * (`combineModelAndLexicon`). A title's names score 0.85 and are not added: after `校长`, `老师` or `专家` the next
 * characters are as often a word (`专家来讲课`, `老师印象中`).
 */
export const SURE_PERSON_SCORE = 0.86;

/** A name never ends with these (they end places and organisations). */
const BAD_LAST = /[区县市省局所会院厂村镇乡路街委办部处园司团行]$/;
/** Characters that do not start a given name (particles, conjunctions). */
const BAD_GIVEN = /[的了是在和与及等说也就都称被把对向从将]/;
/** A 3-char candidate ending in one of these is probably name + verb/particle (谢曙说). */
const BAD_LAST_GIVEN = /[说称在是的等和与及也还就对向为则曾已将都又率笑讲问答]$/;
/** Surname characters that, right after a title, are more likely a word (主任和…). */
const TITLE_SURNAME_BLOCK = /^[和于向都单从]/;

function validName(name: string): boolean {
  const sl = surnameLength(name);
  if (!sl || name.length < sl + 1 || name.length > sl + 2) return false;
  if (PERSON_STOP.has(name) || BAD_LAST.test(name)) return false;
  for (const ch of name) if (!isHan(ch)) return false;
  return !BAD_GIVEN.test(name.slice(sl, sl + 1));
}

export function findPersons(ctx: Ctx): LexiconMention[] {
  const bylines = fromBylines(ctx);
  const titled = [...bylines, ...fromTitles(ctx).filter((m) => !bylines.some((b) => b.start < m.end && m.start < b.end))];
  // title-context names win over overlapping weaker guesses
  const others = [...fromTags(ctx), ...fromUnknown(ctx), ...fromDotted(ctx)].filter((m) => !titled.some((t) => t.start < m.end && m.start < t.end));
  return [...titled, ...others];
}

let commonNr: Set<string> | null = null;
/** Words jieba's dictionary tags `nr` but that are frequent common words (明白, 文明, 阳光, 荣耀…). */
export function commonNrWords(): Set<string> {
  commonNr ??= scanJiebaDict((w, freq, tag) => tag === 'nr' && freq >= 500 && w.length <= 3);
  return commonNr;
}

/** The ~100 most frequent surnames (first part of `SURNAMES`). */
const TOP_SURNAMES = new Set([...SURNAMES].slice(0, 100));

/**
 * Unknown words (jieba `x`: out of its dictionary, found by its HMM) of 2–3
 * Han chars that start with a very common surname (`张伟`, `王芳`).
 */
function fromUnknown(ctx: Ctx): LexiconMention[] {
  const out: LexiconMention[] = [];
  ctx.tokens.forEach((t, i) => {
    if (t.pos !== 'x' || t.end - t.start < 2 || t.end - t.start > 3) return;
    let w = ctx.word(i);
    if (w.length === 3 && BAD_LAST_GIVEN.test(w)) w = w.slice(0, 2); // 谢曙说
    if (TOP_SURNAMES.has(w[0]) && validName(w)) out.push({ start: t.start, end: t.start + w.length, type: 'PERSON', score: 0.55 });
  });
  return out;
}

function fromTags(ctx: Ctx): LexiconMention[] {
  const { tokens } = ctx;
  const out: LexiconMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const w = ctx.word(i);
    const n = tokens[i + 1];
    if (!isPersonTag(t.pos) && !(COMPOUND_SURNAMES.has(w) && n && isPersonTag(n.pos))) continue;
    const nw = n && n.start === t.end ? ctx.word(i + 1) : '';
    // surname alone + given name, or 2-char + 1-char split
    const mergeable = nw && (isPersonTag(n.pos) || n.pos === 'x' || n.pos === 'ng') && isHan(nw[0]);
    const split = COMPOUND_SURNAMES.has(w) ? nw.length <= 2 : (w.length === 1 && nw.length <= 2) || (w.length === 2 && nw.length === 1);
    if (mergeable && split) {
      const name = w + nw;
      if (validName(name)) {
        out.push({ start: t.start, end: n.end, type: 'PERSON', score: 0.75 });
        i++;
        continue;
      }
    }
    if (w.length >= 2 && validName(w) && !commonNrWords().has(w)) out.push({ start: t.start, end: t.end, type: 'PERSON', score: w.length >= 3 ? 0.75 : 0.6 });
  }
  return out;
}

const CUE_SET = new Set(PERSON_CUES);

/** A title or person cue, or a word ending in a title (`日本首相`, `主任科员`). */
function isTitle(word: string): boolean {
  if (TITLE_SET.has(word) || CUE_SET.has(word)) return true;
  return word.length > 2 && TITLES.some((t) => t.length >= 2 && word.endsWith(t));
}

function followerOk(ctx: Ctx, q: number): boolean {
  const { text } = ctx;
  if (q >= text.length) return true;
  if (/[\s\p{P}\p{S}]/u.test(text[q])) return true;
  return NAME_FOLLOWERS.some((f) => text.startsWith(f, q)) || TITLES.some((f) => f.length >= 2 && text.startsWith(f, q));
}

function fromTitles(ctx: Ctx): LexiconMention[] {
  const { text, tokens } = ctx;
  const out: LexiconMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isTitle(ctx.word(i))) continue;
    let p = tokens[i].end;
    while (p < text.length && p - tokens[i].end < 2 && /[ \t\u3000]/.test(text[p])) p++;
    const head = text.slice(p, p + 4);
    if (TITLE_SURNAME_BLOCK.test(head)) continue;
    const sl = surnameLength(head);
    if (!sl) {
      // a transliterated foreign name right after a title (美国总统拜登): one unknown/name token of 2–4 Han chars
      const j = ctx.startAt[p];
      const w = j >= 0 ? ctx.word(j) : '';
      if (j >= 0 && /^(x|nr.*)$/.test(tokens[j].pos) && /^[\u3400-\u9fff]{2,4}$/.test(w) && !PERSON_STOP.has(w) && !DOT.test(text[tokens[j].end] ?? '') && followerOk(ctx, tokens[j].end)) {
        out.push({ start: p, end: tokens[j].end, type: 'PERSON', score: 0.7 });
      }
      continue;
    }
    let lens = [sl + 2, sl + 1].filter(
      (l) => p + l <= text.length && validName(text.slice(p, p + l)) && !(l === sl + 2 && BAD_LAST_GIVEN.test(text.slice(p, p + l))),
    );
    // a candidate that is exactly one ordinary-word token is not a name (负责人信心满满)
    const ordinary = (l: number) => {
      const j = ctx.startAt[p];
      return j >= 0 && tokens[j].end === p + l && !/^(nr.*|x|ng|nz)$/.test(tokens[j].pos);
    };
    lens = lens.filter((l) => !ordinary(l));
    const pick =
      lens.find((l) => ctx.boundary(p + l) && followerOk(ctx, p + l)) ??
      lens.find((l) => followerOk(ctx, p + l)) ??
      lens.find((l) => ctx.boundary(p + l));
    if (pick) out.push({ start: p, end: p + pick, type: 'PERSON', score: 0.85 });
  }
  return out;
}

/**
 * A byline's credit word and its separator: `记者 杨萨 裴熔熔`, `【编辑:葛成】`, `作者:笔龙胆`, `撰文：林子慰`,
 * `信息来源:唐春杰 顾日升 沈兆捷`, `编辑/薛向`, `编辑 | 多啦`. Without a separator the word is running text
 * (`记者从市统计局获悉`).
 */
const BYLINE_CUE = /(?:记者|编辑|责任编辑|责编|作者|撰文|撰稿|摄影|摄像|通讯员|实习生|校对|审校|审核|统筹|策划|监制|主编|信息来源)(?:[ \t\u3000]*[:：/|丨｜][ \t\u3000]*|[ \t\u3000]+)/g;
/** what may stand between two names of one byline */
const BYLINE_GAP = /^(?:[ \t\u3000]+|[ \t\u3000]*[、，,][ \t\u3000]*)/;

/**
 * The names of a byline: after a credit word and its separator, runs of 2–4 Han characters that are each a name
 * by surname and length (`validName`), separated by spaces or an enumeration comma, until the first run that is
 * not a name or is not followed by a space, punctuation or the line's end (`北京8月1日电` stops it).
 */
function fromBylines(ctx: Ctx): LexiconMention[] {
  const { text } = ctx;
  const out: LexiconMention[] = [];
  for (const cue of text.matchAll(BYLINE_CUE)) {
    let p = cue.index + cue[0].length;
    for (;;) {
      let e = p;
      while (e < text.length && e - p < 5 && isHan(text[e])) e++;
      const name = text.slice(p, e);
      if (name.length < 2 || name.length > 4 || !validName(name) || PERSON_STOP.has(name) || commonNrWords().has(name)) break;
      // a name is followed by a space, punctuation or the end, and not by a colon: `作者: 来源:` credits nobody
      if (e < text.length && (!/[\s\p{P}\p{S}]/u.test(text[e]) || /[:：]/.test(text[e]))) break;
      out.push({ start: p, end: e, type: 'PERSON', score: SURE_PERSON_SCORE });
      const gap = BYLINE_GAP.exec(text.slice(e, e + 4));
      if (!gap) break;
      p = e + gap[0].length;
    }
  }
  return out;
}

/** Tags of tokens that can start a transliterated foreign name. */
const FOREIGN_PART = /^(x|nr.*|nz|ns|ng|n|eng)$/;
/** Name separators: middle dot and look-alikes. */
const DOT = /^[·•‧・]$/;

/**
 * Transliterated foreign names written with a middle dot (`埃隆·马斯克`,
 * `迪丽热巴·迪力木拉提`). Before the first dot: name-like Han tokens (not
 * titles), at most 6 chars. After each dot: Han chars up to a name follower
 * (表示, 说, 的…), at most 7.
 */
function fromDotted(ctx: Ctx): LexiconMention[] {
  const { text, tokens } = ctx;
  const out: LexiconMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!DOT.test(ctx.word(i))) continue;
    const dot = tokens[i].start;
    let start = dot;
    for (let j = i - 1; j >= 0 && tokens[j].end === start && dot - tokens[j].start <= 6; j--) {
      const w = ctx.word(j);
      if (!FOREIGN_PART.test(tokens[j].pos) || !/^[\u3400-\u9fff]+$/.test(w) || isTitle(w)) break;
      start = tokens[j].start;
    }
    if (dot - start < 2) continue;
    let end = dot;
    while (DOT.test(text[end] ?? '')) {
      let e = end + 1;
      while (e < text.length && e - end <= 7 && isHan(text[e]) && !(e - end > 2 && NAME_FOLLOWERS.some((f) => text.startsWith(f, e)))) e++;
      if (e - end < 2) break;
      end = e;
    }
    if (end === dot) continue;
    out.push({ start, end, type: 'PERSON', score: 0.7 });
    while (i + 1 < tokens.length && tokens[i + 1].end <= end) i++; // continue after the name
  }
  return out;
}
