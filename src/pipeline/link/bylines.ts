/**
 * Bylines and credit lines (`华声在线全媒体记者 李永亮 通讯员 龙子怡`,
 * `（记者 张三 摄）`, `本报记者 王五`, `责任编辑：赵六`): the names in them
 * are PERSON mentions (the contract tags them), but the people are the
 * article's staff, not its subject, so `link` gives a person named only
 * there salience 0 (tag suggestions skip them) and the credit as its role.
 */
import type { Doc, NormMention } from '../doc.js';

/** credit words right before a name (after spaces, `：`, `/`) */
const CREDIT_BEFORE = /(责任编辑|实习编辑|编辑|主编|编审|校对|审核|审校|记者|通讯员|实习生|撰文|摄影|摄像|作者|文|图)[\s\u3000]*[：:／/]?[\s\u3000]*$/;
/** single-character credits (`文`, `图`) only with a separator: `文/张三`, `图：李四` */
const SHORT_CREDIT = /(^|[^\u4e00-\u9fff])(文|图)[\s\u3000]*$/;
/** credit words right after a name: `张三 摄`, `李四/摄影`, `王五报道` at the end of a line or bracket */
const CREDIT_AFTER = /^[\s\u3000]*[／/]?[\s\u3000]*(摄影|摄|报道)(?![\u4e00-\u9fff])/;
/** between two names of one credit line */
const BETWEEN = /^[ \t\u3000、，,]*$/;

export interface Credit {
  /** the credit word (`记者`, `责任编辑`, `摄影`) */
  title: string;
}

/** A credit line is short: a paragraph with a credit near its start (after the outlet) and at most this many characters. */
const CREDIT_LINE_MAX = 60;
const CREDIT_LINE_LEAD = 16;

/**
 * Paragraphs (indices) that are credit lines: short, with a credited name
 * near the start (`华声在线记者 李永亮 通讯员 …`); a caption ending in a
 * photo credit (`▲…出席会议。（图／记者 张三 摄）`) is not one.
 */
export function creditParagraphs(doc: Doc, credits: Map<NormMention, Credit>): Set<number> {
  const out = new Set<number>();
  for (const m of credits.keys()) {
    const i = doc.paragraphAt(m.start);
    const p = doc.paragraphs.find((x) => x.index === i);
    if (p && p.end - p.start <= CREDIT_LINE_MAX && m.start - p.start <= CREDIT_LINE_LEAD) out.add(i);
  }
  return out;
}

/** The credit of each PERSON mention that stands in a byline or credit line. */
export function findBylines(doc: Doc): Map<NormMention, Credit> {
  const text = doc.norm.text;
  const out = new Map<NormMention, Credit>();
  const persons = doc.mentions.filter((m) => m.type === 'PERSON').sort((a, b) => a.start - b.start);
  let prev: NormMention | null = null;
  for (const p of persons) {
    const lineStart = text.lastIndexOf('\n', p.start - 1) + 1;
    const before = text.slice(Math.max(lineStart, p.start - 12), p.start);
    const b = CREDIT_BEFORE.exec(before);
    let title: string | null = null;
    if (b && (b[1].length > 1 || SHORT_CREDIT.test(before.replace(/[：:／/\s\u3000]+$/, '') ))) title = b[1];
    if (!title) {
      const a = CREDIT_AFTER.exec(text.slice(p.end, p.end + 6));
      if (a) title = a[1] === '报道' ? '记者' : '摄影';
    }
    // the next name of the same credit line (`记者 张三 李四`)
    if (!title && prev && out.has(prev) && BETWEEN.test(text.slice(prev.end, p.start))) title = out.get(prev)!.title;
    if (title) out.set(p, { title });
    prev = p;
  }
  return out;
}
