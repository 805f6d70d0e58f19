/**
 * Page furniture that is not article text: "related articles" blocks and the
 * list of unrelated headlines after them, hotline / e-mail / contact lines,
 * copyright lines. Rules work on the normalised (simplified) text.
 */
import type { Doc } from '../doc.js';

/** A short line that opens a block of links. */
const BLOCK_MARKER =
  /^[\s\-—=*#【\[]*(相关(文章|阅读|新闻|报道|链接|推荐|资讯)|你可能(会)?(喜欢|感兴趣)|猜你喜欢|最近更新|最新(文章|更新|资讯)|推荐(阅读|文章|新闻)|延伸阅读|热门(推荐|文章|新闻|阅读)|热点(推荐|新闻)|精彩(推荐|图片)|往期(回顾|推荐)|更多(新闻|阅读|精彩)|今日(推荐|热点)|点击排行|排行榜|相关专题)[\s】\]:：>»]*$/;

/** A related article's link written on the marker's own line (`相关新闻：跟进九龙湾站指示牌还原`): a headline, no sentence. */
const INLINE_RELATED = /^[\s\-—=*#【\[]*(相关(文章|阅读|新闻|报道|链接)|延伸阅读|推荐阅读)\s*[:：】\]]\s*\S/;

/** Contact, hotline and e-mail lines. */
const CONTACT =
  /(热线|电话|邮箱|e-?mail|投稿|报料|爆料|联系方式|联系我们|QQ群?|微信号|传真|客服)[:：\s]*[\d@+(（-]|[\w.+-]+@[\w-]+\.[\w.]+/i;

/** Copyright, licence and source lines (not the original headline, `原标题：…`: the article's own words). An editor's credit (`责任编辑：张三`) is no furniture: the contract tags the
 * name in it (a PERSON that link/bylines.ts keeps out of the tag suggestions). */
const CREDIT =
  /(版权所有|copyright|©|\(c\)\s*\d{4}|未经(本网)?授权|不得转载|禁止转载|转载请注明|免责声明|本文(系|为)转载|ICP备|网安备|举报电话|不良信息举报)/i;

/** A dateline: a line that opens with the page's date stamp (`2025年11月20日 08:00 来源:… 编辑:…`, `©原创 2024-05-23 14:44`);
 * article content by the contract even where it carries a `©` that CREDIT takes for a copyright line. */
const DATELINE = /^(?:©\s*原创\s*)?(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s|$)/;

/** A headline-list item: bullet or number prefix, or a trailing date stamp. */
const LIST_ITEM = /^\s*([-•·*▪●◆◇■□>»]|\d{1,3}[.、)])\s*\S/;
const TRAILING_DATE = /(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/]\d{1,2})(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*$/;
const SENTENCE_END = /[。!！]/;

/** A bullet- or date-marked line short enough to be a link. */
function isListItem(p: string): boolean {
  return p.length <= 120 && (LIST_ITEM.test(p) || TRAILING_DATE.test(p));
}

/**
 * A bulleted line of the page's own metadata (`- 信息来源:唐春杰 顾日升`, `- 发布日期:2024-02-18 15:26`, `• 来源:长江日报`):
 * the article's byline and dateline, which the contract tags, not a link to another article.
 */
const METADATA_ITEM =
  /^\s*[-•·*▪●]\s*(?:信息来源|来源|作者|编辑|责任编辑|责编|发布日期|发布时间|更新时间|日期|时间|浏览次数|点击数|阅读数|访问量|字号|供稿|撰稿|审核|摄影|出处)\s*[:：]/;

/** A list item that reads like a headline, not a sentence of the article. */
function isHeadlineLike(p: string): boolean {
  if (METADATA_ITEM.test(p)) return false;
  const core = p.replace(TRAILING_DATE, '');
  // an item closed by `;` or `。` is a clause of a notice's list (`- 介乎天津街与波尔图街之间的一段菜园路;`), not a headline
  return isListItem(p) && !SENTENCE_END.test(core.slice(0, -1)) && !/[;；。]\s*$/.test(core);
}

/** Decide for each paragraph text whether it is boilerplate. */
export function classifyBoilerplate(paragraphs: readonly string[]): boolean[] {
  const flags = paragraphs.map(() => false);
  let inBlock = false;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i].trim();
    if (p.length <= 20 && BLOCK_MARKER.test(p)) {
      flags[i] = true;
      inBlock = true;
      continue;
    }
    if (inBlock) {
      if (isListItem(p) || p.length <= 20) {
        flags[i] = true;
        continue;
      }
      inBlock = false;
    }
    if (p.length <= 100 && (CONTACT.test(p) || CREDIT.test(p)) && !DATELINE.test(p)) flags[i] = true;
    if (p.length <= 80 && INLINE_RELATED.test(p) && !SENTENCE_END.test(p)) flags[i] = true;
  }
  // A run of three or more headline-like lines is a link list even without a marker — unless the line before
  // introduces it (`前三季度核心业务进展：` and then the figures, one bullet each): the article's own list.
  for (let i = 0; i < paragraphs.length; ) {
    let j = i;
    while (j < paragraphs.length && isHeadlineLike(paragraphs[j].trim())) j++;
    const intro = i > 0 && !flags[i - 1] && /[:：]$/.test(paragraphs[i - 1].trim());
    if (j - i >= 3 && !intro) for (let k = i; k < j; k++) flags[k] = true;
    i = Math.max(j, i + 1);
  }
  return flags;
}

export function boilerplate(doc: Doc): void {
  const texts = doc.paragraphs.map((p) => doc.norm.text.slice(p.start, p.end));
  const flags = classifyBoilerplate(texts);
  doc.paragraphs.forEach((p, i) => (p.boilerplate = flags[i]));
}
