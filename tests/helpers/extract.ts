/** One extraction with one engine on a pipeline built for it (tests that exercise an engine, not the service). */
import { createPipeline } from '../../src/pipeline/pipeline.js';
import type { NameEngine } from '../../src/pipeline/recognise/engines/name-engine.js';
import { extractArticle, type ExtractOptions } from '../../src/service/extract.js';
import type { ArticleInput } from '../../src/contract/schemas.js';

const pipelines = new WeakMap<NameEngine, ReturnType<typeof createPipeline>>();

export function pipelineFor(engine: NameEngine) {
  let p = pipelines.get(engine);
  if (!p) pipelines.set(engine, (p = createPipeline({ engines: new Map([[engine.name, engine]]) })));
  return p;
}

export function extractWith(engine: NameEngine, input: ArticleInput, opts: Omit<ExtractOptions, 'engine'> = {}) {
  return extractArticle(pipelineFor(engine), input, { ...opts, engine: engine.name });
}
