/**
 * The pipeline: an ordered list of small steps over one Doc.
 *   normalise → published date → structure → segment → recognise → resolve → user dictionary → link
 */
import { Doc, type PublishedSource } from './doc.js';
import { normalise } from './normalise/index.js';
import { paragraphs } from './structure/paragraphs.js';
import { boilerplate } from './structure/boilerplate.js';
import { sentences } from './structure/sentences.js';
import { segmentStep } from './segment/step.js';
import { recogniseNames, recogniseAmounts, recogniseDates } from './recognise/steps.js';
import { resolveOverlaps } from './recognise/resolve.js';
import { findDateline } from './recognise/dates/index.js';
import type { NameEngine } from './recognise/engine.js';
import { linkEntities, type Entity } from './link/entities.js';
import { addShortForms } from './link/short-forms.js';
import { applyUserDictionary } from '../feedback/dictionary.js';
import { stepDuration } from '../observability/metrics.js';
import { charged, checkDeadline } from './budget.js';

export interface PipelineInput {
  text: string;
  title?: string | null;
  /** ISO date (YYYY-MM-DD) and where it came from */
  published?: string | null;
  publishedSource?: PublishedSource | null;
}

export interface PipelineOptions {
  engine: NameEngine;
  /** extract entities from boilerplate paragraphs too */
  boilerplate?: boolean;
  /** keep jieba tokens (they are always computed: the lexicon engine uses them) */
  tokens?: boolean;
}

export interface PipelineResult {
  doc: Doc;
  entities: Entity[];
}

type Step = { name: string; run: (doc: Doc) => void | Promise<void> };

function timed(doc: Doc, name: string, ms: number) {
  doc.timings[name] = Math.round((doc.timings[name] ?? 0) + ms * 1000) / 1000;
}

export async function runPipeline(input: PipelineInput, opts: PipelineOptions): Promise<PipelineResult> {
  const doc = new Doc(input.text, { title: input.title ?? null });
  if (input.published) {
    doc.published = input.published;
    doc.publishedSource = input.publishedSource ?? 'request';
  }
  const includeBoilerplate = opts.boilerplate ?? false;
  const steps: Step[] = [
    { name: 'normalise', run: normalise },
    { name: 'dateline', run: datelineStep },
    { name: 'structure', run: (d) => (paragraphs(d), boilerplate(d), sentences(d)) },
    { name: 'segment', run: segmentStep },
    { name: 'names', run: (d) => recogniseNames(d, opts.engine, includeBoilerplate) },
    { name: 'amounts', run: (d) => recogniseAmounts(d, includeBoilerplate) },
    { name: 'dates', run: (d) => recogniseDates(d, includeBoilerplate) },
    { name: 'resolve', run: resolveOverlaps },
    // editors' user dictionary and deny list (src/feedback)
    { name: 'dictionary', run: (d) => applyUserDictionary(d, includeBoilerplate) },
    { name: 'short-forms', run: addShortForms },
  ];
  for (const step of steps) {
    // an extraction with a deadline stops between steps once its own time is used up (src/pipeline/budget.ts)
    checkDeadline();
    const t0 = performance.now();
    const pending = charged(() => step.run(doc));
    if (pending) await pending;
    const ms = performance.now() - t0;
    timed(doc, step.name, ms);
    stepDuration.observe({ step: step.name, engine: opts.engine.name }, ms / 1000);
  }
  checkDeadline();
  const t0 = performance.now();
  const entities = charged(() => linkEntities(doc));
  timed(doc, 'link', performance.now() - t0);
  return { doc, entities };
}

/** Without a published date from the request or HTML, look for a dateline near the top. */
function datelineStep(doc: Doc): void {
  if (doc.published) return;
  const found = findDateline(doc.norm.text.slice(0, 400));
  if (found) {
    doc.published = found.date;
    doc.publishedSource = 'dateline';
  }
}
