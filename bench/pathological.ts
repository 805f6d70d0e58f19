/**
 * The worst inputs we could construct, timed through the whole extraction
 * (in-process, one thread, default engine and the lexicon): how long a
 * request holds a core before the deadline (REQUEST_DEADLINE_MS) matters.
 *
 *   npm run bench:pathological
 */
import { cpus } from 'node:os';
import { loadEngines } from '../src/pipeline/recognise/engines/registry.js';
import { loadConfig } from '../src/config.js';
import { extractArticle } from '../src/service/extract.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import type { ArticleInput } from '../src/contract/schemas.js';

const CASES: [string, ArticleInput][] = [
  ['a million repeated characters (株 × 1,000,000)', { text: '株'.repeat(1_000_000) }],
  ['one 560,000-character line of names, no sentence end', { text: ('株洲市发改委主任刘海宾介绍' + '，').repeat(40_000) }],
  ['20,000 tiny paragraphs (株洲。)', { text: '株洲。\n'.repeat(20_000) }],
  ['500,000 latin letters', { text: 'a'.repeat(500_000) }],
  ['200,000 digits before 万元', { text: '1'.repeat(200_000) + '万元' }],
  ['100,000 numbers with units', { text: '3.5亿美元、22.8%、549个，'.repeat(8_000) }],
  ['names and amounts interleaved (60,000 of each)', { text: '株洲市发改委投资3亿元，刘海宾出席22.8%，'.repeat(30_000) }],
  ['a road notice listing 30,000 streets', { text: '封路：' + '菜园路,'.repeat(30_000) }],
  ['30,000 stock codes after a listed name (小米（1810）)', { text: '小米（1810）'.repeat(30_000) }],
  ['HTML nested 10,000 deep', { html: '<div>'.repeat(10_000) + '株洲市发改委主任刘海宾' + '</div>'.repeat(10_000) }],
  ['HTML with 100,000 unclosed <b>', { html: '<b>'.repeat(100_000) + '株洲市发改委主任刘海宾' }],
  ["the issue's crash article (one sentence × 19,500)", { text: '株洲市发改委主任刘海宾介绍，去年6月投产后，预计今年产值过8000万元，同比增长22.8%。'.repeat(19_500) }],
  ['one paragraph of 16,000 days after one stated month (…3月5日…8日…)', { text: '2024年3月5日开幕，' + '会议于下午举行，共计十余场活动并有8日'.repeat(16_000), published: '2024-05-15' }],
  ['HTML with 50,000 entities', { html: '<p>' + '&amp;株'.repeat(50_000) + '</p>' }],
  ['UTF-8 bytes read as Latin-1 (294,000 characters)', { text: Buffer.from('株洲市发改委主任刘海宾介绍，'.repeat(7_000), 'utf8').toString('latin1') }],
];

const { engines } = await loadEngines({ ...loadConfig(), ENGINE: 'model', ORT_THREADS: cpus().length });
const pipeline = createPipeline({ engines });
for (const name of ['model', 'lexicon']) {
  if (!engines.has(name)) continue;
  await extractArticle(pipeline, { text: '株洲市发改委主任刘海宾介绍。' }, { engine: name });
  console.log(`engine ${name}`);
  for (const [label, input] of CASES) {
    const t0 = performance.now();
    const r = await extractArticle(pipeline, input, { engine: name });
    const ms = performance.now() - t0;
    const chars = (input.text ?? input.html ?? '').length;
    console.log(`  ${label.padEnd(56)} ${String(chars).padStart(9)} chars  ${(ms / 1000).toFixed(2).padStart(7)} s  ${String(r.mentions.length).padStart(7)} mentions`);
  }
}
