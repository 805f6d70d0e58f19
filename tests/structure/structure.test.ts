import { describe, expect, it } from 'vitest';
import { findParagraphs } from '../../src/pipeline/structure/paragraphs.js';
import { classifyBoilerplate } from '../../src/pipeline/structure/boilerplate.js';
import { splitSentences } from '../../src/pipeline/structure/sentences.js';

describe('paragraphs', () => {
  it('splits on line breaks, trims, skips blank lines', () => {
    const text = '  第一段。\n\n第二段\r\n　第三段 ';
    const ps = findParagraphs(text);
    expect(ps.map((p) => text.slice(p.start, p.end))).toEqual(['第一段。', '第二段', '第三段']);
    expect(ps.map((p) => p.index)).toEqual([0, 1, 2]);
  });
  it('handles text without line breaks and empty text', () => {
    expect(findParagraphs('一句话')).toEqual([{ index: 0, start: 0, end: 3 }]);
    expect(findParagraphs('\n \n')).toEqual([]);
  });
});

describe('boilerplate', () => {
  const article = [
    '株洲市有各类经营主体42.1万余户，同比增长22.8%。',
    '“今年肯定再创新高！”株洲市优化营商环境协调事务中心负责人信心满满。',
    '新化月报网报料热线:886 2395@qq.com',
    '相关文章',
    '你可能会喜欢',
    '最近更新',
    '- 株洲抢抓“窗口期”,加速经济复苏——制造名城按下发展“快进键”2023-03-17',
    '- 怀化国际陆港首次跨境运输大型设备2023-03-17',
    '- 上海:2023年首批供地19宗 总起始价483.4亿元2023-03-17',
  ];
  it('marks the headline list, the markers and the hotline line, not the article', () => {
    expect(classifyBoilerplate(article)).toEqual([false, false, true, true, true, true, true, true, true]);
  });
  it('marks copyright and editor lines', () => {
    expect(classifyBoilerplate(['正文第一段，内容很长很长。', '版权所有 © 2023 某某网 未经授权不得转载', '(责任编辑:张三)'])).toEqual([false, true, false]); // the editor is a PERSON (bylines.ts)
  });

  it('a bulleted block of the page\'s metadata is the byline and dateline, not a list of links', () => {
    expect(classifyBoilerplate(['- 信息来源:唐春杰 顾日升 沈兆捷', '- 发布日期:2024-02-18 15:26', '- 浏览次数:', '“新的一年,我们将全力开启发展新征程。”'])).toEqual([false, false, false, false]);
    // three headlines with bullets still are
    expect(classifyBoilerplate(['正文。', '- 长沙出台新政支持企业', '- 株洲举办招商大会', '- 湘潭新区项目签约'])).toEqual([false, true, true, true]);
  });
  it("keeps bullets that a line ending in a colon introduces: the article's own list of figures", () => {
    const article = ['紫金矿业发布三季报，营收同比增长。', '前三季度核心业务进展：', '• 矿产金产量65吨，同比增长20%', '• 矿产铜产量83万吨，同比增长5%', '• 碳酸锂产量1.1万吨', '相关新闻', '• 某地发布新政', '• 某企业签约'];
    expect(classifyBoilerplate(article)).toEqual([false, false, false, false, false, true, true, true]);
    expect(classifyBoilerplate(['正文。', '• 标题一', '• 标题二', '• 标题三'])).toEqual([false, true, true, true]);
  });
  it("marks a related article's link written on its marker's line (相关新闻：…), not a sentence that opens so", () => {
    expect(classifyBoilerplate(['正文。', '相关新闻：跟进九龙湾站指示牌还原 田北辰：退休前给淘大花园居民的礼物', '延伸阅读：长沙发布新政。这是正文的一句。'])).toEqual([false, true, false]);
  });
  it("keeps the original headline a repost quotes (原标题): the article's own words", () => {
    expect(classifyBoilerplate(['(原标题:2025年8月份居民消费价格同比下降0.4%)', '正文。', '版权所有，未经授权不得转载'])).toEqual([false, false, true]);
  });
  it('keeps a dateline that carries an editor credit or an originality mark (article content by the contract)', () => {
    expect(classifyBoilerplate(['2025年11月20日 08:00 来源:央视新闻客户端 编辑:徐世杰', '©原创   2024-05-23 14:44', '正文。'])).toEqual([false, false, false]);
  });
  it('marks a run of dated headlines even without a marker', () => {
    const flags = classifyBoilerplate(['正文。', '标题一2023-03-17', '标题二2023-03-17', '标题三2023-03-16']);
    expect(flags).toEqual([false, true, true, true]);
  });
  it("keeps a notice's list whose items are clauses closed by ; or 。", () => {
    expect(classifyBoilerplate(['封闭交通', '- 介乎天津街与波尔图街之间的一段菜园路;', '- 介乎卓家村路与天津街之间的一段天津街;', '- 卓家村路。'])).toEqual([false, false, false, false]);
    expect(classifyBoilerplate(['正文。', '- 某地举行招商推介会', '- 某市出台新政', '- 某公司发布年报'])).toEqual([false, true, true, true]);
  });
  it('keeps ordinary paragraphs that mention a phone-like number or a list of items', () => {
    expect(classifyBoilerplate(['公司电话会议于3月举行，会上通报了产值。', '1. 加快项目建设，推动经济复苏。'])).toEqual([false, false]);
  });
});

describe('sentences', () => {
  it('splits after terminal punctuation and keeps closing quotes', () => {
    const t = '“前两个月，销量都超过最高纪录。”董事长告诉记者！真的吗？是的';
    const ss = splitSentences(t, { start: 0, end: t.length }).map((s) => t.slice(s.start, s.end));
    expect(ss).toEqual(['“前两个月，销量都超过最高纪录。”', '董事长告诉记者！', '真的吗？', '是的']);
  });
  it('respects the paragraph span', () => {
    const t = 'xx甲。乙。yy';
    expect(splitSentences(t, { start: 2, end: 6 })).toEqual([
      { start: 2, end: 4 },
      { start: 4, end: 6 },
    ]);
  });
});
