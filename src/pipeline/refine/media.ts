/**
 * Media outlets are ORG (ANNOTATION.md: `新华社`, `人民网`, `南方日报`):
 *  (a) a name mention that is a known outlet, or ends in an outlet word
 *      (`…日报`, `…晚报`, `…通讯社`, `…电视台`, `…频道`), is ORG;
 *  (b) outlets are tagged where they are credited: a source line
 *      (`来源：X Y`, each name up to a space), a bracketed credit at a line's
 *      start (`【X网】`, `《X社26日专讯》`), and a dateline (`X网长沙1月5日电`, `…日消息`,
 *      `X日报讯`: the outlet is the shortest head ending in an outlet word);
 *      known outlets are tagged anywhere at token boundaries, and a CCTV
 *      channel (`总台央视财经频道`) is one ORG;
 *  (c) a person, place or company that fills a pair of title marks is a
 *      work's title (`《Braid》`), not a name.
 */
import type { Doc } from '../doc.js';
import { component } from '../component.js';
import { CREDIT_OUTLET_END, KNOWN_OUTLETS, OUTLET_END } from '../lang/zh/media.js';
import { claim, isName, setMentions } from './util.js';

const NAME_RUN = '[\\p{Script=Han}A-Za-z0-9·]';
const SOURCE_LINE = new RegExp(`(?:来源|来自|稿源|出处)\\s*[:：]\\s*((?:${NAME_RUN}{2,16}[ \\t\\u3000]*)+)`, 'gu');
const BRACKET_CREDIT = new RegExp(`(?:^|\\n)\\s*[【《\\[]((?:${NAME_RUN}){2,12}?)(?:\\d{1,2}日)?(?:专讯|讯|电)?[】》\\]]`, 'gu');
const DATELINE = new RegExp(`(?:^|\\n)\\s*((?:${NAME_RUN}){2,20}?)(?:\\d{1,2}月)?\\d{1,2}日(?:电|讯|专讯|消息)|(?:^|\\n)\\s*(\\p{Script=Han}{2,10}?)(?<![资通简喜短视音])讯`, 'gu');
const CHANNEL = /(?:中央广播电视总台|总台)?(?:央视|CCTV-?\d*)[\p{Script=Han}]{0,4}频道/gu;
const OUTLET_HEAD = /^.*?(网|日报|晚报|早报|晨报|商报|时报|报|通讯社|新闻社|社|电视台|台|在线)(?:网(?![友民站页络店购点格]))?/u;

/** a document's title, not an outlet's, though it ends in 报 (`《公报》`, `《统计公报》`, `《年报》`) */
const DOCUMENT_END = /(?:公报|通报|简报|年报|季报|月报|快报|预报|汇报|喜报|海报|战报|情报)$/;

/** a credit's role or a date's label written right after an outlet in a source line */
const CREDIT_ROLE_TAIL = /(?:责任编辑|编辑|作者|记者摄|记者|通讯员|摄影|摄|时间)$/;

/** the outlet speaking of itself (`本报讯`, `本台记者`): no name */
const SELF = /^(本|我|该|记者|通讯员)/;

const KNOWN = new Set(KNOWN_OUTLETS);
const byFirst = new Map<string, string[]>();
for (const n of KNOWN) byFirst.set(n[0], [...(byFirst.get(n[0]) ?? []), n].sort((a, b) => b.length - a.length));

export function tagMedia(doc: Doc): void {
  const text = doc.norm.text;
  // (a) retype
  for (const m of doc.mentions) {
    if (!isName(m) || m.type === 'PERSON') continue;
    const s = text.slice(m.start, m.end);
    if (KNOWN.has(s) || (OUTLET_END.test(s) && s.length > 3)) m.type = 'ORG';
  }
  // a name that fills a pair of title marks is a publication's (ORG, as above) or a work's title, which the contract
  // has no type for: a person's, place's or company's reading of it is a game's, film's or law's title (`《Braid》`,
  // `《哪吒》`); the modern-news set's gold has only outlets there
  setMentions(doc, doc.mentions.filter((m) => !(isName(m) && m.type !== 'ORG' && text[m.start - 1] === '《' && text[m.end] === '》')));
  // an outlet's app is the outlet (`北京日报客户端`, `中安新闻客户端`), where nothing else is tagged on it
  for (const m of doc.mentions) {
    if (m.type !== 'ORG' || !/^(?:新闻)?客户端/.test(text.slice(m.end, m.end + 5))) continue;
    const s = text.slice(m.start, m.end);
    const end = m.end + (text.startsWith('新闻', m.end) ? 5 : 3);
    if ((KNOWN.has(s) || OUTLET_END.test(s) || /新闻$/.test(s)) && !doc.mentions.some((o) => o !== m && o.start < end && o.end > m.end)) m.end = end;
  }
  const tag = (start: number, name: string) => {
    if (name.length >= 2 && !SELF.test(name) && doc.inContent(start)) claim(doc, start, start + name.length, 'ORG', 'refine-media');
  };
  // (b) credits
  for (const m of text.matchAll(SOURCE_LINE)) {
    let at = m.index! + m[0].length - m[1].length;
    for (const part of m[1].split(/([ \t\u3000]+)/)) {
      // (a document cited as the source is no outlet: `来源：券商半年报`, `来源：统计公报`)
      const isOutlet = (p: string) => KNOWN.has(p) || ((CREDIT_OUTLET_END.test(p) || /[网报社台]/.test(p)) && !DOCUMENT_END.test(p));
      // outlets joined by a middle dot or a dash (`新甘肃·甘肃日报`): each is an outlet, where the last reads as one
      // (not `新民晚报社区版·长三角`, an edition)
      const pieces = part.split(/([·・\-－—])/);
      if (pieces.length > 1 && isOutlet(pieces[pieces.length - 1])) {
        const partEnd = at + part.length;
        setMentions(doc, doc.mentions.filter((m) => !(isName(m) && m.start < partEnd && at < m.end && m.start >= at - 1 && m.end <= partEnd)));
        let k = at;
        for (const p of pieces) {
          if (!/^[·・\-－—]$/.test(p)) tag(k, p);
          k += p.length;
        }
      } else if (part.trim()) {
        // a credit's role or a date's label glued after the outlet (`…国际在线编辑`, `时代周报记者摄`, `…保险报时间`)
        const name = part.replace(CREDIT_ROLE_TAIL, '');
        if (name.length >= 2 && isOutlet(name)) tag(at, name);
      }
      at += part.length;
    }
  }
  for (const m of text.matchAll(BRACKET_CREDIT)) {
    const name = m[1];
    if (DOCUMENT_END.test(name) && !KNOWN.has(name)) continue; // `《公报》显示`: a document cited by its title
    if (CREDIT_OUTLET_END.test(name) || KNOWN.has(name)) tag(m.index! + m[0].indexOf(name, m[0].search(/[【《[]/)), name);
  }
  for (const m of text.matchAll(DATELINE)) {
    // `据新华社北京…电`: the outlet may follow 据; a longer head is a sentence, not a dateline
    const lead = /^据/.test(m[1] ?? m[2]) ? 1 : 0;
    const head = (m[1] ?? m[2]).slice(lead);
    const known = [...KNOWN].filter((k) => head.startsWith(k)).sort((a, b) => b.length - a.length)[0];
    // (a known outlet's site is the outlet's too: `扬子晚报网`)
    const name = known ? known + (/^网(?![友民站页络店购点格])/.test(head.slice(known.length)) ? '网' : '') : OUTLET_HEAD.exec(head.slice(0, 10))?.[0];
    if (name) tag(m.index! + m[0].indexOf(m[1] ?? m[2]) + lead, name);
  }
  for (const m of text.matchAll(CHANNEL)) tag(m.index!, m[0]);
  // known outlets anywhere, at token boundaries, where nothing is tagged but a place inside the outlet's name
  // (`中国` of `券商中国`, `湖南` of `湖南日报`: a place inside an ORG's name is not tagged apart)
  const placeInside = (o: { start: number; end: number; type: string }, start: number, end: number) =>
    o.type === 'LOCATION' && o.start >= start && o.end <= end && o.end - o.start < end - start;
  const starts = new Set(doc.tokens.map((t) => t.start));
  const ends = new Set(doc.tokens.map((t) => t.end));
  for (let i = 0; i < text.length; i++) {
    for (const name of byFirst.get(text[i]) ?? []) {
      if (!text.startsWith(name, i)) continue;
      const end = i + name.length;
      if (doc.tokens.length && (!starts.has(i) || !ends.has(end))) continue;
      if (doc.mentions.some((o) => o.start < end && i < o.end && !placeInside(o, i, end))) break;
      tag(i, name);
      i = end - 1;
      break;
    }
  }
}

export const mediaComponent = component('refine-media', ['mentions', 'tokens'], ['mentions'], tagMedia);
