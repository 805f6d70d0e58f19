/**
 * The research page's comparison in Chromium (playwright-core, Debian's chromium; skipped without it
 * outside CI, like editor.browser.test.ts): several names over time through /v1/query, day / week /
 * month, normalised by the articles in each period, co-occurrence as a ranked list and a network,
 * and the table on screen downloaded as CSV.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer } from './server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const run = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!run) console.warn(`[web tests] browser tests SKIPPED: ${CHROMIUM} not found (apt-get install chromium fonts-noto-cjk); in CI they run`);
const SHOTS = process.env.WEB_SCREENSHOTS ?? join(tmpdir(), 'zh-news-ner-screenshots');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const ARTICLES = [
  { text: '张三丰在长沙考察。', published: '2023-03-06' },
  { text: '发改委主任刘海宾在长沙会见张三丰。', published: '2023-03-08' },
  { text: '发改委主任刘海宾在株洲调研。', published: '2023-04-10' },
  { text: '王小明在北京开会。', published: '2023-05-02' },
];

describe.runIf(run)('research page: compare in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  const rows = () => page.locator('#cmp-table tbody tr');
  const cells = async (i: number) => page.locator('#cmp-table tbody tr').nth(i).locator('td').allTextContents();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    for (const a of ARTICLES) {
      const res = await fetch(server.url + '/v1/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });
      expect(res.status).toBe(201);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
    page = await ctx.newPage();
    page.on('pageerror', (e) => console.error('[page error]', e));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('compares several names month by month: one line each, a row per month, gaps as zero', async () => {
    await page.goto(server.url + '/research');
    // a name added from the entity list
    await page.fill('#q', '张三');
    await page.click('#search button[type=submit]');
    await page.locator('table.results tr', { hasText: '张三丰' }).locator('button.add-compare').click();
    expect(await page.inputValue('#cmp-names')).toBe('张三丰');
    await page.fill('#cmp-names', '张三丰、刘海宾, 长沙');
    await page.click('#cmp-run');
    await expect.poll(() => page.locator('#cmp-chart polyline.series').count()).toBe(3);
    expect(await page.locator('#cmp-chart polyline.series').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-name')))).toEqual(['张三丰', '刘海宾', '长沙']);
    expect(await rows().count()).toBe(3);
    expect(await cells(0)).toEqual(['2023-03', '2', '2', '1', '2']);
    expect(await cells(1)).toEqual(['2023-04', '1', '0', '1', '0']);
    expect(await cells(2)).toEqual(['2023-05', '1', '0', '0', '0']);
    await page.locator('#compare').screenshot({ path: join(SHOTS, 'research-compare.png') });
  });

  it('switches to weeks and days (a new query), and normalises by the articles in each period', async () => {
    await page.selectOption('#cmp-bucket', 'week');
    await expect.poll(() => rows().count()).toBe(9); // Mondays 2023-03-06 … 2023-05-01
    expect((await cells(0))[0]).toBe('2023-03-06');
    await page.selectOption('#cmp-bucket', 'day');
    await expect.poll(() => rows().count()).toBe(58); // 2023-03-06 … 2023-05-02
    await page.selectOption('#cmp-bucket', 'month');
    await expect.poll(() => rows().count()).toBe(3);
    await page.check('#cmp-norm');
    expect(await cells(0)).toEqual(['2023-03', '2', '1', '0.5', '1']);
    expect(await cells(1)).toEqual(['2023-04', '1', '0', '1', '0']);
    await page.selectOption('#cmp-metric', 'mentions');
    expect((await cells(0))[0]).toBe('2023-03');
  });

  it('shows co-occurrence as a ranked list and a small network', async () => {
    const items = await page.locator('#cmp-pairs li').allTextContents();
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^张三丰 – 长沙 2/);
    expect(await page.locator('#cmp-network circle').count()).toBe(3);
    // an edge for every pair that shares an article
    expect(await page.locator('#cmp-network line').count()).toBe(3);
    const widths = await page.locator('#cmp-network line').evaluateAll((ls) => ls.map((l) => Number(l.getAttribute('stroke-width'))));
    expect(Math.max(...widths)).toBeGreaterThan(Math.min(...widths));
  });

  it('downloads what is on screen as CSV', async () => {
    await page.selectOption('#cmp-metric', 'articles');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#cmp-download')]);
    expect(download.suggestedFilename()).toBe('compare-month-normalised.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('period,articles_in_period,张三丰 (articles per article),刘海宾 (articles per article),长沙 (articles per article)');
    expect(lines.slice(1)).toEqual(['2023-03,2,1,0.5,1', '2023-04,1,0,1,0', '2023-05,1,0,0,0']);
  });
});
