/**
 * Training records from the evaluation set's train split (eval/news/train.jsonl: half of what was dev, `splitOf` in
 * news-set.ts; MODEL_CARD round 13): each article runs through the service's normalisation, structure and sentence
 * steps, and its gold names are mapped into the text the model sees (normalised, simplified), one record per
 * sentence, offsets in code points as Python counts them. Dev stays for choices; test is never touched.
 *
 *   npx tsx scripts/news-train.ts OUT.jsonl
 *
 * OUT.jsonl goes to $NER_BUILD/newsart/newsart.jsonl, where training/prepare.py reads it as the `newsart` corpus.
 */
import { writeFileSync } from 'node:fs';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { extractArticle } from '../src/service/extract.js';
import type { NameEngine } from '../src/pipeline/recognise/engines/name-engine.js';
import type { Doc, Sentence } from '../src/pipeline/doc.js';
import { isNameType } from '../src/pipeline/entity-types.js';
import { readNewsSplit } from './eval-news.js';

async function main() {
  const [out] = process.argv.slice(2);
  if (!out) throw new Error('usage: news-train.ts OUT.jsonl');
  // a name engine that finds nothing and keeps what the model would have been given
  let seen: { doc: Doc; sentences: readonly Sentence[] } | null = null;
  const capture: NameEngine = {
    name: 'capture',
    model: 'capture',
    async recognise(doc, sentences) {
      seen = { doc, sentences };
      return [];
    },
  };
  const pipeline = createPipeline({ engines: new Map([['capture', capture]]) });
  const rows: string[] = [];
  let articles = 0;
  let kept = 0;
  let names = 0;
  for (const a of readNewsSplit('train') ?? []) {
    articles++;
    seen = null;
    await extractArticle(pipeline, { text: a.text, published: a.published }, { engine: 'capture' });
    const { doc, sentences } = seen!;
    const gold = a.mentions.filter((m) => isNameType(m.type)).map((m) => ({ ...doc.norm.fromOriginal(m.start, m.end), type: m.type }));
    for (const s of sentences) {
      const spans = gold.filter((g) => g.start >= s.start && g.end <= s.end && g.end > g.start).sort((x, y) => x.start - y.start);
      const disjoint = spans.filter((g, k) => k === 0 || g.start >= spans[k - 1].end);
      kept += disjoint.length;
      const text = doc.norm.text.slice(s.start, s.end);
      const cp = (i: number) => [...text.slice(0, i)].length; // Python indexes code points (an emoji is one character)
      rows.push(JSON.stringify({ id: `${a.id}@${s.start}`, text, spans: disjoint.map((g) => [cp(g.start - s.start), cp(g.end - s.start), g.type]) }));
    }
    names += gold.length;
  }
  writeFileSync(out, rows.join('\n') + '\n');
  console.log(`${articles} articles -> ${rows.length} sentences, ${kept} names (${names - kept} across a sentence boundary or overlapping)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
