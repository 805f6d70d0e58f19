/**
 * Short forms that the recognisers miss but the article uses once it has
 * named something in full:
 *  - a company's leading part (`淳华氢能` after
 *    `淳华氢能源科技(湖南)有限公司`), found at token boundaries; a place or
 *    person strictly inside it gives way (`宁德` in `宁德时代` once the article
 *    has named `宁德时代新能源科技股份有限公司`); an organisation's leading part is
 *    none (`大连市市场` of `大连市市场监管局`, `中国汽车` of `中国汽车工业协会`,
 *    `摩擦学` of `摩擦学国家重点实验室`: on the news set's dev split they found
 *    nothing and made eight spurious mentions);
 * A surname plus title (`谢董事长`) is not added: the contract tags the name only, never the title, and a surname
 * alone is no name (the evaluation set tags neither).
 * They are added as mentions of the same type (source `short-form`); the
 * alias step then links them to the full form.
 */
import type { Doc, NormMention } from '../doc.js';
import { Occupancy } from '../recognise/resolve.js';
import { LEADER_TITLE_END, TITLE_SET } from '../lang/zh/lexicon-words.js';
import { lookupPlace } from '../lang/zh/gazetteer.js';
import { isGenericName } from '../refine/generic.js';
import { mentionOwners } from '../refine/util.js';

const MAX_NAME = 40;
/** How the name of a division ends (towns and villages the gazetteer does not list; not `超市`). */
const PLACE_END = /(?:省|(?<!超)市|县|区|镇|乡|村|旗|街道)$/;
const LEGAL_SUFFIX = /(股份有限公司|有限责任公司|有限公司|集团有限公司|集团公司|集团|公司|股份)$/;

/** The distinctive core of an organisation name: without parenthesised parts and legal suffixes. */
export function nameCore(name: string): string {
  let core = name.replace(/[(（][^)）]*[)）]/g, '');
  for (let i = 0; i < 3 && LEGAL_SUFFIX.test(core); i++) core = core.replace(LEGAL_SUFFIX, '');
  return core;
}

export function addShortForms(doc: Doc): void {
  const text = doc.norm.text;
  const taken = new Occupancy(text.length, [...doc.mentions, ...doc.garbled]);
  const tokenStarts = new Set(doc.tokens.map((t) => t.start));
  const tokenEnds = new Set(doc.tokens.map((t) => t.end));
  const added: NormMention[] = [];
  const add = (m: NormMention) => {
    if (!doc.inContent(m.start) || !taken.tryTake(m)) return false;
    added.push(m);
    return true;
  };
  const owner = mentionOwners(doc);
  const replaced = new Set<NormMention>();
  /** Places and people strictly inside [start, end) and nothing else there: they give way to a short form. */
  const giveWay = (start: number, end: number): NormMention[] | null => {
    const inside = new Set<NormMention>();
    for (let k = start; k < end; k++) {
      const o = owner[k];
      if (!o || replaced.has(o)) continue;
      if ((o.type !== 'LOCATION' && o.type !== 'PERSON') || o.start < start || o.end > end || o.end - o.start >= end - start) return null;
      inside.add(o);
    }
    return [...inside];
  };

  // 1. leading parts of long company names
  const companyNames = new Map<string, NormMention>();
  for (const m of doc.mentions) {
    if (m.type !== 'COMPANY') continue;
    const name = text.slice(m.start, m.end);
    // (a name is at most a few dozen characters; longer spans are no names to abbreviate, and would cost O(n²) here)
    if (name.length >= 6 && name.length <= MAX_NAME && !companyNames.has(name)) companyNames.set(name, m);
  }
  for (const [name, m] of companyNames) {
    const core = nameCore(name);
    for (let len = core.length - 1; len >= 3; len--) {
      const prefix = core.slice(0, len);
      if (/[\p{P}\p{S}\s]$/u.test(prefix)) continue; // a short form never ends in a dash or a bracket (`中国—` of `中国—东盟中心`)
      if (lookupPlace(prefix).length || PLACE_END.test(prefix)) break; // a place name alone is not the company (`三乡镇` of `三乡镇叁肆铅笔制造有限公司`)
      if (LEADER_TITLE_END.test(prefix) || TITLE_SET.has(prefix)) continue; // nor its leader (`英国首相` of `英国首相办公室`, `行政长官` of `行政长官办公室`)
      if (isGenericName(prefix, m.type)) break; // nor an event or a bare word, nor any part of one
      let found = false;
      for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
        const end = at + len;
        if (!tokenStarts.has(at) || !tokenEnds.has(end)) continue;
        const inside = giveWay(at, end);
        if (!inside) continue;
        for (const o of inside) taken.release(o);
        if (add({ start: at, end, type: m.type, score: m.score * 0.9, source: 'short-form' })) {
          for (const o of inside) replaced.add(o);
          found = true;
        } else for (const o of inside) taken.tryTake(o);
      }
      if (found) break;
    }
  }

  if (added.length) doc.mentions = [...doc.mentions.filter((m) => !replaced.has(m)), ...added].sort((a, b) => a.start - b.start);
}
