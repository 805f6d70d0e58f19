/**
 * Recognition components: names from the engine the Doc's options pick,
 * amounts and dates from the rules. Each works on the Doc's content
 * paragraphs (boilerplate too with `options.boilerplate`) and appends
 * mentions in norm coordinates to `doc.mentions`.
 */
import type { DateValue, Doc, NormMention } from '../doc.js';
import type { Component } from '../component.js';
import type { NameEngine } from './engines/name-engine.js';
import { findAmounts, noteCurrency } from './amounts/index.js';
import { INDEX_CONTEXT } from './amounts/units.js';
import { FISCAL_YEAR_CONTEXT, NEW_YEAR_CONTEXT, TODAY_WORD, findDates, isSingleDay, isSingleQuarter, lastYearWritten, reportingDay, scheduleYear as timetableYear } from './dates/index.js';

/** The `names` component over these engines; `doc.options.engine` picks one per call. */
export function namesComponent(engines: ReadonlyMap<string, NameEngine>): Component {
  return {
    name: 'names',
    requires: ['sentences', 'tokens'],
    assigns: ['mentions'],
    async run(doc) {
      const engine = engines.get(doc.options.engine);
      if (!engine) throw new Error(`unknown engine "${doc.options.engine}"; available: ${[...engines.keys()].join(', ')}`);
      const keep = new Set(doc.contentParagraphs().map((p) => p.index));
      const sentences = doc.sentences.filter((s) => keep.has(s.paragraph));
      // one at a time: spreading hundreds of thousands of mentions into push() overflows the stack;
      // a person's name never holds a digit (`逾7成` is a share, whatever the model says)
      for (const m of await engine.recognise(doc, sentences)) {
        if (m.type === 'PERSON' && /\d/.test(doc.norm.text.slice(m.start, m.end))) continue;
        doc.mentions.push(m);
      }
    },
  };
}

/** Run a rule finder on each content paragraph and shift its offsets into the document. */
function perParagraph(doc: Doc, find: (text: string) => Omit<NormMention, 'source'>[], source: string): void {
  for (const p of doc.contentParagraphs()) {
    const text = doc.norm.text.slice(p.start, p.end);
    for (const m of find(text)) {
      doc.mentions.push({ ...m, start: m.start + p.start, end: m.end + p.start, source });
    }
  }
}

/** Amounts in the document's region (`doc.region`: stated by the caller, else inferred from the text). */
export function recogniseAmounts(doc: Doc): void {
  const region = doc.region.region;
  const market = INDEX_CONTEXT.test(doc.norm.text);
  // a note `（人民币，下同）` sets what a bare 元 is in the whole article (a Hong Kong results story in renminbi,
  // its headline included)
  const local = noteCurrency(doc.norm.text);
  perParagraph(doc, (t) => findAmounts(t, region, { market, local }), 'amounts');
}

/** Dates, relative ones counted from the day the article's dateline names (else published). */
export function recogniseDates(doc: Doc): void {
  const region = doc.region.region;
  const first = doc.contentParagraphs().slice(0, 4);
  const head = first.map((p) => doc.norm.text.slice(p.start, Math.min(p.end, p.start + 120))).join('\n');
  const day = reportingDay(head, doc.published);
  const lunarNewYear = NEW_YEAR_CONTEXT.test(doc.norm.text);
  const fiscalYear = FISCAL_YEAR_CONTEXT.test(doc.norm.text);
  // next year's holiday timetable (published in the autumn): its bare dates are that year's
  const scheduleYear = timetableYear(doc.norm.text, day);
  // `同期` at the start of a paragraph refers to the last date of the paragraphs before it
  let previous: DateValue | undefined;
  // `当日` at the start of a paragraph refers to the last single day the paragraphs before named
  let previousDay: DateValue | undefined;
  // a results story's `本季度` is the last single quarter the paragraphs before named
  let previousQuarter: DateValue | undefined;
  // the last year written out in the paragraphs before (a bare `全年` in a results story is that year's)
  let year: number | undefined;
  const notAfter = day ? Number(day.slice(0, 4)) : null;
  perParagraph(doc, (t) => {
    const found = findDates(t, day, region, { lunarNewYear, fiscalYear, previous, previousDay, previousQuarter, year, scheduleYear });
    for (const m of found) {
      const v = m.value;
      if (m.base || !v.start || !v.end || v.vague || v.start.startsWith('XXXX')) continue;
      previous = v;
      if (isSingleDay(v) && !TODAY_WORD.test(t.slice(m.start, m.end))) previousDay = v;
      if (isSingleQuarter(v)) previousQuarter = v;
    }
    year = lastYearWritten(t, notAfter, region === 'TW') ?? year;
    return found.map(({ base: _, ...m }) => m);
  }, 'dates');
}
