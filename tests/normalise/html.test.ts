import { describe, expect, it } from 'vitest';
import { htmlToText, isoDate } from '../../src/pipeline/normalise/html.js';

const body = '这是一段很长的正文内容，株洲市发改委主任介绍了今年的重点项目。'.repeat(8);

describe('htmlToText', () => {
  it('extracts the article as paragraphs, decoding entities and dropping scripts and styles', () => {
    const html = `<!doctype html><html><head><title>株洲 &amp; 经济</title>
      <meta property="article:published_time" content="2023-03-17T08:00:00+08:00">
      <style>p { color: red }</style><script>var x = "<p>脚本</p>";</script></head>
      <body><nav><a href="/">首页</a> <a href="/news">新闻</a></nav>
      <article><h1>标题</h1><p>株洲&nbsp;抢抓“窗口期”，  加速经济
      复苏。${body}</p><p>第二段<br>换行<script>alert(1)</script>文字 &lt;b&gt; &#x4e2d;</p>
      <div>块<span>内</span>文字</div></article><footer>版权所有</footer></body></html>`;
    const r = htmlToText(html);
    const paras = r.text.split('\n');
    expect(paras).toContain('第二段');
    expect(paras).toContain('换行文字 <b> 中');
    expect(paras).toContain('块内文字');
    expect(paras.find((p) => p.startsWith('株洲'))).toMatch(/^株洲 抢抓“窗口期”， 加速经济复苏。这是/);
    expect(r.text).not.toMatch(/alert|脚本|color/);
    expect(r.title).toBe('株洲 & 经济');
    expect(r.published).toBe('2023-03-17');
  });

  it('falls back to body text when Readability finds nothing', () => {
    expect(htmlToText('<p>短文本</p><div>第二块</div>').text).toBe('短文本\n第二块');
    expect(htmlToText('<script>x()</script>纯文本').text).toBe('纯文本');
    expect(htmlToText('')).toEqual({ text: '', title: null, published: null });
  });

  it('survives malformed and deeply nested HTML quickly', () => {
    const t0 = Date.now();
    const deep = '<div>'.repeat(10000) + '深层文字' + '</div>'.repeat(10000);
    expect(htmlToText(deep).text).toBe('深层文字');
    const unclosed = '<div>'.repeat(10000) + '没有关闭';
    expect(htmlToText(unclosed).text).toBe('没有关闭');
    const bad = htmlToText('<p>unclosed <b><i>x</b> <div><table><tr><td>a<td>b</table> &bogus; <!-- c --> <');
    expect(bad.text.split('\n').slice(0, 4)).toEqual(['unclosed x', 'a', 'b', '&bogus;']);
    expect(Date.now() - t0).toBeLessThan(10000);
  });

  it('reads the publication date from several kinds of metadata', () => {
    const wrap = (head: string, b = '') => `<html><head>${head}</head><body>${b}<p>正文</p></body></html>`;
    expect(htmlToText(wrap('<meta name="pubdate" content="2023/3/7">')).published).toBe('2023-03-07');
    expect(htmlToText(wrap('<meta itemprop="datePublished" content="2021-12-01">')).published).toBe('2021-12-01');
    expect(
      htmlToText(wrap('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-1-5 10:00"}</script>'))
        .published,
    ).toBe('2022-01-05');
    expect(htmlToText(wrap('', '<time datetime="2020-02-29T10:00">昨天</time>')).published).toBe('2020-02-29');
    expect(htmlToText(wrap('<meta name="pubdate" content="not a date">')).published).toBeNull();
  });
});

describe('isoDate', () => {
  it('normalises and validates dates', () => {
    expect(isoDate('2023年3月17日 08:00')).toBe('2023-03-17');
    expect(isoDate('20230317')).toBe('2023-03-17');
    expect(isoDate('2023-02-30')).toBeNull();
    expect(isoDate(null)).toBeNull();
  });
});
