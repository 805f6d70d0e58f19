/**
 * Article in, linked entities out: the application service behind
 * `/v1/extract` (and later the store and the CLI). Turns the request into a
 * pipeline input (HTML → text, publication date), runs the pipeline and maps
 * every annotation back to the text the caller sees.
 */
import { runPipeline } from '../pipeline/run.js';
import { htmlToText } from '../pipeline/normalise/html.js';
import type { NameEngine } from '../pipeline/recognise/engine.js';
import type { ArticleInput, ExtractResponse } from '../server/schemas.js';
import { VERSION } from '../version.js';
import { Budget, charged, checkDeadline, withBudget } from '../pipeline/budget.js';
import type { Doc } from '../pipeline/doc.js';
import { cleanDeep } from '../contract/text.js';
import type { Entity } from '../pipeline/link/entities.js';

export interface ExtractOptions {
  engine: NameEngine;
  boilerplate?: boolean;
  tokens?: boolean;
  /**
   * The article's processing-time budget: checked between pipeline steps and model chunks, the extraction
   * throws `DeadlineExceeded` once the article's own time is used up (src/pipeline/budget.ts). None: no deadline.
   */
  budget?: Budget;
}

export function extractArticle(input: ArticleInput, opts: ExtractOptions): Promise<ExtractResponse> {
  // the text policy (src/contract/text.ts): NUL and lone surrogates become U+FFFD, one code unit for one, so
  // the text answered and the text stored are the same and every offset holds (the HTTP edge applies it
  // first and reports it; here it is a no-op then)
  return withBudget(opts.budget, () => extract(cleanDeep(input), opts));
}

async function extract(input: ArticleInput, opts: ExtractOptions): Promise<ExtractResponse> {
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
  const { doc, entities } = await runPipeline(
    { text, title, published, publishedSource },
    { engine: opts.engine, boilerplate: opts.boilerplate, tokens: opts.tokens },
  );
  checkDeadline();
  return charged(() => respond(input, opts, doc, entities, t0));
}

function respond(input: ArticleInput, opts: ExtractOptions, doc: Doc, entities: Entity[], t0: number): ExtractResponse {
  const title = doc.title;
  const orig = (s: { start: number; end: number }) => doc.toOriginal(s);
  const paragraphs = doc.paragraphs.map((p) => {
    const o = orig(p);
    return { index: p.index, start: o.start, end: o.end, text: doc.text.slice(o.start, o.end), boilerplate: p.boilerplate };
  });
  const mentions = doc.mentions.map((m) => {
    const o = orig(m);
    const lm = m as typeof m & { id: string; entity: string; paragraph: number };
    return {
      id: lm.id,
      entity: lm.entity,
      type: m.type,
      text: doc.text.slice(o.start, o.end),
      start: o.start,
      end: o.end,
      paragraph: lm.paragraph,
      score: Math.round(m.score * 1000) / 1000,
      ...(m.value ? { value: m.value } : {}),
    };
  });
  const result: ExtractResponse = {
    ...(input.id !== undefined ? { id: input.id } : {}),
    ...(input.url !== undefined ? { url: input.url } : {}),
    title,
    text: doc.text,
    script: doc.script,
    published: doc.published ? { date: doc.published, source: doc.publishedSource ?? 'request' } : null,
    paragraphs,
    mentions,
    entities: entities.map((e) => ({
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
    meta: { engine: opts.engine.name, model: opts.engine.model, version: VERSION, timings_ms: doc.timings },
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
