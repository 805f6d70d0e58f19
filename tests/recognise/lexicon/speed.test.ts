import { describe, expect, it } from 'vitest';
import { segment } from '../../../src/pipeline/segment/jieba.js';
import { LexiconEngine, recogniseLexicon } from '../../../src/pipeline/recognise/lexicon/index.js';
import { SAMPLE_ARTICLE } from './sample-article.js';

/** chars/s of `fn` over `text` (best of 3 rounds of ~300 ms). */
function throughput(text: string, fn: (t: string) => unknown): number {
  let best = 0;
  for (let round = 0; round < 3; round++) {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 300) {
      fn(text);
      n++;
    }
    best = Math.max(best, (n * text.length) / ((performance.now() - t0) / 1000));
  }
  return best;
}

describe('speed', () => {
  it('segment + recogniseLexicon stay well above 50,000 chars/s', () => {
    let text = SAMPLE_ARTICLE;
    while (text.length < 3000) text += '\n' + SAMPLE_ARTICLE;
    text = text.slice(0, 3000);
    LexiconEngine.warm();
    const seg = throughput(text, segment);
    const both = throughput(text, (t) => recogniseLexicon(t, segment(t)));
    console.log(`segment: ${Math.round(seg)} chars/s; segment+lexicon: ${Math.round(both)} chars/s (${text.length} chars)`);
    // generous bound so the test holds on slow shared CI machines
    expect(both).toBeGreaterThan(50_000);
  });
});
