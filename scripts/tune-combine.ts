/**
 * Measures how the model and the lexicon are best combined (the `model`
 * engine's rules), on the DEV sets only (MSRA dev carve, PKU dev carve,
 * CLUENER dev carve). Prints micro-F1 per policy; the chosen policy is the one
 * `combineModelAndLexicon` implements.
 *
 *   npx tsx scripts/tune-combine.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../src/paths.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { combineModelAndLexicon } from '../src/pipeline/recognise/engines/combine.js';
import { lexiconMentions } from '../src/pipeline/recognise/engines/lexicon.js';
import { loadNerModel } from '../src/pipeline/recognise/model/index.js';
import type { NameEngine } from '../src/pipeline/recognise/engines/name-engine.js';
import type { NormMention } from '../src/pipeline/doc.js';
import { DATASETS, type Gold } from './eval-datasets.js';

const DATA = join(ROOT, '..', 'shared', 'data', 'ner');
if (!existsSync(DATA)) {
  console.log(`SKIP: ${DATA} is missing`);
  process.exit(0);
}

type Policy = (model: NormMention[], lexicon: NormMention[]) => NormMention[];
const overlaps = (a: NormMention, b: NormMention) => a.start < b.end && b.start < a.end;
const fill = (types: string[], minScore = 0) => (model: NormMention[], lexicon: NormMention[]) => {
  const out = combineLegacy(model, lexicon);
  for (const l of lexicon) if (types.includes(l.type) && l.score >= minScore && !out.some((m) => overlaps(m, l))) out.push(l);
  return out;
};
let currentText = '';
/** The chosen rule with another confidence threshold (the shipped one is MIN_MODEL_SCORE). */
const combineWith = (m: NormMention[], l: NormMention[], minScore: number) => combineModelAndLexicon(m, l, currentText, minScore);
/** The first rule: any lexicon COMPANY that contains model spans replaces them. */
function combineLegacy(model: NormMention[], lexicon: NormMention[]): NormMention[] {
  const out = [...model];
  for (const l of lexicon) {
    const hit = out.filter((m) => overlaps(m, l));
    if (hit.length === 0 || l.type !== 'COMPANY') continue;
    if (hit.every((m) => m.start >= l.start && m.end <= l.end && m.type !== 'PERSON')) {
      for (const m of hit) out.splice(out.indexOf(m), 1);
      out.push(l);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
const POLICIES: Record<string, Policy> = {
  'model only': (m) => m,
  'model + lexicon legal company names (containment)': (m, l) => combineLegacy(m, l),
  '… + lexicon LOCATION where the model has nothing': fill(['LOCATION']),
  '… + lexicon PERSON where the model has nothing': fill(['PERSON']),
  '… + lexicon ORG/COMPANY where the model has nothing': fill(['ORG', 'COMPANY']),
  '… + any lexicon mention (score ≥ 0.8) where the model has nothing': fill(['PERSON', 'LOCATION', 'ORG', 'COMPANY'], 0.8),
  'model spans with score ≥ 0.5, + legal company names': (m, l) => combineLegacy(m.filter((x) => x.score >= 0.5), l),
  'model spans with score ≥ 0.6, + parenthesised legal names only': (m, l) => combineWith(m, l, 0.6),
  'model spans with score ≥ 0.7, + parenthesised legal names only': (m, l) => combineWith(m, l, 0.7),
  'model spans with score ≥ 0.8, + parenthesised legal names only': (m, l) => combineWith(m, l, 0.8),
  'model only, + parenthesised legal names only': (m, l) => combineWith(m, l, 0),
  'model spans with score ≥ 0.7, + legal company names': (m, l) => combineLegacy(m.filter((x) => x.score >= 0.7), l),
};

const model = await loadNerModel();
for (const ds of DATASETS.filter((d) => d.dev || d.name === 'cluener-dev')) {
  const records = readFileSync(join(DATA, ds.file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Gold);
  const sentences = ds.select(records);
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  let captured: { model: NormMention[]; lexicon: NormMention[] } | null = null;
  // a name engine that only records what the model and the lexicon see
  const capture: NameEngine = {
      name: 'capture',
      model: 'capture',
      async recognise(doc, sents) {
        const predicted = await model.predict(sents.map((x) => doc.norm.text.slice(x.start, x.end)));
        const fromModel = predicted.flatMap((spans, i) =>
          spans.map((sp) => ({ start: sp.start + sents[i].start, end: sp.end + sents[i].start, type: sp.type, score: sp.score, source: 'model' })),
        );
        captured = { model: fromModel, lexicon: lexiconMentions(doc, sents) };
        return [];
      },
    };
  const pipeline = createPipeline({ engines: new Map([['capture', capture]]) });
  for (const s of sentences) {
    captured = null;
    const doc = await pipeline.run({ text: s.text }, { engine: 'capture', boilerplate: true });
    currentText = doc.norm.text;
    const gold = new Set(s.entities.map((e) => `${e.start}:${e.end}:${e.type}`));
    for (const [name, policy] of Object.entries(POLICIES)) {
      const c = counts.get(name) ?? { tp: 0, fp: 0, fn: 0 };
      counts.set(name, c);
      // norm offsets equal original offsets for these simplified corpora except where width folding changed nothing in length
      const pred = new Set(
        policy(captured!.model, captured!.lexicon)
          .map((m) => [m, ds.mapPredicted(m.type)] as const)
          .filter(([, t]) => t)
          .map(([m, t]) => `${m.start}:${m.end}:${t}`),
      );
      for (const g of gold) pred.has(g) ? c.tp++ : c.fn++;
      for (const p of pred) if (!gold.has(p)) c.fp++;
    }
  }
  console.log(`\n${ds.name} (${sentences.length} sentences) — micro F1`);
  for (const [name, c] of counts) {
    const p = c.tp / (c.tp + c.fp || 1);
    const r = c.tp / (c.tp + c.fn || 1);
    console.log(`  ${((2 * p * r) / (p + r || 1) * 100).toFixed(2).padStart(6)}  ${name}`);
  }
}
