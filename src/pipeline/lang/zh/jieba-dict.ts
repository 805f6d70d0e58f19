/** Read-only access to jieba's main dictionary (`word freq tag` per line), for word-frequency evidence. */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

/** Words of jieba's dictionary for which `keep(word, freq, tag)` holds (empty set if the file is missing). */
export function scanJiebaDict(keep: (word: string, freq: number, tag: string) => boolean): Set<string> {
  const out = new Set<string>();
  let dict: string;
  try {
    dict = readFileSync(require.resolve('nodejieba/submodules/cppjieba/dict/jieba.dict.utf8'), 'utf8');
  } catch {
    return out;
  }
  for (const line of dict.split('\n')) {
    const [word, freq, tag] = line.trim().split(' ');
    if (word && tag && keep(word, Number(freq), tag)) out.add(word);
  }
  return out;
}
