/**
 * The extraction service: article request in, extraction result out. One
 * interface with two implementations — in this thread (tests, the CLI with
 * `--workers 0`) and on the pool of worker threads (server, queue worker, CLI)
 * — so every entry point validates, picks the engine, applies the editors'
 * dictionary and reports failures the same way.
 */
import { ArticleInput, ExtractQuery, type ExtractResponse } from '../contract/schemas.js';
import { ServiceError, validationError } from '../contract/errors.js';
import type { Config } from '../config.js';
import type { NameEngine } from '../pipeline/recognise/engines/name-engine.js';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';
import type { DictEntry } from '../pipeline/recognise/user-dictionary.js';
import { extractArticle } from './extract.js';
import { ExtractionStopped, ExtractPool } from './pool.js';
import { Admission, type Priority } from './admission.js';

export interface ExtractRequest {
  input: ArticleInput;
  engine: string;
  boilerplate: boolean;
  tokens: boolean;
}

export type ExtractLimits = Pick<Config, 'MAX_TEXT_CHARS'> & Partial<Pick<Config, 'MAX_QUEUE'>>;

export interface ExtractCall {
  /** `interactive` (a caller waits for this one article) goes before `bulk` (batch lines, job items) */
  priority?: Priority;
}

export interface Extractor {
  readonly kind: 'in-process' | 'pool';
  /** resolves once the engines are loaded (in every worker) */
  ready(): Promise<void>;
  /** the engines that can run a request */
  readonly engineNames: string[];
  /** the engine used when a request names none: the configured one when loaded, else the lexicon */
  readonly defaultEngine: string;
  /** extractions queued or running */
  readonly pending: number;
  /** how many extraction threads run at once */
  readonly parallelism: number;
  /** Validate an article and its query options; throws an `invalid` / `too_large` ServiceError. */
  parse(body: unknown, query?: Record<string, string | undefined>): ExtractRequest;
  /** Extract through the admission (see admission.ts): interactive first, bulk waits its turn. */
  extract(req: ExtractRequest, call?: ExtractCall): Promise<ExtractResponse>;
  /** slots in use and extractions waiting, by priority */
  readonly admission: Admission;
  /** Install the editors' user dictionary and deny list in every extraction thread. */
  setDictionary(entries: DictEntry[]): void;
  close(opts?: { drain?: boolean }): Promise<void>;
}

const flag = (v: string | undefined) => v === '1' || v === 'true';

abstract class BaseExtractor implements Extractor {
  abstract readonly kind: Extractor['kind'];
  abstract readonly engineNames: string[];
  abstract readonly pending: number;
  abstract readonly parallelism: number;
  abstract ready(): Promise<void>;
  abstract setDictionary(entries: DictEntry[]): void;
  abstract close(opts?: { drain?: boolean }): Promise<void>;
  /** the extraction itself, once admitted */
  protected abstract run(req: ExtractRequest): Promise<ExtractResponse>;
  private admitted: Admission | null = null;

  constructor(
    protected readonly limits: ExtractLimits,
    private readonly configuredEngine: string,
  ) {}

  /** Slots: what the extraction threads take at once (a pool worker holds two articles). */
  get admission(): Admission {
    return (this.admitted ??= new Admission(Math.max(1, this.parallelism * (this.kind === 'pool' ? 2 : 1)), this.limits.MAX_QUEUE ?? 64));
  }

  extract(req: ExtractRequest, call: ExtractCall = {}): Promise<ExtractResponse> {
    return this.admission.run(call.priority ?? 'interactive', () => this.run(req));
  }

  get defaultEngine(): string {
    return this.engineNames.includes(this.configuredEngine) ? this.configuredEngine : 'lexicon';
  }

  parse(body: unknown, query: Record<string, string | undefined> = {}): ExtractRequest {
    const q = ExtractQuery.safeParse(query);
    if (!q.success) throw validationError(q.error);
    const input = ArticleInput.safeParse(body);
    if (!input.success) throw validationError(input.error);
    const text = input.data.text ?? input.data.html ?? '';
    if (text.length > this.limits.MAX_TEXT_CHARS) {
      throw new ServiceError('too_large', 'text_too_large', `the article is longer than ${this.limits.MAX_TEXT_CHARS} characters`);
    }
    const engine = q.data.engine ?? this.defaultEngine;
    if (!this.engineNames.includes(engine)) {
      throw new ServiceError('invalid', 'unknown_engine', `unknown engine "${engine}"; available: ${this.engineNames.join(', ')}`);
    }
    return { input: input.data, engine, boilerplate: flag(q.data.boilerplate), tokens: flag(q.data.tokens) };
  }
}

/** Extraction in this thread, on one pipeline built once. */
export class InProcessExtractor extends BaseExtractor {
  readonly kind = 'in-process' as const;
  private running = 0;

  constructor(
    readonly pipeline: Pipeline,
    limits: ExtractLimits,
    configuredEngine: string,
  ) {
    super(limits, configuredEngine);
  }

  get engineNames(): string[] {
    return [...this.pipeline.engines.keys()];
  }

  get pending(): number {
    return this.running;
  }

  readonly parallelism = 1;

  async ready(): Promise<void> {}

  protected async run(req: ExtractRequest): Promise<ExtractResponse> {
    this.running++;
    try {
      return await extractArticle(this.pipeline, req.input, req);
    } finally {
      this.running--;
    }
  }

  setDictionary(entries: DictEntry[]): void {
    this.pipeline.dictionary.set(entries);
  }

  async close(): Promise<void> {}
}

/** Extraction on worker threads, each with its own pipeline, under the pool's deadline. */
export class PoolExtractor extends BaseExtractor {
  readonly kind = 'pool' as const;

  constructor(
    readonly pool: ExtractPool,
    limits: ExtractLimits,
    configuredEngine: string,
  ) {
    super(limits, configuredEngine);
  }

  get engineNames(): string[] {
    return this.pool.engineNames;
  }

  get pending(): number {
    return this.pool.pending;
  }

  get parallelism(): number {
    return this.pool.size;
  }

  ready(): Promise<void> {
    return this.pool.ready();
  }

  protected async run(req: ExtractRequest): Promise<ExtractResponse> {
    try {
      return await this.pool.extract(req.input, req);
    } catch (e) {
      // stopped because of the article itself (its deadline, its memory): 422, and a queue must not run it again
      if (e instanceof ExtractionStopped) throw new ServiceError('invalid', e.apiCode, e.message, undefined, false);
      if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new ServiceError('invalid', 'too_complex', 'the article needs more memory than an extraction worker may use', undefined, false);
      }
      throw e;
    }
  }

  setDictionary(entries: DictEntry[]): void {
    this.pool.setDictionary(entries);
  }

  close(opts?: { drain?: boolean }): Promise<void> {
    return this.pool.close(opts);
  }
}

/** In-process extraction over the given engines (tests, scripts). */
export function inProcessExtractor(engines: ReadonlyMap<string, NameEngine>, opts: { limits?: ExtractLimits; engine?: string } = {}): InProcessExtractor {
  return new InProcessExtractor(createPipeline({ engines }), opts.limits ?? { MAX_TEXT_CHARS: Number.MAX_SAFE_INTEGER }, opts.engine ?? 'model');
}
