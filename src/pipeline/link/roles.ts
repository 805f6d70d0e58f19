/**
 * Roles: a title or position right before a person (`董事长李玉龙`,
 * `株洲市发改委主任刘海宾`, `记者 李永亮`), and the organisation or company
 * mention right before the title, if any.
 */
import type { Doc, NormMention } from '../doc.js';
import { TITLES } from '../lang/zh/lexicon-words.js';

const BY_LENGTH = [...TITLES].sort((a, b) => b.length - a.length);

export interface RoleFound {
  person: NormMention;
  /** the title, simplified, and where it stands in the normalised text */
  title: string;
  titleStart: number;
  org: NormMention | null;
}

export function findRoles(doc: Doc): RoleFound[] {
  const text = doc.norm.text;
  const out: RoleFound[] = [];
  const ms = doc.mentions;
  for (let i = 0; i < ms.length; i++) {
    const p = ms[i];
    if (p.type !== 'PERSON') continue;
    let end = p.start;
    while (end > 0 && text[end - 1] === ' ') end--;
    const title = BY_LENGTH.find((t) => text.startsWith(t, end - t.length));
    if (!title) continue;
    const prev = i > 0 ? ms[i - 1] : null;
    const gap = prev ? text.slice(prev.end, end - title.length) : null;
    const org = prev && (prev.type === 'ORG' || prev.type === 'COMPANY') && gap !== null && /^的?$/.test(gap) ? prev : null;
    out.push({ person: p, title, titleStart: end - title.length, org });
  }
  return out;
}
