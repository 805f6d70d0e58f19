import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultModelDir } from '../../src/pipeline/recognise/model/index.js';

/** meta.json as far as these tests edit it: its graph files (one, or an ensemble's members) */
type ModelMeta = Record<string, unknown> & { files: Record<string, unknown> & { model: string | string[] } };

/**
 * A copy of the shipped model folder in a temporary directory, for a test that edits its meta.json (`writeMeta`);
 * the copy is removed after `fn`, whatever it does.
 */
export async function withModelCopy<T>(fn: (copy: { dir: string; meta: ModelMeta; writeMeta: (meta: ModelMeta) => void }) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ner-model-'));
  try {
    cpSync(defaultModelDir(), dir, { recursive: true });
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as ModelMeta;
    return await fn({ dir, meta, writeMeta: (m) => writeFileSync(join(dir, 'meta.json'), JSON.stringify(m)) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
