/** The modern-news evaluation set: every annotated file passes the mechanical checks, and the built files are up to date. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEWS_DIR, buildSet, checkValue, parseArticle, renderBuilt, trainingLinesIn } from '../../scripts/news-set.js';

const HEADER = ['id: t-1', 'source: test', 'url: -', 'licence: test', 'region: CN', 'published: 2024-05-10', 'published_basis: test', 'kind: test', '---'].join('\n');

describe('the annotation format', () => {
  it('builds text and offsets from inline marks, pinyin inside the span', () => {
    const { article, problems } = parseArticle('t.txt', `${HEADER}\n[[长(zhǎng)沙(shā)|LOCATION]]投资[[5亿元|MONEY|{"amount":500000000,"currency":"CNY"}]]。`, 'b');
    expect(problems).toEqual([]);
    expect(article!.text).toBe('长(zhǎng)沙(shā)投资5亿元。');
    for (const m of article!.mentions) expect(article!.text.slice(m.start, m.end)).toBe(m.text);
    expect(article!.mentions[0]).toMatchObject({ start: 0, end: 14, type: 'LOCATION' });
  });

  it('refuses broken marks, unknown types, missing or malformed values, generic words as warnings', () => {
    const errs = (body: string) => parseArticle('t.txt', `${HEADER}\n${body}`, 'b').problems.map((p) => `${p.level}:${p.message}`);
    expect(errs('[[长沙|PLACE]]')).toEqual([expect.stringContaining('unknown type PLACE')]);
    expect(errs('[[长沙|LOCATION')).toEqual([expect.stringContaining('broken mark'), expect.stringContaining('no mentions')]);
    expect(errs('[[5亿元|MONEY]]')[0]).toContain('needs a value');
    expect(errs('[[5亿元|MONEY|{"amount":5}]]')[0]).toContain('currency');
    expect(errs('[[公司|COMPANY]]')).toEqual([expect.stringMatching(/^warning:.*generic/)]);
  });

  it('refuses an article that quotes corpus lines the training annotations hold', () => {
    // xwlb_chinadata/part-001:40204 is the first line of training/annotations/batch-1.jsonl
    expect(trainingLinesIn('shared/data/corpus xwlb_chinadata part-001 lines 40200-40210 (CCTV)')).toContain('part-001:40204');
    expect(trainingLinesIn('shared/data/corpus xwlb_chinadata part-001 lines 1-3 (CCTV)')).toEqual([]);
    expect(trainingLinesIn('新华网')).toEqual([]);
  });
  it('checks values', () => {
    expect(checkValue('DATE', { start: '2024-05-31', end: '2024-05-01', grain: 'day' })).toEqual(['start is after end']);
    expect(checkValue('DATE', { start: 'XXXX-06-09', end: 'XXXX-06-09', grain: 'day' })).toEqual([]);
    expect(checkValue('DATE', { start: '2024-02-30', end: '2024-02-30', grain: 'day' })[0]).toContain('not a calendar date');
    expect(checkValue('PERCENT', { value: 3, unit: 'percentage_point' })).toEqual([]);
    expect(checkValue('MONEY', { amount: 9, amount_max: 8, currency: 'CNY' })[0]).toContain('amount_max');
    expect(checkValue('QUANTITY', { value: Infinity, unit: 'm' })[0]).toContain('finite');
    expect(checkValue('QUANTITY', { value: 2, unit: '個' })[0]).toContain('simplified');
  });
});

describe('eval/news', () => {
  it('every annotated file passes the checks and train.jsonl / dev.jsonl / test.jsonl / SOURCES.md are up to date', () => {
    const { articles, problems } = buildSet();
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(articles.length).toBeGreaterThanOrEqual(40);
    expect(articles.reduce((n, a) => n + a.mentions.length, 0)).toBeGreaterThanOrEqual(2000);
    for (const [name, content] of Object.entries(renderBuilt(articles))) {
      const file = join(NEWS_DIR, name);
      expect(existsSync(file), `${name} is built`).toBe(true);
      expect(readFileSync(file, 'utf8') === content, `${name} is stale: run npx tsx scripts/news-set.ts`).toBe(true);
    }
    for (const a of articles) {
      const spans = [...a.mentions].sort((x, y) => x.start - y.start);
      spans.forEach((m, i) => {
        expect(a.text.slice(m.start, m.end)).toBe(m.text);
        if (i) expect(m.start, `${a.id}: «${m.text}» overlaps the mention before it`).toBeGreaterThanOrEqual(spans[i - 1].end);
      });
    }
  });
});
