/** Read-only access to jieba's main dictionary (`word freq tag` per line), for word-frequency evidence. */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

/**
 * Words of jieba's dictionary for which `keep(word, freq, tag)` holds (empty set if the file is missing).
 * With `among`, only those words are looked at, and the other lines are skipped without parsing them: the
 * dictionary has 349,000 lines, and a parse of each left tens of megabytes of garbage behind at start-up.
 */
export function scanJiebaDict(keep: (word: string, freq: number, tag: string) => boolean, among?: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  let dict: string;
  try {
    dict = readFileSync(require.resolve('nodejieba/submodules/cppjieba/dict/jieba.dict.utf8'), 'utf8');
  } catch {
    return out;
  }
  const lengths = among ? new Set([...among].map((w) => w.length)) : null;
  for (let at = 0; at < dict.length; ) {
    let nl = dict.indexOf('\n', at);
    if (nl < 0) nl = dict.length;
    const sp = dict.indexOf(' ', at);
    if (sp > at && sp < nl && (!lengths || lengths.has(sp - at))) {
      const word = dict.slice(at, sp);
      if (!among || among.has(word)) {
        const sp2 = dict.indexOf(' ', sp + 1);
        if (sp2 > sp && sp2 < nl) {
          const tag = dict.slice(sp2 + 1, nl).trim();
          if (tag && keep(word, Number(dict.slice(sp + 1, sp2)), tag)) out.add(word);
        }
      }
    }
    at = nl + 1;
  }
  return out;
}

let nouns: Set<string> | null = null;
/** Common nouns: words of 2–4 characters that jieba's dictionary tags `n` with a frequency of 100 or more (`龙眼`, `小米`). */
export function commonNouns(): ReadonlySet<string> {
  nouns ??= scanJiebaDict((w, freq, tag) => tag === 'n' && freq >= 100 && w.length >= 2 && w.length <= 4);
  return nouns;
}
