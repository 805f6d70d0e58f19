/**
 * The pipeline, built once from named components:
 *   normalise → dateline → structure → region → segment → names → amounts → dates → resolve → dictionary → short-forms → link
 * Per-call options (engine, boilerplate, tokens) ride on the Doc; every result
 * (mentions, entities, timings) lives on it.
 */
import { Doc, type DocOptions, type PublishedSource } from './doc.js';
import type { Component } from './component.js';
import { component } from './component.js';
import { normalise } from './normalise/index.js';
import { paragraphs } from './structure/paragraphs.js';
import { boilerplate } from './structure/boilerplate.js';
import { sentences } from './structure/sentences.js';
import { regionStep } from './structure/region.js';
import { segmentStep } from './segment/step.js';
import { namesComponent, recogniseAmounts, recogniseDates } from './recognise/steps.js';
import { resolveOverlaps } from './recognise/resolve.js';
import { findDateline } from './recognise/dates/index.js';
import type { NameEngine } from './recognise/engines/name-engine.js';
import { UserDictionary } from './recognise/user-dictionary.js';
import { linkEntities } from './link/entities.js';
import { addShortForms } from './link/short-forms.js';
import { refineComponents } from './refine/index.js';
import { stepDuration } from '../observability/metrics.js';
import { charged, checkDeadline } from './budget.js';

export interface PipelineInput {
  text: string;
  title?: string | null;
  /** ISO date (YYYY-MM-DD) and where it came from */
  published?: string | null;
  publishedSource?: PublishedSource | null;
}

export interface PipelineConfig {
  /** name engines by id (`lexicon`, `model`, …): the request's `engine` option picks one */
  engines: ReadonlyMap<string, NameEngine>;
  /** the editors' dictionary (default: a new, empty one) */
  dictionary?: UserDictionary;
  /** components left out by name (measurements: `npm run eval -- --without refine-propagate`) */
  without?: readonly string[];
}

export class Pipeline {
  constructor(
    readonly components: readonly Component[],
    readonly engines: ReadonlyMap<string, NameEngine>,
    readonly dictionary: UserDictionary,
  ) {
    const assigned = new Set(['text', 'title', 'published', 'options']);
    for (const c of components) {
      const missing = c.requires.filter((r) => !assigned.has(r));
      if (missing.length) throw new Error(`pipeline component ${c.name} requires ${missing.join(', ')}, which no earlier component assigns`);
      for (const a of c.assigns) assigned.add(a);
    }
  }

  get names(): string[] {
    return this.components.map((c) => c.name);
  }

  async run(input: PipelineInput, options: Partial<DocOptions> = {}): Promise<Doc> {
    const doc = new Doc(input.text, { title: input.title ?? null, options });
    if (input.published) {
      doc.published = input.published;
      doc.publishedSource = input.publishedSource ?? 'request';
    }
    for (const c of this.components) {
      // an extraction with a deadline stops between components once its own time is used up (budget.ts)
      checkDeadline();
      const t0 = performance.now();
      const pending = charged(() => c.run(doc));
      if (pending) await pending;
      const ms = performance.now() - t0;
      doc.timings[c.name] = Math.round((doc.timings[c.name] ?? 0) + ms * 1000) / 1000;
      stepDuration.observe({ step: c.name, engine: doc.options.engine }, ms / 1000);
    }
    return doc;
  }
}

export function createPipeline(config: PipelineConfig): Pipeline {
  const dictionary = config.dictionary ?? new UserDictionary();
  const components = [
    component('normalise', ['text'], ['norm', 'script', 'garbled'], normalise),
    component('dateline', ['norm', 'published'], ['published'], datelineStep),
    component('structure', ['norm'], ['paragraphs', 'sentences'], (d) => (paragraphs(d), boilerplate(d), sentences(d))),
    component('region', ['norm', 'script'], ['region'], regionStep),
    component('segment', ['norm'], ['tokens'], segmentStep),
    namesComponent(config.engines),
    component('amounts', ['paragraphs', 'region'], ['mentions'], recogniseAmounts),
    component('dates', ['paragraphs', 'published', 'region'], ['mentions'], recogniseDates),
    component('resolve', ['mentions'], ['mentions'], resolveOverlaps),
    dictionary,
    ...refineComponents(),
    component('short-forms', ['mentions', 'tokens'], ['mentions'], addShortForms),
    component('link', ['mentions', 'paragraphs'], ['entities'], linkEntities),
  ];
  // a name no component has would measure the whole pipeline under another name (a typo, or a component renamed)
  const names = components.map((c) => c.name);
  const unknown = (config.without ?? []).filter((n) => !names.includes(n));
  if (unknown.length) throw new Error(`without: no pipeline component ${unknown.join(', ')} (they are: ${names.join(', ')})`);
  const without = new Set(config.without);
  return new Pipeline(
    components.filter((c) => !without.has(c.name)),
    config.engines,
    dictionary,
  );
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
