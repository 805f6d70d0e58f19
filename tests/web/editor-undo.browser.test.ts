/**
 * The editor's reject choices and undo in Chromium (playwright-core, Debian's chromium; skipped without it
 * outside CI): "not in this article" takes the name out of this article only (no deny entry), "never" writes
 * the deny list; both can be undone from the toast, the tag, or the keyboard (h, u).
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer } from './server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const run = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!run) console.warn(`[web tests] browser tests SKIPPED: ${CHROMIUM} not found (apt-get install chromium fonts-noto-cjk); in CI they run`);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const ARTICLE = ['湖南华菱钢铁集团有限责任公司董事长张三丰表示，公司将在长沙投资5亿元建设新工厂。', '蓝海星辰科技是一家新公司，王小明出席了会议。王小明说很好。'].join('\n\n');

describe.runIf(run)('editor page: reject choices and undo in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  let articleId = '';
  const tagByName = (name: string) => page.locator('#tags .tag', { has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) });
  const marks = (text: string) => page.locator('#article mark.m', { hasText: new RegExp(`^${text}$`) });
  const api = async (path: string) => (await fetch(server.url + path)).json();
  const denied = async () => (await api('/v1/dictionary')).entries.filter((e: { action: string }) => e.action === 'deny').map((e: { name: string }) => e.name);
  const storedNames = async () => (await api(`/v1/articles/${articleId}`)).result.mentions.map((m: { text: string }) => m.text);

  beforeAll(async () => {
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => console.error('[page error]', e));
    await page.goto(server.url + '/');
    await page.fill('#editor-name', '王编辑');
    await page.locator('#editor-name').dispatchEvent('change');
    await page.fill('#text', ARTICLE);
    await page.click('#analyse');
    await page.locator('#tags .tag').first().waitFor();
    articleId = await page.evaluate(() => (window as unknown as { __editor: { article: { id: string } } }).__editor.article.id);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('"not in this article": the name leaves this article only, with no deny entry; undo from the tag brings it back', async () => {
    expect(await marks('王小明').count()).toBe(2);
    await tagByName('王小明').locator('button.reject-here').click();
    await expect.poll(() => marks('王小明').count()).toBe(0);
    await expect.poll(() => tagByName('王小明').getAttribute('class')).toContain('rejected');
    expect(await tagByName('王小明').locator('.state').textContent()).toContain('not in this article');
    expect(await denied()).toEqual([]);
    expect(await storedNames()).not.toContain('王小明');
    // extracting again keeps it out of this article
    await page.click('#reextract');
    await page.locator('#tags .tag').first().waitFor();
    expect(await marks('王小明').count()).toBe(0);

    await tagByName('王小明').locator('button.undo').click();
    await expect.poll(() => marks('王小明').count()).toBe(2);
    expect(await tagByName('王小明').getAttribute('class')).not.toContain('rejected');
    expect(await storedNames()).toContain('王小明');
    const { decisions } = await api(`/v1/articles/${articleId}/decisions`);
    expect(decisions[0]).toMatchObject({ action: 'reject', scope: 'article', reverted_by: '王编辑' });
  });

  it('"never" writes the deny list; the toast offers undo, which removes the entry', async () => {
    await tagByName('王小明').locator('button.reject').click();
    await expect.poll(() => tagByName('王小明').getAttribute('class')).toContain('rejected');
    expect(await denied()).toEqual(['王小明']);
    await page.locator('#toast button.toast-action').click();
    await expect.poll(() => denied()).toEqual([]);
    await expect.poll(() => tagByName('王小明').getAttribute('class')).not.toContain('rejected');
    const fresh = await (
      await fetch(server.url + '/v1/extract', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: ARTICLE }) })
    ).json();
    expect(fresh.mentions.map((m: { text: string }) => m.text)).toContain('王小明');
  });

  it('keyboard: h rejects in this article, u undoes', async () => {
    await tagByName('王小明').focus();
    await page.keyboard.press('h');
    await expect.poll(() => marks('王小明').count()).toBe(0);
    await tagByName('王小明').focus();
    await page.keyboard.press('u');
    await expect.poll(() => marks('王小明').count()).toBe(2);
    expect(await denied()).toEqual([]);
  });
});
