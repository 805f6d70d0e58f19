/**
 * End to end in a real browser: Debian's Chromium driven by playwright-core
 * against the app on a random port (SQLite store in a temp dir, lexicon
 * engine). Highlight, tooltip, accept, reject, a new span, the rejected name
 * gone from the next extraction, the research page, a phone-width layout.
 * Screenshots go to $WEB_SCREENSHOTS (default: <tmpdir>/zh-news-ner-screenshots).
 *
 * Skipped, with a message, only when /usr/bin/chromium is absent and CI is
 * not set; in CI (`.ci/run` installs chromium and fonts-noto-cjk) they run.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer } from './server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const run = available || Boolean(process.env.CI);
if (!run) console.warn(`[web tests] browser tests SKIPPED: ${CHROMIUM} not found (apt-get install chromium fonts-noto-cjk); in CI they run`);

const SHOTS = process.env.WEB_SCREENSHOTS ?? join(tmpdir(), 'zh-news-ner-screenshots');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const ARTICLE = [
  '株洲市发改委主任刘海宾介绍，去年6月投产，產值過8000萬元。',
  '湖南华菱钢铁集团有限责任公司董事长张三丰表示，公司将在长沙投资5亿元建设新工厂。2023年3月17日，双方签署协议。',
  '蓝海星辰科技是一家新公司，王小明出席了会议。',
  '版权所有 © 2023 湘声网 未经授权不得转载',
].join('\n\n');

describe.runIf(run)('editor page in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  let articleId = '';

  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
  const tagByName = (name: string) => page.locator('#tags .tag', { has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) });
  const marks = (text: string) => page.locator('#article mark.m', { hasText: new RegExp(`^${text}$`) });
  const api = async (path: string, init?: RequestInit) => (await fetch(server.url + path, init)).json();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => console.error('[page error]', e));
    page.on('dialog', (d) => void d.accept('测试编辑'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    console.info(`[web tests] screenshots in ${SHOTS}`);
  });

  it('highlights every mention by type with a label, greys boilerplate, explains a mention on hover', async () => {
    await page.goto(server.url + '/');
    await page.fill('#editor-name', '王编辑');
    await page.locator('#editor-name').dispatchEvent('change');
    await page.fill('#title', '株洲新工厂投产');
    await page.fill('#text', ARTICLE);
    await page.click('#analyse');
    await page.locator('#tags .tag').first().waitFor();
    articleId = await page.evaluate(() => (window as unknown as { __editor: { article: { id: string } } }).__editor.article.id);
    expect(articleId).toMatch(/^a_/);

    // every mention of the result is a <mark> with its type's class and label; paragraphs as in the source
    const result = (await api(`/v1/articles/${articleId}`)).result;
    expect(await page.locator('#article mark.m').count()).toBe(result.mentions.length);
    expect(await page.locator('#article .para').count()).toBe(result.paragraphs.length);
    expect(await marks('刘海宾').getAttribute('class')).toContain('t-PERSON');
    expect(await marks('刘海宾').getAttribute('data-label')).toBe('人');
    expect(await page.locator('#article .para.boilerplate').textContent()).toContain('版权所有');
    // the rendered text is the article's text, character for character
    const rendered = await page.locator('#article .para').allTextContents();
    expect(rendered).toEqual(result.paragraphs.map((p: { text: string }) => p.text));

    await marks('8000萬元').hover();
    await expect.poll(() => page.locator('#tip').textContent()).toContain('80,000,000 CNY');
    await marks('去年6月').hover();
    await expect.poll(() => page.locator('#tip').textContent()).toContain('2022-06-01 – 2022-06-30');
    await marks('刘海宾').hover();
    const tip = await page.locator('#tip').textContent();
    expect(tip).toContain('Person');
    expect(tip).toContain('刘海宾');
    expect(tip).toMatch(/置信度 Confidence\d+%/);

    // clicking a tag highlights all its mentions
    await tagByName('张三丰').locator('.name').click();
    await expect.poll(() => page.locator('#article mark.hl').allTextContents()).toEqual(['张三丰']);
    await shot('editor-highlight');
  });

  it('accepts a tag with the keyboard; the decision is stored with who and when', async () => {
    await tagByName('刘海宾').focus();
    await page.keyboard.press('a');
    await expect.poll(() => tagByName('刘海宾').getAttribute('class')).toContain('accepted');
    const { decisions } = await api(`/v1/articles/${articleId}/decisions`);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ action: 'accept', name: '刘海宾', type: 'PERSON', editor: '王编辑' });
    expect(Date.parse(decisions[0].created_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('rejects a false name; it disappears from the next extraction', async () => {
    await tagByName('王小明').locator('button.reject').click();
    await expect.poll(() => tagByName('王小明').getAttribute('class')).toContain('rejected');
    expect(await marks('王小明').getAttribute('class')).toContain('rejected');
    const dict = await api('/v1/dictionary');
    expect(dict.entries).toContainEqual(expect.objectContaining({ name: '王小明', type: 'PERSON', action: 'deny' }));
    await shot('editor-rejected');

    // the next extraction, in the page and through the API, no longer finds it
    await page.click('#reextract');
    await expect.poll(() => marks('王小明').count()).toBe(0);
    expect(await tagByName('王小明').count()).toBe(0);
    const fresh = await api('/v1/extract', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: ARTICLE }) });
    expect(fresh.mentions.map((m: { text: string }) => m.text)).not.toContain('王小明');
    expect(fresh.mentions.map((m: { text: string }) => m.text)).toContain('刘海宾');
  });

  it('tags a missed span selected in the article', async () => {
    expect(await marks('蓝海星辰科技').count()).toBe(0);
    // select the characters as a reader would (a range over the text node), then release the mouse
    await page.evaluate(() => {
      const run = [...document.querySelectorAll('#article .r')].find((r) => r.textContent!.includes('蓝海星辰科技'))!;
      const node = run.firstChild!;
      const at = node.textContent!.indexOf('蓝海星辰科技');
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 6);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      document.querySelector('#article')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    await page.locator('#selbox').waitFor({ state: 'visible' });
    expect(await page.locator('#sel-text').textContent()).toBe('蓝海星辰科技');
    await page.selectOption('#sel-type', 'COMPANY');
    await shot('editor-selection');
    await page.click('#sel-add');
    await expect.poll(() => marks('蓝海星辰科技').count()).toBe(1);
    expect(await marks('蓝海星辰科技').getAttribute('class')).toContain('t-COMPANY');
    expect(await tagByName('蓝海星辰科技').count()).toBe(1);
    const { decisions } = await api(`/v1/articles/${articleId}/decisions`);
    expect(decisions.map((d: { action: string }) => d.action)).toEqual(['accept', 'reject', 'add']);
    expect(decisions[2]).toMatchObject({ name: '蓝海星辰科技', type: 'COMPANY', editor: '王编辑' });
    // the picture for the README: a tag's mentions highlighted, a mention explained
    await tagByName('张三丰').locator('.name').click();
    await marks('8000萬元').hover();
    await page.locator('#tip').waitFor({ state: 'visible' });
    await page.evaluate(() => (document.querySelector('#toast')!.className = 'toast'));
    await page.waitForTimeout(300); // the toast fades out
    await shot('editor', false);
  });

  it('moves through the tags with j / k, outlines their mentions, clears with Esc', async () => {
    await page.locator('#article h2').click();
    await page.keyboard.press('j');
    const first = await page.locator('#tags .tag.current .name').textContent();
    expect(await page.locator('#article mark.hl').count()).toBeGreaterThan(0);
    await page.keyboard.press('j');
    expect(await page.locator('#tags .tag.current .name').textContent()).not.toBe(first);
    await page.keyboard.press('k');
    expect(await page.locator('#tags .tag.current .name').textContent()).toBe(first);
    expect(await page.locator('#article mark.hl').allTextContents()).toContain(first);
    await page.keyboard.press('Escape');
    expect(await page.locator('#article mark.hl').count()).toBe(0);
  });

  it('takes an HTML snippet, and shows markup in pasted text as text', async () => {
    const p2 = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    let dialogs = 0;
    p2.on('dialog', (d) => (dialogs++, void d.dismiss()));
    await p2.goto(server.url + '/');
    await p2.fill('#text', '<p>张三丰在<b>长沙</b>考察。</p><p>责任编辑：李四</p>');
    await p2.click('#analyse');
    await p2.locator('#article mark.m').first().waitFor();
    expect(await p2.locator('#article mark.m').allTextContents()).toEqual(expect.arrayContaining(['张三丰', '长沙']));
    expect(await p2.locator('#article').textContent()).not.toContain('<b>');

    const hostile = '王小红在北京说：<img src=x onerror="alert(1)"><script>alert(2)</script>好。';
    await p2.locator('#input-card summary').click();
    await p2.fill('#text', hostile);
    await p2.click('#analyse');
    await expect.poll(() => p2.locator('#article .para').first().textContent()).toContain('<img src=x');
    expect(await p2.locator('#article img, #article script').count()).toBe(0);
    expect(dialogs).toBe(0);
    await p2.close();
  });

  it('opens a stored article by id, with its decisions', async () => {
    const p2 = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await p2.goto(`${server.url}/#article=${articleId}`);
    await p2.locator('#tags .tag').first().waitFor();
    expect(await p2.locator('#tags .tag.accepted .name', { hasText: '刘海宾' }).count()).toBe(1);
    expect(await p2.locator('#article mark.m', { hasText: '蓝海星辰科技' }).count()).toBe(1);
    await p2.close();
  });

  it('fits a phone', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await phone.goto(`${server.url}/#article=${articleId}`);
    await phone.locator('#tags .tag').first().waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await phone.screenshot({ path: join(SHOTS, 'editor-phone.png') });
    await phone.close();
  });

  it('research page: search stored entities, chart and passages', async () => {
    await api('/v1/articles', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '张三丰今天在长沙考察。', published: '2023-05-02' }),
    });
    await page.goto(server.url + '/research');
    await page.fill('#q', '张三');
    await page.selectOption('#type', 'PERSON');
    await page.click('#search button[type=submit]');
    await page.locator('table.results button.linkish', { hasText: '张三丰' }).click();
    await page.locator('#detail .passage').first().waitFor();
    // 2023-03, an empty 2023-04, 2023-05
    expect(await page.locator('#detail .chart rect').count()).toBe(3);
    expect(await page.locator('#detail').textContent()).not.toContain('null');
    expect(await page.locator('#detail .passage mark').allTextContents()).toContain('张三丰');
    await shot('research');
  });
});
