/** What the HTTP layer needs from the rest of the service. */
import type { NameEngine } from '../pipeline/recognise/engine.js';
import type { Config } from '../config.js';

export interface Services {
  config: Pick<Config, 'MAX_BODY_BYTES' | 'MAX_TEXT_CHARS'>;
  /** name engines by id */
  engines: ReadonlyMap<string, NameEngine>;
  /** the engine used when the request names none */
  defaultEngine: string;
}
