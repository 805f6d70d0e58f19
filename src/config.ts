/** Configuration from the environment, validated at start with a clear message on a bad value. */
import { z } from 'zod';

const Config = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** maximum request body, bytes */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  /** maximum article text, characters */
  MAX_TEXT_CHARS: z.coerce.number().int().positive().default(1_000_000),
  /** default name engine: model | lexicon */
  ENGINE: z.enum(['model', 'lexicon']).default('model'),
  /** a folder with the NER model (default: models/ner) */
  MODEL_DIR: z.string().optional(),
  /** a jieba user dictionary loaded at start (word [freq] [pos] per line) */
  USER_DICT: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof Config>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Config.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
