/**
 * Article in, linked entities out, on one pipeline: applies the text policy
 * (NUL and lone surrogates → U+FFFD, one code unit for one, reported in the
 * response), turns the request into a pipeline input (HTML → text,
 * publication date), runs the pipeline under the article's budget and maps
 * every annotation back to the text the caller sees. The Extractor
 * implementations (in-process, worker pool) both call it.
 */
import type { Pipeline } from '../pipeline/pipeline.js';
import { htmlToText } from '../pipeline/normalise/html.js';
import type { ArticleInput, ExtractResponse } from '../contract/schemas.js';
import { VERSION } from '../version.js';
import { Budget, charged, checkDeadline, withBudget } from '../pipeline/budget.js';
import type { Doc } from '../pipeline/doc.js';
import type { NameEngine } from '../pipeline/recognise/engines/name-engine.js';
import { applyTextPolicy, type TextPolicyReport } from '../contract/text.js';

export interface ExtractOptions {
  /** engine id; default: the pipeline's first engine */
  engine?: string;
  boilerplate?: boolean;
  tokens?: boolean;
  /** the region the caller states (else inferred from the text) */
  region?: Doc['options']['region'];
  /**
   * The article's processing-time budget: checked between pipeline components and model chunks, the extraction
   * throws `DeadlineExceeded` once the article's own time is used up (src/pipeline/budget.ts). None: no deadline.
   */
  budget?: Budget;
}

export function extractArticle(pipeline: Pipeline, input: ArticleInput, opts: ExtractOptions = {}): Promise<ExtractResponse> {
  const { value, report } = applyTextPolicy(input);
  return withBudget(opts.budget, () => extract(pipeline, value, opts, report));
}

async function extract(pipeline: Pipeline, input: ArticleInput, opts: ExtractOptions, policy: TextPolicyReport | null): Promise<ExtractResponse> {
  const t0 = performance.now();
  let text = input.text ?? '';
  let title = input.title ?? null;
  let published: string | null = input.published ? input.published.slice(0, 10) : null;
  let publishedSource: 'request' | 'html' | null = published ? 'request' : null;
  if (input.html !== undefined) {
    const html = input.html;
    const page = charged(() => htmlToText(html));
    text = page.text;
    title = title ?? page.title;
    if (!published && page.published) {
      published = page.published.slice(0, 10);
      publishedSource = 'html';
    }
  }
  const engineName = opts.engine ?? [...pipeline.engines.keys()][0];
  const engine = pipeline.engines.get(engineName);
  if (!engine) throw new Error(`unknown engine "${engineName}"`);
  const doc = await pipeline.run(
    { text, title, published, publishedSource },
    { engine: engineName, boilerplate: opts.boilerplate ?? false, tokens: opts.tokens ?? false, region: opts.region ?? input.region ?? null },
  );
  checkDeadline();
  return charged(() => respond(input, opts, doc, engine, policy, t0));
}

function respond(input: ArticleInput, opts: ExtractOptions, doc: Doc, engine: NameEngine, policy: TextPolicyReport | null, t0: number): ExtractResponse {
  const orig = (s: { start: number; end: number }) => doc.toOriginal(s);
  const paragraphs = doc.paragraphs.map((p) => {
    const o = orig(p);
    return { index: p.index, start: o.start, end: o.end, text: doc.text.slice(o.start, o.end), boilerplate: p.boilerplate };
  });
  const mentions = doc.mentions.map((m) => {
    const o = orig(m);
    const link = m.link!;
    return {
      id: link.id,
      entity: link.entity,
      type: m.type,
      text: doc.text.slice(o.start, o.end),
      start: o.start,
      end: o.end,
      paragraph: link.paragraph,
      score: Math.round(m.score * 1000) / 1000,
      ...(m.value ? { value: m.value } : {}),
    };
  });
  const result: ExtractResponse = {
    ...(input.id !== undefined ? { id: input.id } : {}),
    ...(input.url !== undefined ? { url: input.url } : {}),
    title: doc.title,
    text: doc.text,
    script: doc.script,
    published: doc.published ? { date: doc.published, source: doc.publishedSource ?? 'request' } : null,
    region: { code: doc.region.region, source: doc.region.source, reason: doc.region.reason },
    ...(policy ? { text_policy: policy } : {}),
    paragraphs,
    mentions,
    entities: doc.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      name_simplified: e.name_simplified,
      aliases: e.aliases,
      mentions: e.mentions,
      paragraphs: e.paragraphs,
      ...(e.value ? { value: e.value } : {}),
      ...(e.role ? { role: e.role } : {}),
      ...(e.place ? { place: e.place } : {}),
      salience: e.salience,
      confidence: e.confidence,
    })),
    meta: { engine: engine.name, model: engine.model, version: VERSION, timings_ms: doc.timings },
  };
  if (opts.tokens) {
    result.tokens = doc.tokens.map((t) => {
      const o = orig(t);
      return { text: doc.text.slice(o.start, o.end), start: o.start, end: o.end, pos: t.pos };
    });
  }
  doc.timings.total = Math.round((performance.now() - t0) * 1000) / 1000;
  return result;
}
